import type { DecodeProblem } from '../../claim/decode';
import { decodeClaim } from '../../claim/decode';
import type { SourceRef } from '../../scrub/result';
import { type Chunks, type InputItem, type IntakeDefect, problem, type ReadOptions, rejectedItem } from '../types';
import type { Claim } from '../../claim/codecs';
import { ClaimBuilder, type ClaimDraft, type ClaimKind, x12Defect } from './claim-builder';
import { SEGMENT_ID, SEGMENTS_837 } from './segments';
import { x12TextOf } from './text';
import { type Segment, tokenBatches } from './tokenizer';
import { emptyX12Stats, type X12Stats } from './stats';

// The envelope reader: ISA/IEA interchanges, GS/GE functional groups and ST/SE transactions (X12.5,
// and 005010X222A1/X223A2 section 3), each 837 transaction handed to a ClaimBuilder.
//
// Source references: `segment` is the 1-based position of a segment in the FILE (every segment counted
// from the first, across interchanges), not in its transaction: control numbers repeat in real files, a
// file position does not. `transaction` is the ST02 control number.
//
// Nothing is lost: every CLM yields exactly one item (its claim, or a rejection with its id). Envelope
// problems (SE01/GE01/IEA01 counts, control numbers that do not match or repeat, a missing SE/GE/IEA,
// damage before the first HL) are IntakeDefects on every claim of the transaction / group / interchange
// they touch (a receiver rejects all of those: 999 IK5/AK9, TA1), reported by rules/x12; a transaction
// with no claim is one rejection that says so, and envelope problems of an envelope with no item at all
// are a rejection of their own. Items are held until their outermost envelope closes (IEA, or SE/GE for
// bare transactions), so the defects of a trailer reach the claims read before it: memory grows with
// the claims of one interchange, not of the file.

export interface X12ReadOptions extends ReadOptions {
  /** Filled in as the file is read (for the CLI summary). */
  readonly stats?: X12Stats;
}

interface Interchange { readonly seq: number; readonly lenient: IntakeDefect[]; readonly control: string; readonly version: string; readonly position: number; groups: number }
interface Group { readonly seq: number; readonly control: string; readonly version: string; readonly position: number; transactions: number; readonly controls: Map<string, number> }
/** An item read but not yet handed out: its envelope may still add defects (or problems) to it. */
interface Held {
  readonly isa: number; readonly gs: number; readonly st: number;
  readonly source: SourceRef;
  readonly claimId?: string;
  readonly claim?: Claim;
  readonly defects: IntakeDefect[];
  readonly problems: DecodeProblem[];
  /** A rejection that stands for an envelope problem or an empty transaction, not for a claim. */
  readonly envelope: boolean;
}

interface Transaction {
  readonly seq: number;
  readonly control: string;
  /** Defects of the whole transaction known before its end (a repeated ST02): applied when it closes. */
  readonly pending: IntakeDefect[];
  readonly position: number;
  count: number;
  /** Position of the last segment read into it. */
  last: number;
  readonly unsupported?: string;
  readonly builder: ClaimBuilder;
  claims: number;
}

