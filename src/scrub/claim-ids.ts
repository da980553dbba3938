import type { SourceRef } from './result';

// The claim ids of a batch, to find an id used twice (integrity/duplicate-claim-id). A nightly batch has
// millions of claims, and a Map of id strings to source objects costs ~150 bytes a claim (1,000,000 claims
// ran a capped heap out of memory). So each id is kept as two independent 32-bit hashes in an open-
// addressing table, with where it was first seen: ~15 bytes a slot, at most half the slots used.
// Two different ids collide only when both hashes agree (about 1 in 2^64 per pair: for 10^7 ids, a
// chance of ~3 in a million per batch of a false "used twice").

const EMPTY_FILE = 0xffff;
const WHERE_KINDS = ['line', 'record'] as const;

/** Two FNV-1a style 32-bit hashes of the UTF-16 code units, with different bases and primes. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13;
  b ^= b >>> 16; b = Math.imul(b, 0xc2b2ae35); b ^= b >>> 16;
  return [a | 0, (b | 0) || 1]; // b = 0 marks an empty slot
}

export class ClaimIds {
  private capacity = 1 << 12;
  private used = 0;
  private h1 = new Int32Array(this.capacity);
  private h2 = new Int32Array(this.capacity);
  private where = new Int32Array(this.capacity);
  private kind = new Uint8Array(this.capacity);
  private file = new Uint16Array(this.capacity);
  /** File names and transaction control numbers, each kept once. */
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();

  /** Records `id`; returns the earlier record that had it, in words ("a.ndjson line 3"), or undefined the first time. */
  register(id: string, source: SourceRef | undefined): string | undefined {
    const [a, b] = hashes(id);
    for (let slot = a & (this.capacity - 1); ; slot = (slot + 1) & (this.capacity - 1)) {
      if (this.h2[slot] === 0) {
        this.put(slot, a, b, source);
        if (++this.used * 2 > this.capacity) this.grow();
        return undefined;
      }
      if (this.h1[slot] === a && this.h2[slot] === b) return this.describe(slot);
    }
  }

  private put(slot: number, a: number, b: number, source: SourceRef | undefined): void {
    this.h1[slot] = a;
    this.h2[slot] = b;
    const k = source === undefined ? 4 : source.line !== undefined ? 0 : source.record !== undefined ? 1 : source.transaction !== undefined ? 2 : 3;
    this.kind[slot] = k;
    // A transaction is its ST02 control number (text), kept once in the names table like a file name.
    this.where[slot] = k === 0 ? source!.line! : k === 1 ? source!.record! : k === 2 ? this.indexOf(source!.transaction!) : 0;
    this.file[slot] = source?.file === undefined ? EMPTY_FILE : this.indexOf(source.file);
  }

  private indexOf(name: string): number {
    let i = this.nameIndex.get(name);
    if (i === undefined) {
      if (this.names.length >= EMPTY_FILE) return EMPTY_FILE; // 65,535 names in one batch: the rest unnamed
      i = this.names.push(name) - 1;
      this.nameIndex.set(name, i);
    }
    return i;
  }

  private describe(slot: number): string {
    const k = this.kind[slot];
    if (k === 4) return 'an earlier claim';
    const where = k < 2 ? `${WHERE_KINDS[k]} ${this.where[slot]}` : k === 2 ? `transaction ${this.names[this.where[slot]] ?? ''}` : 'an earlier record';
    const fileAt = this.file[slot];
    const file = fileAt === EMPTY_FILE ? undefined : this.names[fileAt];
    return file ? `${file} ${where}` : where;
  }

  private grow(): void {
    const old = { h1: this.h1, h2: this.h2, where: this.where, kind: this.kind, file: this.file, capacity: this.capacity };
    this.capacity *= 2;
    this.h1 = new Int32Array(this.capacity);
    this.h2 = new Int32Array(this.capacity);
    this.where = new Int32Array(this.capacity);
    this.kind = new Uint8Array(this.capacity);
    this.file = new Uint16Array(this.capacity);
    for (let s = 0; s < old.capacity; s++) {
      if (old.h2[s] === 0) continue;
      let slot = old.h1[s] & (this.capacity - 1);
      while (this.h2[slot] !== 0) slot = (slot + 1) & (this.capacity - 1);
      this.h1[slot] = old.h1[s];
      this.h2[slot] = old.h2[s];
      this.where[slot] = old.where[s];
      this.kind[slot] = old.kind[s];
      this.file[slot] = old.file[s];
    }
  }
}
