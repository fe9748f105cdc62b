import { NativeClient } from '../native.js';
import { type ClientCore, type RequestOptions } from './core';
import type { RateLimit } from './exceptions';
import { Resources } from './generated/resources';
export interface ClientOptions {
    /** Falls back to BLINKSALE_API_TOKEN (an empty variable counts as unset). */
    token?: string;
    /** Includes /api/v1; falls back to BLINKSALE_BASE_URL, then https://app.blinksale.com/api/v1. */
    baseUrl?: string;
    /** Per attempt, in milliseconds (default 60000). */
    timeout?: number;
    /** Milliseconds to connect (default 10000). */
    connectTimeout?: number;
    /** Retries after a retryable failure (default 2). */
    maxRetries?: number;
    /** Headers sent with every request. */
    defaultHeaders?: Record<string, string>;
    /** Requests a minute paced to before the server's headers say otherwise (default 120). */
    rateLimit?: number;
}
export declare class Blinksale extends Resources implements ClientCore {
    #private;
    /** `token` falls back to BLINKSALE_API_TOKEN, `baseUrl` to BLINKSALE_BASE_URL; times are in ms. */
    constructor(options?: ClientOptions);
    get _native(): NativeClient;
    get baseUrl(): string;
    /** The rate-limit state of the last response, shared with every `withOptions` copy. */
    get rateLimit(): RateLimit | null;
    /** A client with other defaults that shares this one's connections and rate limiter. */
    withOptions(options: Pick<RequestOptions, 'timeout' | 'maxRetries' | 'headers'>): Blinksale;
    /** Any request below the base URL; resolves to `data` (lists: `{ data, meta }`). */
    request<T = unknown>(method: string, path: string, { query, body, ...options }?: {
        query?: Record<string, string | number | boolean>;
        body?: unknown;
    } & RequestOptions): Promise<T>;
    toJSON(): {
        baseUrl: string;
    };
}
