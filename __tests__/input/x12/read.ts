import type { Claim } from '../../../src/claim/codecs';
import type { InputItem } from '../../../src/input';
import { emptyX12Stats, readX12, type X12Stats } from '../../../src/input/x12';
import type { RejectedResult } from '../../../src/scrub/result';

export async function read(input: string | Uint8Array | readonly (string | Uint8Array)[], file = 'test.837'): Promise<{ items: InputItem[]; stats: X12Stats }> {
  const stats = emptyX12Stats();
  const items: InputItem[] = [];
  const chunks = typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  for await (const item of readX12(chunks, { file, stats })) items.push(item);
  return { items, stats };
}

export const claims = (items: readonly InputItem[]): Claim[] => items.flatMap((i) => (i.kind === 'claim' ? [i.claim] : []));
export const rejections = (items: readonly InputItem[]): RejectedResult[] => items.flatMap((i) => (i.kind === 'rejected' ? [i.result] : []));
/** The claim id of an item, decoded or rejected. */
export const idOf = (item: InputItem): string | undefined => (item.kind === 'claim' ? item.claim.id : item.result.claimId);
export const messages = (r: RejectedResult): string => r.problems.map((p) => p.message).join(' | ');
