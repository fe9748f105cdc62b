<?php

declare(strict_types=1);

namespace Blinksale\Tests;

use PHPUnit\Framework\TestCase;

/** stubs/blinksale.php declares exactly what the extension defines: classes, methods, parameters. */
final class StubTest extends TestCase
{
    public function testTheStubMatchesTheLoadedExtension(): void
    {
        require_once __DIR__ . '/surface.php';
        $this->assertTrue(class_exists(\Blinksale\Client::class), 'the surface loads on first use');
        $live = blinksale_surface();

        $stub = realpath(__DIR__ . '/../../stubs/blinksale.php');
        $script = 'require ' . var_export(__DIR__ . '/surface.php', true) . '; require ' . var_export($stub, true) . '; echo json_encode(blinksale_surface());';
        $out = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($script));
        $fromStub = json_decode((string) $out, true);
        $this->assertIsArray($fromStub, "the stub loads on its own, without the extension: $out");

        $this->assertSame(array_keys($live['classes']), array_keys($fromStub['classes']), 'the same classes');
        foreach ($live['classes'] as $name => $class) {
            $this->assertSame($class, $fromStub['classes'][$name], $name);
        }
        $this->assertSame($live['functions'], $fromStub['functions']);

        $ext = new \ReflectionExtension('blinksale');
        foreach (array_keys($ext->getClasses()) as $native) {
            $this->assertArrayHasKey($native, $fromStub['classes']);
        }
        $this->assertCount(count($ext->getFunctions()), $fromStub['functions']);
    }
}
