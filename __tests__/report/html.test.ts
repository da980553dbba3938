import { detachedRow, htmlFormatter, tableRank } from '../../src/report/html';
import { addToSummary, emptySummary } from '../../src/report/summary';
import type { ScrubResult } from '../../src/scrub/result';
import { finding, rejected, scrubbed } from './fixtures';

function report(results: readonly ScrubResult[], maxRows?: number): string {
  const f = htmlFormatter({ generatedAt: new Date('2026-11-24T08:00:00Z'), inputs: ['batch.ndjson'], ...(maxRows ? { maxRows } : {}) });
  const s = emptySummary();
  for (const r of results) {
    addToSummary(s, r, 100, r.claimId?.startsWith('A') ? 'MEDICARE-JH' : 'AETNA');
    expect(f.result(r, { charge: 100, payer: r.claimId?.startsWith('A') ? 'MEDICARE-JH' : 'AETNA', serviceDate: '2026-01-15', procedureCodes: ['22551', '22552'] })).toBe(''); // nothing is written until the end
  }
  return f.end(s);
}

const rowIds = (html: string): string[] => [...html.matchAll(/<tr data-outcome="[^"]+" data-seq="\d+"><td data-v="([^"]*)">/g)].map((m) => m[1]);

describe('the HTML report', () => {
  it('is one self-contained file: inline style and script, a CSP that forbids fetching anything', () => {
    const html = report([scrubbed('A', 0.85, [finding()]), scrubbed('B', 0, []), rejected(3)]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('generated 2026-11-24T08:00:00.000Z');
  });

  it('draws the four charts as inline SVG and prints the summary that adds up', () => {
    const html = report([scrubbed('A', 0.85, [finding()]), scrubbed('B', 0, []), scrubbed('C', 0.3, [finding({ severity: 'warning', denial: { risk: 0.3 } })]), rejected(4)]);
    for (const chart of ['outcomes', 'payers', 'risk', 'rules']) expect(html).toMatch(new RegExp(`<figure data-chart="${chart}"[^>]*><figcaption>[^]*?<svg `));
    expect(html).toContain('4 inputs = 3 scrubbed + 1 rejected');
    // The expected denied amount is charge × risk: 100 × 0.85 + 100 × 0 + 100 × 0.3 — not the whole charge of risky claims.
    expect(html).toContain('<div class="value">$115.00</div><div class="meta">expected denied (charge × risk)');
    // By payer: what no table shows.
    expect(html).toMatch(/<figure data-chart="payers"[^]*MEDICARE-JH[^]*\$85\.00 of \$100\.00/);
  });

  it('shows payer, date of service, procedure codes and expected denied amount in each row, a finding per line', () => {
    const html = report([scrubbed('A', 0.85, [finding()])]);
    const row = /<tr data-outcome="likely-denial"[^]*?<\/tr>/.exec(html)![0];
    expect(row).toContain('>MEDICARE-JH<');
    expect(row).toContain('>2026-01-15<');
    expect(row).toContain('>22551 22552<');
    expect(row).toContain('>$85.00<');
    expect(row).toMatch(/<details><summary><span class="sev sev-error">error<\/span> <span class="where">dx 1<\/span>/);
  });

  it('says in its header how the claims were judged, and that a what-if is one', () => {
    const whatIf = { ...scrubbed('A', 0.5, [finding()]), ruleSet: { version: '2026.11', codeSet: 'ICD-10-CM FY2027', preset: 'recommended', asOf: '2026-11-01' } } as ScrubResult;
    const html = report([whatIf]);
    expect(html).toContain('judged with preset recommended · what-if as of 2026-11-01');
    expect(html).toContain('What-if: every claim was judged as if on 2026-11-01, not on its own date of service.');
    expect(report([scrubbed('B', 0, [])])).not.toContain('What-if');
  });

  it('escapes what comes from the input, and links only http(s) sources', () => {
    const evil = scrubbed('<script>alert(1)</script>', 0.9, [finding({ message: 'a <b>bold</b> & "quoted" message', sources: [{ title: 'bad', url: 'javascript:alert(1)' }, { title: 'good', url: 'https://example.org/a?b=1&c=2' }] })]);
    const html = report([evil]);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; message');
    expect(html).not.toContain('javascript:alert');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">good</a>');
  });

  it('keeps the highest-risk rows (rejections first, ties in input order) and says how many were left out', () => {
    const results: ScrubResult[] = [];
    for (let i = 0; i < 40; i++) results.push(scrubbed(`C${i}`, (i % 10) / 10, i % 10 ? [finding({ denial: { risk: (i % 10) / 10 } })] : [], i + 1));
    results.push(rejected(41, '$', 'a JSON object on one line', 'R41'));
    const html = report(results, 6);
    expect(rowIds(html)).toEqual(['R41', 'C9', 'C19', 'C29', 'C39', 'C8']);
    expect(html).toContain('The table shows the 6 highest-risk of 41 records');
    expect(html).toContain('35 lower-risk records are left out');
    expect(html).toContain('41 inputs = 40 scrubbed + 1 rejected'); // the summary counts all of them
  });

  it('gives the same report when the results at or below the table\'s floor are only counted (what --jobs workers leave out)', () => {
    const results: ScrubResult[] = [];
    for (let i = 0; i < 400; i++) results.push(i % 37 === 0 ? rejected(i + 1, '$', 'a JSON object on one line', `R${i}`) : scrubbed(`C${i}`, ((i * 7) % 100) / 100, [finding({ denial: { risk: ((i * 7) % 100) / 100 } })], i + 1));
    const context = { charge: 100, payer: 'AETNA', serviceDate: '2026-01-15', procedureCodes: ['22551'] };
    // As a worker thread hands them over: rows rendered apart (detachedRow), the rest only counted.
    const render = (apart: boolean) => {
      const f = htmlFormatter({ generatedAt: new Date('2026-11-24T08:00:00Z'), inputs: ['batch.ndjson'], maxRows: 6 });
      const s = emptySummary();
      let skipped = 0;
      for (const r of results) {
        addToSummary(s, r, 100, 'AETNA');
        if (!apart) f.result(r, context);
        else if (tableRank(r) <= f.table!.floor()) { f.table!.skip(); skipped++; } else f.table!.add(tableRank(r), detachedRow(r, context));
      }
      return { html: f.end(s), skipped };
    };
    const whole = render(false);
    const counted = render(true);
    expect(counted.skipped).toBeGreaterThan(250); // most of them: the floor rose at the first pruning
    expect(counted.html).toBe(whole.html);
    expect(counted.html).not.toContain('data-seq="#"');
    expect(rowIds(whole.html)).toEqual(['R0', 'R37', 'R74', 'R111', 'R148', 'R185']);
  });

  it('shows every row, and no note, when the batch fits', () => {
    const html = report([scrubbed('A', 0, []), scrubbed('B', 0.5, [finding()])]);
    expect(rowIds(html)).toEqual(['B', 'A']);
    expect(html).not.toContain('left out');
  });
});
