import type { Finding, Outcome, ScrubResult } from '../scrub/result';
import { columnChart, donutChart, esc, num, stackedBarChart } from './charts';
import type { Formatter } from './formatters';
import { expectedDenied, plainWords, type ResultContext, whereText } from './context';
import { formatMoney, judgingText, RISK_BINS, type Summary, type SummaryPart, topRejections, topRules } from './summary';
import { denialText, fixLabel, sourceText } from './finding-text';

export interface HtmlOptions {
  /** Most claims in the table (the highest-risk ones); the summary and charts count every claim. Default 5,000. */
  readonly maxRows?: number;
  /** The time printed in the header (tests pin it). Default: now. */
  readonly generatedAt?: Date;
  /** The input names printed in the header. */
  readonly inputs?: readonly string[];
}

export const DEFAULT_MAX_ROWS = 5000;

const COLORS: Record<Outcome | 'rejected', string> = { clean: '#2e7d32', review: '#e0a100', 'likely-denial': '#c62828', rejected: '#6a1b9a' };
const SEVERITY_COLORS = { error: '#c62828', warning: '#e0a100', info: '#1565c0' } as const;
const percent = (part: number, whole: number): string => {
  const p = whole ? (part / whole) * 100 : 0;
  return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(1)}%`;
};

// A kept row is UTF-8 bytes, not a string: a flat buffer outside the JS heap, about half the size of a
// two-byte string built by concatenation, so the table's memory is what it says. Each in its own
// allocation: Buffer.from puts small buffers in shared 8 KB slabs, and one kept row pins its whole slab.
interface Kept { readonly seq: number; readonly rank: number; readonly html: Buffer }
const ownBytes = (text: string): Buffer => {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
};

/** Only http(s) links become links: a source URL comes from a rule file, and javascript: is not a source. */
const link = (title: string, url: string | undefined): string =>
  url && /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${esc(title)}</a>` : esc(title);

// A finding is one line (severity, where, rule, message cut to a line by CSS); the fix, evidence, denial
// codes and sources open under it on click, so a claim row stays a few lines tall.
function findingHtml(f: Finding, context: ResultContext): string {
  const evidence = f.evidence.map((e) => `<code>${esc(whereText(e.path, context))}</code>${e.code ? ` ${esc(e.code)}` : ''}${e.text ? ` <q>${esc(e.text)}</q>` : ''}`).join('; ');
  const denial = denialText(f.denial);
  const sources = f.sources.map((s) => link(sourceText(s), s.url)).join('; ');
  return `<li><details><summary><span class="sev sev-${f.severity}">${f.severity}</span> <span class="where">${esc(whereText(f.evidence[0]?.path ?? '$', context, true))}</span> <span class="msg">${esc(f.message)}</span> <span class="rule">${esc(f.ruleId)}</span></summary>`
    + `<div class="more">${esc(f.message)}`
    + (f.fix ? `<div class="fix">${esc(fixLabel(f.fix))}: ${esc(f.fix.description)}</div>` : '')
    + `<div class="meta">evidence: ${evidence || '—'} · denial risk ${f.denial.risk.toFixed(2)}${denial ? ` (${esc(denial)})` : ''}</div>`
    + (sources ? `<div class="meta">sources: ${sources}</div>` : '')
    + '</div></details></li>';
}

