"""A small YAML emitter for generated documents: block style, plain scalars where safe, JSON
quoting elsewhere (valid YAML), so the output is stable and needs no dependency."""

import json
import re
from typing import Any, List

PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_ ./{}()-]*$")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(v: Any) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if PLAIN.match(v) and v.lower() not in RESERVED and not v.endswith(" ") and ": " not in v:
        return v
    return json.dumps(v, ensure_ascii=False)


def emit(v: Any, indent: int = 0) -> List[str]:
    pad = "  " * indent
    lines = []
    if isinstance(v, dict):
        for k, x in v.items():
            key = scalar(str(k))
            if isinstance(x, (dict, list)) and x:
                lines.append(f"{pad}{key}:")
                lines.extend(emit(x, indent + 1))
            else:
                lines.append(f"{pad}{key}: {'{}' if x == {} else '[]' if x == [] else scalar(x)}")
    else:
        for x in v:
            if isinstance(x, (dict, list)) and x:
                sub = emit(x, indent + 1)
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {scalar(x)}")
    return lines
