#!/usr/bin/env python3
"""Fails when a crate would be compiled with different features by two build steps.

`make build` (one cargo run), maturin (bindings-python), napi (bindings-node) and `make php`
(bindings-php) each resolve
features for their own packages. A crate whose features differ between them is compiled once
per step, and so is every crate above it: the first build then compiles the core and its
dependencies once per step. blinksale-workspace-hack (hack/Cargo.toml) lists the unions; this
check says what to add there when a dependency changes.

Usage: check_features.py
"""

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_build_packages() -> list:
    """The packages of the Makefile's `build` recipe: `cargo build --release -p … --examples`."""
    text = (ROOT / "Makefile").read_text()
    line = re.search(r"^build-mock build.*:\n\tcargo build (.*)$", text, re.M)
    if not line:
        sys.exit("check_features: the Makefile's build recipe was not found")
    return re.findall(r"-p (\S+)", line.group(1))


def host() -> str:
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return re.search(r"^host: (.*)$", out, re.M).group(1)


def features(packages: list, dev: bool, build: bool = True) -> dict:
    """crate -> the feature sets it is built with in one step (host and target apart)."""
    edges = "normal" + (",build" if build else "") + (",dev" if dev else "")
    args = ["cargo", "tree", "--target", host(), "-e", edges, "-f", "{p}|{f}", "--prefix", "none"]
    for p in packages:
        args += ["-p", p]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found = defaultdict(set)
    for line in out.splitlines():
        if "|" in line:
            crate, feats = line.replace(" (*)", "").split("|", 1)
            found[crate.split(" (")[0]].add(feats)
    return found


def main() -> int:
    steps = {
        "make build": features(make_build_packages(), dev=True),
        "maturin (bindings-python)": features(["blinksale-python"], dev=False),
        "napi (bindings-node)": features(["blinksale-node"], dev=False),
        # ext-php-rs's build scripts (bindgen, its regex and serde) run on the host only.
        "make php (bindings-php)": features(["blinksale-php"], dev=False, build=False),
    }
    crates = sorted(set().union(*steps.values()))
    bad = []
    for crate in crates:
        seen = {step: sorted(f[crate]) for step, f in steps.items() if crate in f}
        if len(seen) > 1 and len({tuple(v) for v in seen.values()}) > 1:
            bad.append(crate + "".join(f"\n    {step}: {v}" for step, v in seen.items()))
    if bad:
        print("crates built with different features by the build steps; add the union to hack/Cargo.toml:")
        print("\n".join(bad))
        return 1
    print(f"features: {len(crates)} crates, the same features in every build step they are part of")
    return 0


if __name__ == "__main__":
    sys.exit(main())
