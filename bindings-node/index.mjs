// ESM entry: the same objects as the CommonJS build.
import cjs from './index.js';

export const {
  Blinksale, Page, MockServer, version,
  BlinksaleError, APIError, AuthenticationError, PermissionDeniedError, NotFoundError, ValidationError,
  RateLimitError, ServerError, APIConnectionError, APITimeoutError, DecodeError, InvalidRequestError,
  ConfigurationError,
} = cjs;
export default Blinksale;
