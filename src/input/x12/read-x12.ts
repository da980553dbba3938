import type { DecodeProblem } from '../../claim/decode';
import { decodeClaim } from '../../claim/decode';
import type { SourceRef } from '../../scrub/result';
import { type Chunks, type InputItem, problem, type ReadOptions, rejectedItem } from '../types';
import { ClaimBuilder, type ClaimDraft, type ClaimKind } from './claim-builder';
import { SEGMENT_ID, SEGMENTS_837 } from './segments';
import { x12TextOf } from './text';
import { type Segment, tokenBatches } from './tokenizer';

// The envelope reader: ISA/IEA interchanges, GS/GE functional groups and ST/SE transactions (X12.5,
// and 005010X222A1/X223A2 section 3), each 837 transaction handed to a ClaimBuilder.
//
// Source references: `segment` is the 1-based position of a segment in the FILE (every segment counted
// from the first, across interchanges), not in its transaction: control numbers repeat in real files, a
// file position does not. `transaction` is the ST02 control number.
//
// Nothing is lost: every CLM yields exactly one item (its claim, or a rejection with its id). Envelope
// problems (SE01/GE01/IEA01 counts, control numbers that do not match, a missing trailer, a 4010 or
// non-837 transaction) yield a rejection of their own, without a claim id: a clearinghouse rejects the
// transaction set for them (999 IK5), so they must be seen, but the claims that can be read still are.

/** Counts of what an X12 read saw; readX12 adds to the object passed in its options. */
export interface X12Stats {
  interchanges: number;
  groups: number;
  transactions: number;
  claims: number;
  rejections: number;
  /** Rejections that stand for an envelope problem, not for a claim. */
  envelopeProblems: number;
  /** Characters of text that is not X12 (before an ISA, between interchanges), skipped. */
  ignoredCharacters: number;
}

export function emptyX12Stats(): X12Stats {
  return { interchanges: 0, groups: 0, transactions: 0, claims: 0, rejections: 0, envelopeProblems: 0, ignoredCharacters: 0 };
}

export interface X12ReadOptions extends ReadOptions {
  /** Filled in as the file is read (for the CLI summary). */
  readonly stats?: X12Stats;
}

interface Interchange { readonly control: string; readonly version: string; readonly position: number; groups: number }
interface Group { readonly control: string; readonly version: string; readonly position: number; transactions: number; readonly controls: Map<string, number> }
interface Transaction {
  readonly control: string;
  readonly position: number;
  count: number;
  /** Position of the last segment read into it. */
  last: number;
  readonly unsupported?: string;
  readonly builder: ClaimBuilder;
  claims: number;
}

const same = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').trim() === (b ?? '').trim() || (/^\d+$/.test((a ?? '').trim()) && Number(a) === Number(b));

/** Which 837 a transaction is, from ST03 (or GS08): 005010X222A1 professional, 005010X223A2 institutional. */
function kindOf(st01: string, version: string, isaVersion: string, control: string): { kind?: ClaimKind; unsupported?: string } {
  if (st01 !== '837') return { unsupported: `transaction ${control} is a ${st01 || '(blank ST01)'} transaction set, not an 837 claim` };
  if (version.startsWith('004010') || (version === '' && isaVersion.startsWith('004'))) {
    return { unsupported: `transaction ${control} is version 4010 (${version || `ISA12 ${isaVersion}`}); claimscrub reads 5010 837s (005010X222A1 professional, 005010X223A2 institutional): resend it as 5010` };
  }
  if (version.startsWith('005010X222')) return { kind: 'professional' };
  if (version.startsWith('005010X223')) return { kind: 'institutional' };
  if (version === '') return {};
  return { unsupported: `transaction ${control} follows implementation guide ${version}; claimscrub reads 005010X222A1 (837P) and 005010X223A2 (837I)` };
}

