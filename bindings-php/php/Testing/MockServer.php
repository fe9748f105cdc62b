<?php

declare(strict_types=1);

namespace Blinksale\Testing;

use Blinksale\Internal\Core;
use Blinksale\Internal\NativeMock;

/**
 * blinksale-mock, embedded: a local server that behaves as the API's docs say, for tests.
 *
 *     $mock = MockServer::start(['seed' => 0]);
 *     $client = new \Blinksale\Client(['token' => $mock->token(), 'baseUrl' => $mock->url()]);
 *
 * Options: seed (extra clients and invoices), rateLimit (requests per window and token; 0,
 * the default, for none), window (seconds), tokens (`VALUE:read,write,send` strings; default
 * `demo-token` with every permission), host, tls (HTTPS with HTTP/2 and HTTP/1.1, from a CA
 * made at start whose PEM file is caPath(): give it to the client as caBundle), idleTimeout
 * (seconds before an idle connection is closed, as a load balancer does).
 */
final class MockServer
{
    private function __construct(private readonly NativeMock $native)
    {
    }

    /** @param array{seed?: int, rateLimit?: int, window?: float, tokens?: list<string>, host?: string, tls?: bool, idleTimeout?: float} $options */
    public static function start(array $options = []): self
    {
        $options += ['seed' => 0, 'rateLimit' => 0, 'window' => 60.0, 'tokens' => [], 'host' => '127.0.0.1', 'tls' => false, 'idleTimeout' => null];
        $options['window'] = (float) $options['window'];
        $options['idleTimeout'] = $options['idleTimeout'] === null ? null : (float) $options['idleTimeout'];
        return new self(Core::check(NativeMock::open(Core::json($options, true))));
    }

    /** The base URL, with `/api/v1`. */
    public function url(): string
    {
        return $this->native->url();
    }

    /** With tls, the CA file (PEM) that signed the mock's certificate; null without. */
    public function caPath(): ?string
    {
        return $this->native->caPath();
    }

    /** The first token the mock accepts. */
    public function token(): string
    {
        return $this->native->token();
    }

    /** @return list<array<string, mixed>> the requests received, oldest first */
    public function requests(): array
    {
        return Core::check($this->native->requests());
    }

    public function clearRequests(): void
    {
        Core::check($this->native->clearRequests());
    }

    /**
     * Queues a fault for the next `times` requests matching `path` (`/clients`, `/clients*` for
     * a prefix, `*`) and `method`. Kinds: `status` (with `status`, `body` 'json' or 'html',
     * `afterHandler`), `rate_limit` (`reset` seconds), `delay` (`ms`), `drop` (close the
     * connection), `truncate` (cut the body).
     *
     * @param array{path?: string, method?: string, times?: int, status?: int, body?: string, afterHandler?: bool, reset?: int, ms?: int} $options
     */
    public function inject(string $kind = 'status', array $options = []): void
    {
        // The mock fills in what is not given (path `*`, once, status 500, …).
        $fault = ['kind' => $kind] + $options;
        if (array_key_exists('afterHandler', $fault)) {
            $fault['after_handler'] = $fault['afterHandler'];
            unset($fault['afterHandler']);
        }
        Core::check($this->native->inject(Core::json($fault, true)));
    }

    public function clearFaults(): void
    {
        Core::check($this->native->clearFaults());
    }

    /** Back to the seeded data, faults and log cleared. */
    /** Accepts one more token while running, `VALUE[:read,write,send]` (all three by default). */
    public function addToken(#[\SensitiveParameter] string $spec): void
    {
        Core::check($this->native->addToken($spec));
    }

    /** Stops accepting a token (to test rotation); whether it was accepted. */
    public function revokeToken(#[\SensitiveParameter] string $token): bool
    {
        return Core::check($this->native->revokeToken($token));
    }

    /**
     * The permissions the requests needed, granted or not: one token's, or every token's.
     * Run an integration's tests, then create its token with exactly these.
     *
     * @return list<string>
     */
    public function permissionsUsed(?string $token = null): array
    {
        return Core::check($this->native->permissionsUsed($token));
    }

    public function reset(): void
    {
        Core::check($this->native->reset());
    }

    public function stop(): void
    {
        $this->native->stop();
    }

    public function __destruct()
    {
        $this->native->stop();
    }
}
