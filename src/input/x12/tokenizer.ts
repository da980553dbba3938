// A streaming X12 tokenizer: text in, segments out, delimiters taken from each ISA (X12.5 interchange
// control structures: the ISA is the one segment whose layout is fixed, so it carries the delimiters).
// Memory holds one chunk plus one unfinished segment, whatever the file's size.
// (npm x12-parser 1.3.0 was evaluated and not used: it takes the delimiters at fixed offsets 3/82/104/105
// of the first chunk only, so a BOM, text before the ISA, a trimmed ISA, a second interchange with other
// delimiters, UTF-16 or a bare ST break it, and it treats an alphanumeric ISA11 as a repetition separator.)

export interface Delimiters {
  readonly element: string;
  readonly component: string;
  /** The segment terminator; '\n' stands for a newline-terminated file (CR LF or LF). */
  readonly segment: string;
  /** ISA11 when it is a separator (from 00501; an alphanumeric ISA11 such as 'U' is the standards id). */
  readonly repetition?: string;
}

export interface Segment {
  readonly kind: 'segment';
  readonly id: string;
  /** fields[0] is the segment id and fields[n] element n, so NM109 is fields[9]. */
  readonly fields: readonly string[];
  /** 1-based position of the segment in the file, counting every segment from the file's start. */
  readonly position: number;
  readonly delimiters: Delimiters;
  /** True when the delimiters were guessed from a bare ST (no ISA to read them from). */
  readonly guessed?: boolean;
}

/** Text that is not a segment, or a segment too long to keep; position is that of the next segment. */
export interface Skipped {
  readonly kind: 'skipped';
  readonly reason: 'text' | 'bad-isa' | 'too-long';
  readonly position: number;
  readonly length: number;
  readonly preview: string;
}

export type Token = Segment | Skipped;

/** No segment of an 837 is near this long; a longer one is garbage (or a wrong terminator) and is skipped. */
export const MAX_SEGMENT_LENGTH = 64 * 1024;
const ISA_SEARCH = 512; // an ISA is 106 characters; allow padding quirks but not a runaway search
const BARE_LOOKAHEAD = 8 * 1024; // text to look at when guessing a bare transaction's component separator

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\u0000' || c === '\ufeff'
  || c === '\u001a'; // Ctrl-Z: the end-of-file mark of DOS-era transfers
const escape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
const preview = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

// The start of an interchange or of a bare 837 transaction, not inside a word.
const START = /(?<![A-Za-z0-9])(?:ISA(?=[^A-Za-z0-9\s])|ST([^A-Za-z0-9\s])837\1)/;
const NEW_INTERCHANGE = /[\r\n][ \t]*ISA(?=[^A-Za-z0-9\s])/;

/** Segments of X12 text, in order; every character of the text ends up in a segment or a Skipped token. */
export async function* tokenize(texts: AsyncIterable<string>): AsyncGenerator<Token> {
  for await (const batch of tokenBatches(texts)) yield* batch;
}

