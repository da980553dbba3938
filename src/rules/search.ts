/**
 * The first index in [lo, hi) at which `below(i)` is false, for a `below` that is true up to some index and
 * false after it (a sorted table searched for a key): the binary search every sorted table here shares.
 */
export function firstNotBelow(lo: number, hi: number, below: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}
