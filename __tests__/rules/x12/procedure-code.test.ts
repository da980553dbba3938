import { clean837, testX12Rule } from './x12-case';

// A 4-digit procedure code: not CPT/HCPCS-shaped.
testX12Rule('x12/procedure-code', clean837({ lines: [{ sv: ['SV1', ['HC', '2255'], '1604.91', 'UN', '1', '', '', ['1']], date: '20260115' }] }), { element: 'SV101-2', snip: 5, ack: /277CA A7:454/ });
