import { clean837, testX12Rule } from './x12-case';

// The subscriber HL names parent 9, which does not exist.
testX12Rule('x12/hl-parent', clean837().replace('HL*2*1*22', 'HL*2*9*22'), { element: 'HL02', snip: 2, ack: /999 IK3 code 8/ });
