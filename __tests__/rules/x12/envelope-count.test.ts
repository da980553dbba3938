import { clean837, testX12Rule } from './x12-case';

// SE01 says 99 segments: a receiver rejects the transaction, the claim is still scrubbed.
testX12Rule('x12/envelope-count', clean837().replace(/SE\*\d+\*/, 'SE*99*'), { element: 'SE01', snip: 1, ack: /999 IK5 code 4/ });
