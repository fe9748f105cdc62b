//! The command tree: global options and the built-in commands are clap derives; one
//! subcommand per operation is built from the core's operation table, so a new operation
//! appears here without CLI code.
use std::path::PathBuf;

use blinksale::ops::{OPERATIONS, Operation, Source};
use blinksale::schema::{ModelDesc, TypeDesc};
use clap::{Arg, ArgAction, ArgMatches, Args, Command, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::exit::EXIT_CODES_HELP;

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// JSON (the default when piped): a list is one array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A header from the model's fields (nested objects as `a.b`, lists as JSON), one row per item.
    Csv,
}

/// Options every command takes.
#[derive(Parser, Debug)]
#[command(
    name = "blinksale",
    version,
    about = "The Blinksale API from the shell: every operation, CSV/JSON export, a local mock.",
    long_about = "The Blinksale API from the shell: every operation, CSV/JSON export, a local mock.\n\n\
        The token is read from --token-file, the BLINKSALE_API_TOKEN environment variable, the file named by \
        BLINKSALE_API_TOKEN_FILE, or else the profile `blinksale auth login` stored (--profile, BLINKSALE_PROFILE, \
        else `default`); a token file is read again when it changes. \
        There is deliberately no --token option: a token on the command line shows in `ps` and in \
        the shell's history. With BLINKSALE_RATE_LIMIT_STORE=redis://…, commands share the \
        token's rate limit with every other process using it.",
    after_help = EXIT_CODES_HELP,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Global {
    /// Output format [default: table on a terminal, json when piped].
    #[arg(short, long, global = true, value_enum)]
    pub output: Option<Format>,
    /// Read the API token from this file, again whenever it changes (else BLINKSALE_API_TOKEN,
    /// then BLINKSALE_API_TOKEN_FILE). There is no --token option: it would show in `ps` and in
    /// shell history.
    #[arg(long, global = true, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Use this profile's token and base URL (else BLINKSALE_PROFILE, else `default`); see `auth`.
    /// BLINKSALE_API_TOKEN, when set, still wins.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// The API's base URL (else BLINKSALE_BASE_URL, else the profile's, else https://app.blinksale.com/api/v1).
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Seconds to wait for each response.
    #[arg(long, global = true, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Retries after a network error, a 429 or a 5xx (writes are never retried once sent).
    #[arg(long, global = true, value_name = "N")]
    pub max_retries: Option<u32>,
    /// Log each request on stderr (-v), with retries and waits (-vv).
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
}

