import { PassThrough } from 'node:stream';
import { countBytes, createProgress, progressMode } from '../../src/cli/progress';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('progress', () => {
  it('a bar on a terminal, lines with --progress elsewhere, nothing with --quiet or by default', () => {
    expect(progressMode({ isTTY: true })).toBe('bar');
    expect(progressMode({ isTTY: true, quiet: true })).toBe('off');
    expect(progressMode({ isTTY: false, progress: true })).toBe('lines');
    expect(progressMode({ isTTY: false, progress: true, quiet: true })).toBe('off');
    expect(progressMode({ isTTY: false })).toBe('off');
  });

  it('the bar redraws in place with records, claims/s and an ETA from bytes read, and clears itself', () => {
    const out = sink();
    let now = 0;
    const p = createProgress({ stream: out.stream, mode: 'bar', totalBytes: 1000, now: () => now, intervalMs: 200, barWidth: 10 });
    now = 100; p.update(2500, 250); // before the first interval: nothing
    expect(out.text()).toBe('');
    now = 1000; p.update(25000, 250);
    expect(out.text()).toBe('\r\u001b[K[###-------]  25% 25,000 records  25,000 claims/s  ETA 0:03');
    now = 1100; p.update(26000, 300); // within the interval: no redraw
    now = 2000; p.update(50000, 500);
    expect(out.text().endsWith('\r\u001b[K[#####-----]  50% 50,000 records  25,000 claims/s  ETA 0:02')).toBe(true);
    p.done();
    expect(out.text().endsWith('\r\u001b[K')).toBe(true);
  });

  it('without a known size (standard input) the bar shows elapsed time instead of a percentage', () => {
    const out = sink();
    let now = 0;
    const p = createProgress({ stream: out.stream, mode: 'bar', now: () => now });
    now = 65_000; p.update(1000, 5000);
    expect(out.text()).toBe('\r\u001b[K1,000 records  15 claims/s  elapsed 1:05');
  });

  it('lines mode prints a plain line every interval and a last line at the end', () => {
    const out = sink();
    let now = 0;
    const p = createProgress({ stream: out.stream, mode: 'lines', totalBytes: 400, now: () => now });
    for (let s = 1; s <= 12; s++) { now = s * 1000; p.update(s * 100, s * 10); }
    p.done();
    expect(out.text().split('\n').filter(Boolean)).toEqual([
      'claimscrub: 500 records, 100 claims/s, elapsed 0:05, 12% read, ETA 0:35',
      'claimscrub: 1,000 records, 100 claims/s, elapsed 0:10, 25% read, ETA 0:30',
      'claimscrub: 1,200 records in 0:12, 100 claims/s',
    ]);
  });

  it('off writes nothing', () => {
    const out = sink();
    const p = createProgress({ stream: out.stream, mode: 'off', now: () => 1e9 });
    p.update(1, 1);
    p.done();
    expect(out.text()).toBe('');
  });

  it('countBytes passes the chunks through and counts UTF-8 bytes', async () => {
    let bytes = 0;
    const seen: (string | Uint8Array)[] = [];
    for await (const chunk of countBytes(['ab', Buffer.from('cde'), 'é'], (n) => { bytes += n; })) seen.push(chunk);
    expect(seen).toHaveLength(3);
    expect(bytes).toBe(7);
  });
});
