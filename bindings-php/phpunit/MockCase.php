<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Client;
use Blinksale\Testing\MockServer;
use PHPUnit\Framework\TestCase;

/** A fresh embedded mock and a client on it for each test. */
abstract class MockCase extends TestCase
{
    public const TOKEN = 'tok_php_secret_0123456789';

    protected MockServer $mock;
    protected Client $client;

    protected function setUp(): void
    {
        $this->mock = MockServer::start(['seed' => 30, 'tokens' => [self::TOKEN . ':read,write,send', 'tok_read:read']]);
        $this->client = $this->client();
    }

    protected function tearDown(): void
    {
        $this->mock->stop();
    }

    /** @param array<string, mixed> $options */
    protected function client(array $options = []): Client
    {
        return new Client($options + ['token' => self::TOKEN, 'baseUrl' => $this->mock->url()]);
    }

    /** Requests the mock received for METHOD /api/v1PATH. */
    protected function hits(string $method, string $path): int
    {
        $hits = array_filter($this->mock->requests(), fn ($r) => $r['method'] === $method && $r['path'] === "/api/v1$path");
        return count($hits);
    }
}
