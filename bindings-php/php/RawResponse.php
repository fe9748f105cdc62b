<?php

declare(strict_types=1);

namespace Blinksale;

/**
 * A response as `withRawResponse()` gives it: the HTTP side, and `parse()` for what the
 * method returns otherwise.
 */
final class RawResponse
{
    /**
     * @param array<string, string> $headers names lower-case
     * @param array{limit: ?int, remaining: ?int, reset: ?float}|null $rateLimit
     * @param \Closure(): mixed $parse
     */
    public function __construct(
        public readonly int $statusCode,
        public readonly array $headers,
        public readonly ?string $requestId,
        public readonly ?array $rateLimit,
        private readonly \Closure $parse,
    ) {
    }

    /** The model, page or null the method returns without `withRawResponse()`. */
    public function parse(): mixed
    {
        return ($this->parse)();
    }
}
