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
print(f"readme: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