/** One table row; data-* attributes carry the sort keys so sorting never re-reads the text. */
function rowHtml(r: ScrubResult, seq: number | typeof SEQ_PLACEHOLDER, context: ResultContext): string {
  const where = [r.source?.file, r.source?.line ?? r.source?.record].filter((x) => x !== undefined).join(':');
  const id = r.claimId ?? '(no id)';
  const charge = r.status === 'scrubbed' ? context.charge : undefined;
  const denied = charge === undefined ? undefined : expectedDenied(r, charge);
  const codes = (context.procedureCodes ?? []).join(' ');
  const cells = (outcome: string, risk: number | undefined, details: string, count: number) =>
    `<tr data-outcome="${outcome}" data-seq="${seq}"><td data-v="${esc(id)}">${esc(id)}<div class="meta">${esc(where)}</div></td>`
    + `<td data-v="${esc(context.payer ?? '')}">${esc(context.payer ?? '')}</td>`
    + `<td data-v="${esc(context.serviceDate ?? '')}">${esc(context.serviceDate ?? '')}</td>`
    + `<td class="codes">${esc(codes)}</td>`
    + `<td data-v="${outcome}"><span class="badge" style="background:${COLORS[outcome as Outcome | 'rejected']}">${outcome}</span></td>`
    + `<td data-v="${risk ?? 2}" class="num">${risk === undefined ? '—' : risk.toFixed(2)}</td>`
    + `<td data-v="${charge ?? -1}" class="num">${charge === undefined ? '' : formatMoney(charge)}</td>`
    + `<td data-v="${denied ?? -1}" class="num">${denied === undefined ? '' : formatMoney(denied)}</td>`
    + `<td data-v="${count}" class="num">${count}</td><td>${details}</td></tr>`;
  if (r.status === 'rejected') {
    return cells('rejected', undefined, `<ul>${r.problems.map((p) => `<li><span class="sev sev-error">invalid</span> <span class="where">${esc(whereText(p.path, context))}</span> <span class="msg">${esc(plainWords(p.message))}</span></li>`).join('')}</ul>`, r.problems.length);
  }
  const drg = r.drg ? `<div class="meta">DRG ${esc(r.drg.drg ?? 'ungroupable')} ${esc(r.drg.title)} (${esc(r.drg.severity)}) — ${esc(r.drg.explanation)}</div>` : '';
  return cells(r.outcome, r.riskScore, `${r.findings.length ? `<ul>${r.findings.map((f) => findingHtml(f, context)).join('')}</ul>` : '<span class="meta">no findings</span>'}${drg}`, r.findings.length);
}

// A row rendered by another thread (check --jobs) does not know its input position: it carries this in its
// data-seq, filled in when the table keeps the row. Escaped content cannot hold it before the <tr>'s own.
const SEQ_PLACEHOLDER = '#';
const SEQ_ATTRIBUTE = `data-seq="${SEQ_PLACEHOLDER}"`;

/** A result's table row rendered apart from the report (a worker thread): hand it to Formatter.table.add. */
export const detachedRow = (r: ScrubResult, context: ResultContext): string => rowHtml(r, SEQ_PLACEHOLDER, context);

/** Where a result ranks in the report's table: a rejection (it cannot be sent at all) above any scrubbed claim, then by risk. */
export const tableRank = (r: SummaryPart): number => (r.status === 'rejected' ? 2 : r.riskScore);

/**
 * The HTML report: one self-contained file (inline CSS, JS and SVG; a CSP that forbids any fetch).
 * The table keeps the `maxRows` highest-risk records (rejections first, then by risk, then input order);
 * the summary and charts count everything, so memory stays bounded whatever the batch size.
 */
export function htmlFormatter(options: HtmlOptions = {}): Formatter {
  const maxRows = Math.max(1, options.maxRows ?? DEFAULT_MAX_ROWS);
  let kept: Kept[] = [];
  let seq = 0;
  let floor = -Infinity; // once pruned, a record ranked at or below this can never make the table
  const byRank = (a: Kept, b: Kept) => b.rank - a.rank || a.seq - b.seq;
  const prune = () => {
    kept.sort(byRank);
    kept = kept.slice(0, maxRows);
    floor = kept[kept.length - 1].rank;
  };
  // The next record: kept when it ranks above the floor, its row rendered only then.
  const keep = (rank: number, row: (seq: number) => string): void => {
    seq++;
    if (rank <= floor) return;
    kept.push({ seq, rank, html: ownBytes(row(seq)) });
    if (kept.length >= maxRows + Math.max(100, maxRows >> 3)) prune();
  };
  // The report in pieces: 5,000 rows of a large batch are tens of megabytes of HTML, written one row
  // at a time rather than joined into one string first (that ran a capped heap out of memory).
  function* parts(summary: Summary): Generator<string> {
    kept.sort(byRank);
    kept = kept.slice(0, maxRows);
    const [head, tail] = renderReport(summary, kept.length, {
      generatedAt: options.generatedAt ?? new Date(),
      inputs: options.inputs ?? [],
    });
    yield head;
    for (let i = 0; i < kept.length; i++) yield (i > 0 ? '\n' : '') + kept[i].html.toString('utf8');
    yield tail;
  }
  return {
    result(r: ScrubResult, context: ResultContext = {}) {
      keep(tableRank(r), (n) => rowHtml(r, n, context));
      return '';
    },
    end: (summary: Summary) => [...parts(summary)].join(''),
    endParts: parts,
    table: {
      floor: () => floor,
      skip: () => { seq++; },
      add: (rank, row) => keep(rank, (n) => row.replace(SEQ_ATTRIBUTE, `data-seq="${n}"`)),
    },
  };
}

