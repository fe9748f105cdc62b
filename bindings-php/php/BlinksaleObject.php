<?php

declare(strict_types=1);

namespace Blinksale;

/**
 * An object of the API: read a field as `$o->name` or `$o['name']`. Every field the API sent
 * is kept, those this version does not know too; money is a numeric string with the API's
 * exact digits. `toArray()` and `json_encode()` give the fields as the API sent them.
 *
 * @implements \ArrayAccess<string, mixed>
 * @implements \IteratorAggregate<string, mixed>
 */
class BlinksaleObject implements \ArrayAccess, \JsonSerializable, \IteratorAggregate, \Countable
{
    /** Fields whose values are objects: field => class, or [class] for a list of them. */
    protected const NESTED = [];

    /** @var array<string, mixed> */
    private array $values;
    private ?string $requestId;

    /** @param array<string, mixed> $values */
    final public function __construct(array $values = [], ?string $requestId = null)
    {
        $this->values = $values;
        $this->requestId = $requestId;
    }

    /** The `X-Request-Id` of the response that carried this object (null when nested). */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /** @return array<string, mixed> */
    public function toArray(): array
    {
        return $this->values;
    }

    /** @return array<string, mixed> */
    public function jsonSerialize(): array
    {
        return $this->values;
    }

    public function __get(string $name): mixed
    {
        return $this->offsetGet($name);
    }

    public function __isset(string $name): bool
    {
        return isset($this->values[$name]);
    }

    public function offsetExists(mixed $offset): bool
    {
        return array_key_exists($offset, $this->values);
    }

    public function offsetGet(mixed $offset): mixed
    {
        $value = $this->values[$offset] ?? null;
        $wrap = static::NESTED[$offset] ?? null;
        if ($wrap === null || !is_array($value)) {
            return $value;
        }
        if (is_array($wrap)) {
            return array_map(static fn ($v) => is_array($v) ? new $wrap[0]($v) : $v, $value);
        }
        return new $wrap($value);
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        throw new \LogicException(static::class . ' is read-only: send changes with the resource\'s update()');
    }

    public function offsetUnset(mixed $offset): void
    {
        throw new \LogicException(static::class . ' is read-only');
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->values);
    }

    public function count(): int
    {
        return count($this->values);
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        return $this->values;
    }
}
