#!/usr/bin/env python3
"""Every README code block that is not a shell command is marked as an excerpt of a file
that `make test` runs; this checks that the block's lines stand, in order, in that file."""

import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
text = (root / "README.md").read_text()
blocks = re.findall(r"(<!-- excerpt: (\S+) -->\n)?```(\w+)\n(.*?)```", text, re.S)
passed = failed = 0
for marker, path, lang, body in blocks:
    if lang == "sh":
        continue
    if not marker:
        print(f"FAIL a {lang} block has no excerpt marker:\n{body}")
        failed += 1
        continue
    source = (root / path).read_text()
    if body in source:
        passed += 1
    else:
        print(f"FAIL README block is not in {path}:\n{body}")
        failed += 1
# Parity tables: every name in a Rust, Python, Node or PHP column is in that language's code.
SOURCES = {
    "Rust": ["core/src"],
    "Python": ["bindings-python/python/blinksale", "bindings-python/src"],
    "Node": ["bindings-node/lib", "bindings-node/src"],
    "PHP": ["bindings-php/php", "bindings-php/src"],
}


def corpus(dirs: list) -> str:
    return "\n".join(
        f.read_text() for d in dirs for f in (root / d).rglob("*") if f.suffix in (".rs", ".py", ".pyi", ".ts", ".php")
    )


texts = {lang: corpus(dirs) for lang, dirs in SOURCES.items()}
for table in re.findall(r"<!-- parity: \w+ -->\n((?:\|.*\|\n)+)", text):
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.strip().splitlines()]
    header, body = rows[0], rows[2:]
    for row in body:
        for col, cell in zip(header, row):
            lang = next((k for k in SOURCES if col.startswith(k)), None)
            for name in re.findall(r"`\.?([A-Za-z_]\w*)", cell) if lang else []:
                if re.search(rf"\b{name}\b", texts[lang]):
                    passed += 1
                else:
                    print(f"FAIL parity table: {lang} has no {name!r} ({row[0]})")
                    failed += 1
# Install: every path is in the repository, or is where a make target writes its output.
install = text.split("## Install", 1)[1].split("\n## ", 1)[0]
outputs = (root / "Makefile").read_text() + "".join(p.read_text() for p in (root / "tests").glob("*.sh"))
for path in re.findall(r"`(?:[^`]*\s)?((?:target|core|bindings-\w+|tests)/[^`\s]*)`", install):
    # The folder it names (a file pattern's folder), as the Makefile and scripts spell it.
    folder = path.rstrip("/") if path.endswith("/") else path.rsplit("/", 1)[0]
    spelled = (folder.replace("target/", "$(CARGO_TARGET_DIR)/", 1), folder.replace("target/", "$CARGO_TARGET_DIR/", 1))
    if (root / path).exists() or any(x in outputs for x in spelled):
        passed += 1
    else:
        print(f"FAIL README Install names {path}, which neither exists nor is written by a make target")
        failed += 1
print(f"readme: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
