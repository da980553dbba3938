import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { runCli } from '../helpers/cli';

// The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by .ci/run)
// driven by playwright-core. Skipped, saying so, where the browser is absent.
const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SCREENSHOT = path.join(ROOT, 'tmp', 'report-screenshot.png');

/** A deterministic batch with every outcome and a few rejections, so each chart has something to draw. */
function batch(count: number): string {
  const seed = fs.readFileSync(path.join(ROOT, 'samples', 'seed.ndjson'), 'utf8').split('\n');
  const spine = JSON.parse(seed[0]) as Record<string, unknown>;
  const diagnoses = [['M54.12'], ['M54.50', 'I10'], ['M54.5'], ['M43.0', 'M43.03'], ['722.0'], ['E11.9', 'D69.1'], ['I10'], ['M54.16']];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 37 === 5) { lines.push(`{"id":"CLM-B${i}","type":"professional","serviceDate":"2026-01-15","diagnoses":["I10"],"lines":[{"procedureCode":"99213","units":0}]}`); continue; }
    if (i % 53 === 7) { lines.push(`{"id":"CLM-B${i}", "broken`); continue; }
    if (i % 23 === 3) { lines.push(`{"id":"CLM-B${i}","type":"professional","serviceDate":"2014-09-30","diagnoses":["722.0"],"lines":[{"procedureCode":"99213","units":1,"charge":80}]}`); continue; }
    const claim = i % 9 === 0
      ? { ...spine, id: `CLM-B${i}` }
      : { id: `CLM-B${i}`, type: 'professional', payer: PAYERS[i % PAYERS.length], patient: { birthDate: '1961-04-02', sex: i % 2 ? 'F' : 'M' }, serviceDate: i % 4 === 0 ? '2026-10-20' : '2026-02-10', diagnoses: diagnoses[i % diagnoses.length],
        lines: [{ procedureCode: i % 3 === 0 ? '99214' : '99213', units: 1, charge: 80 + ((i * 37) % 900) }] };
    lines.push(JSON.stringify(claim));
  }
  return `${lines.join('\n')}\n`;
}

const PAYERS = [{ id: 'MEDICARE-JH', type: 'medicare' }, { id: 'BCBS-TX', type: 'commercial' }, { id: 'AETNA', type: 'commercial' }, { id: 'TX-MEDICAID', type: 'medicaid' }, { id: 'UHC', type: 'commercial' }];

const cli = (args: string[], cwd: string) => runCli(args, { cwd });

const maybe = HAVE_CHROMIUM ? it : it.skip;
const skipped = HAVE_CHROMIUM ? '' : ` [SKIPPED: no Chromium at ${CHROMIUM}; apt-get install chromium, or set CHROMIUM_PATH]`;

