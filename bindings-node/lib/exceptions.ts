// The bases of every error; the classes for each kind are generated (generated/errors.ts) from
// the core's error table, and built here, in JS, so their stacks show the caller's frames.

/** The rate-limit state a response reported. */
export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** Seconds until the window resets. */
  reset: number | null;
}

/** What the core reports with an error; every field may be absent. */
export interface ErrorDetails {
  status?: number;
  serverMessage?: string;
  errors?: Record<string, string[]>;
  requestId?: string;
  headers?: Record<string, string>;
  rateLimit?: RateLimit;
  body?: string;
  retryAfter?: number;
  requiredPermission?: 'read' | 'write' | 'send';
  requestSent?: boolean;
  field?: string;
  bodyExcerpt?: string;
}

/** Base of every error the SDK throws. `message` describes it; `code` is the core's stable code. */
export class BlinksaleError extends Error {
  /** The core's stable error code ('not_found', 'validation', 'rate_limited', …). */
  readonly code: string;
  readonly status?: number;
  /** The server's own message. */
  readonly serverMessage?: string;
  /** Field name to messages (422). */
  readonly errors: Record<string, string[]>;
  readonly requestId?: string;
  readonly headers?: Record<string, string>;
  readonly rateLimit?: RateLimit;
  /** The response body, as text. */
  readonly body?: string;
  /** Seconds the server asked to wait (429). */
  readonly retryAfter?: number;
  /** The permission the operation needs (403). */
  readonly requiredPermission?: 'read' | 'write' | 'send';
  /** Whether the request may have reached the server (connection errors). */
  readonly requestSent?: boolean;
  /** The field at fault (input refused before sending). */
  readonly field?: string;
  /** The first characters of a body that did not decode. */
  readonly bodyExcerpt?: string;

  constructor(message: string, code = 'error', details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.errors = {};
    for (const [k, v] of Object.entries(details)) {
      if (v !== undefined && v !== null) (this as Record<string, unknown>)[k] = v;
    }
  }
}

/** The API answered with an error status: `status`, `serverMessage`, `errors`, `requestId`, `headers`, `rateLimit`, `body`. */
export class APIError extends BlinksaleError {}
