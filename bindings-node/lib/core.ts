// The runtime under the generated resources: one call path to the addon, per-request options,
// `AbortSignal`, `withResponse()`, pages and `for await` paging. Rules (retries, paging, what may
// be sent) are the core's; this only moves values across.

import type { CallOptionFields, ErrorDetails, RateLimit, Reply } from './generated/contract';
import { BlinksaleError, CLASSES } from './generated/errors';
import { NativeCancel, type NativeClient, NativeTrace, type WireReply } from './native';
import { pipeline, traced } from './telemetry';

/** Options of one request; the last argument of every method (fields from the core's contract). */
export interface RequestOptions extends CallOptionFields {
  /** Aborts the request at once: the promise rejects with `APIUserAbortError`. */
  signal?: AbortSignal;
}

/** The HTTP side of a response. */
export interface APIResponseInfo {
  status: number;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  requestId: string | null;
  rateLimit: RateLimit | null;
}

/** What `withResponse()` resolves to. */
export interface WithResponse<T> {
  data: T;
  response: APIResponseInfo;
}

/** The addon's client, as the JS layer holds it. */
export interface ClientCore {
  readonly _native: NativeClient;
}

/** A Promise for the data that also gives the HTTP response: `await p.withResponse()`. */
export class APIPromise<T> extends Promise<T> {
  #reply: Promise<Reply>;
  #parse: (reply: Reply) => T;
  #parsed?: Promise<T>;
  #replied?: Reply;

  /** `parse` turns the reply into the data, once; the response is built only when asked for. */
  constructor(reply: Promise<Reply>, parse: (reply: Reply) => T) {
    super((resolve) => resolve(undefined as T));
    this.#reply = reply;
    this.#parse = parse;
  }

  // `then` on the base class must build plain promises, not APIPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data with the response's status, headers, request id and rate limit. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#data().then((data) => ({ data, response: responseInfo(this.#replied as Reply) }));
  }

  /** The response alone. */
  asResponse(): Promise<APIResponseInfo> {
    return this.withResponse().then((r) => r.response);
  }

  #data(): Promise<T> {
    if (!this.#parsed) {
      this.#parsed = this.#reply.then((reply) => {
        this.#replied = reply;
        return this.#parse(reply);
      });
    }
    return this.#parsed;
  }

  // biome-ignore lint/suspicious/noThenProperty: a Promise subclass defines `then` by design.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#data().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#data().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#data().finally(onfinally);
  }
}

/** The addon rejects with an Error carrying the core's `code` and a `details` object. */
export function fromNative(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const { code, details } = err as Error & { code?: unknown; details?: ErrorDetails };
  if (typeof code !== 'string' || details === undefined) return err;
  const Cls = CLASSES[code] ?? BlinksaleError;
  return new Cls(err.message, code, details);
}

/** Awaits the addon, rethrowing its errors as the SDK's classes with the caller's stack. */
export async function settle<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const error = fromNative(err);
    if (error !== err && error instanceof Error) Error.captureStackTrace(error, settle);
    throw error;
  }
}

function abortError(): BlinksaleError {
  return new CLASSES.aborted('the request was aborted', 'aborted', { requestSent: false });
}

/** Per-request options as the addon takes them: the contract's fields as JSON text (the core
 * checks them), or null for none. */
export function callOptions(o?: object): string | null {
  if (!o) return null;
  const { signal: _signal, ...fields } = o as RequestOptions;
  const text = JSON.stringify(fields);
  return text === '{}' ? null : text;
}

/** Gives the API token on demand: asked on first use and again after a 401, never per request. */
export type TokenProvider = () => string | Promise<string>;

/** A value as the addon takes it: JSON text, or null. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Sends one call through the addon: options as JSON, an `AbortSignal` wired to the core. What
 * every resource method and `request()` run. */
export function invoke(
  send: (opts: string | null, cancel: NativeCancel | null) => Promise<WireReply>,
  options?: RequestOptions,
): Promise<Reply> {
  const opts = callOptions(options);
  return run((cancel) => send(opts, cancel), options?.signal).then(toReply);
}

/** The addon's reply: `data`, and the rest of the core's `Reply` as JSON text. */
function toReply(wire: WireReply): Reply {
  const reply = JSON.parse(wire.info) as Reply;
  reply.data = wire.data;
  return reply;
}

/** Runs one addon call; a `signal` drops the core's future at once, and the call rejects with
 * `APIUserAbortError` (its `requestSent` says whether a write may have happened). */
export function run<R>(send: (cancel: NativeCancel | null) => Promise<R>, signal?: AbortSignal): Promise<R> {
  if (!signal) return settle(send(null));
  if (signal.aborted) return Promise.reject(abortError());
  const cancel = new NativeCancel();
  const onAbort = () => cancel.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  return settle(send(cancel)).finally(() => signal.removeEventListener('abort', onAbort));
}

