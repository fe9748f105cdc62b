import { type CallOptions, NativeCancel, type NativeClient, type Reply } from '../native.js';
import { type RateLimit } from './exceptions';
/** Options of one request; the last argument of every method. */
export interface RequestOptions {
    /** Per attempt, in milliseconds (the client's default otherwise). */
    timeout?: number;
    /** Retries after a retryable failure. */
    maxRetries?: number;
    /** Headers for this request; they replace the client's of the same name. */
    headers?: Record<string, string>;
    /** Aborts the request at once: the promise rejects with `APIUserAbortError`. */
    signal?: AbortSignal;
    /** Query parameters added to the request. */
    query?: Record<string, string | number | boolean>;
    /** Fields merged into the JSON body, unchecked: for fields this version does not know. */
    body?: Record<string, unknown>;
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
export declare class APIPromise<T> extends Promise<T> {
    #private;
    constructor(raw: Promise<WithResponse<T>>);
    static get [Symbol.species](): PromiseConstructor;
    /** The data with the response's status, headers, request id and rate limit. */
    withResponse(): Promise<WithResponse<T>>;
    /** The response alone. */
    asResponse(): Promise<APIResponseInfo>;
    then<R1 = T, R2 = never>(onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2>;
    catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R>;
    finally(onfinally?: (() => void) | null): Promise<T>;
}
/** The addon rejects with an Error carrying the core's `code` and a `details` object. */
export declare function fromNative(err: unknown): unknown;
/** Awaits the addon, rethrowing its errors as the SDK's classes with the caller's stack. */
export declare function settle<T>(p: Promise<T>): Promise<T>;
/** Per-request options as the addon takes them. */
export declare function callOptions(o?: RequestOptions): CallOptions | null;
export declare function pairs(params: object): string[][];
/** Runs one addon call; a `signal` drops the core's future and rejects at once. */
export declare function run(send: (cancel: NativeCancel | null) => Promise<Reply>, signal?: AbortSignal): Promise<Reply>;
/** The response side of a reply; headers are parsed when first read. */
export declare function responseInfo(reply: Reply): APIResponseInfo;
/** Marks a returned object with its request id, as a non-enumerable `_requestId`. */
export declare function withRequestId<T>(value: T, requestId: string | null | undefined): T;
/** `meta` of a list response. */
export interface PageMeta {
    current_page?: number;
    from?: number | null;
    last_page?: number;
    path?: string;
    per_page?: number;
    to?: number | null;
    total?: number;
    links?: Array<{
        url: string | null;
        label: string;
        active: boolean;
    }>;
}
/** One page of a list: iterate it, or read `data` and `meta`. */
export declare class Page<T> implements Iterable<T> {
    #private;
    /** The items on this page. */
    readonly data: T[];
    readonly _requestId: string | null;
    constructor(reply: Reply, fetch: (page: number) => Promise<Page<T>>);
    /** current_page, last_page, per_page, total, from, to, path, links (parsed when first read). */
    get meta(): PageMeta;
    hasNextPage(): boolean;
    /** The next page with the same filters, or null after the last. */
    getNextPage(): Promise<Page<T> | null>;
    [Symbol.iterator](): Iterator<T>;
}
/** The base of every generated resource: one call path for each kind of result. */
export declare abstract class APIResource {
    #private;
    constructor(client: ClientCore, parent: string[]);
    protected _ids(id?: string): string[];
    protected _call<T>(op: string, ids: string[], body: unknown, options?: RequestOptions): APIPromise<T>;
    protected _list<T>(op: string, ids: string[], params: object, options?: RequestOptions): APIPromise<Page<T>>;
    protected _listAll<T>(op: string, ids: string[], params: {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<T>;
}
