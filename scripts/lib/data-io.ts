import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The value after `--name` on the command line, if any. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : undefined;
}

/** Where the official source files live: `--source DIR`, else ../shared/domain beside the project. */
export function sourceDir(): string {
  return path.resolve(argValue('--source') ?? path.join(__dirname, '..', '..', '..', 'shared', 'domain'));
}

/** Reads a CSV file with a header line (standard quoting, UTF-8) into records by column name. */
export function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

/** The shipped data folder (rules/data), found from this script whether run by ts-node or from dist/. */
export function dataDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'rules', 'data');
}

/** Reads a tab-separated file with a header line (no quoting, as the domain READMEs state). */
export function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) throw new Error(`${file}: ${cells.length} cells where the header has ${columns.length}: ${line.slice(0, 80)}`);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
  });
}

/**
 * Writes a data file deterministically: header fields pretty-printed, then `rows` one per line,
 * so re-running an importer reproduces the file byte for byte and a diff shows changed rows.
 * A header with `rowsSortedBy` (its first column) gets its rows in that column's order, keeping the
 * order of rows with one key: the loader then searches the file in place (src/rules/keyed-rows.ts).
 */
export function writeDataFile(name: string, header: Record<string, unknown>, rows?: readonly unknown[]): string {
  const file = path.join(dataDir(), `${name}.json`);
  if (header.rowsSortedBy !== undefined && rows !== undefined) {
    if (header.rowsSortedBy !== (header.columns as string[] | undefined)?.[0]) throw new Error(`${name}: rowsSortedBy must name the first column`);
    const keyOf = (row: unknown) => String((row as unknown[])[0]);
    rows = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  }
  const head = JSON.stringify(header, null, 2);
  const text = rows === undefined
    ? `${head}\n`
    : `${head.slice(0, -2)},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
  fs.writeFileSync(file, text);
  return file;
}
