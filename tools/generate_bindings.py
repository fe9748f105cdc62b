#!/usr/bin/env python3
"""Writes every binding's generated layer and the API's contract from the core's schema
(`cargo run --example schema`).

The Rust core declares the models, enums, operations and error kinds once; this turns them into
  Python  bindings-python/python/blinksale/types.py       models, enum Literals, …Params TypedDicts
          bindings-python/python/blinksale/_resources/    sync/async resources, raw-response views,
                                                          the clients' resource attributes
          bindings-python/python/blinksale/_errors.py     error classes and the code -> class table
  Node    bindings-node/lib/generated/models.ts           model and request-body types
          bindings-node/lib/generated/resources.ts        resources and the client's attributes
          bindings-node/lib/generated/errors.ts           error classes and the code -> class table
  PHP     bindings-php/php/generated/Exceptions.php     exception classes and the code -> class table
          bindings-php/php/generated/Models.php         response models and enum constants
          bindings-php/php/generated/Resources.php      resources and the client's properties
  Spec    spec/openapi.yaml                               the OpenAPI contract (the core's surface
                                                          in the frame of tools/openapi_frame.py)

Usage: generate_bindings.py SCHEMA_JSON [--check]
  --check writes into a temporary folder and fails on any difference with the tree.
"""

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gen_node import node_outputs
from gen_openapi import openapi_outputs
from gen_php import php_outputs
from gen_python import python_outputs

ROOT = Path(__file__).resolve().parent.parent


def ruff_format(rel: str, text: str) -> str:
    """Python output in the house style (ruff.toml), as the tree keeps it."""
    ruff = os.environ.get("RUFF") or shutil.which("ruff") or str(ROOT / ".venv/bin/ruff")
    done = subprocess.run(
        [ruff, "format", "--config", str(ROOT / "ruff.toml"), "--stdin-filename", rel, "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    schema = json.loads(Path(args[0]).read_text())
    outputs = {**python_outputs(schema), **node_outputs(schema), **php_outputs(schema), **openapi_outputs(schema)}
    outputs = {rel: ruff_format(rel, text) if rel.endswith(".py") else text for rel, text in outputs.items()}
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            stale = []
            for rel, text in outputs.items():
                fresh = Path(tmp) / rel
                fresh.parent.mkdir(parents=True, exist_ok=True)
                fresh.write_text(text)
                current = ROOT / rel
                have = current.read_text() if current.exists() else ""
                if have != fresh.read_text():
                    stale.append(rel)
                    diff = difflib.unified_diff(
                        have.splitlines(), text.splitlines(), f"{rel} (tree)", f"{rel} (generated)", lineterm="", n=1
                    )
                    print("\n".join(list(diff)[:40]), file=sys.stderr)
        if stale:
            sys.exit("generated files differ from the schema: " + ", ".join(stale) + " (run make generate)")
        print(f"generated bindings are up to date ({len(outputs)} files)")
        return
    for rel, text in outputs.items():
        path = ROOT / rel
        if not path.exists() or path.read_text() != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(f"wrote {rel}")


if __name__ == "__main__":
    main()
