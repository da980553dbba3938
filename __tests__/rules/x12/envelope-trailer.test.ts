import { clean837, testX12Rule } from './x12-case';

// The transaction has no SE: the GE closes it.
testX12Rule('x12/envelope-trailer', clean837().replace(/SE\*\d+\*0001~/, ''), { element: /has no SE/, snip: 1, ack: /999 IK5 code 2/ });
