// Inline SVG charts for the HTML report. Drawn here rather than by a chart library so the report is one
// file that opens with no network, and so a chart is plain markup a test can count.

export interface Segment { readonly label: string; readonly value: number; readonly color: string }
export interface Bar { readonly label: string; readonly value: number; readonly color: string; readonly valueLabel?: string; readonly tooltip?: string }
export interface StackedRow { readonly label: string; readonly parts: readonly Segment[]; readonly note?: string }

/** Escapes text for HTML and SVG content and attribute values. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A count with thousands separators. */
export const num = (n: number): string => n.toLocaleString('en-US');
const fix = (n: number): string => String(Math.round(n * 100) / 100);

/** A ring of segments (pathLength 100, so each dash is its percentage), total in the middle. */
export function donutChart(segments: readonly Segment[], options: { title: string; center: string; centerCaption: string }): string {
  const total = segments.reduce((sum, s) => sum + s.value, 0);
  let offset = 0;
  const arcs = segments.filter((s) => s.value > 0).map((s) => {
    const share = (s.value / total) * 100;
    const arc = `<circle class="bar" cx="100" cy="100" r="70" fill="none" stroke="${s.color}" stroke-width="34" pathLength="100"`
      + ` stroke-dasharray="${fix(share)} ${fix(100 - share)}" stroke-dashoffset="${fix(-offset)}" transform="rotate(-90 100 100)">`
      + `<title>${esc(s.label)}: ${num(s.value)} (${fix(share)}%)</title></circle>`;
    offset += share;
    return arc;
  });
  return `<svg viewBox="0 0 200 200" width="200" height="200" role="img" aria-label="${esc(options.title)}">`
    + `<circle cx="100" cy="100" r="70" fill="none" stroke="#e6e8eb" stroke-width="34"/>${arcs.join('')}`
    // The hole is ~100 px wide: a long total gets a smaller font rather than spilling onto the ring.
    + `<text x="100" y="100" text-anchor="middle" class="donut-total" style="font-size:${Math.min(24, Math.floor(150 / Math.max(1, options.center.length)))}px">${esc(options.center)}</text>`
    + `<text x="100" y="120" text-anchor="middle" class="donut-caption">${esc(options.centerCaption)}</text></svg>`;
}

/** Vertical bars with the value above each and the label below. */
export function columnChart(bars: readonly Bar[], options: { title: string; height?: number; barWidth?: number }): string {
  const height = options.height ?? 200;
  const barWidth = options.barWidth ?? 44;
  const gap = Math.round(barWidth / 3);
  const top = 22;
  const bottom = 34;
  const plot = height - top - bottom;
  const width = bars.length * (barWidth + gap) + gap;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const columns = bars.map((b, i) => {
    const h = b.value > 0 ? Math.max(1, (b.value / max) * plot) : 0;
    const x = gap + i * (barWidth + gap);
    const y = top + plot - h;
    return `<g><rect class="bar" x="${x}" y="${fix(y)}" width="${barWidth}" height="${fix(h)}" fill="${b.color}" rx="2">`
      + `<title>${esc(b.tooltip ?? `${b.label}: ${b.valueLabel ?? num(b.value)}`)}</title></rect>`
      + `<text x="${x + barWidth / 2}" y="${fix(y - 5)}" text-anchor="middle" class="value">${esc(b.valueLabel ?? num(b.value))}</text>`
      + `<text x="${x + barWidth / 2}" y="${height - bottom + 16}" text-anchor="middle" class="label">${esc(b.label)}</text></g>`;
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(options.title)}">`
    + `<line x1="0" x2="${width}" y1="${top + plot}" y2="${top + plot}" class="axis"/>${columns.join('')}</svg>`;
}

/** Horizontal bars, each split into coloured parts, the label on the left and a note on the right. */
export function stackedBarChart(rows: readonly StackedRow[], options: { title: string; labelWidth?: number; plotWidth?: number; noteWidth?: number }): string {
  const labelWidth = options.labelWidth ?? 260;
  const plotWidth = options.plotWidth ?? 320;
  const noteWidth = options.noteWidth ?? 200;
  const rowHeight = 24;
  const width = labelWidth + plotWidth + noteWidth;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((sum, p) => sum + p.value, 0)));
  const drawn = rows.map((r, i) => {
    const y = 2 + i * rowHeight;
    let x = labelWidth;
    const parts = r.parts.filter((p) => p.value > 0).map((p) => {
      const w = Math.max(1, (p.value / max) * plotWidth);
      const rect = `<rect class="bar" x="${fix(x)}" y="${y + 3}" width="${fix(w)}" height="${rowHeight - 8}" fill="${p.color}"><title>${esc(`${r.label}: ${num(p.value)} ${p.label}`)}</title></rect>`;
      x += w;
      return rect;
    });
    return `<g><text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end" class="label">${esc(r.label)}</text>${parts.join('')}`
      + `<text x="${fix(x + 6)}" y="${y + rowHeight / 2 + 4}" class="value">${esc(r.note ?? '')}</text></g>`;
  });
  if (rows.length === 0) drawn.push(`<text x="${width / 2}" y="16" text-anchor="middle" class="label">none</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(options.title)}">${drawn.join('')}</svg>`;
}
