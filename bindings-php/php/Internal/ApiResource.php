<?php

declare(strict_types=1);

namespace Blinksale\Internal;

use Blinksale\BlinksaleObject;
use Blinksale\Page;
use Blinksale\RawResponse;

/**
 * @internal The base of every generated resource: one call path for each kind of result.
 */
abstract class ApiResource
{
    private bool $raw = false;

    final public function __construct(private readonly NativeClient $native)
    {
    }

    /**
     * The same methods, returning `RawResponse` (status, headers, request id, rate limit and
     * `parse()`).
     */
    public function withRawResponse(): static
    {
        $copy = clone $this;
        $copy->raw = true;
        return $copy;
    }

    /** @param class-string<BlinksaleObject>|null $model */
    protected function _call(string $op, array $ids, ?array $body, array $options, ?string $model): mixed
    {
        $reply = $this->send($op, $ids, [], $body, $options);
        $parse = static fn () => $model === null ? null : new $model(self::object($reply['data']), $reply['info']['request_id'] ?? null);
        return $this->raw ? self::rawResponse($reply, $parse) : $parse();
    }

    /** @param class-string<BlinksaleObject> $model */
    protected function _list(string $op, array $ids, array $params, array $options, string $model): Page|RawResponse
    {
        $reply = $this->send($op, $ids, $params, null, $options);
        $parse = function () use ($reply, $op, $ids, $params, $options, $model): Page {
            $plain = $this->raw ? $this->withoutRaw() : $this;
            $fetch = static fn (int $page): Page => $plain->_list($op, $ids, ['page' => $page] + $params, $options, $model);
            $info = $reply['info'];
            $items = array_map(static fn ($item) => new $model(self::object($item)), $reply['data']);
            return new Page($items, new BlinksaleObject(self::object($info['meta'] ?? [])), (bool) $info['has_next'], $fetch, $info['request_id'] ?? null);
        };
        return $this->raw ? self::rawResponse($reply, $parse) : $parse();
    }

    /**
     * @param class-string<BlinksaleObject> $model
     * @return \Generator<int, BlinksaleObject>
     */
    protected function _listAll(string $op, array $ids, array $params, array $options, string $model): \Generator
    {
        $limit = $options['limit'] ?? null;
        unset($options['limit']);
        $stream = Core::check($this->native->stream($op, $ids, Core::json($params), $limit === null ? null : (int) $limit, Core::json($options)));
        return (static function () use ($stream, $model): \Generator {
            while (($batch = Core::check($stream->nextBatch())) !== []) {
                foreach ($batch as $item) {
                    yield new $model(self::object($item));
                }
            }
        })();
    }

    private function send(string $op, array $ids, array $query, ?array $body, array $options): array
    {
        $ids = array_map('strval', $ids);
        return Core::check($this->native->call($op, $ids, Core::json($query), Core::json($body, true), Core::json($options)));
    }

    private function withoutRaw(): static
    {
        $copy = clone $this;
        $copy->raw = false;
        return $copy;
    }

    /** A JSON object as decoded: an empty one arrives as a list. */
    private static function object(mixed $value): array
    {
        return is_array($value) ? $value : [];
    }

    private static function rawResponse(array $reply, \Closure $parse): RawResponse
    {
        $info = $reply['info'];
        return new RawResponse((int) $info['status'], $info['headers'] ?? [], $info['request_id'] ?? null, $info['rate_limit'] ?? null, $parse);
    }
}
