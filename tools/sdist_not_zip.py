#!/usr/bin/env python3
"""pip takes any file in which `zipfile.is_zipfile` finds an end-of-archive signature for a zip,
and a gzip stream can hold those four bytes by chance: such an sdist would not install. This
recompresses the sdist (same tar, another gzip level) until no signature shows."""

import gzip
import sys
import zipfile
from pathlib import Path

for path in Path(sys.argv[1]).glob("*.tar.gz"):
    if not zipfile.is_zipfile(path):
        continue
    tar = gzip.decompress(path.read_bytes())
    for level in (9, 8, 7, 6, 5, 4):
        path.write_bytes(gzip.compress(tar, compresslevel=level, mtime=0))
        if not zipfile.is_zipfile(path):
            print(f"{path.name}: recompressed at gzip level {level}, so pip does not take it for a zip")
            break
    else:
        sys.exit(f"{path.name}: every gzip level looks like a zip to pip")
