"""`blinksale mcp` through the wheel's console script, driven by the official MCP Python client
against the mock: the tools offered, their schemas, results, tool errors, and a clean stdout."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, TypeVar

import jsonschema
from conftest import TOKEN, count
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

import blinksale
from blinksale import _native
from blinksale.testing import MockServer

T = TypeVar("T")
BLINKSALE = str(Path(sys.executable).with_name("blinksale"))
OPERATIONS: List[Dict[str, Any]] = json.loads(_native.schema_json())["operations"]


def env(mock: MockServer, token: str = TOKEN) -> Dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    return {
        **keep,
        "BLINKSALE_API_TOKEN": token,
        "BLINKSALE_BASE_URL": mock.url,
        "BLINKSALE_CONFIG_DIR": "/nonexistent",
    }


def session(mock: MockServer, args: List[str], use: Callable[[ClientSession], Awaitable[T]], token: str = TOKEN) -> T:
    async def run() -> T:
        params = StdioServerParameters(command=BLINKSALE, args=["mcp", *args], env=env(mock, token))
        async with stdio_client(params) as (read, write), ClientSession(read, write) as s:
            await s.initialize()
            return await use(s)

    return asyncio.run(run())


def tools(mock: MockServer, args: List[str]) -> List[Any]:
    async def use(s: ClientSession) -> List[Any]:
        return list((await s.list_tools()).tools)

    return session(mock, args, use)


def call(mock: MockServer, args: List[str], name: str, arguments: Dict[str, Any], token: str = TOKEN) -> Any:
    async def use(s: ClientSession) -> Any:
        return await s.call_tool(name, arguments)

    return session(mock, args, use, token)


def text(result: Any) -> str:
    return "".join(getattr(c, "text", "") for c in result.content)


def test_only_the_read_tools_by_default_and_every_operation_when_allowed(mock: MockServer) -> None:
    reads = {f"{op['resource']}_{op['action']}" for op in OPERATIONS if op["permission"] == "read"}
    offered = tools(mock, [])
    assert {t.name for t in offered} == reads
    assert all(t.annotations.read_only_hint is True and t.annotations.open_world_hint is True for t in offered)
    everything = tools(mock, ["--allow", "write,send"])
    assert len(everything) == len(OPERATIONS)
    by_name = {t.name: t for t in everything}
    assert by_name["invoices_delete"].annotations.destructive_hint is True
    assert by_name["invoices_send"].annotations.read_only_hint is False
    assert "`send` permission" in (by_name["invoices_send"].description or "")
    assert by_name["invoices_update"].annotations.idempotent_hint is True
    narrowed = tools(
        mock, ["--allow", "write", "--resources", "invoices,clients", "--tools", "invoices_list,clients_create"]
    )
    assert [t.name for t in narrowed] == ["clients_create", "invoices_list"]


def test_every_input_schema_is_valid_and_requires_the_path_ids(mock: MockServer) -> None:
    paths = {f"{op['resource']}_{op['action']}": op["path"] for op in OPERATIONS}
    for tool in tools(mock, ["--allow", "write,send"]):
        schema = tool.input_schema
        jsonschema.Draft202012Validator.check_schema(schema)
        ids = [seg[1:-1] for seg in paths[tool.name].split("/") if seg.startswith("{")]
        assert set(ids) <= set(schema.get("required", [])), tool.name
        assert all(schema["properties"][i]["type"] == "string" for i in ids)
    invoice = {t.name: t for t in tools(mock, ["--allow", "write"])}["invoices_create"].input_schema
    money = invoice["properties"]["line_items"]["items"]["properties"]["price"]
    assert set(money["type"]) >= {"string", "number"}


def test_all_returns_at_most_the_cap_and_get_returns_the_mocks_object(mock: MockServer) -> None:
    result = call(mock, ["--max-items", "7"], "invoices_list", {"all": True, "per_page": 5})
    assert not result.is_error
    assert len(result.structured_content["data"]) == 7 and result.structured_content["truncated"] is True
    client = blinksale.Client(TOKEN, base_url=mock.url)
    cid = str(client.clients.list().data[0].id)
    got = call(mock, [], "clients_get", {"clientId": cid})
    assert got.structured_content["data"] == client.request("GET", f"/clients/{cid}")
    assert json.loads(text(got)) == got.structured_content


def test_money_comes_back_exactly_as_the_api_sent_it(mock: MockServer) -> None:
    result = call(mock, [], "invoices_list", {"per_page": 3})
    request = urllib.request.Request(f"{mock.url}/invoices?per_page=3", headers={"Authorization": f"Bearer {TOKEN}"})
    body = urllib.request.urlopen(request).read().decode()
    totals = re.findall(r'"total":\s*("?-?[0-9.]+"?)', body)
    assert len(totals) >= 3
    assert all(f'"total":{t}' in text(result) for t in totals), (totals, text(result))


def test_a_validation_error_is_a_tool_error_with_the_servers_field_message(mock: MockServer) -> None:
    result = call(mock, ["--allow", "write"], "clients_create", {"name": "Zed", "email": "not-an-email"})
    assert result.is_error
    assert "email" in text(result) and "validation failed (422)" in text(result)
    assert count(mock, "POST", "/clients") == 1


def test_a_read_only_token_gets_a_tool_error_naming_the_write_permission(mock: MockServer) -> None:
    result = call(mock, ["--allow", "write"], "units_create", {"name": "Box"}, token="tok_read")
    assert result.is_error and "`write` permission" in text(result)
    assert "tok_read" not in text(result)


def test_a_post_answered_500_is_not_repeated(mock: MockServer) -> None:
    mock.inject("status", path="/units", method="POST", status=500)
    result = call(mock, ["--allow", "write"], "units_create", {"name": "Box"})
    assert result.is_error and "server error (500)" in text(result)
    assert count(mock, "POST", "/units") == 1


def test_an_unknown_argument_is_a_tool_error_naming_it(mock: MockServer) -> None:
    result = call(mock, [], "invoices_list", {"colour": "red"})
    assert result.is_error and "colour" in text(result)
    assert mock.requests() == []


def rpc(id: Optional[int], method: str, params: Dict[str, Any]) -> str:
    msg: Dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
    if id is not None:
        msg["id"] = id
    return json.dumps(msg) + "\n"


def test_stdout_carries_protocol_messages_only_and_logs_go_to_stderr(mock: MockServer) -> None:
    init = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    lines = [
        rpc(1, "initialize", init),
        rpc(None, "notifications/initialized", {}),
        rpc(2, "tools/list", {}),
        rpc(3, "tools/call", {"name": "units_list", "arguments": {}}),
        rpc(4, "tools/call", {"name": "units_get", "arguments": {"unitId": "missing"}}),
    ]
    proc = subprocess.Popen(
        [BLINKSALE, "-v", "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(mock),
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    replies = []
    for line in lines:
        proc.stdin.write(line)
        proc.stdin.flush()
        if '"id"' in line:
            replies.append(json.loads(proc.stdout.readline()))
    proc.stdin.close()
    proc.wait(timeout=30)
    assert proc.stderr is not None
    rest, stderr = proc.stdout.read(), proc.stderr.read()
    assert rest == "" and proc.returncode == 0
    assert [r["id"] for r in replies] == [1, 2, 3, 4] and all(r["jsonrpc"] == "2.0" for r in replies)
    assert replies[3]["result"]["isError"] is True
    assert "blinksale: response method=GET path=/units" in stderr
    assert TOKEN not in stderr and TOKEN not in json.dumps(replies)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "mcp"


def test_the_readme_configurations_start_the_server_they_describe(mock: MockServer) -> None:
    offered = {}
    for config in sorted(EXAMPLES.glob("*.json")):
        server = json.loads(config.read_text())["mcpServers"]["blinksale"]
        assert server["command"] in ("npx", "uvx") and set(server["env"]) == {"BLINKSALE_API_TOKEN"}
        args = server["args"][server["args"].index("mcp") :]
        out = subprocess.run(
            [BLINKSALE, *args, "--list", "-o", "json"], capture_output=True, text=True, check=True, env=env(mock)
        )
        offered[config.name] = {t["permission"] for t in json.loads(out.stdout)}
    assert offered == {"claude_desktop_config.json": {"read"}, "claude_desktop_config.uvx.json": {"read", "write"}}
