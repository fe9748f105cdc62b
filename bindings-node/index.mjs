// ESM entry: the same objects as the CommonJS build.
import cjs from './dist/index.js';

export * from './dist/index.js';
export default cjs.Blinksale;
