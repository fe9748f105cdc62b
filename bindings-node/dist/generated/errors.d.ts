import { APIError, BlinksaleError, type ErrorDetails } from '../exceptions';
/** 401: the token is missing, unknown or expired. */
export declare class AuthenticationError extends APIError {
}
/** 403: the token lacks the permission the operation needs (`required_permission`). */
export declare class PermissionDeniedError extends APIError {
}
/** 404: no such resource. */
export declare class NotFoundError extends APIError {
}
/** 422: the server refused the input; `errors` maps each field to its messages. */
export declare class ValidationError extends APIError {
}
/** 429 after the retries allowed; `retry_after` is the wait, in seconds. */
export declare class RateLimitError extends APIError {
}
/** 5xx after the retries allowed (including HTML error pages from proxies). */
export declare class ServerError extends APIError {
}
/** No response: the connection failed or closed (`request_sent` says whether the request was written). */
export declare class APIConnectionError extends BlinksaleError {
}
/** The request took longer than the timeout. */
export declare class APITimeoutError extends APIConnectionError {
}
/** A response that is not the JSON the API documents. */
export declare class DecodeError extends BlinksaleError {
}
/** Input that cannot be sent, refused before any request (`field` names the field at fault). */
export declare class InvalidRequestError extends BlinksaleError {
}
/** The client is misconfigured: token, base URL or options. */
export declare class ConfigurationError extends BlinksaleError {
}
/** The caller aborted the request (an `AbortSignal`). */
export declare class APIUserAbortError extends BlinksaleError {
}
/** The core's error code -> the class thrown. */
export declare const CLASSES: Record<string, new (message: string, code: string, details?: ErrorDetails) => BlinksaleError>;
