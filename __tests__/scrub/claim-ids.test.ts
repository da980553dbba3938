import { ClaimIds } from '../../src/scrub/claim-ids';

describe('ClaimIds: the claim ids of a batch in ~15 bytes a slot', () => {
  it('says where an id was first seen, in the words of the source', () => {
    const ids = new ClaimIds();
    expect(ids.register('CLM-1', { file: 'a.ndjson', line: 3, record: 2 })).toBeUndefined();
    expect(ids.register('CLM-2', { file: 'b.837', transaction: '0042', segment: 7 })).toBeUndefined();
    expect(ids.register('CLM-3', { record: 9 })).toBeUndefined();
    expect(ids.register('CLM-4', {})).toBeUndefined();
    expect(ids.register('CLM-5', undefined)).toBeUndefined();
    expect(ids.register('CLM-1', { file: 'c.ndjson', line: 1 })).toBe('a.ndjson line 3');
    expect(ids.register('CLM-2', undefined)).toBe('b.837 transaction 0042');
    expect(ids.register('CLM-3', undefined)).toBe('record 9');
    expect(ids.register('CLM-4', undefined)).toBe('an earlier record');
    expect(ids.register('CLM-5', undefined)).toBe('an earlier claim');
  });

  it('grows past its first table, finds every repeat and reports no distinct id as repeated', () => {
    const ids = new ClaimIds();
    const n = 200_000;
    // One expect over all of them (200,000 expect calls took 12 s): the ids reported as repeated, none.
    const repeated: string[] = [];
    for (let i = 0; i < n; i++) if (ids.register(`CLM-${i}`, { file: 'big.ndjson', line: i + 1 }) !== undefined) repeated.push(`CLM-${i}`);
    expect(repeated).toEqual([]);
    for (let i = 0; i < n; i += 997) expect(ids.register(`CLM-${i}`, { file: 'again.ndjson', line: 1 })).toBe(`big.ndjson line ${i + 1}`);
    // Ids that differ in one character, in case or only by length are different ids.
    expect(ids.register('clm-5', undefined)).toBeUndefined();
    expect(ids.register('CLM-5 ', undefined)).toBeUndefined();
    expect(ids.register('', { line: 1 })).toBeUndefined();
    expect(ids.register('', { line: 2 })).toBe('line 1');
  });
});
