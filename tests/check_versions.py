#!/usr/bin/env python3
"""The crate, the Python package, the npm packages and the PHP extension carry one version: the
workspace's."""

import json
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
cargo = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', (root / "Cargo.toml").read_text(), re.M | re.S)
versions = {"Cargo.toml [workspace.package]": cargo.group(1) if cargo else None}
pyproject = (root / "bindings-python/pyproject.toml").read_text()
if 'dynamic = ["version"]' not in pyproject:
    versions["pyproject.toml"] = (re.search(r'^version = "([^"]+)"', pyproject, re.M) or [None, None])[1]
for path in [root / "bindings-node/package.json", *sorted((root / "bindings-node/npm").glob("*/package.json"))]:
    manifest = json.loads(path.read_text())
    versions[str(path.relative_to(root))] = manifest["version"]
    for dep, wanted in manifest.get("optionalDependencies", {}).items():
        versions[f"{path.relative_to(root)} -> {dep}"] = wanted
# The PHP extension reports its crate's version (`phpversion('blinksale')`); PIE takes the
# release's from the git tag, so composer.json carries none.
php_crate = (root / "bindings-php/Cargo.toml").read_text()
versions["bindings-php/Cargo.toml"] = (
    want_ws
    if (want_ws := versions["Cargo.toml [workspace.package]"]) and "version.workspace = true" in php_crate
    else None
)
if "version" in json.loads((root / "composer.json").read_text()):
    versions["composer.json (must leave the version to the tag)"] = None
for changelog in re.findall(r"^## (\S+)", (root / "CHANGELOG.md").read_text(), re.M)[:1]:
    versions["CHANGELOG.md (latest)"] = changelog
want = versions["Cargo.toml [workspace.package]"]
wrong = {k: v for k, v in versions.items() if v != want}
for k, v in versions.items():
    print(f"{'ok  ' if v == want else 'FAIL'} {k}: {v}")
print(f"versions: {len(versions) - len(wrong)} passed, {len(wrong)} failed")
sys.exit(1 if wrong or not want else 0)
