//! The reference vectors: ~4,000 names labelled by the official SCS checker
//! (`flavor_names.py` at standards commit 077174d9) under each of its five strategies,
//! from `../shared/vectors/reference-labels.jsonl` (see its README). For every name and
//! strategy we must agree on the outcome, the canonical, short and v1 forms and the spec —
//! but for the deliberate deviations D1–D3 of REFERENCE.md, which are counted and checked to
//! be what they claim.

use std::collections::BTreeMap;
use std::path::PathBuf;

use scs_flavor::{ErrorKind, Outcome, Strategy};
use serde_json::Value;

fn vectors_path() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.join("../../shared/vectors/reference-labels.jsonl")
}

/// D1: the name holds a number this library bounds, or a RAM decimal the checker only
/// accepts because its float rounds to a half.
fn is_d1(name: &str, kind: ErrorKind) -> bool {
    match kind {
        ErrorKind::TooLarge { .. } => true,
        ErrorKind::RamNotHalf => {
            // The checker reads RAM with float(): find the RAM text and see whether the float
            // is a multiple of 0.5 although the decimal is not.
            let body = &name[4..];
            let sep = body.find(['-', ':']).unwrap_or(0);
            let ram: String = body[sep + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            ram.parse::<f64>().is_ok_and(|x| (x * 2.0).fract() == 0.0)
        }
        _ => false,
    }
}

fn spec_map(f: &scs_flavor::Flavor) -> Option<BTreeMap<String, Value>> {
    let spec = f.spec().ok()?;
    Some(
        spec.map(|(k, v)| {
            let v = match v {
                scs_flavor::SpecValue::Int(n) => Value::from(n),
                scs_flavor::SpecValue::Float(x) => Value::from(x),
                scs_flavor::SpecValue::Null => Value::Null,
                scs_flavor::SpecValue::Str(s) => Value::from(s),
                scs_flavor::SpecValue::Name(n) => Value::from(n.to_string()),
            };
            (k.to_string(), v)
        })
        .collect(),
    )
}

#[test]
fn agrees_with_the_official_checker() {
    let text = std::fs::read_to_string(vectors_path()).expect("shared vectors beside the checkout");
    let mut failures = Vec::new();
    let (mut checked, mut d1, mut d2, mut d3) = (0, 0, 0, 0);
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).expect("a JSON line");
        let name = row["name"].as_str().expect("name");
        for &strategy in Strategy::ALL {
            checked += 1;
            let label = &row[strategy.code()];
            let ours = strategy.check(name);
            let mut fail = |what: String| failures.push(format!("{strategy} {name:?}: {what}"));
            if label["ok"] == Value::Bool(true) {
                match ours {
                    Outcome::Valid(p) => {
                        let f = p.flavor();
                        if label["tolerated"].as_bool() != Some(p.is_tolerated()) {
                            fail(format!(
                                "tolerated {} vs {}",
                                p.is_tolerated(),
                                label["tolerated"]
                            ));
                        }
                        for (key, ours) in [
                            ("canonical", f.to_string()),
                            ("short", f.short().to_string()),
                            ("v1", f.v1().to_string()),
                        ] {
                            if label[key].as_str() != Some(ours.as_str()) {
                                fail(format!("{key} {ours:?} vs {}", label[key]));
                            }
                        }
                        let theirs = &label["extra_specs"];
                        match spec_map(&f) {
                            None if theirs.is_null() => d3 += 1,
                            None => fail("we refused the spec".into()),
                            Some(_) if theirs.is_null() => {
                                fail("we derived a spec for an unbounded one".into())
                            }
                            Some(ours) => {
                                let theirs: BTreeMap<String, Value> =
                                    serde_json::from_value(theirs.clone()).expect("a mapping");
                                if ours != theirs {
                                    fail(format!("spec {ours:?} vs {theirs:?}"));
                                }
                            }
                        }
                    }
                    Outcome::Invalid(e) if is_d1(name, e.kind()) => d1 += 1,
                    other => fail(format!("checker: valid; we: {other:?}")),
                }
            } else if label["not_scs"] == Value::Bool(true) {
                if ours != Outcome::NotScs {
                    fail(format!("checker: not SCS; we: {ours:?}"));
                }
            } else {
                match ours {
                    Outcome::Invalid(_) => {}
                    Outcome::Valid(p) if p.warnings().contains("rejected-by-official-checker") => {
                        d2 += 1
                    }
                    other => fail(format!("checker: {}; we: {other:?}", label["error"])),
                }
            }
        }
    }
    eprintln!("{checked} checks; deviations: D1 {d1}, D2 {d2}, D3 {d3}");
    assert!(checked > 15_000, "the vector file looks truncated");
    assert!(
        failures.is_empty(),
        "{} disagreements with the official checker, e.g.:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
