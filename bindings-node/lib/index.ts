// The package's public surface.
import { Blinksale } from './client';

export { Blinksale, type ClientOptions, type Logger } from './client';
export { APIPromise, type APIResponseInfo, Page, type PageMeta, type RequestOptions, type TokenProvider, type WithResponse } from './core';
export type { ErrorDetails, RateLimit } from './generated/contract';
export * from './generated/errors';
export type * from './generated/models';
export * from './generated/resources';
export { type Fault, type LoggedRequest, type MockOptions, MockServer } from './mock';

export const version: string = (require('../package.json') as { version: string }).version;
export default Blinksale;

/** Writes the core's log lines at `level` and above to stderr ('debug', 'info', 'warn', 'error'; null: off). `BLINKSALE_LOG` sets it at load. */
export { setLogLevel } from './native';
