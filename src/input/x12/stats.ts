/** Counts of what an X12 read saw; readX12 adds to the object passed in its options. */
export interface X12Stats {
  interchanges: number;
  groups: number;
  transactions: number;
  claims: number;
  rejections: number;
  /** Rejections that stand for an envelope problem, not for a claim. */
  envelopeProblems: number;
  /** Characters of text that is not X12 (before an ISA, between interchanges), skipped. */
  ignoredCharacters: number;
}

export function emptyX12Stats(): X12Stats {
  return { interchanges: 0, groups: 0, transactions: 0, claims: 0, rejections: 0, envelopeProblems: 0, ignoredCharacters: 0 };
}

/** Adds one read's counts to another's (a file read in chunks). */
export function addX12Stats(into: X12Stats, from: X12Stats): void {
  for (const key of Object.keys(into) as (keyof X12Stats)[]) into[key] += from[key];
}
