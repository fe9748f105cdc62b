<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use Blinksale\Client;
use Blinksale\Exception;

final class ErrorsTest extends MockCase
{
    /** @return \Throwable what $call threw */
    private function thrown(callable $call): \Throwable
    {
        try {
            $call();
        } catch (\Throwable $e) {
            return $e;
        }
        $this->fail('nothing was thrown');
    }

    public function testValidationNamesTheField(): void
    {
        $e = $this->thrown(fn () => $this->client->clients->create(['name' => 'Zed', 'email' => 'not-an-email']));
        $this->assertInstanceOf(Exception\ValidationException::class, $e);
        $this->assertInstanceOf(Exception\ApiException::class, $e);
        $this->assertSame(422, $e->getCode());
        $this->assertSame(422, $e->getStatus());
        $this->assertSame('validation', $e->getErrorCode());
        $this->assertNotEmpty($e->getErrors()['email']);
        $this->assertMatchesRegularExpression('/^req_/', $e->getRequestId());
        $this->assertSame(__FILE__, $e->getFile(), 'the file and line are the caller\'s');
        $this->assertNotEmpty($e->getServerMessage());
        $this->assertStringContainsString('email', $e->getBody());
    }

    public function testEachClassFromARealResponseOrFault(): void
    {
        // A client each: a 429 makes a client's limiter wait for the reset before its next call.
        $noRetry = fn () => $this->client(['maxRetries' => 0]);
        $cases = [
            [Exception\AuthenticationException::class, 401, fn () => $this->client(['token' => 'wrong'])->units->list()],
            [Exception\NotFoundException::class, 404, fn () => $this->client->clients->get('nope')],
            [Exception\ServerException::class, 500, function () use ($noRetry) {
                $this->mock->inject('status', ['path' => '/units', 'status' => 500]);
                $noRetry()->units->list();
            }],
            [Exception\RateLimitException::class, 429, function () use ($noRetry) {
                $this->mock->inject('rate_limit', ['path' => '/units', 'reset' => 7]);
                $noRetry()->units->list();
            }],
            [Exception\ApiException::class, 418, function () use ($noRetry) {
                $this->mock->inject('status', ['path' => '/units', 'status' => 418]);
                $noRetry()->units->list();
            }],
            [Exception\ApiConnectionException::class, 0, function () use ($noRetry) {
                $this->mock->inject('drop', ['path' => '/units']);
                $noRetry()->units->list();
            }],
            [Exception\ApiTimeoutException::class, 0, function () {
                $this->mock->inject('delay', ['path' => '/units', 'ms' => 1500]);
                $this->client->units->list([], ['timeout' => 0.2, 'maxRetries' => 0]);
            }],
            [Exception\DecodeException::class, 200, function () use ($noRetry) {
                $this->mock->inject('truncate', ['path' => '/units']);
                $noRetry()->units->list();
            }],
            [Exception\InvalidRequestException::class, 0, fn () => $this->client->units->list([], ['maxRetries' => 'many'])],
            [Exception\ConfigurationException::class, 0, fn () => new Client(['token' => 't', 'baseUrl' => 'not a url'])],
            [Exception\ConfigurationException::class, 0, fn () => new Client(['token' => 't', 'noSuchOption' => 1])],
        ];
        foreach ($cases as [$class, $status, $call]) {
            $e = $this->thrown($call);
            $this->assertSame($class, get_class($e), $e->getMessage());
            $this->assertInstanceOf(Exception\BlinksaleException::class, $e);
            $this->assertSame($status, $e->getCode(), $class);
            $this->mock->clearFaults();
        }
        $rate = $this->thrown(function () use ($noRetry) {
            $this->mock->inject('rate_limit', ['path' => '/units', 'reset' => 7]);
            $noRetry()->units->list();
        });
        $this->assertEqualsWithDelta(7.0, $rate->getRetryAfter(), 1.0);
    }

    public function testThePermissionIsNamedForAReadOnlyToken(): void
    {
        $e = $this->thrown(fn () => $this->client(['token' => 'tok_read'])->units->create(['name' => 'Crate']));
        $this->assertInstanceOf(Exception\PermissionDeniedException::class, $e);
        $this->assertSame('write', $e->getRequiredPermission());
        $this->assertSame(403, $e->getCode());
    }

    public function testPhpCodeConstructsAndExtendsTheClasses(): void
    {
        $mine = new class ('custom', ['status' => 409, 'code' => 'api']) extends Exception\ApiException {
        };
        $this->assertSame(409, $mine->getCode());
        $this->assertSame('api', $mine->getErrorCode());
        $this->assertSame(__FILE__, $mine->getFile());
        $plain = new Exception\NotFoundException('gone');
        $this->assertSame('gone', $plain->getMessage());
        $this->assertSame([], $plain->getErrors());
        $this->assertNull($plain->getRequestId());
        $this->assertNotEmpty((new \ReflectionClass(Exception\ApiTimeoutException::class))->getParentClass()->getName() === Exception\ApiConnectionException::class ? 'ok' : '');
    }
}
