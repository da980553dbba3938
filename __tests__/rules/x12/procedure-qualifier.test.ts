import { clean837, testX12Rule } from './x12-case';

// SV101-1 ER (jurisdiction-specific): read as HCPCS, with a warning.
testX12Rule('x12/procedure-qualifier', clean837({ lines: [{ sv: ['SV1', ['ER', '22551'], '1604.91', 'UN', '1', '', '', ['1']], date: '20260115' }] }), { element: 'SV101-1', snip: 5, ack: /277CA A7:454/ });
