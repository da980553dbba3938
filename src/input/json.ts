import { failureOffset, NotTextError, NUL_MESSAGE, positionOf, linesOf, textOf } from './text';
import { type Chunks, decodeItem, DEFAULT_MAX_RECORD_LENGTH, type InputItem, problem, type ReadOptions, rejectedItem } from './types';

function parseFailure(text: string, error: unknown): { message: string; line?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const offset = failureOffset(text, message);
  if (offset === undefined) return { message };
  const { line, column } = positionOf(text, offset);
  return { message: `${message} (line ${line}, column ${column})`, line };
}

/** A JSON file: one claim object, or an array of claims (each element is a record). */
export async function* readJson(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const file = options.file;
  let text = '';
  try {
    for await (const piece of textOf(chunks)) text += piece;
  } catch (error) {
    if (!(error instanceof NotTextError)) throw error;
    yield rejectedItem({ file }, [problem('$', null, 'JSON text', `${file ?? 'input'}: ${error.message}`)]);
    return;
  }
  const start = text.trimStart()[0];
  if (start === undefined) {
    yield rejectedItem({ file }, [problem('$', '', 'a claim object or an array of claims', `${file ?? 'input'} is empty`)]);
    return;
  }
  if (start !== '{' && start !== '[') {
    yield rejectedItem({ file }, [problem('$', text.slice(0, 40), 'a claim object or an array of claims',
      `${file ?? 'input'} does not look like JSON (it starts with ${JSON.stringify(text.trimStart().slice(0, 20))}); use --input-format to say what it is`)]);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const failure = parseFailure(text, error);
    // An NDJSON file saved as .json parses as "unexpected non-whitespace after JSON": say so.
    const hint = start === '{' && /after JSON|Unexpected token/.test(failure.message) && text.trim().includes('\n{') ? ' (it looks like NDJSON: one claim per line; name it .ndjson or use --input-format ndjson)' : '';
    yield rejectedItem({ file, ...(failure.line ? { line: failure.line } : {}) }, [problem('$', null, 'valid JSON', `${failure.message}${hint}`)]);
    return;
  }
  if (Array.isArray(parsed)) {
    for (const [i, record] of parsed.entries()) yield decodeItem(record, { file, record: i + 1 });
  } else {
    yield decodeItem(parsed, { file, record: 1 });
  }
}

/** NDJSON / JSON Lines: one claim per line; blank lines are skipped; a bad line is a rejection and the stream goes on. */
export async function* readNdjson(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const file = options.file;
  const maxLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  let record = 0;
  try {
    for await (const line of linesOf(textOf(chunks, true), maxLength)) {
      if (line.text !== null && line.text.trim() === '') continue;
      record++;
      const source = { file, line: line.number, record };
      if (line.text === null) {
        yield rejectedItem(source, [problem('$', null, `a line of at most ${maxLength} characters`, `line ${line.number} is ${line.length} characters long, over the limit of ${maxLength}; it was not read`)]);
        continue;
      }
      if (line.text.includes('\u0000')) {
        yield rejectedItem(source, [problem('$', null, 'a JSON object on one line', `line ${line.number} ${NUL_MESSAGE}`)]);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line.text);
      } catch (error) {
        const hint = record === 1 && line.text.trim() === '[' ? ' (the file looks like a JSON array: name it .json or use --input-format json)' : '';
        yield rejectedItem(source, [problem('$', line.text.length > 80 ? `${line.text.slice(0, 77)}...` : line.text, 'a JSON object on one line',
          `line ${line.number} is not valid JSON: ${error instanceof Error ? error.message : String(error)}${hint}`)]);
        continue;
      }
      yield decodeItem(parsed, source);
    }
  } catch (error) {
    if (!(error instanceof NotTextError)) throw error;
    yield rejectedItem({ file }, [problem('$', null, 'NDJSON text', `${file ?? 'input'}: ${error.message}`)]);
    return;
  }
  if (record === 0) yield rejectedItem({ file }, [problem('$', '', 'at least one claim', `${file ?? 'input'} has no records (empty file)`)]);
}