// The commands that are not API operations.
#[derive(Subcommand, Debug)]
pub enum Builtin {
    /// Send any request (the escape hatch): `blinksale request GET /clients --query search=acme`.
    Request {
        /// GET, POST, PUT, PATCH or DELETE.
        method: String,
        /// The path below the base URL (`/invoices/123/send`).
        path: String,
        /// A query parameter, `key=value` (repeatable).
        #[arg(short, long = "query", value_name = "KEY=VALUE")]
        query: Vec<String>,
        #[command(flatten)]
        body: BodyArgs,
    },
    /// Run the local mock API (the one the SDK's tests use) and print its URL and token.
    Mock {
        /// Port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 4010)]
        port: u16,
        /// Add N clients and N invoices to the demo data.
        #[arg(long, default_value_t = 0)]
        seed: usize,
        /// Requests per window and token; 0 turns rate limiting off.
        #[arg(long, default_value_t = 120)]
        rate_limit: u32,
        /// The rate-limit window, in seconds.
        #[arg(long, default_value_t = 60)]
        window: u64,
        /// Accept this token, `VALUE[:read,write,send]` (repeatable; default demo-token).
        #[arg(long = "accept-token", value_name = "VALUE[:PERMS]")]
        tokens: Vec<String>,
        /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate from a CA made at start; its PEM
        /// file is printed, to trust as BLINKSALE_CA_BUNDLE.
        #[arg(long)]
        tls: bool,
    },
    /// Log in and out: tokens kept in the OS credential store, one profile per integration.
    Auth {
        #[command(subcommand)]
        action: AuthAction,
    },
    /// Serve the API's operations as tools for AI assistants (the Model Context Protocol, on
    /// stdin and stdout). Only the read tools unless --allow adds more.
    Mcp {
        /// Also offer the tools needing these permissions: write, send (comma-separated).
        #[arg(long, value_delimiter = ',', value_name = "PERMS")]
        allow: Vec<String>,
        /// Only these resources' tools (`invoices,clients`).
        #[arg(long, value_delimiter = ',', value_name = "NAMES")]
        resources: Vec<String>,
        /// Only these tools (`invoices_list,invoices_get`).
        #[arg(long, value_delimiter = ',', value_name = "NAMES")]
        tools: Vec<String>,
        /// Print the tools that would be offered and the permission each needs, then exit.
        #[arg(long)]
        list: bool,
        /// The most items a list tool returns with `all`.
        #[arg(long, default_value_t = 500, value_name = "N")]
        max_items: u64,
    },
    /// Print a shell completion script: `blinksale completions bash > /etc/bash_completion.d/blinksale`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

/// `blinksale auth …`, in the conventions of `gh auth`.
#[derive(Subcommand, Debug)]
pub enum AuthAction {
    /// Store a token for a profile (--profile, else `default`): read from a hidden prompt, or
    /// from stdin when it is not a terminal (never from the command line), checked with one read
    /// request, and kept in the OS credential store (the macOS Keychain, the Windows Credential
    /// Manager, the Secret Service on Linux). --base-url is kept in the profile.
    Login {
        /// Keep the token in a file readable by you only (mode 0600) in the config directory,
        /// for machines without a credential store.
        #[arg(long)]
        insecure_storage: bool,
        /// Caught only to refuse it: a token on the command line shows in `ps` and in history.
        #[arg(hide = true)]
        argv_token: Option<String>,
    },
    /// List the profiles and the environment's token: where each token is, masked to its last
    /// four characters, and whether it works (one read request each: ok, 401 or unreachable).
    Status,
    /// Delete a profile and its stored token (--profile, else `default`).
    Logout,
    /// Print the active token, for scripts: `curl -H "Authorization: Bearer $(blinksale auth token)" …`.
    Token,
}

// A request body: `--data` and/or `--field`.
#[derive(Args, Debug, Default)]
pub struct BodyArgs {
    /// The body as JSON, `@file.json`, or `-` for stdin.
    #[arg(short, long, value_name = "JSON|@FILE|-")]
    pub data: Option<String>,
    /// One field, `key=value` (typed by the model: numbers, true/false) or `key:=json`
    /// (repeatable; wins over --data).
    #[arg(short, long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
}

/// The full command tree.
pub fn command() -> Command {
    let mut cmd = Builtin::augment_subcommands(Global::command());
    for resource in resources() {
        cmd = cmd.subcommand(resource_command(resource));
    }
    cmd
}

/// The resources, in the table's order.
fn resources() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for op in OPERATIONS {
        if !out.contains(&op.resource) {
            out.push(op.resource);
        }
    }
    out
}

/// `recurring_invoices` → `recurring-invoices`.
pub fn kebab(s: &str) -> String {
    s.replace('_', "-")
}

/// `recurringInvoiceId` → `recurring-invoice`: the flag that names a parent's id.
fn id_flag(param: &str) -> String {
    let base = param.strip_suffix("Id").unwrap_or(param);
    let mut out = String::new();
    for c in base.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// How one path id is given: positionally when it is the resource's own (it follows the
/// resource's collection in the path), else as `--<parent>` (`contacts list --client ID`).
pub struct IdArg {
    /// The spec's name (`clientId`).
    pub param: &'static str,
    /// The argument's id in the matches.
    pub key: String,
    /// Whether it is a positional.
    pub positional: bool,
}

/// The id arguments of an operation, in path order.
pub fn id_args(op: &Operation) -> Vec<IdArg> {
    let collection = kebab(op.resource);
    let segments: Vec<&str> = op.path.split('/').filter(|s| !s.is_empty()).collect();
    let mut out = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        let Some(param) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else { continue };
        let positional = i > 0 && segments[i - 1] == collection;
        out.push(IdArg { param, key: if positional { "id".into() } else { id_flag(param) }, positional });
    }
    out
}

/// The body field given positionally, for bodies of exactly one field
/// (`recurring-invoices update-status ID PAUSED`).
pub fn positional_field(model: &ModelDesc) -> Option<&'static str> {
    (model.fields.len() == 1).then(|| model.fields[0].name)
}

