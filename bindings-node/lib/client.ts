// `Blinksale`: configuration, `withOptions`, the escape hatch; the resources are generated.

import { APIPromise, type ClientCore, fromNative, invoke, json, type RequestOptions } from './core';
import type { ClientSettings, RateLimit } from './generated/contract';
import { Resources } from './generated/resources';
import { NativeClient } from './native';

const { version } = require('../package.json') as { version: string };

/** The client's options: the core's settings (times in milliseconds; each with its default),
 * and where log lines go. */
export interface ClientOptions extends ClientSettings {
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

// A constructor argument only `withOptions` can make: the addon client to wrap.
const ADOPT = Symbol('blinksale.adopt');
type Adopt = { [ADOPT]: NativeClient };

export class Blinksale extends Resources implements ClientCore {
  #native: NativeClient;

  /** `token` falls back to BLINKSALE_API_TOKEN, `baseUrl` to BLINKSALE_BASE_URL; times are in ms. */
  constructor(options: ClientOptions = {}) {
    super();
    const adopted = (options as Partial<Adopt>)[ADOPT];
    if (adopted) {
      this.#native = adopted;
      return;
    }
    const { logger, ...settings } = options;
    try {
      this.#native = new NativeClient(JSON.stringify(settings), `blinksale-node/${version} node/${process.versions.node}`);
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
    return this.#native.rateLimit() as RateLimit | null;
  }

  /** A client with other defaults that shares this one's connections and rate limiter. */
  withOptions(options: Pick<RequestOptions, 'timeout' | 'maxRetries' | 'deadline' | 'headers'>): Blinksale {
    let native: NativeClient;
    try {
      native = this.#native.withOptions(json(options));
    } catch (err) {
      throw fromNative(err);
    }
    return new Blinksale({ [ADOPT]: native } as ClientOptions);
  }

  /** Any request below the base URL, on the same path as every resource method; resolves to
   * `data` (lists: `{ data, meta }`), and `.withResponse()` gives the HTTP side. */
  request<T = unknown>(
    method: string,
    path: string,
    { query, body, ...options }: { query?: Record<string, string | number | boolean>; body?: unknown } & RequestOptions = {},
  ): APIPromise<T> {
    const [q, b] = [json(query ?? {}), json(body)];
    const reply = invoke((opts, cancel) => this.#native.request(method, path, q, b, opts, cancel), options);
    return new APIPromise(reply, (r) => JSON.parse(r.data) as T);
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Blinksale { baseUrl: '${this.baseUrl}' }`;
  }
}