/** The tokens of each chunk of text as one array: one await per chunk rather than per segment. */
export async function* tokenBatches(texts: AsyncIterable<string>): AsyncGenerator<Token[]> {
  let buf = '';
  let delims: Delimiters | undefined;
  let guessed = false;
  let position = 0;
  let junk = 0; // characters of non-X12 text seen since the last segment
  let junkPreview = '';
  let skipping = 0; // > 0 while dropping an over-long segment up to its terminator
  let eof = false;
  const iterator = texts[Symbol.asyncIterator]();

  let batch: Token[] = [];
  const flushJunk = (): void => {
    if (junk > 0) batch.push({ kind: 'skipped', reason: 'text', position: position + 1, length: junk, preview: preview(junkPreview.trim()) });
    junk = 0;
    junkPreview = '';
  };
  const addJunk = (text: string) => {
    if (text.trim() === '') return;
    if (junk === 0) junkPreview = text.trimStart().slice(0, 60);
    junk += text.length;
  };

  for (;;) {
    if (!eof) {
      const next = await iterator.next();
      if (next.done) eof = true;
      else buf += next.value;
    }
    let pos = 0;
    for (;;) {
      if (skipping > 0) {
        const end = delims ? buf.indexOf(delims.segment, pos) : -1;
        if (end < 0 && !eof) { skipping += buf.length - pos; pos = buf.length; break; }
        const stop = end < 0 ? buf.length : end;
        skipping += stop - pos;
        position++;
        batch.push({ kind: 'skipped', reason: 'too-long', position, length: skipping, preview: '' });
        skipping = 0;
        pos = end < 0 ? buf.length : end + 1;
        continue;
      }
      while (pos < buf.length && isSpace(buf[pos])) pos++;
      if (pos >= buf.length) break;

      if (!delims) {
        // Looking for an interchange or, with no ISA in sight, a bare ST*837…SE.
        const rest = buf.slice(pos);
        const match = START.exec(rest);
        if (!match) {
          // Keep a tail that could be the start of a match cut by the chunk boundary.
          const keep = eof ? 0 : Math.min(rest.length, 16);
          addJunk(rest.slice(0, rest.length - keep));
          pos = buf.length - keep;
          break;
        }
        if (match.index > 0) { addJunk(rest.slice(0, match.index)); pos += match.index; }
        if (match[1] !== undefined) {
          const bare = guessBare(buf, pos, eof);
          if (bare === 'wait') break;
          if (bare === null) { addJunk(buf.slice(pos, pos + 3)); pos += 3; continue; }
          delims = bare;
          guessed = true;
          flushJunk();
        }
      }
      if (buf.startsWith('ISA', pos) && (pos + 3 >= buf.length || (!isAlnum(buf[pos + 3]) && !isSpace(buf[pos + 3])))) {
        const isa = readIsa(buf, pos, eof);
        if (isa === 'wait') break;
        flushJunk();
        if (isa === null) {
          // Not a usable ISA: say so, and look for the next interchange after it.
          const stop = Math.min(buf.length, pos + 106);
          position++;
          batch.push({ kind: 'skipped', reason: 'bad-isa', position, length: stop - pos, preview: preview(buf.slice(pos, stop)) });
          delims = undefined;
          pos += 3;
          continue;
        }
        delims = isa.delimiters;
        guessed = false;
        position++;
        batch.push({ kind: 'segment', id: 'ISA', fields: isa.fields, position, delimiters: delims });
        pos = isa.end;
        continue;
      }
      if (!delims) { addJunk(buf.slice(pos, pos + 3)); pos += 3; continue; }

      const d = delims;
      const end = buf.indexOf(d.segment, pos);
      if (end < 0 && !eof) {
        if (buf.length - pos > MAX_SEGMENT_LENGTH) { skipping = buf.length - pos; pos = buf.length; }
        break;
      }
      let text = buf.slice(pos, end < 0 ? buf.length : end);
      let next = end < 0 ? buf.length : end + d.segment.length;
      if (d.segment !== '\n' && (text.includes('\n') || text.includes('\r'))) {
        // No element holds a line break (X12.6 character sets), so a line that starts with ISA inside a
        // "segment" is the next interchange after a banner line: stop before it. Other line breaks are
        // lines wrapped at 80 columns.
        const isa = NEW_INTERCHANGE.exec(text);
        if (isa) { text = text.slice(0, isa.index); next = pos + isa.index + 1; }
        text = text.replace(/[\r\n]/g, '');
      }
      pos = next;
      text = text.trimEnd();
      if (text === '') continue;
      position++;
      if (text.length > MAX_SEGMENT_LENGTH) {
        batch.push({ kind: 'skipped', reason: 'too-long', position, length: text.length, preview: preview(text) });
        continue;
      }
      const fields = text.split(d.element);
      batch.push(guessed ? { kind: 'segment', id: fields[0], fields, position, delimiters: d, guessed } : { kind: 'segment', id: fields[0], fields, position, delimiters: d });
    }
    buf = buf.slice(pos);
    if (eof) {
      if (buf.trim() !== '') addJunk(buf);
      flushJunk();
    }
    if (batch.length > 0) { yield batch; batch = []; }
    if (eof) return;
  }
}

