<?php

declare(strict_types=1);

/**
 * The classes and functions under `Blinksale\` as reflection sees them: what StubTest compares
 * between the loaded extension and stubs/blinksale.php.
 *
 * @return array<string, mixed>
 */
function blinksale_surface(): array
{
    $type = static fn (?ReflectionType $t): string => $t === null ? '' : (string) $t;
    $params = static fn (ReflectionFunctionAbstract $f): array => array_map(
        static fn (ReflectionParameter $p): string => $type($p->getType()) . ' $' . $p->getName() . ($p->isOptional() ? ' = …' : ''),
        $f->getParameters()
    );
    $classes = [];
    foreach (array_merge(get_declared_classes(), get_declared_interfaces()) as $name) {
        if (!str_starts_with($name, 'Blinksale\\') || str_starts_with($name, 'Blinksale\\Tests\\') || str_contains($name, '@anonymous')) {
            continue;
        }
        $c = new ReflectionClass($name);
        $methods = [];
        foreach ($c->getMethods() as $m) {
            if ($m->getDeclaringClass()->getName() === $name) {
                $methods[$m->getName()] = ($m->isStatic() ? 'static ' : '') . '(' . implode(', ', $params($m)) . '): ' . $type($m->getReturnType());
            }
        }
        ksort($methods);
        $interfaces = $c->getInterfaceNames();
        sort($interfaces);
        $constants = array_keys($c->getConstants());
        sort($constants);
        $classes[$name] = [
            'parent' => $c->getParentClass() ? $c->getParentClass()->getName() : null,
            'final' => $c->isFinal(),
            'abstract' => $c->isAbstract(),
            'interfaces' => $interfaces,
            'constants' => $constants,
            'methods' => $methods,
        ];
    }
    ksort($classes);
    $functions = [];
    foreach (array_merge(...array_values(get_defined_functions())) as $name) {
        if (str_starts_with($name, 'blinksale\\')) {
            $f = new ReflectionFunction($name);
            $functions[$f->getName()] = '(' . implode(', ', $params($f)) . '): ' . $type($f->getReturnType());
        }
    }
    ksort($functions);
    return ['classes' => $classes, 'functions' => $functions];
}
