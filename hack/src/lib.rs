//! No code: this crate only enables dependency features (see Cargo.toml).
