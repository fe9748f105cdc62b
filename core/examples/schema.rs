//! Prints the core's models and operations as JSON, for the bindings' generators
//! (`tools/generate_bindings.py`).
fn main() {
    println!("{}", serde_json::to_string_pretty(&blinksale::schema::to_json()).unwrap_or_default());
}
