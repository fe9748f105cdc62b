'use strict';
// The JS layer over the Rust addon: resources, pages, `for await` paging and error classes.
// It translates only: retries, paging, validation and error mapping are the core's.
const util = require('node:util');
const { NativeClient, NativeMock, schemaJson } = require('./native.js');
const { version } = require('./package.json');

// (resource.action) -> operationId, from the core's operation table.
const OPS = new Map(JSON.parse(schemaJson()).operations.map((o) => [`${o.resource}.${o.action}`, o.id]));

class BlinksaleError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = new.target.name;
    for (const [k, v] of Object.entries(details)) if (v !== undefined && v !== null) this[k] = v;
  }
}
/** The API answered with an error status: `status`, `serverMessage`, `errors`, `requestId`, `headers`. */
class APIError extends BlinksaleError {}
class AuthenticationError extends APIError {}
class PermissionDeniedError extends APIError {}
class NotFoundError extends APIError {}
class ValidationError extends APIError {}
class RateLimitError extends APIError {}
class ServerError extends APIError {}
class APIConnectionError extends BlinksaleError {}
class APITimeoutError extends APIConnectionError {}
class DecodeError extends BlinksaleError {}
class InvalidRequestError extends BlinksaleError {}
class ConfigurationError extends BlinksaleError {}

const BY_CODE = {
  authentication: AuthenticationError, permission_denied: PermissionDeniedError, not_found: NotFoundError,
  validation: ValidationError, rate_limited: RateLimitError, api: APIError, server: ServerError,
  timeout: APITimeoutError, connection: APIConnectionError, decode: DecodeError,
  invalid_request: InvalidRequestError, config: ConfigurationError,
};

// The addon rejects with the core's error code and details as JSON; this builds the class.
// Created here, in JS, so the stack runs through the caller's awaits.
function fromNative(err) {
  const text = err && typeof err.message === 'string' ? err.message : '';
  const at = text.indexOf('BLINKSALE:');
  if (at < 0) return err;
  const { code, description, message, ...details } = JSON.parse(text.slice(at + 10));
  const Cls = BY_CODE[code] || BlinksaleError;
  const error = new Cls(description, { code, serverMessage: message, errors: details.errors || {}, ...details });
  // Start the stack at the caller's frames, not this helper's.
  Error.captureStackTrace(error, native);
  return error;
}

async function native(promise) {
  try {
    return await promise;
  } catch (err) {
    throw fromNative(err);
  }
}

function query(params) {
  return Object.entries(params || {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, String(v)]);
}

class Page {
  constructor(reply, fetch) {
    /** The items on this page. */
    this.data = JSON.parse(reply.data);
    Object.defineProperty(this, '_meta', { value: reply.meta, writable: true });
    Object.defineProperty(this, '_hasNext', { value: reply.hasNext });
    Object.defineProperty(this, '_fetch', { value: fetch });
  }
  /** `meta`: current_page, last_page, per_page, total, from, to, path, links (parsed when first read). */
  get meta() {
    if (typeof this._meta === 'string' || this._meta === null || this._meta === undefined) {
      this._meta = this._meta ? JSON.parse(this._meta) : {};
    }
    return this._meta;
  }
  hasNextPage() {
    return this._hasNext;
  }
  /** The next page with the same filters, or null after the last. */
  async getNextPage() {
    return this._hasNext ? this._fetch((this.meta.current_page || 1) + 1) : null;
  }
  [Symbol.iterator]() {
    return this.data[Symbol.iterator]();
  }
}

