import { clean837, testX12Rule } from './x12-case';

// HI*ABK*M4303: the qualifier and the code in separate elements.
testX12Rule('x12/hi-composite', clean837({ hi: [[['ABK'], ['M4303']]] }), { element: 'HI01', snip: 2, ack: /IK4 code 7/ });
