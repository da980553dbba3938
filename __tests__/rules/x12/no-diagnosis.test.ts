import { clean837, testX12Rule } from './x12-case';

// No HI segment.
testX12Rule('x12/no-diagnosis', clean837({ hi: [] }), { element: 'HI', snip: 2, ack: /999 IK3 code 3/ });