/** The response side of a reply. */
export function responseInfo(reply: Reply): APIResponseInfo {
  return {
    status: reply.status,
    headers: reply.headers,
    requestId: reply.requestId ?? null,
    rateLimit: reply.rateLimit ?? null,
  };
}

/** Marks a returned object with its request id, as a non-enumerable `_requestId`. */
export function withRequestId<T>(value: T, requestId: string | null | undefined): T {
  if (value !== null && typeof value === 'object') {
    Object.defineProperty(value, '_requestId', { value: requestId ?? null, enumerable: false });
  }
  return value;
}

/** `meta` of a list response. */
export interface PageMeta {
  current_page?: number;
  from?: number | null;
  last_page?: number;
  path?: string;
  per_page?: number;
  to?: number | null;
  total?: number;
  links?: Array<{ url: string | null; label: string; active: boolean }>;
}

/** One page of a list: iterate it, or read `data` and `meta`. */
export class Page<T> implements Iterable<T> {
  /** The items on this page. */
  readonly data: T[];
  #requestId: string | null;
  #meta: PageMeta;
  #hasNext: boolean;
  #fetch: (page: number) => Promise<Page<T>>;

  constructor(reply: Reply, fetch: (page: number) => Promise<Page<T>>) {
    this.data = JSON.parse(reply.data);
    this.#meta = reply.meta ?? {};
    this.#hasNext = reply.hasNext;
    this.#fetch = fetch;
    this.#requestId = reply.requestId ?? null;
  }

  /** The `X-Request-Id` of the response that carried this page. */
  get _requestId(): string | null {
    return this.#requestId;
  }

  /** current_page, last_page, per_page, total, from, to, path, links. */
  get meta(): PageMeta {
    return this.#meta;
  }

  hasNextPage(): boolean {
    return this.#hasNext;
  }

  /** The next page with the same filters, or null after the last. */
  async getNextPage(): Promise<Page<T> | null> {
    return this.#hasNext ? this.#fetch((this.meta.current_page ?? 1) + 1) : null;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.data[Symbol.iterator]();
  }
}

/** The base of every generated resource: one call path for each kind of result. */
export abstract class APIResource {
  readonly #client: ClientCore;
  readonly #parent: string[];

  constructor(client: ClientCore, parent: string[]) {
    this.#client = client;
    this.#parent = parent;
  }

  protected _ids(id?: string): string[] {
    return id === undefined ? this.#parent : [...this.#parent, String(id)];
  }

  #send(op: string, ids: string[], query: object, body: unknown, options?: RequestOptions): Promise<Reply> {
    const native = this.#client._native;
    const [q, b] = [json(query), json(body)];
    const start = () => native.spanStart(op, 'GET', '');
    return traced(start, (trace) => invoke((opts, cancel) => native.call(op, ids, q, b, opts, cancel, trace), options));
  }

  protected _call<T>(op: string, ids: string[], body: unknown, options?: RequestOptions): APIPromise<T> {
    return new APIPromise(this.#send(op, ids, {}, body, options), (reply) => withRequestId(JSON.parse(reply.data) as T, reply.requestId));
  }

  protected _list<T>(op: string, ids: string[], params: object, options?: RequestOptions): APIPromise<Page<T>> {
    const fetch = (page: number) => this._list<T>(op, ids, { ...params, page }, options).then((p) => p);
    return new APIPromise(this.#send(op, ids, params, undefined, options), (reply) => new Page<T>(reply, fetch));
  }

  /** Every item, page by page as consumed; `options.signal` aborts the page in flight at once
   * (its rate-limit slot goes back) and ends the iteration with `APIUserAbortError`. */
  protected _listAll<T>(op: string, ids: string[], params: { limit?: number }, options?: RequestOptions): AsyncIterable<T> {
    const { limit, ...query } = params;
    const native = this.#client._native;
    return {
      async *[Symbol.asyncIterator]() {
        let stream: ReturnType<NativeClient['stream']>;
        // One span per page fetched, through the list's own trace, when the application traces.
        const trace = pipeline() ? new NativeTrace() : null;
        try {
          stream = native.stream(op, ids, json(query), limit ?? null, callOptions(options), trace);
        } catch (err) {
          throw fromNative(err);
        }
        const start = () => native.spanStart(op, 'GET', '');
        for (;;) {
          const next = () => run((cancel) => stream.nextBatch(cancel), options?.signal);
          const batch = trace?.morePages() ? await traced(start, next, trace) : await next();
          if (batch.length === 0) return;
          for (const text of batch) yield JSON.parse(text) as T;
        }
      },
    };
  }
}
