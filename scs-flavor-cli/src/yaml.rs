//! The spec as the checker prints it: `yaml.dump(spec, explicit_start=True)`, keys sorted.
//!
//! Every key and value is an integer, a float, null or a word from a small alphabet (letters,
//! digits, `-`, `:`, `.`), which YAML writes plainly; so the document is written by hand.

use scs_flavor::{Spec, SpecValue};

/// The YAML document of a spec, starting with `---` and ending with a newline.
pub fn document(spec: Spec) -> String {
    let mut entries: Vec<(String, String)> = spec
        .map(|(key, value)| {
            let value = match value {
                SpecValue::Float(x) => format!("{x:?}"),
                other => other.to_string(),
            };
            (key.to_string(), value)
        })
        .collect();
    entries.sort();
    let mut out = String::from("---\n");
    for (key, value) in entries {
        out.push_str(&key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    }
    out
}
