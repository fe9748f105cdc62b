// Types of the ESM entry: the same as the CommonJS build's.
import { Blinksale } from './dist/index.js';

export * from './dist/index.js';
export default Blinksale;
