#!/usr/bin/env python3
"""Fails when the core's modules import each other in a circle, and prints their order.

A module is a file or folder directly under core/src; a reference is any `crate::name` (or
`$crate::name` in a macro) in its text. The core must read top to bottom: from lib.rs down,
each module uses only those below it.

Usage: check_layers.py [SRC_DIR]
"""

import re
import sys
from pathlib import Path

SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "core/src"
REF = re.compile(r"\$?crate::([a-z_][a-z0-9_]*)")


def modules() -> dict:
    found = {}
    for path in sorted(SRC.iterdir()):
        name = path.stem if path.is_file() else path.name
        if path.suffix == ".rs" and name != "lib" or path.is_dir():
            found.setdefault(name, []).extend([path] if path.is_file() else sorted(path.rglob("*.rs")))
    return found


def graph(mods: dict) -> dict:
    edges = {}
    for name, files in mods.items():
        text = "\n".join(f.read_text() for f in files)
        # Doc links (`[`x`]: crate::y`) say where to read, not what is used.
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        edges[name] = sorted({m for m in REF.findall(code) if m in mods and m != name})
    return edges


def cycles(edges: dict) -> list:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in edges:
        if v not in index:
            visit(v)
    return out


def layers(edges: dict) -> list:
    """Modules by depth: those that use nothing first."""
    depth = {}

    def d(v: str) -> int:
        if v not in depth:
            depth[v] = 0
            depth[v] = 1 + max((d(w) for w in edges[v]), default=-1)
        return depth[v]

    for v in edges:
        d(v)
    return [sorted(v for v in edges if depth[v] == n) for n in range(max(depth.values()) + 1)]


def main() -> None:
    edges = graph(modules())
    found = cycles(edges)
    if found:
        for comp in found:
            print("import circle: " + " -> ".join(comp), file=sys.stderr)
            for v in comp:
                print(f"  {v} uses {', '.join(w for w in edges[v] if w in comp)}", file=sys.stderr)
        sys.exit(1)
    shown = "; ".join(", ".join(layer) for layer in layers(edges))
    print(f"core modules: no import circle ({len(edges)} modules, bottom up: {shown})")


if __name__ == "__main__":
    main()
