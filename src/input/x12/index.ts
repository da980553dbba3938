export { readX12, type X12ReadOptions } from './read-x12';
export { addX12Stats, emptyX12Stats, type X12Stats } from './stats';
export { components, tokenBatches, tokenize, type Delimiters, type Segment, type Token } from './tokenizer';
export { x12TextOf } from './text';