function charts(s: Summary): string {
  const outcomes: { key: Outcome | 'rejected'; value: number }[] = [
    { key: 'likely-denial', value: s.outcomes['likely-denial'] }, { key: 'review', value: s.outcomes.review },
    { key: 'clean', value: s.outcomes.clean }, { key: 'rejected', value: s.rejected },
  ];
  const legend = outcomes.map((o) => `<li><span class="swatch" style="background:${COLORS[o.key]}"></span>${o.key} <b>${num(o.value)}</b>`
    + ` <span class="meta">${percent(o.value, s.inputs)}</span></li>`).join('');
  const donut = donutChart(outcomes.map((o) => ({ label: o.key, value: o.value, color: COLORS[o.key] })), { title: 'Outcomes', center: num(s.inputs), centerCaption: 'records' });

  // By payer: expected denied amount (charge × risk) against the rest of the payer's charges — what no table shows.
  const payers = Object.entries(s.payers).sort((a, b) => b[1].expectedDenied - a[1].expectedDenied || b[1].charges - a[1].charges).slice(0, 12);
  const payerChart = stackedBarChart(payers.map(([payer, p]) => ({
    label: payer,
    parts: [
      { label: 'expected denied', value: p.expectedDenied, color: COLORS['likely-denial'] },
      { label: 'rest of charges', value: Math.max(0, Math.round((p.charges - p.expectedDenied) * 100) / 100), color: '#b0bec5' },
    ],
    note: `${formatMoney(p.expectedDenied)} of ${formatMoney(p.charges)} · ${num(p.claims)} claims`,
  })), { title: 'Expected denied amount by payer', plotWidth: 420, noteWidth: 300 });

  // By rule over charges: the charges of the claims each rule touches, coloured by the rule's worst severity.
  const rules = [...topRules(s)].sort((a, b) => b.tally.charges - a.tally.charges || b.tally.claims - a.tally.claims).slice(0, 15).map(({ ruleId, tally }) => {
    const sev = tally.severity.error ? 'error' : tally.severity.warning ? 'warning' : 'info';
    return { label: ruleId, parts: [{ label: `charges (${sev})`, value: tally.charges, color: SEVERITY_COLORS[sev] }], note: `${formatMoney(tally.charges)} · ${num(tally.claims)} claims` };
  });
  const moreRules = Object.keys(s.rules).length - rules.length;
  const ruleChart = stackedBarChart(rules, { title: 'Charges touched by each rule', plotWidth: 420, noteWidth: 240 });
  const ruleLegend = (['error', 'warning', 'info'] as const).map((sev) => `<li><span class="swatch" style="background:${SEVERITY_COLORS[sev]}"></span>worst severity ${sev}</li>`).join('');

  const histogram = columnChart(s.riskHistogram.map((count, i) => ({
    label: `${(i / RISK_BINS).toFixed(1)}`, value: count,
    // Low risk green through high risk red, so the shape reads at a glance.
    color: i < 2 ? COLORS.clean : i < 5 ? COLORS.review : COLORS['likely-denial'],
    tooltip: `risk ${(i / RISK_BINS).toFixed(1)}–${((i + 1) / RISK_BINS).toFixed(1)}: ${num(count)} claims`,
  })), { title: 'Risk-score distribution', barWidth: 30 });

  return `<section class="charts">
<figure data-chart="outcomes"><figcaption>Outcomes</figcaption><div class="row">${donut}<ul class="legend">${legend}</ul></div></figure>
<figure data-chart="payers" class="wide"><figcaption>Expected denied amount by payer <span class="meta">(charge × risk, red, against the rest of each payer's charges; top 12 payers)</span></figcaption>${payerChart}</figure>
<figure data-chart="risk"><figcaption>Risk-score distribution <span class="meta">(claims per 0.1 of risk)</span></figcaption>${histogram}</figure>
<figure data-chart="rules" class="wide"><figcaption>Charges touched by each rule <span class="meta">(sum of the charges of the claims carrying it${moreRules > 0 ? `; ${moreRules} more in the summary table` : ''})</span></figcaption>${ruleChart}<ul class="legend inline">${ruleLegend}</ul></figure>
</section>`;
}

