// `Blinksale`: configuration, `withOptions`, the escape hatch; the resources are generated.

import { type ClientCore, callOptions, fromNative, pairs, type RequestOptions, run } from './core';
import type { RateLimit } from './exceptions';
import { Resources } from './generated/resources';
import { NativeClient } from './native';

const { version } = require('../package.json') as { version: string };

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
  /** Milliseconds for a whole call: rate-limit waits, every attempt and the backoff (default: none). */
  deadline?: number;
  /** The largest response body read, in bytes (default 64 MiB); a larger one is a DecodeError. */
  maxResponseBytes?: number;
  /**
   * `redis://…` (else BLINKSALE_RATE_LIMIT_STORE): share the rate limit with every process using
   * the token, through Redis or Valkey. If the store fails, the client paces alone and warns once.
   */
  rateLimitStore?: string;
  /** The prefix of the store's keys (default `blinksale:ratelimit`). */
  rateLimitStorePrefix?: string;
  /** Receives this client's log lines: `console`, or any `{ debug, info, warn, error }`. */
  logger?: Logger;
}

/** Where log lines go: `console` fits. */
export interface Logger {
  debug?(line: string): void;
  info?(line: string): void;
  warn?(line: string): void;
  error?(line: string): void;
}

// The addon client `withOptions` hands to the constructor it calls.
let adopted: NativeClient | undefined;

export class Blinksale extends Resources implements ClientCore {
  #native: NativeClient;

  /** `token` falls back to BLINKSALE_API_TOKEN, `baseUrl` to BLINKSALE_BASE_URL; times are in ms. */
  constructor(options: ClientOptions = {}) {
    super();
    if (adopted) {
      this.#native = adopted;
      adopted = undefined;
      return;
    }
    const {
      token,
      baseUrl,
      timeout,
      connectTimeout,
      maxRetries,
      defaultHeaders,
      rateLimit,
      deadline,
      maxResponseBytes,
      rateLimitStore,
      rateLimitStorePrefix,
      logger,
    } = options;
    try {
      this.#native = new NativeClient({
        token,
        baseUrl,
        timeout,
        connectTimeout,
        maxRetries,
        headers: defaultHeaders ? Object.entries(defaultHeaders) : undefined,
        rateLimit,
        deadline,
        maxResponseBytes,
        rateLimitStore,
        rateLimitStorePrefix,
        userAgent: `blinksale-node/${version} node/${process.versions.node}`,
      });
    } catch (err) {
      throw fromNative(err);
    }
    if (logger) {
      this.#native.setLogger((level: string, line: string) => logger[level as keyof Logger]?.call(logger, line));
    }
  }

  get _native(): NativeClient {
    return this.#native;
  }

  get baseUrl(): string {
    return this.#native.baseUrl;
  }

  /** The rate-limit state of the last response, shared with every `withOptions` copy. */
  get rateLimit(): RateLimit | null {
    const r = this.#native.rateLimit();
    return r ? { limit: r[0] ?? null, remaining: r[1] ?? null, reset: r[2] ?? null } : null;
  }

  /** A client with other defaults that shares this one's connections and rate limiter. */
  withOptions(options: Pick<RequestOptions, 'timeout' | 'maxRetries' | 'deadline' | 'headers'>): Blinksale {
    try {
      adopted = this.#native.withOptions(callOptions(options) ?? {});
    } catch (err) {
      throw fromNative(err);
    }
    return new Blinksale();
  }

  /** Any request below the base URL; resolves to `data` (lists: `{ data, meta }`). */
  async request<T = unknown>(
    method: string,
    path: string,
    { query, body, ...options }: { query?: Record<string, string | number | boolean>; body?: unknown } & RequestOptions = {},
  ): Promise<T> {
    const json = body === undefined ? null : JSON.stringify(body);
    const reply = await run(
      (cancel) => this.#native.request(method, path, pairs(query ?? {}), json, callOptions(options), cancel),
      options.signal,
    );
    // The core shapes the result: `data`, or for a list `{ data, meta }`.
    return JSON.parse(reply.data) as T;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Blinksale { baseUrl: '${this.baseUrl}' }`;
  }
}
