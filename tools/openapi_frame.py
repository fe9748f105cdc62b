"""What every operation of `spec/openapi.yaml` shares and the core's surface does not describe:
the document's info, the bearer scheme, the rate-limit headers, the error responses, the list
envelope's `meta` and `links`, and the `page`/`per_page` parameters (digest §2)."""

from typing import Dict, List


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def s(type_, **kw) -> dict:
    return {"type": type_, **kw}


def obj(props: dict, required=(), **kw) -> dict:
    out = {"type": "object", "properties": props}
    if required:
        out["required"] = list(required)
    out.update(kw)
    return out


TEXT = {"type": ["string", "null"]}

INFO = {
    "title": "Blinksale API",
    "version": "1.0.0",
    "description": "JSON REST API of the Blinksale invoicing service. Operations marked "
    "`x-source: documented` follow a page of the public docs; `x-source: inferred` "
    "operations follow the docs' conventions where the docs only name the resource.",
}
SERVERS = [{"url": "https://app.blinksale.com/api/v1"}]

RL_HEADERS = {
    "X-RateLimit-Limit": {"$ref": "#/components/headers/RateLimitLimit"},
    "X-RateLimit-Remaining": {"$ref": "#/components/headers/RateLimitRemaining"},
    "X-RateLimit-Reset": {"$ref": "#/components/headers/RateLimitReset"},
}

ERROR_TEXT = {
    "400": "Invalid JSON body.",
    "401": "Missing, unknown or expired token (`Unauthenticated.`).",
    "403": "The token lacks the permission this operation needs.",
    "404": "No such resource (`Resource not found.`).",
    "413": "Body larger than 1 MiB.",
    "422": "Validation error, with per-field `errors`; also a request the resource's state does not allow.",
    "429": "Rate limit exceeded; wait `Retry-After` seconds.",
    "500": "Server failure.",
}


def error_codes(has_ids: bool, has_body: bool) -> List[str]:
    """422 is possible everywhere: invalid input, and business rules on deletes and actions."""
    codes = ["401", "403", "422", "429", "500"]
    if has_ids:
        codes.append("404")
    if has_body:
        codes += ["400", "413"]
    return sorted(codes)


def envelope(data: dict, paginated: bool) -> dict:
    props = {"success": {"const": True}, "message": s("string"), "data": data}
    if paginated:
        props["meta"] = ref("PageMeta")
        props["links"] = ref("PageLinks")
    return obj(props, ["success", "message", "data"])


PAGE_PARAMS = {
    "page": {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": s("integer", minimum=1, default=1),
        "description": "1-based page number.",
    },
    "per_page": {
        "name": "per_page",
        "in": "query",
        "required": False,
        "schema": s("integer", minimum=1, maximum=100, default=15),
        "description": "Items per page (default 15; the mock caps it at 100).",
    },
}

# The list envelope, named after the core's types (`PageMeta`, `MetaLink`, `PageLinks`).
ENVELOPE_SCHEMAS = {
    "MetaLink": obj({"url": TEXT, "label": s("string"), "active": s("boolean")}, ["label", "active"]),
    "PageMeta": obj(
        {
            "current_page": s("integer", minimum=1),
            "from": {"type": ["integer", "null"]},
            "last_page": s("integer", minimum=1),
            "path": s("string"),
            "per_page": s("integer", minimum=1),
            "to": {"type": ["integer", "null"]},
            "total": s("integer", minimum=0),
            "links": s(
                "array", items=ref("MetaLink"), description="Laravel-style link list, as the endpoint pages show it."
            ),
        },
        ["current_page", "last_page", "per_page", "total"],
    ),
    "PageLinks": obj(
        {"first": TEXT, "last": TEXT, "prev": TEXT, "next": TEXT},
        description="Top-level links, as the pagination guide shows them.",
    ),
    "Error": obj(
        {
            "success": {"const": False},
            "message": s("string"),
            "errors": s(
                "object",
                additionalProperties=s("array", items=s("string")),
                description="Field name to messages (422 only).",
            ),
        },
        ["success", "message"],
    ),
}


def header(description: str) -> dict:
    return {"required": True, "description": description, "schema": s("integer", minimum=0)}


def frame_components() -> Dict[str, dict]:
    responses = {}
    for code, text in ERROR_TEXT.items():
        headers = dict(RL_HEADERS)
        if code == "429":
            headers["Retry-After"] = {"$ref": "#/components/headers/RetryAfter"}
        responses[f"E{code}"] = {
            "description": text,
            "headers": headers,
            "content": {"application/json": {"schema": ref("Error")}},
        }
    scheme = (
        "An API token from Settings → API. Its permissions (read, write, send) decide which operations "
        "it may call: GET needs read, writes need write, send actions need send (inferred mapping)."
    )
    reset = (
        "Seconds until the window resets. Clients should also accept an epoch timestamp here (the docs are ambiguous)."
    )
    return {
        "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "description": scheme}},
        "headers": {
            "RateLimitLimit": header("Requests allowed per window (120 a minute)."),
            "RateLimitRemaining": header("Requests left in this window."),
            "RateLimitReset": header(reset),
            "RetryAfter": header("Seconds to wait before retrying."),
        },
        "responses": responses,
    }