class Resource {
  #client;
  #parent;
  constructor(client, name, parent = []) {
    this.#client = client;
    this.#parent = parent;
    Object.defineProperty(this, 'name', { value: name });
  }
  _call(action, id, params, body) {
    const ids = id === undefined ? this.#parent : [...this.#parent, String(id)];
    const op = OPS.get(`${this.name}.${action}`);
    return native(this.#client._native.call(op, ids, query(params), body === undefined ? null : JSON.stringify(body)));
  }
  _stream(params, limit) {
    return this.#client._native.stream(OPS.get(`${this.name}.list`), this.#parent, query(params), limit ?? null);
  }
  /** One page: `{ page, per_page, ...filters }`. */
  async list(params = {}) {
    const reply = await this._call('list', undefined, params);
    return new Page(reply, (page) => this.list({ ...params, page }));
  }
  /** Every item, fetched lazily page by page (100 a page): `for await (const x of res.listAll())`. */
  listAll(params = {}) {
    const { limit, per_page = 100, ...filters } = params;
    const resource = this;
    return {
      async *[Symbol.asyncIterator]() {
        const stream = resource._stream({ per_page, ...filters }, limit);
        for (;;) {
          const batch = await native(stream.nextBatch());
          if (batch.length === 0) return;
          for (const text of batch) yield JSON.parse(text);
        }
      },
    };
  }
  async get(id) {
    return JSON.parse((await this._call('get', id)).data);
  }
  /** Creates an item. Never sent twice by a retry. */
  async create(body) {
    return JSON.parse((await this._call('create', undefined, undefined, body)).data);
  }
  /** Updates the fields given; the others keep their values. */
  async update(id, body) {
    return JSON.parse((await this._call('update', id, undefined, body)).data);
  }
  async delete(id) {
    await this._call('delete', id);
  }
  [util.inspect.custom]() {
    return `Resource(${this.name})`;
  }
}

class Estimates extends Resource {
  /** Emails the estimate (needs the send permission). */
  async send(id) {
    return JSON.parse((await this._call('send', id)).data);
  }
  /** Creates an invoice from the estimate; resolves to the invoice. */
  async convert(id) {
    return JSON.parse((await this._call('convert', id)).data);
  }
}

class Invoices extends Resource {
  /** Emails the invoice (needs the send permission). */
  async send(id) {
    return JSON.parse((await this._call('send', id)).data);
  }
  /** Records a payment; resolves to `{ payment, invoice }`. Never applied twice by a retry. */
  async applyPayment(id, body) {
    return JSON.parse((await this._call('apply_payment', id, undefined, body)).data);
  }
}

class RecurringInvoices extends Resource {
  /** Pauses, resumes or cancels: 'PAUSED', 'ACTIVE' or 'CANCELED'. */
  async updateStatus(id, status) {
    return JSON.parse((await this._call('update_status', id, undefined, { status })).data);
  }
}

class Blinksale {
  #native;
  /**
   * @param {{token?: string, baseUrl?: string, timeout?: number, maxRetries?: number}} options
   * `token` falls back to BLINKSALE_API_TOKEN, `baseUrl` to BLINKSALE_BASE_URL; `timeout` is in ms.
   */
  constructor(options = {}) {
    const { token, baseUrl, timeout = 60000, maxRetries = 2 } = options;
    try {
      this.#native = new NativeClient({
        token: token ?? process.env.BLINKSALE_API_TOKEN,
        baseUrl: baseUrl ?? process.env.BLINKSALE_BASE_URL,
        timeout,
        maxRetries,
        userAgent: `blinksale-node/${version} node/${process.versions.node}`,
      });
    } catch (err) {
      throw fromNative(err);
    }
    this.clients = new Resource(this, 'clients');
    this.estimates = new Estimates(this, 'estimates');
    this.invoices = new Invoices(this, 'invoices');
    this.recurringInvoices = new RecurringInvoices(this, 'recurring_invoices');
    this.payments = new Resource(this, 'payments');
    this.taxes = new Resource(this, 'taxes');
    this.units = new Resource(this, 'units');
    this.items = new Resource(this, 'items');
  }
  get _native() {
    return this.#native;
  }
  get baseUrl() {
    return this.#native.baseUrl;
  }
  /** The contacts of one client. */
  contacts(clientId) {
    return new Resource(this, 'contacts', [String(clientId)]);
  }
  /** `{limit, remaining, reset}` of the last response, or null. */
  get rateLimit() {
    const r = this.#native.rateLimit();
    return r ? { limit: r[0], remaining: r[1], reset: r[2] } : null;
  }
  /** Any request below the base URL; resolves to `data` (lists: `{ data, meta }`). */
  async request(method, path, { query: params, body } = {}) {
    const reply = await native(this.#native.request(method, path, query(params), body === undefined ? null : JSON.stringify(body)));
    const data = JSON.parse(reply.data);
    return reply.meta ? { data, meta: JSON.parse(reply.meta) } : data;
  }
  toJSON() {
    return { baseUrl: this.baseUrl };
  }
  [util.inspect.custom]() {
    return `Blinksale { baseUrl: '${this.baseUrl}' }`;
  }
}

/** The embedded blinksale-mock, for testing your own code offline. */
class MockServer {
  #native;
  constructor(nativeMock) {
    this.#native = nativeMock;
    this.url = nativeMock.url;
    this.token = nativeMock.token;
  }
  /** `{ rateLimit, window, seed, tokens }`; rate limiting is off unless `rateLimit` is set. */
  static async start(options = {}) {
    return new MockServer(new NativeMock(options));
  }
  /** The requests received: method, path, query, body, authorized, status, fault. */
  requests() {
    return JSON.parse(this.#native.requests());
  }
  clearRequests() {
    this.#native.clearRequests();
  }
  /** Queues a fault: `{ kind: 'status'|'rate_limit'|'delay'|'drop'|'truncate', path, method, times, status, body, after_handler, reset, ms }`. */
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

module.exports = {
  Blinksale, Page, MockServer, version,
  BlinksaleError, APIError, AuthenticationError, PermissionDeniedError, NotFoundError, ValidationError,
  RateLimitError, ServerError, APIConnectionError, APITimeoutError, DecodeError, InvalidRequestError,
  ConfigurationError,
};
module.exports.default = Blinksale;
