import { clean837, testX12Rule } from './x12-case';

// Place of service 011: read as 11.
testX12Rule('x12/place-of-service', clean837({ clm05: ['011', 'B', '1'] }), { element: 'CLM05-1', snip: 5, ack: /277CA A7/ });
