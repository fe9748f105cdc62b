// Types of the blinksale package. Model fields come from models.d.ts, generated from the
// Rust core's models by tools/generate_bindings.py.
import type * as M from './models';

export * from './models';

export interface ClientOptions {
  /** Falls back to process.env.BLINKSALE_API_TOKEN. */
  token?: string;
  /** Includes /api/v1; falls back to BLINKSALE_BASE_URL, then https://app.blinksale.com/api/v1. */
  baseUrl?: string;
  /** Per attempt, in milliseconds (default 60000). */
  timeout?: number;
  /** Retries after a retryable failure (default 2). */
  maxRetries?: number;
}

export interface ListParams {
  page?: number;
  /** 1 to 100 (default 15). */
  per_page?: number;
  /** Filters: search (clients), status and client_id (documents), invoice_id (payments). */
  [filter: string]: string | number | boolean | undefined;
}

export interface ListAllParams extends ListParams {
  /** Stop after this many items. */
  limit?: number;
}

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

export declare class Page<T> implements Iterable<T> {
  readonly data: T[];
  readonly meta: PageMeta;
  hasNextPage(): boolean;
  /** The next page with the same filters, or null after the last. */
  getNextPage(): Promise<Page<T> | null>;
  [Symbol.iterator](): Iterator<T>;
}

export declare class Resource<T, Create, Update = Partial<Create>> {
  readonly name: string;
  list(params?: ListParams): Promise<Page<T>>;
  /** Every item, fetched lazily: `for await (const item of resource.listAll())`. */
  listAll(params?: ListAllParams): AsyncIterable<T>;
  get(id: string): Promise<T>;
  /** Never sent twice by a retry. */
  create(body: Create): Promise<T>;
  update(id: string, body: Update): Promise<T>;
  delete(id: string): Promise<void>;
}

export declare class Estimates extends Resource<M.Estimate, M.NewEstimate, M.EstimateUpdate> {
  send(id: string): Promise<M.Estimate>;
  convert(id: string): Promise<M.Invoice>;
}

export declare class Invoices extends Resource<M.Invoice, M.NewInvoice, M.InvoiceUpdate> {
  send(id: string): Promise<M.Invoice>;
  /** Never applied twice by a retry. */
  applyPayment(id: string, body: M.ApplyPayment): Promise<M.AppliedPayment>;
}

export declare class RecurringInvoices extends Resource<M.RecurringInvoice, M.NewRecurringInvoice, M.RecurringInvoiceUpdate> {
  updateStatus(id: string, status: 'ACTIVE' | 'PAUSED' | 'CANCELED'): Promise<M.RecurringInvoice>;
}

export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** Seconds until the window resets. */
  reset: number | null;
}

export declare class Blinksale {
  constructor(options?: ClientOptions);
  readonly baseUrl: string;
  readonly rateLimit: RateLimit | null;
  readonly clients: Resource<M.Client, M.NewClient, M.ClientUpdate>;
  readonly estimates: Estimates;
  readonly invoices: Invoices;
  readonly recurringInvoices: RecurringInvoices;
  readonly payments: Resource<M.Payment, M.NewPayment, M.PaymentUpdate>;
  readonly taxes: Resource<M.Tax, M.NewTax, M.TaxUpdate>;
  readonly units: Resource<M.Unit, M.UnitInput, M.UnitInput>;
  readonly items: Resource<M.Item, M.NewItem, M.ItemUpdate>;
  contacts(clientId: string): Resource<M.Contact, M.ContactInput, M.ContactInput>;
  /** Any request below the base URL; resolves to `data` (lists: `{ data, meta }`). */
  request<T = unknown>(method: string, path: string, options?: { query?: Record<string, string | number | boolean>; body?: unknown }): Promise<T>;
  toJSON(): { baseUrl: string };
}
export default Blinksale;

export declare class BlinksaleError extends Error {
  /** The core's stable error code ('not_found', 'rate_limited', …). */
  readonly code?: string;
}
export declare class APIError extends BlinksaleError {
  readonly status?: number;
  /** The server's own message. */
  readonly serverMessage?: string;
  /** Field name to messages (422). */
  readonly errors: Record<string, string[]>;
  readonly requestId?: string;
  readonly headers?: Record<string, string>;
}
export declare class AuthenticationError extends APIError {}
export declare class PermissionDeniedError extends APIError {
  readonly requiredPermission?: 'read' | 'write' | 'send';
}
export declare class NotFoundError extends APIError {}
export declare class ValidationError extends APIError {}
export declare class RateLimitError extends APIError {
  /** Seconds to wait. */
  readonly retryAfter?: number;
}
export declare class ServerError extends APIError {}
export declare class APIConnectionError extends BlinksaleError {
  readonly requestSent?: boolean;
}
export declare class APITimeoutError extends APIConnectionError {}
export declare class DecodeError extends BlinksaleError {
  readonly status?: number;
  readonly bodyExcerpt?: string;
}
export declare class InvalidRequestError extends BlinksaleError {
  readonly field?: string;
}
export declare class ConfigurationError extends BlinksaleError {}

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
  body: unknown;
  authorized: boolean;
  status: number | null;
  fault: string | null;
}

export declare class MockServer {
  readonly url: string;
  readonly token: string;
  /** Rate limiting is off unless `rateLimit` is set; tokens are 'VALUE:read,write,send'. */
  static start(options?: { rateLimit?: number; window?: number; seed?: number; tokens?: string[] }): Promise<MockServer>;
  requests(): LoggedRequest[];
  clearRequests(): void;
  inject(fault: Fault): void;
  reset(): void;
  stop(): Promise<void>;
}

export declare const version: string;
