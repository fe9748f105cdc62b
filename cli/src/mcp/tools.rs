//! The tools `blinksale mcp` offers: one per operation of the core's table, named
//! `{resource}_{action}`, described by its summary and the permission it needs, with the
//! operation's input as JSON Schema (the core's) and annotations from its method. Which are
//! offered: the read tools, plus those the user allows (`--allow write,send`), narrowed by
//! `--resources` and `--tools`.
use blinksale::Permission;
use blinksale::ops::{OPERATIONS, Operation, Source};
use rmcp::model::{Tool, ToolAnnotations};
use serde_json::json;

use crate::exit::Failure;

/// What `blinksale mcp` was asked to offer.
#[derive(Debug, Default)]
pub struct Selection {
    /// Permissions allowed besides `read`.
    pub allow: Vec<String>,
    /// Resources to keep (all when empty).
    pub resources: Vec<String>,
    /// Tool names to keep (all when empty).
    pub tools: Vec<String>,
    /// The cap on the items a list tool's `all` returns.
    pub max_items: u64,
}

/// A tool and the operation it runs.
pub struct Entry {
    pub op: &'static Operation,
    pub tool: Tool,
}

/// The tool name of an operation.
pub fn name(op: &Operation) -> String {
    format!("{}_{}", op.resource, op.action)
}

/// The tools offered, in the table's order. A name in `--allow`, `--resources` or `--tools`
/// that matches nothing is an error: a typo must not quietly offer fewer tools.
pub fn select(s: &Selection) -> Result<Vec<Entry>, Failure> {
    let mut allowed = vec![Permission::Read];
    for p in &s.allow {
        allowed.push(match p.trim() {
            "write" => Permission::Write,
            "send" => Permission::Send,
            "read" => Permission::Read,
            other => return Err(Failure::usage(format!("--allow {other}: the permissions are read, write and send"))),
        });
    }
    unknown("--resources", &s.resources, |r| OPERATIONS.iter().any(|op| op.resource == r))?;
    unknown("--tools", &s.tools, |t| OPERATIONS.iter().any(|op| name(op) == t))?;
    let keep = |op: &&Operation| {
        allowed.contains(&op.permission)
            && (s.resources.is_empty() || s.resources.iter().any(|r| r == op.resource))
            && (s.tools.is_empty() || s.tools.iter().any(|t| *t == name(op)))
    };
    Ok(OPERATIONS.iter().filter(keep).map(|op| Entry { op, tool: tool(op, s.max_items) }).collect())
}

fn unknown(flag: &str, given: &[String], exists: impl Fn(&str) -> bool) -> Result<(), Failure> {
    match given.iter().find(|g| !exists(g)) {
        Some(g) => Err(Failure::usage(format!("{flag} {g}: no such name (blinksale mcp --list --allow write,send shows them all)"))),
        None => Ok(()),
    }
}

/// One operation as a tool.
pub fn tool(op: &'static Operation, max_items: u64) -> Tool {
    let mut schema = blinksale::json_schema::operation_input(op);
    if op.paginated() {
        schema["properties"]["all"] = json!({
            "type": "boolean",
            "description": format!("Every page from `page` on, up to {max_items} items (the server's limit on this tool); `truncated` says if more were left."),
        });
    }
    let schema = schema.as_object().cloned().unwrap_or_default();
    Tool::new(name(op), description(op), schema).with_annotations(annotations(op))
}

fn description(op: &Operation) -> String {
    let mut text = format!("{} (`{} {}`). Needs the `{}` permission.", op.summary, op.method.as_str(), op.path, op.permission.as_str());
    if let Some(note) = op.note {
        text.push(' ');
        text.push_str(note);
    }
    if op.source == Source::Inferred {
        text.push_str(" Inferred: the API's docs name this operation without detailing it.");
    }
    text
}

fn annotations(op: &Operation) -> ToolAnnotations {
    let read = op.permission == Permission::Read;
    let mut a = ToolAnnotations::with_title(op.summary).read_only(read).open_world(true);
    if !read {
        a = a.destructive(op.method == blinksale::Method::Delete).idempotent(op.method.idempotent());
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Entry> {
        select(&Selection { allow: vec!["write".into(), "send".into()], max_items: 500, ..Selection::default() }).expect("valid")
    }

    fn find(entries: &[Entry], name: &str) -> serde_json::Value {
        serde_json::to_value(&entries.iter().find(|e| e.tool.name == name).expect(name).tool).expect("serializes")
    }

    #[test]
    fn one_tool_per_operation_named_resource_action() {
        let entries = all();
        assert_eq!(entries.len(), OPERATIONS.len());
        let names: std::collections::BTreeSet<String> = entries.iter().map(|e| e.tool.name.to_string()).collect();
        assert_eq!(names.len(), OPERATIONS.len(), "names are unique");
        assert!(names.contains("invoices_apply_payment") && names.contains("recurring_invoices_update_status"));
    }

    #[test]
    fn by_default_only_reads_and_the_narrowing_flags_apply() {
        let reads = select(&Selection::default()).expect("valid");
        assert!(!reads.is_empty() && reads.iter().all(|e| e.op.permission == Permission::Read));
        let narrowed = select(&Selection { allow: vec!["send".into()], resources: vec!["invoices".into()], ..Selection::default() }).expect("valid");
        let names: Vec<String> = narrowed.iter().map(|e| e.tool.name.to_string()).collect();
        assert_eq!(names, ["invoices_list", "invoices_get", "invoices_send"]);
        assert!(select(&Selection { resources: vec!["invoice".into()], ..Selection::default() }).is_err());
        assert!(select(&Selection { tools: vec!["invoices_lits".into()], ..Selection::default() }).is_err());
        assert!(select(&Selection { allow: vec!["admin".into()], ..Selection::default() }).is_err());
    }

    #[test]
    fn schemas_require_the_path_ids_and_lists_take_paging_and_all() {
        let entries = all();
        let get = find(&entries, "contacts_get");
        assert_eq!(get["inputSchema"]["required"], serde_json::json!(["clientId", "contactId"]));
        let list = find(&entries, "invoices_list");
        for p in ["page", "per_page", "all", "status", "client_id"] {
            assert!(list["inputSchema"]["properties"].get(p).is_some(), "{p}");
        }
        assert!(list["description"].as_str().unwrap_or("").contains("`read` permission"));
        let create = find(&entries, "clients_create");
        assert!(create["inputSchema"]["properties"]["email"].is_object());
        let status = find(&entries, "recurring_invoices_update_status");
        assert!(status["inputSchema"]["properties"]["status"]["enum"].as_array().is_some_and(|v| !v.is_empty()));
    }

    #[test]
    fn annotations_follow_the_method() {
        let entries = all();
        let hints = |name: &str| {
            let a = find(&entries, name)["annotations"].clone();
            (a["readOnlyHint"].as_bool(), a["destructiveHint"].as_bool(), a["idempotentHint"].as_bool(), a["openWorldHint"].as_bool())
        };
        assert_eq!(hints("invoices_list"), (Some(true), None, None, Some(true)));
        assert_eq!(hints("invoices_delete"), (Some(false), Some(true), Some(true), Some(true)));
        assert_eq!(hints("invoices_update"), (Some(false), Some(false), Some(true), Some(true)));
        assert_eq!(hints("invoices_send"), (Some(false), Some(false), Some(false), Some(true)));
    }
}
