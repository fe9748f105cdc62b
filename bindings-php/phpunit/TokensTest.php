<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Client;
use Blinksale\Exception;
use Blinksale\Testing\MockServer;
use PHPUnit\Framework\TestCase;

/**
 * Token sources in PHP: a token file rotated while eight worker processes call (PHP's
 * concurrency is processes, as php-fpm's), a callable asked on first use and after a 401, a
 * write sent again once with the new token, hygiene, and the permissions a run needed.
 */
final class TokensTest extends TestCase
{
    private const OLD = 'tok_php_old_1111';
    private const NEW = 'tok_php_new_2222';

    private MockServer $mock;
    private string $dir;

    protected function setUp(): void
    {
        $this->mock = MockServer::start(['tokens' => [self::OLD]]);
        $this->dir = sys_get_temp_dir() . '/blinksale-tokens-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($this->dir);
    }

    protected function tearDown(): void
    {
        $this->mock->stop();
        exec('rm -rf ' . escapeshellarg($this->dir));
    }

    /** Rotates a Kubernetes-style secret: a new `..vN` directory, `..data` swapped to it. */
    private function swap(string $token, int $version): void
    {
        mkdir("$this->dir/..v$version");
        file_put_contents("$this->dir/..v$version/token", "$token\n");
        symlink("..v$version", "$this->dir/..data_tmp");
        rename("$this->dir/..data_tmp", "$this->dir/..data");
    }

    /** @return array<int, array{method: string, status: int}> */
    private function log(): array
    {
        return array_map(fn ($r) => ['method' => $r['method'], 'status' => $r['status']], $this->mock->requests());
    }

    public function testATokenFileRotatedWhileEightWorkersCallLosesNoCall(): void
    {
        $this->swap(self::OLD, 1);
        symlink('..data/token', "$this->dir/token");
        $worker = sprintf(
            '$c = new Blinksale\Client(["tokenFile" => %s, "baseUrl" => %s, "maxRetries" => 0]); $n = 0; $end = microtime(true) + 2.0;'
            . ' try { while (microtime(true) < $end) { $c->units->list(); $n++; } echo json_encode(["calls" => $n]); }'
            . ' catch (Throwable $e) { echo json_encode(["failed" => get_class($e) . ": " . $e->getMessage()]); }',
            var_export("$this->dir/token", true),
            var_export($this->mock->url(), true),
        );
        $command = escapeshellarg(PHP_BINARY) . ' -d extension=' . escapeshellarg(self::extensionPath()) . ' -r ' . escapeshellarg($worker);
        $workers = [];
        for ($i = 0; $i < 8; $i++) {
            $workers[] = popen($command, 'r');
        }
        usleep(500_000);
        $this->mock->addToken(self::NEW);
        $this->swap(self::NEW, 2);
        $this->assertTrue($this->mock->revokeToken(self::OLD));
        foreach ($workers as $i => $w) {
            $result = json_decode((string) stream_get_contents($w), true);
            pclose($w);
            $this->assertIsArray($result, "worker $i printed no result");
            $this->assertArrayNotHasKey('failed', $result, "worker $i: " . ($result['failed'] ?? ''));
            $this->assertGreaterThan(0, $result['calls']);
        }
        $statuses = array_count_values(array_column($this->log(), 'status'));
        // Each worker reads the file again once: at most one 401 each, never a failed call.
        $this->assertLessThanOrEqual(8, $statuses[401] ?? 0);
        $this->assertSame(200, array_column($this->log(), 'status')[count($this->log()) - 1]);
    }

    /** The extension this process loaded, for the workers: `make test-php` names it. */
    private static function extensionPath(): string
    {
        $path = (string) getenv('BLINKSALE_PHP_EXT');
        if ($path === '' && is_readable('/proc/self/cmdline')) {
            // Run by hand as `php -d extension=PATH phpunit`: the path is on the command line.
            foreach (explode("\0", (string) file_get_contents('/proc/self/cmdline')) as $arg) {
                if (str_starts_with($arg, 'extension=')) {
                    $path = substr($arg, strlen('extension='));
                }
            }
        }
        return $path !== '' ? $path : 'blinksale';
    }

