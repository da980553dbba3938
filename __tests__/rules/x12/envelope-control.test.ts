import { clean837, testX12Rule } from './x12-case';

// SE02 is not ST02.
testX12Rule('x12/envelope-control', clean837().replace(/SE\*(\d+)\*0001/, 'SE*$1*0002'), { element: 'SE02', snip: 1, ack: /999 IK5 code 3/ });
