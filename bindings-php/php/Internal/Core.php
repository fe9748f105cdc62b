<?php

declare(strict_types=1);

namespace Blinksale\Internal;

use Blinksale\Exception\BlinksaleException;
use Blinksale\Exception\Classes;

/**
 * @internal The one path between the PHP surface and the extension: values cross as JSON
 * text, results come back as arrays, a core error as `['error' => details]`, thrown here as
 * the class generated for its code. Rules (retries, paging, what may be sent) are the core's.
 */
final class Core
{
    /** A query, body or options array as the core reads it; null for none. */
    public static function json(#[\SensitiveParameter] ?array $value, bool $object = false): ?string
    {
        if ($value === null || ($value === [] && !$object)) {
            return null;
        }
        if ($value === []) {
            return '{}';
        }
        return json_encode($value, JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    }

    /**
     * What the extension returned, or its error thrown.
     *
     * @template T
     * @param T|array{error: array<string, mixed>} $result
     * @return T
     */
    public static function check(mixed $result): mixed
    {
        if (is_array($result) && isset($result['error']) && count($result) === 1) {
            throw self::exception($result['error']);
        }
        return $result;
    }

    /** @param array<string, mixed> $details */
    public static function exception(array $details): BlinksaleException
    {
        $class = Classes::BY_CODE[$details['code'] ?? ''] ?? BlinksaleException::class;
        $message = (string) ($details['message'] ?? 'blinksale error');
        unset($details['message']);
        return self::atCaller(new $class($message, $details));
    }

    /**
     * The exception with the file and line of the call into the SDK (the trace keeps the
     * SDK's frames), as a user reading it looks for their own code first.
     */
    private static function atCaller(BlinksaleException $e): BlinksaleException
    {
        foreach ($e->getTrace() as $frame) {
            if (isset($frame['file']) && !str_starts_with($frame['file'], '(blinksale extension)/')) {
                (function () use ($frame): void {
                    $this->file = $frame['file'];
                    $this->line = $frame['line'] ?? 0;
                })->call($e);
                break;
            }
        }
        return $e;
    }
}
