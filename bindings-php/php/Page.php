<?php

declare(strict_types=1);

namespace Blinksale;

/**
 * One page of a list: iterate it, count it, or read `->data` and `->meta` (`->meta->total`).
 *
 * @template T of BlinksaleObject
 * @implements \IteratorAggregate<int, T>
 */
final class Page implements \IteratorAggregate, \Countable
{
    /** @var list<T> */
    public readonly array $data;
    /** current_page, last_page, per_page, total, from, to, path, links. */
    public readonly BlinksaleObject $meta;

    /**
     * @param list<T> $data
     * @param \Closure(int): Page<T> $fetch the same list's page N
     */
    public function __construct(
        array $data,
        BlinksaleObject $meta,
        private readonly bool $hasNext,
        private readonly \Closure $fetch,
        private readonly ?string $requestId,
    ) {
        $this->data = $data;
        $this->meta = $meta;
    }

    public function hasNextPage(): bool
    {
        return $this->hasNext;
    }

    /** @return Page<T>|null the next page with the same filters, or null after the last */
    public function nextPage(): ?Page
    {
        return $this->hasNext ? ($this->fetch)(((int) ($this->meta['current_page'] ?? 1)) + 1) : null;
    }

    /** The `X-Request-Id` of the response that carried this page. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->data);
    }

    public function count(): int
    {
        return count($this->data);
    }
}