function summaryTables(s: Summary): string {
  const card = (label: string, value: string, color?: string) => `<div class="card"${color ? ` style="border-top-color:${color}"` : ''}><div class="value">${value}</div><div class="meta">${label}</div></div>`;
  const cards = [
    card('records in', num(s.inputs)), card('scrubbed', num(s.scrubbed)), card('rejected', num(s.rejected), COLORS.rejected),
    card('likely denial', num(s.outcomes['likely-denial']), COLORS['likely-denial']), card('review', num(s.outcomes.review), COLORS.review),
    card('clean', num(s.outcomes.clean), COLORS.clean), card('expected denied (charge × risk)', formatMoney(s.expectedDenied), COLORS['likely-denial']),
  ].join('');
  const ruleRows = topRules(s).map(({ ruleId, tally }) => `<tr><td>${esc(ruleId)}</td><td class="num">${num(tally.claims)}</td><td class="num">${num(tally.findings)}</td>`
    + `<td class="num">${num(tally.severity.error)}</td><td class="num">${num(tally.severity.warning)}</td><td class="num">${num(tally.severity.info)}</td></tr>`).join('');
  const rejectionRows = topRejections(s).map(({ reason, count }) => `<tr><td><code>${esc(reason)}</code></td><td class="num">${num(count)}</td></tr>`).join('');
  return `<section class="cards" id="summary">${cards}</section>
${charts(s)}
<p class="sum">${num(s.inputs)} inputs = ${num(s.scrubbed)} scrubbed + ${num(s.rejected)} rejected · outcomes: ${num(s.outcomes.clean)} clean, ${num(s.outcomes.review)} review, ${num(s.outcomes['likely-denial'])} likely-denial · findings: ${num(s.findings.error)} errors, ${num(s.findings.warning)} warnings, ${num(s.findings.info)} info</p>
<section class="tables">
<div><h2>Rules by claims affected</h2>${ruleRows ? `<table class="small"><thead><tr><th>rule</th><th>claims</th><th>findings</th><th>error</th><th>warning</th><th>info</th></tr></thead><tbody>${ruleRows}</tbody></table>` : '<p class="meta">No findings.</p>'}</div>
<div><h2>Rejections by reason</h2>${rejectionRows ? `<table class="small"><thead><tr><th>first problem</th><th>records</th></tr></thead><tbody>${rejectionRows}</tbody></table>` : '<p class="meta">No rejected records.</p>'}
<h2>Charges by outcome</h2><table class="small"><tbody>${(['likely-denial', 'review', 'clean'] as const).map((o) => `<tr><td>${o}</td><td class="num">${formatMoney(s.charges[o])}</td></tr>`).join('')}</tbody></table>
<p class="meta">A claim's charge is its total charge (837 CLM02) when given, else the sum of its line charges. Rejected records are not counted: they did not decode.</p></div>
</section>`;
}

