//! The spec as the checker prints it: `yaml.dump(spec, explicit_start=True)`, keys sorted.
//!
//! The spec is the core's serde data (the `spec` of [`Report`]); a YAML library writes it.

use std::collections::BTreeMap;

use scs_flavor::{Report, Strategy};

/// The YAML document of the spec of `name` read with `strategy`, starting with `---` and
/// ending with a newline; `None` where the name has no spec (invalid, not SCS, or refused by
/// deviation D3).
pub fn document(name: &str, strategy: Strategy) -> Option<String> {
    let report = serde_json::to_value(Report::new(name, strategy)).ok()?;
    // Keys sorted as strings, as `yaml.dump` sorts them (`scs:disk10-type` before `scs:disk2-type`).
    let spec: BTreeMap<&String, &serde_json::Value> =
        report.get("spec")?.as_object()?.iter().collect();
    let body = serde_norway::to_string(&spec).ok()?;
    Some(format!("---\n{body}"))
}
