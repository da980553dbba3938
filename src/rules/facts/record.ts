import { type EvidenceItem, type FactDefinition, stringsParam } from './types';

// Facts about the record a claim came from rather than its content: what the reader found wrong with
// it (IntakeDefect: unknown JSON properties, X12 envelope counts …) and whether its claim id was
// already used earlier in the same batch.

/** Fields readers may give a defect (IntakeDefect.fields), for rule templates. */
export const DEFECT_FIELDS = ['kind', 'message', 'property', 'suggestion', 'segment', 'element', 'snip', 'ack', 'expected', 'found', 'bound', 'limit'];

export const RECORD_FACTS: Readonly<Record<string, FactDefinition>> = {
  intakeDefects: {
    index: true,
    description: 'Defects the reader found in the record that still became this claim (IntakeDefect): `kind` selects them, exactly or by a prefix ending in "/" ("x12/").',
    params: { kind: { type: 'strings', required: true, description: 'Defect kind(s), e.g. "json/unknown-property", or a prefix ending in "/".' } },
    itemFields: DEFECT_FIELDS,
    compute: (ctx, params): EvidenceItem[] => {
      if (ctx.defects.length === 0) return []; // most claims: nothing to select
      const kinds = stringsParam(params, 'kind');
      const wanted = (kind: string) => kinds.some((k) => (k.endsWith('/') ? kind.startsWith(k) : kind === k));
      return ctx.defects.filter((d) => wanted(d.kind)).map((d) => ({ ...(d.fields ?? {}), path: d.path, kind: d.kind, message: d.message }));
    },
  },
  batchDuplicates: {
    index: true,
    description: 'One item when an earlier record of the same batch (one scrubAll run, or one Scrubber.createBatch()) had this claim\'s id: `firstRecord` names it.',
    itemFields: ['firstRecord'],
    compute: (ctx): EvidenceItem[] => (ctx.earlierInBatch ? [{ path: '$.id', code: ctx.claim.id, firstRecord: ctx.earlierInBatch }] : []),
  },
};
