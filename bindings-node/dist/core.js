"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.APIResource = exports.Page = exports.APIPromise = void 0;
exports.fromNative = fromNative;
exports.settle = settle;
exports.callOptions = callOptions;
exports.pairs = pairs;
exports.run = run;
exports.responseInfo = responseInfo;
exports.withRequestId = withRequestId;
// The runtime under the generated resources: one call path to the addon, per-request options,
// `AbortSignal`, `withResponse()`, pages and `for await` paging. Rules (retries, paging, what may
// be sent) are the core's; this only moves values across.
const native_js_1 = require("../native.js");
const exceptions_1 = require("./exceptions");
const errors_1 = require("./generated/errors");
/** A Promise for the data that also gives the HTTP response: `await p.withResponse()`. */
class APIPromise extends Promise {
    #raw;
    #parsed;
    constructor(raw) {
        super((resolve) => resolve(undefined));
        this.#raw = raw;
    }
    // `then` on the base class must build plain promises, not APIPromises.
    static get [Symbol.species]() {
        return Promise;
    }
    /** The data with the response's status, headers, request id and rate limit. */
    withResponse() {
        return this.#raw;
    }
    /** The response alone. */
    asResponse() {
        return this.#raw.then((r) => r.response);
    }
    #parse() {
        if (!this.#parsed)
            this.#parsed = this.#raw.then((r) => r.data);
        return this.#parsed;
    }
    then(onfulfilled, onrejected) {
        return this.#parse().then(onfulfilled, onrejected);
    }
    catch(onrejected) {
        return this.#parse().catch(onrejected);
    }
    finally(onfinally) {
        return this.#parse().finally(onfinally);
    }
}
exports.APIPromise = APIPromise;
/** The addon rejects with an Error carrying the core's `code` and a `details` object. */
function fromNative(err) {
    if (!(err instanceof Error))
        return err;
    const { code, details } = err;
    if (typeof code !== 'string' || details === undefined)
        return err;
    const Cls = errors_1.CLASSES[code] ?? exceptions_1.BlinksaleError;
    return new Cls(err.message, code, details);
}
/** Awaits the addon, rethrowing its errors as the SDK's classes with the caller's stack. */
async function settle(p) {
    try {
        return await p;
    }
    catch (err) {
        const error = fromNative(err);
        if (error !== err && error instanceof Error)
            Error.captureStackTrace(error, settle);
        throw error;
    }
}
function abortError() {
    return new errors_1.CLASSES.aborted('the request was aborted', 'aborted');
}
/** Per-request options as the addon takes them. */
function callOptions(o) {
    if (!o)
        return null;
    const { timeout, maxRetries, headers, query, body } = o;
    if (timeout === undefined && maxRetries === undefined && !headers && !query && !body)
        return null;
    return {
        timeout,
        maxRetries,
        headers: headers ? Object.entries(headers) : undefined,
        extraQuery: query ? pairs(query) : undefined,
        extraBody: body ? JSON.stringify(body) : undefined,
    };
}
function pairs(params) {
    const out = [];
    for (const [k, v] of Object.entries(params))
        if (v !== undefined && v !== null)
            out.push([k, String(v)]);
    return out;
}
/** Runs one addon call; a `signal` drops the core's future and rejects at once. */
function run(send, signal) {
    if (!signal)
        return settle(send(null));
    if (signal.aborted)
        return Promise.reject(abortError());
    const cancel = new native_js_1.NativeCancel();
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            cancel.cancel();
            reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        settle(send(cancel))
            .then(resolve, reject)
            .finally(() => signal.removeEventListener('abort', onAbort));
    });
}
function parseHeaders(text) {
    const out = {};
    for (const line of text.split('\n')) {
        const at = line.indexOf(':');
        if (at > 0) {
            const name = line.slice(0, at);
            const value = line.slice(at + 1).trimStart();
            out[name] = name in out ? `${out[name]}, ${value}` : value;
        }
    }
    return out;
}
/** The response side of a reply; headers are parsed when first read. */
function responseInfo(reply) {
    let headers;
    const rateLimit = reply.rlLimit == null && reply.rlRemaining == null && reply.rlReset == null
        ? null
        : { limit: reply.rlLimit ?? null, remaining: reply.rlRemaining ?? null, reset: reply.rlReset ?? null };
    return {
        status: reply.status,
        get headers() {
            headers ??= parseHeaders(reply.headers);
            return headers;
        },
        requestId: reply.requestId ?? null,
        rateLimit,
    };
}
/** Marks a returned object with its request id, as a non-enumerable `_requestId`. */
function withRequestId(value, requestId) {
    if (value !== null && typeof value === 'object') {
        Object.defineProperty(value, '_requestId', { value: requestId ?? null, enumerable: false });
    }
    return value;
}
/** One page of a list: iterate it, or read `data` and `meta`. */
class Page {
    /** The items on this page. */
    data;
    #meta;
    #hasNext;
    #fetch;
    constructor(reply, fetch) {
        this.data = JSON.parse(reply.data);
        this.#meta = reply.meta;
        this.#hasNext = reply.hasNext;
        this.#fetch = fetch;
        withRequestId(this, reply.requestId);
    }
    /** current_page, last_page, per_page, total, from, to, path, links (parsed when first read). */
    get meta() {
        if (typeof this.#meta !== 'object' || this.#meta === null)
            this.#meta = this.#meta ? JSON.parse(this.#meta) : {};
        return this.#meta;
    }
    hasNextPage() {
        return this.#hasNext;
    }
    /** The next page with the same filters, or null after the last. */
    async getNextPage() {
        return this.#hasNext ? this.#fetch((this.meta.current_page ?? 1) + 1) : null;
    }
    [Symbol.iterator]() {
        return this.data[Symbol.iterator]();
    }
}
exports.Page = Page;
/** The base of every generated resource: one call path for each kind of result. */
class APIResource {
    #client;
    #parent;
    constructor(client, parent) {
        this.#client = client;
        this.#parent = parent;
    }
    _ids(id) {
        return id === undefined ? this.#parent : [...this.#parent, String(id)];
    }
    #send(op, ids, query, body, options) {
        const native = this.#client._native;
        const json = body === undefined ? null : JSON.stringify(body);
        const opts = callOptions(options);
        return run((cancel) => native.call(op, ids, query, json, opts, cancel), options?.signal);
    }
    _call(op, ids, body, options) {
        return new APIPromise(this.#send(op, ids, [], body, options).then((reply) => ({
            data: withRequestId(JSON.parse(reply.data), reply.requestId),
            response: responseInfo(reply),
        })));
    }
    _list(op, ids, params, options) {
        const fetch = (page) => this._list(op, ids, { ...params, page }, options).then((p) => p);
        return new APIPromise(this.#send(op, ids, pairs(params), undefined, options).then((reply) => ({
            data: new Page(reply, fetch),
            response: responseInfo(reply),
        })));
    }
    _listAll(op, ids, params, options) {
        const { limit, ...query } = params;
        const native = this.#client._native;
        return {
            async *[Symbol.asyncIterator]() {
                const stream = native.stream(op, ids, pairs(query), limit ?? null, callOptions(options));
                for (;;) {
                    const batch = await settle(stream.nextBatch());
                    if (batch.length === 0)
                        return;
                    for (const text of batch)
                        yield JSON.parse(text);
                }
            },
        };
    }
}
exports.APIResource = APIResource;