const CSS = `
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2329;background:#f5f6f8}
header{background:#1d2329;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header .meta{color:#c5cbd3}
main{padding:16px 24px;max-width:1500px}h2{font-size:15px;margin:18px 0 8px}
.meta{color:#5f6b77;font-size:12px}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border-radius:6px;border-top:4px solid #5f6b77;padding:10px 14px;min-width:130px;box-shadow:0 1px 2px #0002}
.card .value{font-size:22px;font-weight:600}.sum{margin:10px 0;color:#39434d}
.charts{display:flex;flex-wrap:wrap;gap:14px;margin-top:10px}figure{background:#fff;margin:0;padding:12px 14px;border-radius:6px;box-shadow:0 1px 2px #0002;max-width:100%;overflow-x:auto}
figure.wide{flex-basis:100%}figcaption{font-weight:600;margin-bottom:8px}.row{display:flex;align-items:center;gap:16px}
.legend{list-style:none;padding:0;margin:0}.legend li{margin:4px 0}.legend.inline li{display:inline-block;margin-right:14px}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
svg text{font:11px system-ui,sans-serif;fill:#39434d}svg .value{font-weight:600}svg .axis{stroke:#aab3bc}
.donut-total{font-weight:600}.donut-caption{fill:#5f6b77!important}
.tables{display:flex;flex-wrap:wrap;gap:24px}.tables>div{flex:1 1 420px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #e6e8eb;vertical-align:top;text-align:left}
table.small{max-width:720px}table.small td,table.small th{padding:3px 8px}
#claims th{position:sticky;top:0;background:#eef0f3;cursor:pointer;user-select:none;white-space:nowrap}
#claims th[aria-sort=ascending]::after{content:" ▲"}#claims th[aria-sort=descending]::after{content:" ▼"}
#claims td:nth-child(-n+3){white-space:nowrap}#claims td{padding:4px 8px}#claims ul{margin:0;padding-left:0;list-style:none}#claims li{margin:0 0 2px}
#claims td.codes{font-family:ui-monospace,Menlo,monospace;font-size:12px;max-width:140px;padding-top:8px}
#claims summary{cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:max(300px,calc(100vw - 1080px));list-style:none}#claims summary::-webkit-details-marker{display:none}
#claims details[open] summary .msg{display:none}#claims .more{padding:2px 0 6px 12px;white-space:normal}.where{font-family:ui-monospace,Menlo,monospace;font-size:12px;color:#39434d}
header .whatif{margin-top:6px;background:#6a1b9a;color:#fff;display:inline-block;padding:2px 10px;border-radius:4px;font-weight:600}
.badge{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.sev{font-size:11px;font-weight:600;text-transform:uppercase}.sev-error{color:#c62828}.sev-warning{color:#a67500}.sev-info{color:#1565c0}
.rule{font-family:ui-monospace,Menlo,monospace;font-size:12px;color:#39434d}.fix{color:#1b5e20}
.controls{display:flex;gap:10px;align-items:center;margin:8px 0;flex-wrap:wrap}.controls input{padding:6px 10px;width:340px;font:inherit}
.controls select{padding:5px;font:inherit}#more{margin:10px 0;padding:6px 14px;font:inherit;cursor:pointer}.note{background:#fff8e1;border-left:4px solid #e0a100;padding:8px 12px}
code{font-family:ui-monospace,Menlo,monospace;font-size:12px}
`;

