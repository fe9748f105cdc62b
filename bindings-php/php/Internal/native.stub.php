<?php

// The extension's native classes and functions (bindings-php/src), as PHP sees them: what
// the stub says of them. @internal: the PHP surface calls them; applications do not.

namespace Blinksale\Internal;

/** @internal The core client; settings and options arrive as JSON, replies leave as arrays. */
class NativeClient
{
    public function __construct()
    {
    }

    /** A client, or `['error' => details]`; the token provider is a callable. */
    public static function open(string $settings, string $user_agent, mixed $token_provider = null): mixed
    {
    }

    public function permissionsUsed(): array
    {
    }

    public function withOptions(?string $options_json = null): mixed
    {
    }

    public function baseUrl(): string
    {
    }

    public function rateLimit(): mixed
    {
    }

    /** `['data' => …, 'info' => …]`, or `['error' => details]`. */
    public function call(string $op_id, array $ids, ?string $query = null, ?string $body = null, ?string $options_json = null): mixed
    {
    }

    public function request(string $method, string $path, ?string $query = null, ?string $body = null, ?string $options_json = null): mixed
    {
    }

    public function stream(string $op_id, array $ids, ?string $query = null, ?int $limit = null, ?string $options_json = null): mixed
    {
    }
}

/** @internal A list's items, a page at a time. */
class NativeStream
{
    public function __construct()
    {
    }

    public function nextBatch(): mixed
    {
    }
}

/** @internal The embedded blinksale-mock. */
class NativeMock
{
    public function __construct()
    {
    }

    public static function open(string $options): mixed
    {
    }

    public function url(): string
    {
    }

    public function token(): string
    {
    }

    public function caPath(): ?string
    {
    }

    public function requests(): mixed
    {
    }

    public function clearRequests(): mixed
    {
    }

    public function inject(string $fault): mixed
    {
    }

    public function clearFaults(): mixed
    {
    }

    public function addToken(string $spec): mixed
    {
    }

    public function revokeToken(string $token): mixed
    {
    }

    public function permissionsUsed(?string $token = null): mixed
    {
    }

    public function reset(): mixed
    {
    }

    public function stop(): void
    {
    }
}

/** @internal Defines the PHP surface the first time a request names one of its classes. */
function autoload(string $class): void
{
}

/** @internal The core's catalog and binding contract as JSON. */
function schema_json(): string
{
}
