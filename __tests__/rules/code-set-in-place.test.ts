import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexCodeSet, type RandomAccess } from '../../src/rules/code-set';
import type { DataFile } from '../../src/rules/formats';

// A code set answers its first lookups in place (binary search over the sidecar file with small reads)
// and reads the file whole only for a batch. Both ways must give the same answers: checked here on the
// shipped FY2026 sidecar, against the full table, for present, absent and header codes.

const DATA = path.join(__dirname, '..', '..', 'rules', 'data');
const header = JSON.parse(fs.readFileSync(path.join(DATA, 'icd10cm-fy2026.json'), 'utf8')) as DataFile;
const sidecar = path.join(DATA, 'icd10cm-fy2026.tsv');

function randomAccess(reads: { count: number }): RandomAccess {
  const bytes = fs.readFileSync(sidecar);
  return {
    size: bytes.length,
    read: (position, length) => { reads.count++; return bytes.subarray(position, position + length); },
    close: () => undefined,
  };
}

describe('code set lookups in place', () => {
  it('agree with the full table on every 37th code, codes around them, absent codes and header children', () => {
    const reads = { count: 0 };
    const loads = { count: 0 };
    // A code set answers its first 64 distinct lookups in place: a fresh one for each group of 60 probes.
    const fresh = () => indexCodeSet(header, () => { loads.count++; return fs.readFileSync(sidecar); }, () => randomAccess(reads));
    const full = indexCodeSet(header, () => fs.readFileSync(sidecar));
    const codes = [...full.entries()].map(([code]) => code);
    expect(codes.length).toBeGreaterThan(90_000);
    const probes = ['A00', 'A00.0', codes[0], codes[codes.length - 1], 'M43.03', 'M43.0', 'M43', 'M43.99', 'ZZZ', '0', '~'];
    for (let i = 0; i < codes.length && probes.length < 1900; i += 37) probes.push(codes[i], `${codes[i]}X`);
    let inPlace = fresh();
    probes.forEach((code, i) => {
      if (i % 60 === 0) inPlace = fresh();
      expect([code, inPlace.get(code)]).toEqual([code, full.get(code)]);
    });
    for (const h of ['M43.0', 'M43', 'S72.0', 'A00', 'Z99']) expect(fresh().billableChildren(h)).toEqual(full.billableChildren(h));
    expect(loads.count).toBe(0); // answered in place, never read whole
    // In place means small reads: about log2(98,000) ≈ 17 steps a lookup, not the file.
    expect(reads.count / probes.length).toBeLessThan(60);
  });

  it('reads the file whole once a batch has asked for more than 64 codes, with the same answers', () => {
    const loads = { count: 0 };
    const set = indexCodeSet(header, () => { loads.count++; return fs.readFileSync(sidecar); }, () => randomAccess({ count: 0 }));
    for (let i = 0; i < 64; i++) set.get(`Z99.${i}`);
    expect(loads.count).toBe(0);
    expect(set.get('M43.03')).toEqual({ billable: true, title: 'Spondylolysis, cervicothoracic region' });
    expect(loads.count).toBe(1);
    expect(set.get('M43.0')).toEqual({ billable: false, title: 'Spondylolysis' });
    expect(loads.count).toBe(1);
  });

  it('hashes the file after 2,000 distinct lookups (a batch), with the same answers for every code and its neighbours', () => {
    const reference = indexCodeSet(header, () => fs.readFileSync(sidecar));
    const hashed = indexCodeSet(header, () => fs.readFileSync(sidecar));
    for (let i = 0; i < 2001; i++) hashed.get(`Q99.${i}`); // absent codes: past the bound the next lookup hashes the file
    const codes = [...reference.entries()].map(([code]) => code);
    const probes = [...codes, ...codes.filter((_, i) => i % 11 === 0).flatMap((c) => [`${c}X`, c.slice(0, -1), c.toLowerCase()]), 'ZZZ', '', 'M43.0\t'];
    // The reference answers by binary search: a fresh set for each 1,500 probes stays under the hashing bound.
    const bytes = fs.readFileSync(sidecar);
    let fresh = indexCodeSet(header, () => bytes);
    const differ: string[] = [];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    probes.forEach((code, i) => {
      if (i % 1500 === 0) fresh = indexCodeSet(header, () => bytes);
      if (i % 7 !== 0 && i < codes.length) return; // every 7th code by binary search; every code below against its own line
      if (!same(hashed.get(code), fresh.get(code))) differ.push(code);
    });
    for (const [code, entry] of reference.entries()) if (!same(hashed.get(code), entry)) differ.push(code);
    expect(differ).toEqual([]);
    expect(hashed.get('M43.03')).toEqual({ billable: true, title: 'Spondylolysis, cervicothoracic region' });
  });
});
