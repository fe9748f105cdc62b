//! Prints the core's catalog and binding contract as JSON, for the bindings' generators
//! (`tools/generate_bindings.py`).
fn main() {
    println!("{}", serde_json::to_string_pretty(&blinksale::binding::schema_json()).unwrap_or_default());
}
