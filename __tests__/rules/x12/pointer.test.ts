import { clean837, testX12Rule } from './x12-case';

// Pointer X: not a number 1-12.
testX12Rule('x12/pointer', clean837({ lines: [{ sv: ['SV1', ['HC', '22551'], '1604.91', 'UN', '1', '', '', ['1', 'X']], date: '20260115' }] }), { element: 'SV107', snip: 2, ack: /IK4 code 7/ });