describe('the HTML report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-browser-'));
    if (!HAVE_CHROMIUM) return;
    // A new empty profile, and nothing that phones home: the report must work offline.
    // --max-old-space-size caps the page's JavaScript heap (its live heap is under 32 MB here: the test passes
    // with a cap of 32), so V8 collects instead of growing: Chromium's peak (proportional set size of all its
    // processes) goes from ~750 MB to ~570 MB, at the same speed. A page that outgrew it would crash: loudly.
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1360, height: 1000 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--js-flags=--max-old-space-size=128'],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  maybe(`renders the charts, filters and sorts the table, fetches nothing; saves a screenshot${skipped}`, async () => {
    fs.writeFileSync(path.join(dir, 'batch.ndjson'), batch(2000));
    const { code, stderr } = await cli(['check', 'batch.ndjson', '--format', 'html', '--output', 'report.html', '--progress'], dir);
    expect(code).toBe(1);
    const [, inputs, scrubbed, rejected] = /(\d+) inputs = (\d+) scrubbed \+ (\d+) rejected/.exec(stderr)!.map(Number);
    expect(inputs).toBe(2000);
    expect(scrubbed + rejected).toBe(2000);

    const page = await context!.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const url = pathToFileURL(path.join(dir, 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });

    // Every chart is drawn: an SVG with a real size and at least one visible mark.
    for (const chart of ['outcomes', 'payers', 'risk', 'rules']) {
      const svg = page.locator(`figure[data-chart="${chart}"] svg`);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(50);
      const marks = await page.locator(`figure[data-chart="${chart}"] .bar`).evaluateAll((els) =>
        els.filter((e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length);
      expect(marks).toBeGreaterThan(0);
    }
    // One donut segment per outcome that occurs, rejections included.
    const outcomes = /outcomes: (\d+) clean, (\d+) review, (\d+) likely-denial/.exec(stderr)!.slice(1).map(Number);
    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(scrubbed);
    expect(await page.locator('figure[data-chart="outcomes"] .bar').count()).toBe([...outcomes, rejected].filter((n) => n > 0).length);

    // One page of rows at a time; "show more" adds the next page.
    const rows = page.locator('#claims tbody tr');
    const visible = () => rows.count();
    expect(await page.locator('#shown').textContent()).toBe('2,000');
    expect(await visible()).toBe(200);
    await page.click('#more');
    expect(await visible()).toBe(400);
    // Compact rows: a claim with findings is a few lines tall (one line per finding until one is opened).
    const heights = await rows.evaluateAll((trs) => trs.slice(0, 50).map((tr) => tr.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(120);
    // A finding opens to its fix and sources on click.
    const first = page.locator('#claims tbody tr details').first();
    await first.locator('summary').click();
    expect(await first.locator('.fix, .meta').first().isVisible()).toBe(true);
    await first.locator('summary').click();

    await page.fill('#search', 'clm-b1999');
    expect(await visible()).toBe(1);
    expect(await page.locator('#claims tbody tr td').first().getAttribute('data-v')).toBe('CLM-B1999');
    await page.fill('#search', 'M54.5');
    const m545 = Number((await page.locator('#shown').textContent())!.replace(/,/g, ''));
    expect(m545).toBeGreaterThan(0);
    expect(m545).toBeLessThan(2000);
    await page.fill('#search', 'aetna');
    expect(Number((await page.locator('#shown').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
    await page.fill('#search', '');
    await page.selectOption('#outcome-filter', 'rejected');
    expect(await visible()).toBe(rejected);
    expect(await page.locator('#shown').textContent()).toBe(String(rejected));
    await page.selectOption('#outcome-filter', '');

    // Sorting: a number column sorts largest first on the first click, then flips; text A to Z first.
    const chargeHeader = page.locator('#claims th', { hasText: 'charge' });
    const column = (n: number) => page.locator(`#claims tbody tr td:nth-child(${n})`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-v') ?? ''));
    await chargeHeader.click();
    expect(await chargeHeader.getAttribute('aria-sort')).toBe('descending');
    const byCharge = (await column(7)).map(Number);
    expect(byCharge).toEqual([...byCharge].sort((a, b) => b - a));
    await chargeHeader.click();
    const ascending = (await column(7)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.locator('#claims th', { hasText: 'claim' }).first().click();
    const ids = await column(1);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    const riskHeader = page.locator('#claims th', { hasText: 'risk' });
    await riskHeader.click();
    const risks = (await column(6)).map(Number);
    const deniedHeader = page.locator('#claims th', { hasText: 'expected denied' });
    await deniedHeader.click();
    const denied = (await column(8)).map(Number);
    expect(denied).toEqual([...denied].sort((a, b) => b - a));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]); // nothing but the file itself: no CDN, no fonts, no beacons

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1500 } });
    // The claims table as a coder sees it first (sorted by expected denied amount).
    const top = Number(await page.evaluate("document.getElementById('claims').getBoundingClientRect().top + window.scrollY"));
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-table.png'), fullPage: true, clip: { x: 0, y: Math.max(0, top - 90), width: 1360, height: 900 } });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    await page.close();
  }, 90_000);
});