/** Adds the segment a problem's path came from to its message, so every problem names its segment. */
function locate(p: DecodeProblem, origins: ReadonlyMap<string, number>): DecodeProblem {
  if (/segment \d/.test(p.message)) return p;
  for (let path = p.path; ; path = path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')) {
    const at = origins.get(path);
    if (at !== undefined) return { ...p, message: `${p.message} (segment ${at})` };
    if (path === '$' || !/[.[]/.test(path)) return p;
  }
}

/** Reads an 837P/837I file, streamed: one InputItem per CLM, plus one per envelope problem. */
export async function* readX12(chunks: Chunks, options: X12ReadOptions = {}): AsyncGenerator<InputItem> {
  const file = options.file;
  const stats = options.stats ?? emptyX12Stats();
  let isa: Interchange | undefined;
  let gs: Group | undefined;
  let st: Transaction | undefined;
  let strays: { first: number; last: number; count: number; ids: Set<string> } | undefined;
  let segments = 0;
  let last = 0; // position of the last segment seen
  let ignored = '';
  const out: InputItem[] = [];

  const rejectEnvelope = (source: SourceRef, value: unknown, expected: string, message: string): InputItem => {
    stats.rejections++;
    stats.envelopeProblems++;
    return rejectedItem({ file, ...source }, [problem('$', value, expected, message)]);
  };

  const claimItem = (draft: ClaimDraft, transaction: string, extra: readonly DecodeProblem[] = []): InputItem => {
    const source: SourceRef = { file, transaction, segment: draft.position };
    const decoded = decodeClaim(draft.record);
    const problems = [...draft.problems, ...extra, ...(decoded._tag === 'Left' ? decoded.left : [])];
    if (decoded._tag === 'Right' && problems.length === 0) return { kind: 'claim', claim: decoded.right, source };
    stats.rejections++;
    return rejectedItem(source, problems.map((p) => locate(p, draft.origins)), draft.id);
  };

  function flushStrays(): void {
    if (!strays) return;
    const { first, last: end, count, ids } = strays;
    strays = undefined;
    out.push(rejectEnvelope({ segment: first }, [...ids].join(','), 'segments inside an ST…SE transaction',
      `${count} segment${count === 1 ? '' : 's'} outside any transaction (segments ${first}–${end}: ${[...ids].slice(0, 8).join(', ')}): no ST before them, so they were not read`));
  }

  /** Ends the open transaction that has no SE (a new envelope segment, or the end of the file, came first). */
  function abandon(why: string): void {
    const t = st;
    if (!t) return;
    st = undefined;
    const message = `transaction ${t.control} (ST at segment ${t.position}) has no SE: ${why}`;
    const draft = t.builder.end();
    if (draft) {
      // The claim was cut short as far as anyone can tell: reject it, naming why.
      out.push(claimItem(draft, t.control, [problem('$', null, 'a claim closed by HL, CLM or SE', `${message}; the claim read up to segment ${t.last} may be incomplete`)]));
    } else if (t.claims === 0 && t.unsupported) {
      out.push(rejectEnvelope({ transaction: t.control, segment: t.position }, null, 'an 837 transaction', `${t.unsupported}; ${message}`));
    } else {
      out.push(rejectEnvelope({ transaction: t.control, segment: t.position }, null, 'SE closing the transaction', message));
    }
  }

  function closeGroup(why: string): void {
    if (!gs) return;
    abandon(why);
    out.push(rejectEnvelope({ segment: gs.position }, gs.control, 'GE closing the group', `functional group ${gs.control} (GS at segment ${gs.position}) has no GE: ${why}`));
    gs = undefined;
  }

  function onSegment(seg: Segment): void {
    const f = seg.fields;
    switch (seg.id) {
      case 'ISA': {
        flushStrays();
        const why = `the ISA at segment ${seg.position} starts a new interchange first`;
        abandon(why);
        closeGroup(why);
        if (isa) out.push(rejectEnvelope({ segment: isa.position }, isa.control, 'IEA closing the interchange', `interchange ${isa.control} (ISA at segment ${isa.position}) has no IEA: ${why}`));
        stats.interchanges++;
        isa = { control: (f[13] ?? '').trim(), version: (f[12] ?? '').trim(), position: seg.position, groups: 0 };
        return;
      }
      case 'GS': {
        flushStrays();
        const why = `the GS at segment ${seg.position} starts a new group first`;
        closeGroup(why);
        stats.groups++;
        if (isa) isa.groups++;
        gs = { control: f[6] ?? '', version: f[8] ?? '', position: seg.position, transactions: 0, controls: new Map() };
        return;
      }
      case 'ST': {
        flushStrays();
        abandon(`the ST at segment ${seg.position} starts the next transaction first`);
        stats.transactions++;
        const control = f[2] ?? '';
        if (gs) {
          gs.transactions++;
          const earlier = gs.controls.get(control);
          if (earlier !== undefined) {
            out.push(rejectEnvelope({ transaction: control, segment: seg.position }, control, 'a control number unique in its group',
              `transaction control number ${control} at segment ${seg.position} repeats the one at segment ${earlier} in group ${gs.control}`));
          } else gs.controls.set(control, seg.position);
        }
        const { kind, unsupported } = kindOf(f[1] ?? '', f[3] || gs?.version || '', isa?.version ?? '', control);
        st = { control, position: seg.position, count: 1, last: seg.position, builder: new ClaimBuilder(kind), claims: 0, ...(unsupported ? { unsupported } : {}) };
        return;
      }
      case 'SE': {
        const t = st;
        if (!t) {
          flushStrays();
          out.push(rejectEnvelope({ transaction: f[2] ?? '', segment: seg.position }, f[2] ?? '', 'an SE after its ST', `SE at segment ${seg.position} closes no transaction (no ST before it)`));
          return;
        }
        st = undefined;
        t.count++;
        const draft = t.builder.end();
        if (draft) out.push(claimItem(draft, t.control));
        if (t.claims === 0 && t.unsupported) {
          out.push(rejectEnvelope({ transaction: t.control, segment: t.position }, null, 'an 837 transaction', `${t.unsupported}; it has no claim to read`));
        }
        if (t.builder.headerProblems.length > 0) {
          stats.rejections++;
          stats.envelopeProblems++;
          out.push(rejectedItem({ file, transaction: t.control, segment: t.position }, t.builder.headerProblems));
        }
        if (!same(f[1], String(t.count))) {
          // 999 IK5 code 4: "Number of Included Segments Does Not Match Actual Count".
          out.push(rejectEnvelope({ transaction: t.control, segment: seg.position }, f[1] ?? '', `${t.count} (ST to SE inclusive)`,
            `SE01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} segments but transaction ${t.control} has ${t.count} (segments ${t.position}–${seg.position}, ST and SE included)`));
        }
        if (!same(f[2], t.control)) {
          out.push(rejectEnvelope({ transaction: t.control, segment: seg.position }, f[2] ?? '', t.control,
            `SE02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the transaction's ST02 (segment ${t.position}) is ${JSON.stringify(t.control)}`));
        }
        return;
      }
      case 'GE': {
        flushStrays();
        abandon(`the GE at segment ${seg.position} closes the group first`);
        const g = gs;
        gs = undefined;
        if (!g) { out.push(rejectEnvelope({ segment: seg.position }, f[2] ?? '', 'a GE after its GS', `GE at segment ${seg.position} closes no functional group (no GS before it)`)); return; }
        if (!same(f[1], String(g.transactions))) {
          out.push(rejectEnvelope({ segment: seg.position }, f[1] ?? '', String(g.transactions),
            `GE01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} transactions but group ${g.control} (GS at segment ${g.position}) has ${g.transactions}`));
        }
        if (!same(f[2], g.control)) {
          out.push(rejectEnvelope({ segment: seg.position }, f[2] ?? '', g.control, `GE02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the group's GS06 (segment ${g.position}) is ${JSON.stringify(g.control)}`));
        }
        return;
      }
      case 'IEA': {
        flushStrays();
        const why = `the IEA at segment ${seg.position} closes the interchange first`;
        closeGroup(why);
        abandon(why);
        const i = isa;
        isa = undefined;
        if (!i) { out.push(rejectEnvelope({ segment: seg.position }, f[2] ?? '', 'an IEA after its ISA', `IEA at segment ${seg.position} closes no interchange (no ISA before it)`)); return; }
        if (!same(f[1], String(i.groups))) {
          out.push(rejectEnvelope({ segment: seg.position }, f[1] ?? '', String(i.groups),
            `IEA01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} functional groups but interchange ${i.control} (ISA at segment ${i.position}) has ${i.groups}`));
        }
        if (!same(f[2], i.control)) {
          out.push(rejectEnvelope({ segment: seg.position }, f[2] ?? '', i.control, `IEA02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the interchange's ISA13 (segment ${i.position}) is ${JSON.stringify(i.control)}`));
        }
        return;
      }
      default: break;
    }
    if (st) {
      st.count++;
      st.last = seg.position;
      if (seg.id === 'CLM') {
        stats.claims++;
        st.claims++;
        if (st.unsupported) {
          stats.rejections++;
          out.push(rejectedItem({ file, transaction: st.control, segment: seg.position },
            [problem('$', null, 'an 837P/837I 5010 transaction', `${st.unsupported} (claim at segment ${seg.position})`)], f[1] || undefined));
          return;
        }
      }
      if (st.unsupported) return;
      const closed = st.builder.add(seg);
      if (closed) out.push(claimItem(closed, st.control));
      return;
    }
    // Outside any interchange, text that is not an 837 segment (a trailer line after the IEA, a banner
    // between files) is skipped like text before the ISA.
    if (!isa && !gs && (!SEGMENT_ID.test(seg.id) || !SEGMENTS_837.has(seg.id))) {
      stats.ignoredCharacters += seg.fields.join(seg.delimiters.element).length;
      return;
    }
    // Outside any transaction: a CLM still yields its own item; other segments are reported together.
    if (seg.id === 'CLM') {
      stats.claims++;
      stats.rejections++;
      out.push(rejectedItem({ file, segment: seg.position }, [problem('$', null, 'a CLM inside an ST…SE transaction',
        `CLM at segment ${seg.position} is outside any transaction (no ST before it): it cannot be read`)], f[1] || undefined));
    }
    if (strays) { strays.count++; strays.last = seg.position; if (strays.ids.size < 16) strays.ids.add(seg.id.slice(0, 3)); }
    else strays = { first: seg.position, last: seg.position, count: 1, ids: new Set([seg.id.slice(0, 3)]) };
  }

  // Items are gathered per chunk of text and handed out after it: one await per chunk, not per segment.
  for await (const batch of tokenBatches(x12TextOf(chunks))) {
    for (const token of batch) {
      if (token.kind === 'segment') {
        segments++;
        last = token.position;
        onSegment(token);
        continue;
      }
      if (token.reason === 'text') {
        stats.ignoredCharacters += token.length;
        if (!ignored) ignored = token.preview;
        continue;
      }
      last = token.position;
      if (token.reason === 'bad-isa') {
        flushStrays();
        const why = `an unreadable ISA at segment ${token.position} follows`;
        abandon(why);
        closeGroup(why);
        isa = undefined;
        out.push(rejectEnvelope({ segment: token.position }, token.preview, 'an ISA of 16 elements with its delimiters',
          `segment ${token.position} starts with ISA but is not a readable interchange header (${JSON.stringify(token.preview)}): its delimiters are unknown, so what follows is read only from the next ISA or ST`));
        continue;
      }
      // A segment too long to be real: damage where it falls.
      const message = `segment ${token.position} is ${token.length} characters long (no terminator in sight): it was skipped`;
      if (st) { st.count++; st.last = token.position; st.builder.damage(problem('$', null, 'a segment of an 837', message)); }
      else out.push(rejectEnvelope({ segment: token.position }, null, 'a segment of an 837', message));
    }
    yield* out;
    out.length = 0;
  }

  flushStrays();
  const why = `the file ends at segment ${last}; it looks truncated`;
  abandon(why);
  if (gs) closeGroup(why);
  if (isa) out.push(rejectEnvelope({ segment: isa.position }, isa.control, 'IEA closing the interchange', `interchange ${isa.control} (ISA at segment ${isa.position}) has no IEA: ${why}`));
  if (segments === 0) {
    const name = file ?? 'input';
    out.push(rejectEnvelope({}, ignored || '', 'an X12 837 file (ISA…IEA or ST*837…SE)', stats.ignoredCharacters === 0
      ? `${name} is empty`
      : `${name} has no ISA or ST*837 segment: it is not an X12 file (it starts with ${JSON.stringify(ignored)})`));
  }
  yield* out;
}