fn resource_command(resource: &'static str) -> Command {
    let ops: Vec<&'static Operation> = OPERATIONS.iter().filter(|o| o.resource == resource).collect();
    let mut cmd = Command::new(kebab(resource))
        .about(format!("{} ({})", title(resource), ops.iter().map(|o| kebab(o.action)).collect::<Vec<_>>().join(", ")))
        .subcommand_required(true)
        .arg_required_else_help(true);
    for op in ops {
        cmd = cmd.subcommand(operation_command(op));
    }
    cmd
}

fn title(resource: &str) -> String {
    let words = resource.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

fn operation_command(op: &'static Operation) -> Command {
    let inferred = match op.source {
        Source::Documented => "",
        Source::Inferred => "\n\nThe public docs name this operation without a page; its method, path and body follow the docs' conventions.",
    };
    let long = format!("{}.\n\n{} {} (needs the `{}` permission).{inferred}", op.summary, op.method.as_str(), op.path, op.permission);
    let mut cmd = Command::new(kebab(op.action)).about(op.summary.to_string()).long_about(long);
    for id in id_args(op) {
        let arg = if id.positional {
            Arg::new("id").value_name("ID").required(true).help(format!("The {} (`{}`)", singular(op.resource), id.param))
        } else {
            Arg::new(id.key.clone()).long(id.key.clone()).value_name("ID").required(true).help(format!(
                "The {} the {} belong to",
                id.key,
                kebab(op.resource)
            ))
        };
        cmd = cmd.arg(arg);
    }
    if let Some(describe) = op.input {
        let model = describe();
        if let Some(field) = positional_field(&model) {
            cmd = cmd.arg(Arg::new("positional_field").value_name(field.to_uppercase()).help(field_help(&model.fields[0].ty, field)));
        }
        cmd = BodyArgs::augment_args(cmd);
        cmd = cmd.after_help(format!("Fields of the {} body: {}", model.name, field_list(&model)));
    }
    if op.paginated() {
        cmd = cmd
            .arg(Arg::new("page").long("page").value_name("N").value_parser(clap::value_parser!(u64)).help("The page to fetch (from 1)"))
            .arg(Arg::new("per_page").long("per-page").value_name("N").value_parser(clap::value_parser!(u64)).help("Items per page"))
            .arg(
                Arg::new("all")
                    .long("all")
                    .action(ArgAction::SetTrue)
                    .conflicts_with("page")
                    .help("Every page, streamed as it arrives, with progress on stderr"),
            )
            .arg(Arg::new("limit").long("limit").value_name("N").value_parser(clap::value_parser!(u64)).help("Stop after N items (pages as needed)"))
            .arg(
                Arg::new("param")
                    .short('p')
                    .long("param")
                    .value_name("KEY=VALUE")
                    .action(ArgAction::Append)
                    .help("Any other query parameter (repeatable)"),
            );
        for filter in op.filters {
            cmd = cmd.arg(
                Arg::new(format!("filter:{filter}")).long(kebab(filter)).value_name("VALUE").help(format!("Only items whose {filter} is VALUE")),
            );
        }
    }
    cmd
}

fn singular(resource: &str) -> String {
    let r = resource.replace('_', " ");
    r.strip_suffix("es").filter(|s| s.ends_with('x')).map(str::to_string).or_else(|| r.strip_suffix('s').map(str::to_string)).unwrap_or(r)
}

fn field_help(ty: &TypeDesc, field: &str) -> String {
    match ty {
        TypeDesc::Enum { values, .. } => format!("The new {field} (known values: {})", values.join(", ")),
        _ => format!("The {field}"),
    }
}

fn field_list(model: &ModelDesc) -> String {
    model.fields.iter().map(|f| if f.optional() { f.name.to_string() } else { format!("{} (required)", f.name) }).collect::<Vec<_>>().join(", ")
}

/// Reads the global options from the matches of the full tree.
pub fn global(matches: &ArgMatches) -> Result<Global, clap::Error> {
    Global::from_arg_matches(matches)
}

/// The operation a resource command and its action name.
pub fn find_op(resource: &str, action: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| kebab(o.resource) == resource && kebab(o.action) == action)
}
