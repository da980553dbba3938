import { type Claim, diagnosesOf } from '../claim/codecs';
import type { CodeSet } from '../rules/code-set';
import type { DrgTables, SeverityLevel } from '../rules/drg-tables';
import { inEffectOn } from '../rules/formats';
import type { DrgResult } from './result';

// MS-DRG 551/552 "Medical Back Problems" (DESIGN §4.5), table-driven from the CMS v43 grouper data in
// rules/data/msdrg-v43-*.json. The order of the checks follows the grouper (msdrg-v43 README, "How to
// group 551 vs 552"): ungroupable edits, pre-MDC procedures, multiple significant trauma (MDC 24), the
// MDC 08 PDX list, O.R. procedures, then MCC (a CC does not matter for 551/552).

/** A CC/MCC on the claim that does not count, and why. */
export interface CancelledSeverity {
  readonly code: string;
  readonly path: string;
  readonly level: SeverityLevel;
  readonly reason: 'pdx-exclusion' | 'died' | 'hac';
  /** The words of the explanation: "in PDX-exclusion collection 0821 of PDX M43.03". */
  readonly why: string;
}

/** Something about the grouping that a coder should see (each becomes a drg/* finding). */
export interface DrgIssue {
  readonly kind: 'grouper-not-loaded' | 'invalid-pdx' | 'hac-poa-missing' | 'discharge-status-missing';
  readonly path: string;
  readonly code?: string;
  readonly detail: string;
}

export interface DrgComputation {
  readonly result: DrgResult;
  readonly counted: readonly { readonly code: string; readonly path: string; readonly level: SeverityLevel }[];
  readonly cancelled: readonly CancelledSeverity[];
  readonly issues: readonly DrgIssue[];
  /** The tables used (undefined when no grouper version is loaded for the date). */
  readonly tables?: DrgTables;
}

export { isInpatient } from '../rules/facts/claim-fields';

/** MS-DRG versions follow the fiscal year: v43 = FY2026 (from 2025-10-01), v44 = FY2027. */
export function grouperVersionOn(date: string): number {
  const year = Number(date.slice(0, 4));
  return (date.slice(5) >= '10-01' ? year + 1 : year) - 1983;
}

export function drgTablesOn(groupers: readonly DrgTables[], date: string): DrgTables | undefined {
  return inEffectOn(groupers, date);
}

const DIED = '20'; // UB-04 patient discharge status 20: expired

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Groups one institutional inpatient claim to DRG 551, 552 or "not 551/552" with the reason, on the
 * judging (discharge) date. Pure; the tables come from the rule set.
 */
