import { clean837, testX12Rule } from './x12-case';

// 13 diagnoses on an 837P: the 13th is not read.
testX12Rule('x12/bound', clean837({ hi: [[['ABK', 'M4303'], ...Array.from({ length: 12 }, () => ['ABF', 'M430'])]] }), { element: /12 diagnoses/, snip: 2, ack: /999 IK3 code 5/ });
