// `Blinksale`: configuration, `withOptions`, the escape hatch; the resources are generated.

import { APIPromise, type ClientCore, fromNative, invoke, json, type RequestOptions, type TokenProvider } from './core';
import type { ClientSettings, RateLimit } from './generated/contract';
import { Resources } from './generated/resources';
import { NativeClient } from './native';
import { traced } from './telemetry';

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

/** The provider as the addon calls it: always a promise of a string. */
function asked(provider: TokenProvider): () => Promise<string> {
  return () =>
    Promise.resolve()
      .then(provider)
      .then((token) => {
        if (typeof token !== 'string') throw new TypeError(`the token provider returned ${typeof token}, not a string`);
        return token;
      });
}

export class Blinksale extends Resources implements ClientCore {
  #native: NativeClient;

  /** `token`: the token, or a function returning it (or a promise of it), asked on first use
   * and again after a 401, so a rotated token is picked up without a restart; else `tokenFile`,
   * BLINKSALE_API_TOKEN, then the file named by BLINKSALE_API_TOKEN_FILE. `baseUrl` falls back
   * to BLINKSALE_BASE_URL; times are in ms. */
  constructor(options: ClientOptions = {}) {
    super();
    const adopted = (options as Partial<Adopt>)[ADOPT];
    if (adopted) {
      this.#native = adopted;
      return;
    }
    const { logger, token, ...settings } = options;
    const provider = typeof token === 'function' ? asked(token) : undefined;
    try {
      const text = JSON.stringify(provider ? settings : { ...settings, token });
      this.#native = new NativeClient(text, `blinksale-node/${version} node/${process.versions.node}`, provider);
    } catch (err) {
      throw fromNative(err);
    }
    if (logger) {
      // Returns nothing whatever the logger returns: the addon expects no value back.
      this.#native.setLogger((level: string, line: string) => {
        logger[level as keyof Logger]?.call(logger, line);
      });
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

  /** The permissions this client's calls needed so far (`read`, `write`, `send`), shared with
   * its `withOptions` copies: the least its token must have. */
  permissionsUsed(): Set<string> {
    return new Set(this.#native.permissionsUsed());
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
    const native = this.#native;
    const start = () => native.spanStart(null, method, path);
    const reply = traced(start, (trace) => invoke((opts, cancel) => native.request(method, path, q, b, opts, cancel, trace), options));
    return new APIPromise(reply, (r) => JSON.parse(r.data) as T);
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Blinksale { baseUrl: '${this.baseUrl}' }`;
  }
}