// The rows wait in a <template> (parsed, never laid out); the page shows one page of the matching rows at
// a time, so filtering and sorting 5,000 tall rows stays instant. Each row's text is read once.
const PAGE = 200;
const SCRIPT = `
(function () {
  var PAGE = ${PAGE};
  var table = document.getElementById('claims');
  var body = table.tBodies[0];
  var all = Array.prototype.slice.call(document.getElementById('rows').content.querySelectorAll('tr'));
  var texts = all.map(function (r) { return r.textContent.toLowerCase(); });
  var order = all.map(function (_, i) { return i; });
  var matches = order.slice();
  var limit = PAGE;
  var search = document.getElementById('search');
  var outcome = document.getElementById('outcome-filter');
  var shown = document.getElementById('shown');
  var more = document.getElementById('more');
  function render() {
    body.textContent = '';
    var frag = document.createDocumentFragment();
    matches.slice(0, limit).forEach(function (i) { frag.appendChild(all[i]); });
    body.appendChild(frag);
    shown.textContent = matches.length.toLocaleString('en-US');
    var left = matches.length - limit;
    more.hidden = left <= 0;
    more.textContent = 'Show ' + Math.min(PAGE, left).toLocaleString('en-US') + ' more (' + left.toLocaleString('en-US') + ' not shown)';
  }
  function filter() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = outcome.value;
    matches = order.filter(function (i) {
      return (!wanted || all[i].getAttribute('data-outcome') === wanted) && terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
    });
    limit = PAGE;
    render();
  }
  search.addEventListener('input', filter);
  outcome.addEventListener('change', filter);
  more.addEventListener('click', function () { limit += PAGE; render(); });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    if (!th.hasAttribute('data-type')) return;
    th.addEventListener('click', function () {
      var numeric = th.getAttribute('data-type') === 'number';
      var current = th.getAttribute('aria-sort');
      var dir = current ? (current === 'descending' ? 'ascending' : 'descending') : (numeric ? 'descending' : 'ascending');
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      var keys = all.map(function (r) { var v = r.cells[col].getAttribute('data-v'); return numeric ? Number(v) : v; });
      order.sort(function (a, b) {
        var c = numeric ? keys[a] - keys[b] : String(keys[a]).localeCompare(String(keys[b]));
        return c !== 0 ? sign * c : a - b;
      });
      filter();
    });
  });
  render();
})();
`;

/** The report around its rows: [everything before the first row, everything after the last]. */
function renderReport(s: Summary, rowCount: number, meta: { generatedAt: Date; inputs: readonly string[] }): [string, string] {
  const left = s.inputs - rowCount;
  const note = left > 0
    ? `<p class="note">The table shows the ${num(rowCount)} highest-risk of ${num(s.inputs)} records (rejections first); ${num(left)} lower-risk records are left out of the table. The summary and charts count all ${num(s.inputs)}. For every row, use <code>--format csv</code>.</p>`
    : '';
  const header = `<header><h1>claimscrub report</h1><div class="meta">${esc(meta.inputs.join(', ') || 'input')} · generated ${esc(meta.generatedAt.toISOString())}`
    + `</div><div class="meta judged">${esc(judgingText(s) ? `judged with ${judgingText(s)}` : '')}</div>`
    + `${s.judging.asOf.length ? `<div class="whatif">What-if: every claim was judged as if on ${esc(s.judging.asOf.join(', '))}, not on its own date of service.</div>` : ''}</header>`;
  const options = ['likely-denial', 'review', 'clean', 'rejected'].map((o) => `<option value="${o}">${o}</option>`).join('');
  return [`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimscrub report</title><style>${CSS}</style></head>
<body>${header}<main>
${summaryTables(s)}
<h2>Claims</h2>${note}
<div class="controls"><input id="search" type="search" placeholder="Search claim id, code, rule, message…" aria-label="Search the claims">
<select id="outcome-filter" aria-label="Outcome"><option value="">all outcomes</option>${options}</select>
<span class="meta"><span id="shown">${num(rowCount)}</span> of ${num(rowCount)} rows match</span></div>
<table id="claims"><thead><tr><th data-type="text">claim</th><th data-type="text">payer</th><th data-type="text">DOS</th><th>procedures</th><th data-type="text">outcome</th><th data-type="number" aria-sort="descending">risk</th><th data-type="number">charge</th><th data-type="number" title="charge × risk">expected denied</th><th data-type="number">findings</th><th>findings (click one for its fix and sources)</th></tr></thead>
<tbody></tbody></table>
<button id="more" type="button" hidden>Show more</button>
<template id="rows">
<table><tbody>`, `</tbody></table>
</template>
</main><script>${SCRIPT}</script></body></html>
`];
}
