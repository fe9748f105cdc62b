//! `blinksale mcp`: the API's operations as tools for AI assistants, over the Model Context
//! Protocol on stdio (the official Rust SDK, rmcp). Only the read tools unless more are allowed.
//! stdout carries the protocol alone: log lines (`-v`) and errors go to stderr.
mod call;
pub mod tools;

use std::io::Write;

use blinksale::Client;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation, ListToolsResult, PaginatedRequestParams,
    ServerCapabilities, ServerConfig,
};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::{ErrorData, ServerHandler, ServiceExt};

use crate::exit::Failure;
use tools::{Entry, Selection};

/// The server: the client the CLI's options built, and the tools offered.
struct Server {
    client: Client,
    tools: Vec<Entry>,
    max_items: u64,
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let instructions = "Blinksale invoicing: clients, contacts, estimates, invoices, recurring invoices, payments, taxes, units and \
                            items. Money is given exactly as the API sends it. List tools take page and per_page, or all for every \
                            page up to a cap.";
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("blinksale", env!("CARGO_PKG_VERSION")))
            .with_instructions(instructions)
    }

    async fn list_tools(&self, _: Option<PaginatedRequestParams>, _: RequestContext<RoleServer>) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.tools.iter().map(|e| e.tool.clone()).collect()))
    }

    async fn call_tool(&self, request: CallToolRequestParams, _: RequestContext<RoleServer>) -> Result<CallToolResponse, ErrorData> {
        let Some(entry) = self.tools.iter().find(|e| e.tool.name == request.name) else {
            return Err(ErrorData::invalid_params(format!("no tool {} is offered (blinksale mcp --list)", request.name), None));
        };
        let args = request.arguments.unwrap_or_default();
        let result = match call::run(&self.client, entry.op, args, self.max_items).await {
            Ok(value) => CallToolResult::structured(value),
            Err(message) => CallToolResult::error(vec![ContentBlock::text(message)]),
        };
        Ok(CallToolResponse::Complete(result))
    }
}

/// `blinksale mcp --list`: the tools and the permission each needs.
pub fn list(selection: &Selection, json: bool) -> Result<(), Failure> {
    let tools = tools::select(selection)?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<_> =
            tools.iter().map(|e| serde_json::json!({"name": e.tool.name, "permission": e.op.permission.as_str(), "summary": e.op.summary})).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows).unwrap_or_default())?;
    } else {
        for e in &tools {
            writeln!(out, "{:<36} {:<6} {}", e.tool.name, e.op.permission.as_str(), e.op.summary)?;
        }
    }
    Ok(())
}

/// Serves the selected tools on stdin and stdout until the client hangs up.
pub async fn serve(client: Client, selection: Selection) -> Result<(), Failure> {
    let tools = tools::select(&selection)?;
    let server = Server { client, tools, max_items: selection.max_items };
    let broken = |e: String| Failure::Io(std::io::Error::other(format!("mcp: {e}")));
    let running = server.serve(rmcp::transport::stdio()).await.map_err(|e| broken(e.to_string()))?;
    running.waiting().await.map_err(|e| broken(e.to_string()))?;
    Ok(())
}
