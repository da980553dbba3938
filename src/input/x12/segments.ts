// Segment ids of the 005010X222A1 (837P) and 005010X223A2 (837I) implementation guides, envelopes
// included. A segment id outside this list inside a transaction is damage, not an unknown extension:
// the claim it falls in is rejected rather than read without it.
export const SEGMENTS_837: ReadonlySet<string> = new Set([
  'ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'BHT', 'NM1', 'N2', 'N3', 'N4', 'PER', 'REF', 'HL', 'PRV', 'CUR', 'SBR',
  'PAT', 'DMG', 'CLM', 'DTP', 'CL1', 'PWK', 'CN1', 'AMT', 'K3', 'NTE', 'CR1', 'CR2', 'CR3', 'CR4', 'CR5', 'CR6',
  'CR7', 'CRC', 'HI', 'HCP', 'QTY', 'MEA', 'LX', 'SV1', 'SV2', 'SV5', 'PS1', 'HSD', 'LIN', 'CTP', 'CAS', 'OI',
  'MIA', 'MOA', 'SVD', 'LQ', 'FRM', 'TOO', 'MPI',
]);

/** A segment id shape (X12.6: two or three upper-case letters or digits, starting with a letter). */
export const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
