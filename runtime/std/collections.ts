// `import { Vec, … } from 'tskc:collections'`: the standard library's
// containers (docs/library.md). Each lives in a file of its own here.
export { Vec } from './vec';
export { sortRange, sortU64 } from './sort';
export { HashMap, HashSet } from './hashmap';
export { List } from './list';
export { MinHeap } from './heap';
export { RingBuffer } from './ring';
export { BitSet } from './bitset';
