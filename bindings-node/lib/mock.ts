// `MockServer`: the embedded blinksale-mock, for testing code offline.
import { NativeMock } from './native';

export interface Fault {
  /** `refuse_stream` resets an HTTP/2 stream with REFUSED_STREAM before it is processed. */
  kind?: 'status' | 'rate_limit' | 'delay' | 'drop' | 'refuse_stream' | 'truncate';
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
  /** 'HTTP/1.1' or 'HTTP/2.0'. */
  protocol: string;
  /** The connection it came on, numbered from 1. */
  connection: number;
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
  /** HTTPS (HTTP/2 and HTTP/1.1) with a certificate from a CA made at start: trust `caPath`. */
  tls?: boolean;
  /** Seconds a connection may stay idle before the mock closes it, as a load balancer does. */
  idleTimeout?: number;
}

/** A local Blinksale API server with seeded demo data, a request log and fault injection. */
export class MockServer {
  readonly url: string;
  readonly token: string;
  /** With `tls`, the CA file (PEM) to give the client as `caBundle`. */
  readonly caPath: string | null;
  #native: NativeMock;

  private constructor(native: NativeMock) {
    this.#native = native;
    this.url = native.url;
    this.token = native.token;
    this.caPath = native.caPath ?? null;
  }

  static async start(options: MockOptions = {}): Promise<MockServer> {
    return new MockServer(new NativeMock(options));
  }

  /** The requests received: method, path, query, headers, body, authorized, status, fault. */
  requests(): LoggedRequest[] {
    return JSON.parse(this.#native.requests());
  }

  clearRequests(): void {
    this.#native.clearRequests();
  }

  /** Queues a fault. */
  inject(fault: Fault): void {
    this.#native.inject(JSON.stringify(fault));
  }

  /** Accepts `token` with `permissions` from now on: add the new token, then `revokeToken` the
   * old one, to test rotation. */
  addToken(token: string, permissions: string[] = ['read', 'write', 'send']): void {
    this.#native.addToken(`${token}:${permissions.join(',')}`);
  }

  /** Stops accepting `token` (its requests get 401); whether it was accepted. */
  revokeToken(token: string): boolean {
    return this.#native.revokeToken(token);
  }

  /** The permissions the requests so far needed (of `token`, or of every token), granted or
   * not: create the integration's token with exactly these. */
  permissionsUsed(token?: string): Set<string> {
    return new Set(this.#native.permissionsUsed(token ?? null));
  }

  /** Restores the demo data and the tokens, and clears faults, the log and the permissions noted. */
  reset(): void {
    this.#native.reset();
  }

  async stop(): Promise<void> {
    this.#native.stop();
  }
}
