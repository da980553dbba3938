export { addX12Stats, emptyX12Stats, readX12, type X12ReadOptions, type X12Stats } from './read-x12';
export { components, tokenBatches, tokenize, type Delimiters, type Segment, type Token } from './tokenizer';
export { x12TextOf } from './text';
