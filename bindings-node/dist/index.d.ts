import { Blinksale } from './client';
export { Blinksale, type ClientOptions } from './client';
export { APIPromise, Page, type APIResponseInfo, type PageMeta, type RequestOptions, type WithResponse } from './core';
export { APIError, BlinksaleError, type ErrorDetails, type RateLimit } from './exceptions';
export * from './generated/errors';
export type * from './generated/models';
export * from './generated/resources';
export { type Fault, type LoggedRequest, MockServer, type MockOptions } from './mock';
export declare const version: string;
export default Blinksale;
/** Writes the core's log lines at `level` and above to stderr ('debug', 'info', 'warn', 'error'; null: off). `BLINKSALE_LOG` sets it at load. */
export { setLogLevel } from '../native.js';