    public function testACallableIsAskedOnFirstUseAndOnceAfterA401(): void
    {
        $calls = 0;
        $provider = function () use (&$calls): string {
            $calls++;
            return $calls === 1 ? self::OLD : self::NEW;
        };
        $client = new Client(['token' => $provider, 'baseUrl' => $this->mock->url()]);
        $this->assertSame(0, $calls, 'not asked before the first call');
        $client->units->list();
        $client->units->list();
        $this->assertSame(1, $calls, 'asked on first use, not per request');

        $this->mock->addToken(self::NEW);
        $this->mock->revokeToken(self::OLD);
        $this->mock->clearRequests();
        $client->units->create(['name' => 'Crate']);
        $this->assertSame(2, $calls);
        $this->assertSame([['method' => 'POST', 'status' => 401], ['method' => 'POST', 'status' => 201]], $this->log(), 'a write answered 401 goes again once');
    }

    public function testA401WithAnUnchangedTokenIsRaisedAfterOneRequest(): void
    {
        $calls = 0;
        $provider = function () use (&$calls): string {
            $calls++;
            return self::OLD;
        };
        foreach ([new Client(['token' => $provider, 'baseUrl' => $this->mock->url()]), new Client(['token' => self::OLD, 'baseUrl' => $this->mock->url()])] as $client) {
            $client->units->list();
            $this->mock->revokeToken(self::OLD);
            $this->mock->clearRequests();
            try {
                $client->units->create(['name' => 'Crate']);
                $this->fail('the 401 was not raised');
            } catch (Exception\AuthenticationException $e) {
                $this->assertSame(401, $e->getCode());
            }
            $this->assertCount(1, $this->log());
            $this->mock->reset();
        }
        $this->assertSame(2, $calls, 'asked on first use and once after the 401');
    }

    public function testACallableThatThrowsFailsTheCallWithItsMessage(): void
    {
        $client = new Client(['token' => fn (): string => throw new \RuntimeException('vault is sealed'), 'baseUrl' => $this->mock->url()]);
        try {
            $client->units->list();
            $this->fail('the provider failure was not raised');
        } catch (Exception\ConfigurationException $e) {
            $this->assertStringContainsString('RuntimeException: vault is sealed', $e->getMessage());
        }
        $this->assertSame([], $this->mock->requests());
        // A string that names a PHP function is a token, not a callable.
        try {
            (new Client(['token' => 'strlen', 'baseUrl' => $this->mock->url()]))->units->list();
            $this->fail('strlen was taken as a callable');
        } catch (Exception\AuthenticationException) {
            $this->addToAssertionCount(1);
        }
    }

    public function testACallableTokenCannotBeUsedWithASharedStore(): void
    {
        $this->expectException(Exception\ConfigurationException::class);
        $this->expectExceptionMessage('rateLimitStore');
        new Client(['token' => fn (): string => self::OLD, 'baseUrl' => $this->mock->url(), 'rateLimitStore' => 'redis://127.0.0.1:1']);
    }

    /** @return array<string, array{string}> */
    public static function badTokens(): array
    {
        return ['bearer prefix' => ['Bearer tok_secret_9999'], 'inner space' => ['tok_secret 9999'], 'control' => ["tok_secret\x1b9999"]];
    }

    /** @dataProvider badTokens */
    public function testHygieneCasesAreConfigurationErrorsWithoutTheToken(string $bad): void
    {
        try {
            new Client(['token' => $bad, 'baseUrl' => 'http://127.0.0.1:1/api/v1']);
            $this->fail('accepted');
        } catch (Exception\ConfigurationException $e) {
            $this->assertStringNotContainsString('secret', $e->getMessage());
        }
        file_put_contents("$this->dir/token", $bad);
        try {
            new Client(['tokenFile' => "$this->dir/token", 'baseUrl' => 'http://127.0.0.1:1/api/v1']);
            $this->fail('accepted from a file');
        } catch (Exception\ConfigurationException $e) {
            $this->assertStringNotContainsString('secret_9999', $e->getMessage());
            $this->assertStringContainsString($this->dir, $e->getMessage());
        }
    }

    public function testThePermissionsARunNeeded(): void
    {
        $client = new Client(['token' => self::OLD, 'baseUrl' => $this->mock->url()]);
        $client->units->list();
        $client->clients->list();
        $client->units->create(['name' => 'Crate']);
        $this->assertSame(['read', 'write'], $client->permissionsUsed());
        $this->assertSame(['read', 'write'], $client->withOptions(['timeout' => 5.0])->permissionsUsed());
        $this->assertSame(['read', 'write'], $this->mock->permissionsUsed());
        $this->assertSame(['read', 'write'], $this->mock->permissionsUsed(self::OLD));
        $this->assertSame([], $this->mock->permissionsUsed('tok_unknown'));
    }
}
