"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Blinksale = void 0;
// `Blinksale`: configuration, `withOptions`, the escape hatch; the resources are generated.
const native_js_1 = require("../native.js");
const core_1 = require("./core");
const resources_1 = require("./generated/resources");
const { version } = require('../package.json');
// The addon client `withOptions` hands to the constructor it calls.
let adopted;
class Blinksale extends resources_1.Resources {
    #native;
    /** `token` falls back to BLINKSALE_API_TOKEN, `baseUrl` to BLINKSALE_BASE_URL; times are in ms. */
    constructor(options = {}) {
        super();
        if (adopted) {
            this.#native = adopted;
            adopted = undefined;
            return;
        }
        const { token, baseUrl, timeout, connectTimeout, maxRetries, defaultHeaders, rateLimit } = options;
        try {
            this.#native = new native_js_1.NativeClient({
                token,
                baseUrl,
                timeout,
                connectTimeout,
                maxRetries,
                headers: defaultHeaders ? Object.entries(defaultHeaders) : undefined,
                rateLimit,
                userAgent: `blinksale-node/${version} node/${process.versions.node}`,
            });
        }
        catch (err) {
            throw (0, core_1.fromNative)(err);
        }
    }
    get _native() {
        return this.#native;
    }
    get baseUrl() {
        return this.#native.baseUrl;
    }
    /** The rate-limit state of the last response, shared with every `withOptions` copy. */
    get rateLimit() {
        const r = this.#native.rateLimit();
        return r ? { limit: r[0] ?? null, remaining: r[1] ?? null, reset: r[2] ?? null } : null;
    }
    /** A client with other defaults that shares this one's connections and rate limiter. */
    withOptions(options) {
        try {
            adopted = this.#native.withOptions((0, core_1.callOptions)(options) ?? {});
        }
        catch (err) {
            throw (0, core_1.fromNative)(err);
        }
        return new Blinksale();
    }
    /** Any request below the base URL; resolves to `data` (lists: `{ data, meta }`). */
    async request(method, path, { query, body, ...options } = {}) {
        const json = body === undefined ? null : JSON.stringify(body);
        const reply = await (0, core_1.run)((cancel) => this.#native.request(method, path, (0, core_1.pairs)(query ?? {}), json, (0, core_1.callOptions)(options), cancel), options.signal);
        const data = JSON.parse(reply.data);
        return (reply.meta ? { data, meta: JSON.parse(reply.meta) } : data);
    }
    toJSON() {
        return { baseUrl: this.baseUrl };
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return `Blinksale { baseUrl: '${this.baseUrl}' }`;
    }
}
exports.Blinksale = Blinksale;