/** Items held for their envelope's trailer before they are handed out anyway (memory stays flat). */
export const HOLD_LIMIT = 5000;

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
  let seq = 0;
  let answered = 0;
  let strayText: { length: number; preview: string; position: number } | undefined; // text before the next ISA
  let spilled = false; // items of the open envelopes were handed out early (HOLD_LIMIT)
  const out: InputItem[] = [];
  const held: Held[] = [];
  const scope = () => ({ isa: isa?.seq ?? 0, gs: gs?.seq ?? 0, st: st?.seq ?? 0 });

  const finish = (h: Held): InputItem => {
    answered++;
    if (h.claim && h.problems.length === 0) return { kind: 'claim', claim: h.claim, source: h.source, ...(h.defects.length > 0 ? { defects: h.defects } : {}) };
    stats.rejections++;
    if (h.envelope) stats.envelopeProblems++;
    return rejectedItem(h.source, h.problems, h.claimId);
  };
  /** Hands out what is held once no envelope is open (an interchange's items at its IEA). */
  const release = (force = false): void => {
    if (!force && (isa || gs || st)) return;
    if (force && (isa || gs || st)) spilled = true;
    else spilled = false;
    for (const h of held) out.push(finish(h));
    held.length = 0;
  };
  /** Memory stays bounded: past HOLD_LIMIT items the held ones are handed out before their envelope closes. */
  const hold = (h: Held): void => {
    held.push(h);
    if (held.length >= HOLD_LIMIT) release(true);
  };
  /** An item that is not held (outside every envelope, or standing for the interchange itself). */
  const rejectEnvelope = (source: SourceRef, value: unknown, expected: string, message: string): InputItem => {
    answered++;
    stats.rejections++;
    stats.envelopeProblems++;
    return rejectedItem({ file, ...source }, [problem('$', value, expected, message)]);
  };
  const holdEnvelope = (at: { isa: number; gs: number; st: number }, source: SourceRef, value: unknown, expected: string, message: string): void => {
    held.push({ ...at, source: { file, ...source }, defects: [], problems: [problem('$', value, expected, message)], envelope: true });
  };
  /** A rejection in input order: held behind the items read before it. */
  const rejectHeld = (source: SourceRef, value: unknown, expected: string, message: string): void => {
    holdEnvelope(scope(), source, value, expected, message);
    release();
  };
  /** An envelope defect on every item of the transaction / group / interchange `id`; a rejection of its own when it has none. */
  const onEnvelope = (level: 'st' | 'gs' | 'isa', id: number, defect: IntakeDefect, source: SourceRef, at: { isa: number; gs: number; st: number }): void => {
    let touched = 0;
    for (const h of held) {
      if (h[level] !== id) continue;
      touched++;
      if (h.claim && h.problems.length === 0) h.defects.push(defect);
      else h.problems.push(problem('$', defect.fields?.found ?? null, String(defect.fields?.expected ?? ''), defect.message));
    }
    if (touched === 0 || spilled) {
      holdEnvelope(at, source, defect.fields?.found ?? null, String(defect.fields?.expected ?? ''), spilled
        ? `${defect.message} (more than ${HOLD_LIMIT} claims were held for this envelope: the claims answered before its trailer do not carry this finding)`
        : defect.message);
    }
  };

  const claimItem = (draft: ClaimDraft, transaction: string, at = scope()): void => {
    const source: SourceRef = { file, transaction, segment: draft.position };
    const decoded = decodeClaim(draft.record, { allowNoDiagnosis: true });
    const problems = [...draft.problems, ...(decoded._tag === 'Left' ? decoded.left : [])].map((p) => locate(p, draft.origins));
    hold({ ...at, source, ...(draft.id ? { claimId: draft.id } : {}), ...(decoded._tag === 'Right' ? { claim: decoded.right } : {}), defects: [...draft.defects], problems, envelope: false });
  };

  function flushStrays(): void {
    if (!strays) return;
    const { first, last: end, count, ids } = strays;
    strays = undefined;
    rejectHeld({ segment: first }, [...ids].join(','), 'segments inside an ST…SE transaction',
      `${count} segment${count === 1 ? '' : 's'} outside any transaction (segments ${first}–${end}: ${[...ids].slice(0, 8).join(', ')}): no ST before them, so they were not read`);
  }

  /** Closes a transaction: its "no claim" answer, its header damage and pending defects, on its items. */
  function closeTransaction(t: Transaction, at: { isa: number; gs: number; st: number }): void {
    const source: SourceRef = { transaction: t.control, segment: t.position };
    if (t.claims === 0) {
      holdEnvelope(at, source, null, t.unsupported ? 'an 837 transaction' : 'a CLM in the transaction', t.unsupported
        ? `${t.unsupported}; it has no claim to read`
        : `transaction ${t.control} (ST at segment ${t.position}) has no claim (no CLM segment): nothing in it to scrub`);
    }
    for (const p of t.builder.headerProblems) {
      onEnvelope('st', t.seq, x12Defect('x12/segment-damage', '$', `${p.message} (in transaction ${t.control}, before its first claim): a receiver rejects the transaction`,
        { segment: t.position, element: 'segment', snip: 1, ack: '999 IK3 code 2 (unexpected segment) / IK5 code 5', expected: p.expected, found: typeof p.value === 'string' ? p.value : '' }), source, at);
    }
    for (const d of t.pending) onEnvelope('st', t.seq, d, source, at);
  }

  /** Ends the open transaction that has no SE (a new envelope segment, or the end of the file, came first). */
  function abandon(why: string, truncated = false): void {
    const t = st;
    if (!t) return;
    const at = scope();
    st = undefined;
    const message = `transaction ${t.control} (ST at segment ${t.position}) has no SE: ${why}`;
    const draft = t.builder.end();
    if (draft) {
      // At the end of the file the open claim may be cut short: it is rejected, naming why. Otherwise the
      // next envelope segment closed it as an HL, CLM or SE would have.
      const before = held.length;
      claimItem(draft, t.control, at);
      if (truncated) held[before].problems.push(problem('$', null, 'a claim closed by HL, CLM or SE', `${message}; the claim read up to segment ${t.last} may be incomplete`));
    }
    closeTransaction(t, at);
    onEnvelope('st', t.seq, x12Defect('x12/envelope-trailer', '$', `a receiver rejects transaction ${t.control}: ${message}`,
      { segment: t.position, element: 'SE', snip: 1, ack: '999 IK5 code 2 (transaction set trailer missing)', expected: 'SE', found: '' }), { transaction: t.control, segment: t.position }, at);
  }

  function closeGroup(why: string): void {
    if (!gs) return;
    abandon(why);
    const g = gs;
    const at = scope();
    gs = undefined;
    onEnvelope('gs', g.seq, x12Defect('x12/envelope-trailer', '$', `a receiver rejects functional group ${g.control}: the group (GS at segment ${g.position}) has no GE: ${why}`,
      { segment: g.position, element: 'GE', snip: 1, ack: '999 AK9 code 3 (functional group trailer missing)', expected: 'GE', found: '' }), { segment: g.position }, at);
  }

  function closeInterchange(why: string): void {
    const i = isa;
    if (!i) return;
    const at = scope();
    isa = undefined;
    for (const d of i.lenient) onEnvelope('isa', i.seq, d, { segment: i.position }, at);
    onEnvelope('isa', i.seq, x12Defect('x12/envelope-trailer', '$', `a receiver rejects interchange ${i.control}: the interchange (ISA at segment ${i.position}) has no IEA: ${why}`,
      { segment: i.position, element: 'IEA', snip: 1, ack: 'TA1 code 023 (improper end of file)', expected: 'IEA', found: '' }), { segment: i.position }, at);
  }

  function onSegment(seg: Segment): void {
    const f = seg.fields;
    switch (seg.id) {
      case 'ISA': {
        flushStrays();
        const why = `the ISA at segment ${seg.position} starts a new interchange first`;
        abandon(why);
        closeGroup(why);
        closeInterchange(why);
        release();
        stats.interchanges++;
        const lenient: IntakeDefect[] = [];
        if (strayText) {
          lenient.push(x12Defect('x12/lenient-envelope', '$', `${strayText.length} characters of text that is not X12 come before the ISA at segment ${seg.position} (${JSON.stringify(strayText.preview)}): claimscrub skipped them; a strict receiver rejects the interchange`,
            { segment: seg.position, element: 'ISA', snip: 1, ack: 'TA1 code 024 (invalid interchange content)', expected: 'ISA first', found: strayText.preview }));
          strayText = undefined;
        }
        isa = { seq: ++seq, lenient, control: (f[13] ?? '').trim(), version: (f[12] ?? '').trim(), position: seg.position, groups: 0 };
        return;
      }
      case 'GS': {
        flushStrays();
        const why = `the GS at segment ${seg.position} starts a new group first`;
        closeGroup(why);
        release();
        stats.groups++;
        if (isa) isa.groups++;
        gs = { seq: ++seq, control: f[6] ?? '', version: f[8] ?? '', position: seg.position, transactions: 0, controls: new Map() };
        return;
      }
      case 'ST': {
        flushStrays();
        abandon(`the ST at segment ${seg.position} starts the next transaction first`);
        release();
        stats.transactions++;
        const control = f[2] ?? '';
        const pending: IntakeDefect[] = [];
        if (gs) {
          gs.transactions++;
          const earlier = gs.controls.get(control);
          if (earlier !== undefined) {
            pending.push(x12Defect('x12/envelope-control', '$', `a receiver rejects transaction ${control}: its control number (ST02 at segment ${seg.position}) repeats the one at segment ${earlier} in group ${gs.control}`,
              { segment: seg.position, element: 'ST02', snip: 1, ack: '999 IK5 code 23 (control number not unique in the group)', expected: 'a control number unique in its group', found: control }));
          } else gs.controls.set(control, seg.position);
        }
        const version = f[3] || gs?.version || '';
        const { kind, unsupported } = kindOf(f[1] ?? '', version, isa?.version ?? '', control);
        if (kind && /^005010X22[23]$/.test(version.trim())) {
          pending.push(x12Defect('x12/lenient-envelope', '$', `transaction ${control} names the base guide ${version.trim()} (ST03/GS08), not its addenda ${kind === 'professional' ? '005010X222A1' : '005010X223A2'} that HIPAA adopted: claimscrub read it as the addenda; a strict receiver rejects it`,
            { segment: seg.position, element: f[3] ? 'ST03' : 'GS08', snip: 1, ack: '999 AK9 code 2 (functional group version not supported)', expected: kind === 'professional' ? '005010X222A1' : '005010X223A2', found: version.trim() }));
        }
        st = { seq: ++seq, control, pending, position: seg.position, count: 1, last: seg.position, builder: new ClaimBuilder(kind), claims: 0, ...(unsupported ? { unsupported } : {}) };
        return;
      }
      case 'SE': {
        const t = st;
        if (!t) {
          flushStrays();
          rejectHeld({ transaction: f[2] ?? '', segment: seg.position }, f[2] ?? '', 'an SE after its ST', `SE at segment ${seg.position} closes no transaction (no ST before it)`);
          return;
        }
        const at = scope();
        st = undefined;
        t.count++;
        const draft = t.builder.end();
        if (draft) claimItem(draft, t.control, at);
        closeTransaction(t, at);
        const source = { transaction: t.control, segment: seg.position };
        if (!same(f[1], String(t.count))) {
          onEnvelope('st', t.seq, x12Defect('x12/envelope-count', '$', `a receiver rejects transaction ${t.control}: SE01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} segments, it has ${t.count} (segments ${t.position}–${seg.position}, ST and SE included)`,
            { segment: seg.position, element: 'SE01', snip: 1, ack: '999 IK5 code 4 (number of included segments does not match actual count)', expected: String(t.count), found: f[1] ?? '' }), source, at);
        }
        if (!same(f[2], t.control)) {
          onEnvelope('st', t.seq, x12Defect('x12/envelope-control', '$', `a receiver rejects transaction ${t.control}: SE02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the transaction's ST02 (segment ${t.position}) is ${JSON.stringify(t.control)}`,
            { segment: seg.position, element: 'SE02', snip: 1, ack: '999 IK5 code 3 (control number in header and trailer do not match)', expected: t.control, found: f[2] ?? '' }), source, at);
        }
        release();
        return;
      }
      case 'GE': {
        flushStrays();
        abandon(`the GE at segment ${seg.position} closes the group first`);
        const g = gs;
        if (!g) { release(); rejectHeld({ segment: seg.position }, f[2] ?? '', 'a GE after its GS', `GE at segment ${seg.position} closes no functional group (no GS before it)`); return; }
        const at = scope();
        gs = undefined;
        if (!same(f[1], String(g.transactions))) {
          onEnvelope('gs', g.seq, x12Defect('x12/envelope-count', '$', `a receiver rejects functional group ${g.control}: GE01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} transactions, it has ${g.transactions} (GS at segment ${g.position})`,
            { segment: seg.position, element: 'GE01', snip: 1, ack: '999 AK9 code 5 (number of included transaction sets does not match actual count)', expected: String(g.transactions), found: f[1] ?? '' }), { segment: seg.position }, at);
        }
        if (!same(f[2], g.control)) {
          onEnvelope('gs', g.seq, x12Defect('x12/envelope-control', '$', `a receiver rejects functional group ${g.control}: GE02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the group's GS06 (segment ${g.position}) is ${JSON.stringify(g.control)}`,
            { segment: seg.position, element: 'GE02', snip: 1, ack: '999 AK9 code 4 (group control number in header and trailer do not agree)', expected: g.control, found: f[2] ?? '' }), { segment: seg.position }, at);
        }
        release();
        return;
      }
      case 'IEA': {
        flushStrays();
        const why = `the IEA at segment ${seg.position} closes the interchange first`;
        closeGroup(why);
        abandon(why);
        const i = isa;
        if (!i) { release(); rejectHeld({ segment: seg.position }, f[2] ?? '', 'an IEA after its ISA', `IEA at segment ${seg.position} closes no interchange (no ISA before it)`); return; }
        const at = scope();
        isa = undefined;
        for (const d of i.lenient) onEnvelope('isa', i.seq, d, { segment: i.position }, at);
        if (!same(f[1], String(i.groups))) {
          onEnvelope('isa', i.seq, x12Defect('x12/envelope-count', '$', `a receiver rejects interchange ${i.control}: IEA01 at segment ${seg.position} says ${JSON.stringify(f[1] ?? '')} functional groups, it has ${i.groups} (ISA at segment ${i.position})`,
            { segment: seg.position, element: 'IEA01', snip: 1, ack: 'TA1 code 021 (invalid number of included groups value)', expected: String(i.groups), found: f[1] ?? '' }), { segment: seg.position }, at);
        }
        if (!same(f[2], i.control)) {
          onEnvelope('isa', i.seq, x12Defect('x12/envelope-control', '$', `a receiver rejects interchange ${i.control}: IEA02 at segment ${seg.position} is ${JSON.stringify(f[2] ?? '')} but the interchange's ISA13 (segment ${i.position}) is ${JSON.stringify(i.control)}`,
            { segment: seg.position, element: 'IEA02', snip: 1, ack: 'TA1 code 001 (interchange control number in header and trailer do not match)', expected: i.control, found: f[2] ?? '' }), { segment: seg.position }, at);
        }
        release();
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
          hold({ ...scope(), source: { file, transaction: st.control, segment: seg.position }, ...(f[1] ? { claimId: f[1] } : {}), defects: [], envelope: false,
            problems: [problem('$', null, 'an 837P/837I 5010 transaction', `${st.unsupported} (claim at segment ${seg.position})`)] });
          return;
        }
      }
      if (st.unsupported) return;
      const closed = st.builder.add(seg);
      if (closed) claimItem(closed, st.control);
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
      held.push({ ...scope(), source: { file, segment: seg.position }, ...(f[1] ? { claimId: f[1] } : {}), defects: [], envelope: false,
        problems: [problem('$', null, 'a CLM inside an ST…SE transaction', `CLM at segment ${seg.position} is outside any transaction (no ST before it): it cannot be read`)] });
      release();
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
        if (!isa && !strayText) strayText = { length: token.length, preview: token.preview, position: token.position };
        continue;
      }
      last = token.position;
      if (token.reason === 'bad-isa') {
        flushStrays();
        const why = `an unreadable ISA at segment ${token.position} follows`;
        abandon(why);
        closeGroup(why);
        closeInterchange(why);
        release();
        rejectHeld({ segment: token.position }, token.preview, 'an ISA of 16 elements with its delimiters',
          `segment ${token.position} starts with ISA but is not a readable interchange header (${JSON.stringify(token.preview)}): its delimiters are unknown, so what follows is read only from the next ISA or ST`);
        continue;
      }
      // A segment too long to be real: damage where it falls.
      const message = `segment ${token.position} is ${token.length} characters long (no terminator in sight): it was skipped`;
      if (st) { st.count++; st.last = token.position; st.builder.damage(problem('$', null, 'a segment of an 837', message)); }
      else if (isa || gs) holdEnvelope(scope(), { segment: token.position }, null, 'a segment of an 837', message);
      else rejectHeld({ segment: token.position }, null, 'a segment of an 837', message);
    }
    yield* out;
    out.length = 0;
  }

  flushStrays();
  const why = `the file ends at segment ${last}; it looks truncated`;
  abandon(why, true);
  closeGroup(why);
  closeInterchange(why);
  release(true);
  if (segments > 0 && answered === 0) {
    out.push(rejectEnvelope({}, null, 'a CLM (claim) in an 837 transaction', `${file ?? 'input'} has no claim: its ${segments} segment${segments === 1 ? '' : 's'} hold no ST…SE transaction and no CLM`));
  }
  if (segments === 0) {
    const name = file ?? 'input';
    out.push(rejectEnvelope({}, ignored || '', 'an X12 837 file (ISA…IEA or ST*837…SE)', stats.ignoredCharacters === 0
      ? `${name} is empty`
      : `${name} has no ISA or ST*837 segment: it is not an X12 file (it starts with ${JSON.stringify(ignored)})`));
  }
  yield* out;
}