export function computeDrg(claim: Claim, groupers: readonly DrgTables[], date: string, codeSet: CodeSet | undefined): DrgComputation {
  const tables = drgTablesOn(groupers, date);
  const wanted = grouperVersionOn(date);
  if (!tables) {
    const loaded = groupers.map((g) => `MS-DRG ${g.version} (${g.effective.from} to ${g.effective.to ?? 'open'})`).join(', ') || 'none';
    const detail = `MS-DRG v${wanted} tables not loaded: the discharge date ${date} is grouped by MS-DRG v${wanted}; loaded: ${loaded}. Import CMS's v${wanted} definitions with scripts/import-msdrg.ts.`;
    return {
      result: {
        drg: null, mdc: null, title: `MS-DRG v${wanted} tables not loaded`, severity: 'none', mccs: [], version: `MS-DRG v${wanted}`,
        explanation: `The discharge date ${date} is grouped by MS-DRG v${wanted}, whose tables are not loaded (loaded: ${loaded}), so the DRG cannot be judged.`,
      },
      counted: [], cancelled: [], issues: [{ kind: 'grouper-not-loaded', path: '$.dischargeDate', detail }],
    };
  }
  const minor = tables.minorFrom.filter((d) => d <= date).length - 1;
  const version = `MS-DRG ${tables.version}.${Math.max(minor, 0)}`;
  const dx = diagnosesOf(claim, 'ICD-10-CM');
  const pdx = claim.diagnoses[0]?.system === 'ICD-10-CM' ? dx[0] : undefined;
  const sdx = pdx ? dx.slice(1) : dx;
  const procedures = (claim.procedures ?? []).map((p, i) => ({ code: p.code as string, path: `$.procedures[${i}]` }));
  const issues: DrgIssue[] = [];

  // Severity of every secondary diagnosis, with the cancellations of Appendix C Parts 1-2 and HAC.
  const counted: { code: string; path: string; level: SeverityLevel }[] = [];
  const cancelled: CancelledSeverity[] = [];
  const notPresentOnAdmission = (d: { readonly poa?: string }) => d.poa === 'N' || d.poa === 'U';
  // Categories with an sdx-role code reported POA N/U: what a companion code of that category needs (HAC 06).
  const triggeredNU = new Set(sdx.filter(notPresentOnAdmission).flatMap((d) => {
    const h = tables.hac.get(d.code);
    return h?.role === 'sdx' ? h.categories : [];
  }));
  const pdxHac = pdx ? tables.hac.get(pdx.code) : undefined;
  const pdxHacCategories = pdxHac?.role === 'pdx' ? pdxHac.categories : [];
  const hacProcedureCategories = new Set(procedures.flatMap((p) => (tables.hacProcedures.get(p.code) ?? []).filter((h) => h.from <= date).map((h) => h.hac)));
  for (const d of sdx) {
    const hac = tables.hac.get(d.code);
    if (hac && hac.role !== 'pdx' && (d.poa === undefined || d.poa === '1')) {
      issues.push({ kind: 'hac-poa-missing', path: d.path, code: d.code, detail: `${d.code} is a hospital-acquired-condition code (HAC ${hac.categories.join('/')} ${hac.title}) reported ${d.poa === '1' ? 'with POA 1 (exempt)' : 'without a POA indicator'}` });
    }
    const entry = tables.severity.get(d.code);
    if (!entry) continue;
    if (pdx && tables.exclusions.get(entry.collection)?.has(pdx.code)) {
      cancelled.push({ ...d, level: entry.level, reason: 'pdx-exclusion', why: `excluded by the PDX: ${pdx.code} is in ${d.code}'s PDX-exclusion collection ${entry.collection}, Appendix C Part 1` });
      continue;
    }
    if (entry.mccOnlyIfAlive && entry.level === 'MCC') {
      if (claim.dischargeStatus === undefined) {
        issues.push({ kind: 'discharge-status-missing', path: '$.dischargeStatus', code: d.code, detail: `${d.code} is an MCC only if the patient is discharged alive (Appendix C Part 2), and the claim has no discharge status` });
      } else if (claim.dischargeStatus === DIED) {
        cancelled.push({ ...d, level: entry.level, reason: 'died', why: `an MCC only if the patient is discharged alive, Appendix C Part 2, and the discharge status is 20 (expired)` });
        continue;
      }
    }
    if (hac && notPresentOnAdmission(d)) {
      // The HAC rules as the tables carry them (msdrg-v43 README, "Hospital-acquired conditions"): a category
      // with PDX-role codes (HAC 11) needs such a PDX; one listed in needs_procedure needs a qualifying
      // procedure (hac-procedures); a companion code needs an sdx-role code of its category also POA N/U;
      // any other sdx-role category applies always.
      const applies = hac.categories.filter((c) => (!tables.hacPdxCategories.has(c) || pdxHacCategories.includes(c))
        && (hac.needsProcedure.includes(c) ? hacProcedureCategories.has(c) : hac.role !== 'companion' || triggeredNU.has(c)));
      if (applies.length > 0) {
        const withWhat = applies.some((c) => hac.needsProcedure.includes(c)) ? ' with its qualifying procedure on the claim'
          : hac.role === 'companion' ? ` with a HAC ${applies.join('/')} trigger code also not present on admission` : '';
        cancelled.push({ ...d, level: entry.level, reason: 'hac', why: `a hospital-acquired condition (HAC ${applies.join('/')} ${hac.title}) reported with POA ${d.poa}${withWhat}, so it does not count in the final DRG` });
        continue;
      }
    }
    counted.push({ code: d.code, path: d.path, level: entry.level });
  }
  const mccs = counted.filter((c) => c.level === 'MCC').map(({ code, path }) => ({ code, path }));
  const severity: DrgResult['severity'] = mccs.length > 0 ? 'MCC' : counted.length > 0 ? 'CC' : 'none';
  const base = { severity, mccs, version };
  const cancelledText = cancelled.length > 0 ? ` Not counted: ${cancelled.map((c) => `${c.level} ${c.code} at ${c.path} (${c.why})`).join('; ')}.` : '';
  const done = (drg: string | null, mdc: string | null, title: string, explanation: string, weight?: number): DrgComputation =>
    ({ result: { drg, mdc, title, ...(weight !== undefined ? { weight } : {}), ...base, explanation }, counted, cancelled, issues, tables });

  if (!pdx) return done(null, null, 'No principal diagnosis', 'The claim has no ICD-10-CM principal diagnosis, so it cannot be grouped.');
  const pdxEntry = codeSet?.get(pdx.code);
  if (codeSet && !pdxEntry?.billable) {
    const detail = `principal diagnosis ${pdx.code} is ${pdxEntry ? 'a header, not a billable code,' : 'not a code'} in ${codeSet.title}`;
    issues.unshift({ kind: 'invalid-pdx', path: pdx.path, code: pdx.code, detail });
    return done('999', null, 'Ungroupable', `The CMS grouper returns DRG 999 (invalid principal diagnosis): ${detail}.`);
  }
  const blocking = issues.filter((i) => i.kind !== 'grouper-not-loaded');
  if (blocking.length > 0) {
    return done('999', null, 'Ungroupable', `The CMS grouper returns DRG 999 for a non-POA-exempt hospital: ${blocking.map((i) => i.detail).join('; ')}.`);
  }

  const pdxTitle = tables.pdx.get(pdx.code);
  if (pdxTitle === undefined) {
    return done(null, null, 'Not DRG 551/552',
      `PDX ${pdx.code}${pdxEntry ? ` (${pdxEntry.title})` : ''} is not on the ${version} DRG 551/552 principal-diagnosis list (${tables.pdx.size.toLocaleString('en-US')} codes, MDC 08 "Medical Back Problems"), so the claim is not DRG 551/552: it groups to another MDC, and the loaded tables cover only 551/552 (full grouping needs the CMS grouper).`);
  }
  const pdxRule = `PDX ${pdx.code} (${pdxTitle}) is on the ${version} DRG 551/552 principal-diagnosis list (MDC 08).`;

  // Procedures: clusters first (the grouper replaces a full cluster by its pseudo-code), then each code.
  const codes = new Set(procedures.map((p) => p.code));
  const suppressed = new Set<string>();
  const reasons: string[] = [];   // why the claim leaves 551/552
  const notes: string[] = [];     // clusters that keep it in
  const out: string[] = [];
  const familyText = (family: number) => { const info = tables.drgs.get(family); return `DRG ${family}${info ? ` "${info.title}"` : ''}`; };
  const seen = new Set<string>();
  let preMdc = false;
  let kidney = false;
  for (const code of codes) {
    for (const cluster of tables.clustersByCode.get(code) ?? []) {
      if (seen.has(cluster.id) || !cluster.choices.every((choice) => choice.some((c) => codes.has(c)))) continue;
      seen.add(cluster.id);
      const parts = cluster.choices.map((choice) => choice.find((c) => codes.has(c))!);
      if (cluster.family === 551) {
        if (cluster.suppressionMdcs.has('8')) parts.forEach((c) => suppressed.add(c));
        notes.push(`procedures ${listAnd(parts)} form cluster ${cluster.id}, which the grouper treats as non-O.R. (they do not move the claim)`);
      } else {
        reasons.push(`procedures ${listAnd(parts)} together form O.R. cluster ${cluster.id} (alone on a 551/552 claim it groups to the family of ${familyText(cluster.family)})`);
        out.push(cluster.id);
      }
    }
  }
  const moving = procedures.filter((p) => {
    const entry = tables.procedures.get(p.code);
    return entry !== undefined && entry.from <= date && !suppressed.has(p.code);
  });
  const procedureReasons: string[] = [];
  for (const p of moving) {
    const entry = tables.procedures.get(p.code)!;
    const info = tables.drgs.get(entry.family);
    if (info?.mdc === 'pre') preMdc = true;
    if (entry.mdc === '11') kidney = true;
    const kind = entry.orList === 'nonor' ? 'a pre-MDC procedure' : info?.mdc === 'pre' ? 'a pre-MDC O.R. procedure'
      : entry.mdc !== '8' ? `an O.R. procedure that moves the claim to MDC ${entry.mdc.padStart(2, '0')}`
        : entry.family >= 981 ? 'an O.R. procedure unrelated to MDC 08' : 'an MDC 08 O.R. procedure';
    procedureReasons.push(`${p.code} at ${p.path} is ${kind} (alone on a 551/552 claim it groups to the family of ${familyText(entry.family)})`);
  }

  // Multiple significant trauma (pre-MDC rank 21): a strauma PDX and two or more body sites among all diagnoses.
  const sites = [...new Set(dx.map((d) => tables.bodySite.get(d.code)).filter((s): s is string => s !== undefined))];
  const trauma = tables.straumaPdx.has(pdx.code) && sites.length >= 2;
  reasons.unshift(...procedureReasons);
  if (trauma) reasons.unshift(`PDX ${pdx.code} is significant trauma and the diagnoses cover ${sites.length} body sites (${listAnd(sites)}): multiple significant trauma, MDC 24`);

  if (moving.length > 0 || out.length > 0 || trauma) {
    const mdc = preMdc ? '08' : trauma ? '24' : kidney ? '11' : '08';
    const several = moving.length + out.length > 1 ? ' With several procedures the exact DRG comes from the grouper\'s formulas (drg-formulas.tsv), which these tables do not evaluate.' : '';
    return done(null, mdc, 'Not DRG 551/552',
      `${pdxRule} But ${reasons.join('; ')}, so the claim is not DRG 551/552 (MDC ${mdc}); full grouping needs the CMS grouper.${several}`);
  }
  const drg = mccs.length > 0 ? 551 : 552;
  const info = tables.drgs.get(drg);
  const why = mccs.length > 0
    ? `MCC counted: ${counted.filter((c) => c.level === 'MCC').map((c) => `${c.code} at ${c.path}`).join(', ')}.`
    : 'No secondary diagnosis counts as an MCC (a CC does not matter for 551/552).';
  const procedureNote = notes.length > 0 ? ` ${notes.join('; ')}.` : procedures.length > 0 ? ' No procedure on the claim is O.R. or pre-MDC.' : '';
  const weightText = info?.weight !== undefined ? ` (weight ${info.weight}${info.gmlos !== undefined ? `, GMLOS ${info.gmlos}` : ''})` : '';
  return done(String(drg), '08', info?.title ?? `DRG ${drg}`,
    `${pdxRule} ${why}${cancelledText}${procedureNote} → DRG ${drg} ${info?.title ?? ''}${weightText}.`, info?.weight);
}
