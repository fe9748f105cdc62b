"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MockServer = void 0;
// `MockServer`: the embedded blinksale-mock, for testing code offline.
const native_js_1 = require("../native.js");
/** A local Blinksale API server with seeded demo data, a request log and fault injection. */
class MockServer {
    url;
    token;
    #native;
    constructor(native) {
        this.#native = native;
        this.url = native.url;
        this.token = native.token;
    }
    static async start(options = {}) {
        return new MockServer(new native_js_1.NativeMock(options));
    }
    /** The requests received: method, path, query, headers, body, authorized, status, fault. */
    requests() {
        return JSON.parse(this.#native.requests());
    }
    clearRequests() {
        this.#native.clearRequests();
    }
    /** Queues a fault. */
    inject(fault) {
        this.#native.inject(JSON.stringify(fault));
    }
    reset() {
        this.#native.reset();
    }
    async stop() {
        this.#native.stop();
    }
}
exports.MockServer = MockServer;
