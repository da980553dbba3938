import { clean837, testX12Rule } from './x12-case';

// Prose before the ISA: skipped by claimscrub, rejected by a strict receiver (TA1 024).
testX12Rule('x12/lenient-envelope', `From: clearinghouse\nSubject: claims\n\n${clean837()}`, { element: 'ISA', snip: 1, ack: /TA1 code 024/ });

describe('x12/lenient-envelope on a base guide version', () => {
  it('names ST03 005010X222 and the A1 addenda', async () => {
    const { scrubX12 } = await import('./x12-case');
    const results = await scrubX12('x12/lenient-envelope', clean837().split('005010X222A1').join('005010X222'));
    expect(results).toHaveLength(1);
    const r = results[0];
    expect(r.status === 'scrubbed' && r.findings.map((f) => f.message).join()).toMatch(/names the base guide 005010X222 \(ST03\/GS08\), not its addenda 005010X222A1.*999 AK9 code 2/);
  });
});
