<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Client;
use Blinksale\Exception;
use Blinksale\Testing\MockServer;
use PHPUnit\Framework\TestCase;

/**
 * Real networks against the TLS mock: the certificate check, HTTP/2 with the write rule over
 * streams, stale pooled connections, and proxy settings that never show a password.
 */
final class NetworkTest extends TestCase
{
    private static ?MockServer $tls = null;

    public static function setUpBeforeClass(): void
    {
        self::$tls = MockServer::start(['tls' => true]);
    }

    public static function tearDownAfterClass(): void
    {
        self::$tls?->stop();
    }

    private static function trusting(MockServer $mock, array $options = []): Client
    {
        return new Client($options + ['token' => $mock->token(), 'baseUrl' => $mock->url(), 'caBundle' => $mock->caPath()]);
    }

    public function testWithTheMocksCaCallsGoOverHttp2(): void
    {
        $mock = self::$tls;
        $this->assertStringStartsWith('https://', $mock->url());
        $mock->clearRequests();
        $this->assertNotEmpty(self::trusting($mock)->units->list()->data);
        $this->assertNotEmpty(self::trusting($mock, ['caBundleOnly' => true])->units->list()->data);
        $this->assertSame(['HTTP/2.0', 'HTTP/2.0'], array_column($mock->requests(), 'protocol'));
    }

    public function testWithoutTheCaTheErrorSaysTheCertificateIsNotTrusted(): void
    {
        try {
            (new Client(['token' => self::$tls->token(), 'baseUrl' => self::$tls->url(), 'maxRetries' => 0]))->units->list();
            $this->fail('an untrusted certificate was accepted');
        } catch (Exception\ApiConnectionException $e) {
            $this->assertStringContainsString('not trusted', $e->getMessage());
            $this->assertStringContainsString('ca_bundle', $e->getMessage());
        }
    }

    public function testABundleWithoutACertificateIsAConfigurationError(): void
    {
        $bad = tempnam(sys_get_temp_dir(), 'blinksale-ca-');
        file_put_contents($bad, "not a certificate\n");
        try {
            new Client(['token' => 'tok', 'baseUrl' => 'http://127.0.0.1:1/api/v1', 'caBundle' => $bad]);
            $this->fail('accepted');
        } catch (Exception\ConfigurationException $e) {
            $this->assertStringContainsString($bad, $e->getMessage());
        } finally {
            unlink($bad);
        }
    }

    public function testARefusedPostGoesAgainOnceAndAPostAnswered500DoesNot(): void
    {
        $mock = self::$tls;
        $client = self::trusting($mock);
        $client->units->list();
        $mock->clearRequests();
        $mock->inject('refuse_stream', ['path' => '/units', 'method' => 'POST']);
        $client->units->create(['name' => 'Crate']);
        $log = array_map(fn ($r) => [$r['method'], $r['status'], $r['fault']], $mock->requests());
        $this->assertSame([['POST', null, 'refuse_stream'], ['POST', 201, null]], $log);
        $mock->clearRequests();
        $mock->inject('status', ['path' => '/units', 'method' => 'POST', 'status' => 500, 'afterHandler' => true]);
        try {
            $client->units->create(['name' => 'Crate']);
            $this->fail('the 500 was not raised');
        } catch (Exception\ServerException) {
            $this->assertCount(1, $mock->requests());
        }
    }

    /** @return array<string, array{bool}> */
    public static function schemes(): array
    {
        return ['http' => [false], 'https' => [true]];
    }

    /** @dataProvider schemes */
    public function testAConnectionClosedWhileIdleCostsNoCall(bool $tls): void
    {
        $mock = MockServer::start(['tls' => $tls, 'idleTimeout' => 1]);
        $client = $tls ? self::trusting($mock) : new Client(['token' => $mock->token(), 'baseUrl' => $mock->url()]);
        $client->units->list();
        $client->units->create(['name' => 'Crate']);
        sleep(2);
        $client->units->list();
        $client->units->create(['name' => 'Crate']);
        $this->assertSame(['GET', 'POST', 'GET', 'POST'], array_column($mock->requests(), 'method'));
        $conns = array_column($mock->requests(), 'connection');
        // HTTP/2 drains first (GOAWAY, then the close): the last call at least is on a new one.
        $this->assertTrue($conns[0] === $conns[1] && $conns[3] !== $conns[0], 'the mock closed the idle connection');
        $mock->stop();
    }

    public function testProxySettingsAreCheckedAndNeverShowAPassword(): void
    {
        foreach (['socks5://user:hunter2@127.0.0.1:1080', 'http//user:hunter2@nowhere', true] as $proxy) {
            try {
                new Client(['token' => 'tok', 'baseUrl' => 'http://127.0.0.1:1/api/v1', 'proxy' => $proxy]);
                $this->fail('accepted');
            } catch (Exception\ConfigurationException $e) {
                $this->assertStringNotContainsString('hunter2', $e->getMessage());
            }
        }
        $this->assertInstanceOf(Client::class, new Client(['token' => 'tok', 'baseUrl' => 'http://127.0.0.1:1/api/v1', 'proxy' => false]));
    }
}
