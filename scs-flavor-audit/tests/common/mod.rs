//! What the audit crate's tests share: the fixture clouds in tests/data, read by the crate's one
//! flavor-list reader.

use std::path::PathBuf;

use scs_flavor_audit::{parse_flavors, CloudFlavor};

/// The path of the fixture `name` (relative to tests/data).
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The flavors of the fixture `name`; panics (naming it) if it cannot be read.
pub fn load(name: &str) -> Vec<CloudFlavor> {
    let text = std::fs::read_to_string(data(name)).expect("fixture");
    parse_flavors(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}
