// Present so cargo resolves the build-dependencies (their features unify the host crates).
fn main() {}