interface IsaRead { readonly fields: string[]; readonly delimiters: Delimiters; readonly end: number }

/**
 * Reads the ISA at pos: element separator = the character after "ISA", component separator = ISA16,
 * segment terminator = the character after ISA16 (a CR or LF there means newline-terminated).
 * The 16 separators are counted rather than assuming fixed columns, so a space-trimmed ISA still reads.
 */
function readIsa(buf: string, pos: number, eof: boolean): IsaRead | null | 'wait' {
  const element = buf[pos + 3];
  let at = pos + 3;
  for (let n = 0; n < 16; n++) {
    at = buf.indexOf(element, at + (n === 0 ? 0 : 1));
    if (at < 0 || at - pos > ISA_SEARCH) return at < 0 && !eof && buf.length - pos < ISA_SEARCH ? 'wait' : null;
  }
  if (at + 2 >= buf.length && !eof) return 'wait'; // ISA16 and the terminator are not in yet
  const component = buf[at + 1];
  if (component === undefined) return null;
  let terminator = buf[at + 2];
  let end = at + 3;
  if (terminator === undefined) { terminator = '~'; end = at + 2; } // an ISA that ends the file
  if (terminator === '\r' || terminator === '\n') terminator = '\n';
  if (isAlnum(component) || isSpace(component) || component === element) return null;
  if (isAlnum(terminator) || (isSpace(terminator) && terminator !== '\n') || terminator === element || terminator === component) return null;
  const fields = buf.slice(pos, at + 2).split(element);
  if (fields.length !== 17) return null;
  const isa11 = fields[11];
  // X12.5: ISA11 is the repetition separator from version 00501; before, and whenever it is alphanumeric
  // (a 'U' left over from 4010 habits), it is the standards identifier. A punctuation ISA11 with an older
  // ISA12 (seen in the wild) is still taken as the separator it evidently is.
  const repetition = isa11.length === 1 && !isAlnum(isa11) && !isSpace(isa11) && ![element, component, terminator].includes(isa11) ? isa11 : undefined;
  return { fields, delimiters: { element, component, segment: terminator, ...(repetition ? { repetition } : {}) }, end };
}

/**
 * Delimiters for a bare ST*837 with no ISA to read them from: the element separator follows "ST", the
 * terminator follows ST02/ST03, and the component separator is the character after a code qualifier
 * (HI*ABK:…, SV1*HC:…), ':' when none is in sight.
 */
function guessBare(buf: string, pos: number, eof: boolean): Delimiters | null | 'wait' {
  if (!eof && buf.length - pos < BARE_LOOKAHEAD) return 'wait';
  const element = buf[pos + 2];
  let at = pos + 7; // after "ST*837*"
  let terminator: string | undefined;
  for (let field = 2; field <= 3 && at <= buf.length; field++) {
    while (at < buf.length && (isAlnum(buf[at]) || buf[at] === ' ')) at++;
    const c = buf[at];
    if (c === undefined) return null;
    if (c === element && field === 2) { at++; continue; }
    terminator = c === '\r' ? '\n' : c;
    break;
  }
  if (terminator === undefined || terminator === element || isAlnum(terminator)) return null;
  const e = escape(element);
  const window = buf.slice(pos, pos + BARE_LOOKAHEAD);
  const found = new RegExp(`(?:HI${e}(?:ABK|BK|ABF|BF|APR|PR|ABJ|BJ|BBR|BR)|SV1${e}HC|SV2${e}\\d{4}${e}HC)([^A-Za-z0-9\\s])`).exec(window);
  const component = found && found[1] !== element && found[1] !== terminator ? found[1] : ':';
  return { element, component, segment: terminator };
}

/** Components of a composite element (SV101 → ['HC', '99213', '25']). */
export function components(segment: Segment, element: number): string[] {
  const value = segment.fields[element] ?? '';
  return value === '' ? [] : value.split(segment.delimiters.component);
}
