import { clean837, testX12Rule } from './x12-case';

// A segment that is not an 837 segment in the header loops.
testX12Rule('x12/segment-damage', clean837().replace(/(ST\*837\*[^~]*~)/, '$1ZZZ*1~'), { element: /ZZZ/, snip: 1, ack: /999 IK3 code 2/ });
