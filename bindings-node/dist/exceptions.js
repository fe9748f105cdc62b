"use strict";
// The bases of every error; the classes for each kind are generated (generated/errors.ts) from
// the core's error table, and built here, in JS, so their stacks show the caller's frames.
Object.defineProperty(exports, "__esModule", { value: true });
exports.APIError = exports.BlinksaleError = void 0;
/** Base of every error the SDK throws. `message` describes it; `code` is the core's stable code. */
class BlinksaleError extends Error {
    /** The core's stable error code ('not_found', 'validation', 'rate_limited', …). */
    code;
    status;
    /** The server's own message. */
    serverMessage;
    /** Field name to messages (422). */
    errors;
    requestId;
    headers;
    rateLimit;
    /** The response body, as text. */
    body;
    /** Seconds the server asked to wait (429). */
    retryAfter;
    /** The permission the operation needs (403). */
    requiredPermission;
    /** Whether the request may have reached the server (connection errors). */
    requestSent;
    /** The field at fault (input refused before sending). */
    field;
    /** The first characters of a body that did not decode. */
    bodyExcerpt;
    constructor(message, code = 'error', details = {}) {
        super(message);
        this.name = new.target.name;
        this.code = code;
        this.errors = {};
        for (const [k, v] of Object.entries(details)) {
            if (v !== undefined && v !== null)
                this[k] = v;
        }
    }
}
exports.BlinksaleError = BlinksaleError;
/** The API answered with an error status: `status`, `serverMessage`, `errors`, `requestId`, `headers`, `rateLimit`, `body`. */
class APIError extends BlinksaleError {
}
exports.APIError = APIError;
