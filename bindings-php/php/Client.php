<?php

declare(strict_types=1);

namespace Blinksale;

use Blinksale\Internal\Core;
use Blinksale\Internal\NativeClient;
use Blinksale\Internal\Resources;

/**
 * The Blinksale API client.
 *
 *     $client = new \Blinksale\Client();   // BLINKSALE_API_TOKEN, and BLINKSALE_BASE_URL if set
 *     $client = new \Blinksale\Client(['token' => $t, 'timeout' => 30.0, 'maxRetries' => 2]);
 *     $page = $client->clients->list(['per_page' => 25]);
 *
 * Settings are the core's (camelCase, durations in seconds): token (a string, or a callable
 * returning one: asked on first use and again after a 401, so a rotated token is picked up),
 * tokenFile (read again when it changes), baseUrl, timeout,
 * connectTimeout, maxRetries, defaultHeaders, rateLimit, deadline, maxResponseBytes,
 * caBundle (a PEM file of CAs trusted beside the platform's), caBundleOnly, proxy (a URL, or
 * false for none, not even the environment's), rateLimitStore, rateLimitStorePrefix. An
 * unknown or wrong one is a ConfigurationException.
 */
final class Client extends Resources
{
    private NativeClient $native;

    /** @param array<string, mixed> $options */
    public function __construct(#[\SensitiveParameter] array $options = [], ?NativeClient $native = null)
    {
        $provider = null;
        if (isset($options['token']) && !is_string($options['token']) && is_callable($options['token'])) {
            $provider = $options['token'];
            unset($options['token']);
        }
        $this->native = $native ?? Core::check(NativeClient::open(Core::json($options, true), self::userAgent(), $provider));
        $this->attachResources($this->native);
    }

    /**
     * A client with other defaults for its calls (`timeout`, `maxRetries`, `deadline`,
     * `headers`, `query`, `body`), sharing this one's connections and rate limit.
     *
     * @param array<string, mixed> $options
     */
    public function withOptions(array $options): self
    {
        return new self([], Core::check($this->native->withOptions(Core::json($options))));
    }

    /** The base URL requests go to, with `/api/v1`. */
    public function baseUrl(): string
    {
        return $this->native->baseUrl();
    }

    /** @return list<string> the permissions this client's calls needed (`read`, `write`, `send`) */
    public function permissionsUsed(): array
    {
        return $this->native->permissionsUsed();
    }

    /** @return array{limit: ?int, remaining: ?int, reset: ?float}|null what the last response said */
    public function rateLimit(): ?array
    {
        return $this->native->rateLimit();
    }

    /**
     * Any request below the base URL, for what the typed methods do not cover: `$client->request('GET', '/units',
     * ['query' => ['per_page' => 5]])`. `$params` takes `query` and `body`; the reply's data comes back as
     * decoded (a list's `['data' => …, 'meta' => …]`).
     *
     * @param array{query?: array<string, mixed>, body?: array<string, mixed>} $params
     * @param array<string, mixed> $options
     */
    public function request(string $method, string $path, array $params = [], array $options = []): mixed
    {
        $body = $params['body'] ?? null;
        $reply = Core::check($this->native->request($method, $path, Core::json($params['query'] ?? []), Core::json($body, $body !== null), Core::json($options)));
        return $reply['data'];
    }

    /** The token stays out of dumps: only the base URL is shown. */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->baseUrl()];
    }

    public function __serialize(): array
    {
        throw new \LogicException('a Blinksale\\Client cannot be serialized: build one where it is needed');
    }

    private static function userAgent(): string
    {
        return 'blinksale-php/' . phpversion('blinksale') . ' php/' . PHP_VERSION;
    }
}
