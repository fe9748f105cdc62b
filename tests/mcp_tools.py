"""Prints `tools/list` of an MCP server started as `argv[2:]` in the folder `argv[1]`, as JSON,
through the official MCP client (tests/cli.sh compares the front doors' lists)."""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main() -> None:
    params = StdioServerParameters(command=sys.argv[2], args=sys.argv[3:], env=dict(os.environ), cwd=sys.argv[1])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = (await session.list_tools()).tools
    print(json.dumps([t.model_dump(mode="json", by_alias=True) for t in tools], indent=1, sort_keys=True))


asyncio.run(main())
