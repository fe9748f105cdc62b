export interface Fault {
    kind?: 'status' | 'rate_limit' | 'delay' | 'drop' | 'truncate';
    /** '/clients', '/clients*' (prefix) or '*' (default). */
    path?: string;
    method?: string;
    times?: number;
    status?: number;
    body?: 'json' | 'html';
    after_handler?: boolean;
    reset?: number;
    ms?: number;
}
export interface LoggedRequest {
    seq: number;
    at_ms: number;
    method: string;
    path: string;
    query: string | null;
    /** Names lower-case; never `authorization`. */
    headers: Record<string, string>;
    body: unknown;
    authorized: boolean;
    status: number | null;
    fault: string | null;
}
export interface MockOptions {
    /** Requests per `window` seconds and token; off unless set. */
    rateLimit?: number;
    window?: number;
    /** Extra clients and invoices. */
    seed?: number;
    /** 'VALUE:read,write,send' strings. */
    tokens?: string[];
}
/** A local Blinksale API server with seeded demo data, a request log and fault injection. */
export declare class MockServer {
    #private;
    readonly url: string;
    readonly token: string;
    private constructor();
    static start(options?: MockOptions): Promise<MockServer>;
    /** The requests received: method, path, query, headers, body, authorized, status, fault. */
    requests(): LoggedRequest[];
    clearRequests(): void;
    /** Queues a fault. */
    inject(fault: Fault): void;
    reset(): void;
    stop(): Promise<void>;
}
