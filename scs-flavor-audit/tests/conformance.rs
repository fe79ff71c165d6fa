//! The cross-language conformance suite, `conformance/cases.jsonl` at the repository root, run
//! through the public Rust API (the Python and JS packages run the same file through theirs).
//!
//! One JSON object a line with an `op` and an `expect`; the expected object is a subset of the
//! actual result (absent keys are not compared; arrays compare element by element and must
//! have the same length; numbers by value). An unknown `op` fails, and so does an empty file.

use scs_flavor::tables::{self, Export};
use scs_flavor::{Builder, Flavor, Outcome, Report, Strategy};
use scs_flavor_audit::{audit, flavors_from_value, plan, select, PlanOptions, Requirements};
use serde_json::{json, Value};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/cases.jsonl");

/// Whether `expected` is a subset of `actual`; the first difference, by path, if not.
fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, v)| match a.get(k) {
            Some(x) => subset(v, x, &format!("{path}.{k}")),
            None => Err(format!("{path}.{k}: missing (expected {v})")),
        }),
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .try_for_each(|(i, (v, x))| subset(v, x, &format!("{path}[{i}]"))),
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, found {a}")),
    }
}

fn text<'a>(case: &'a Value, key: &str) -> Result<&'a str, String> {
    case[key]
        .as_str()
        .ok_or_else(|| format!("`{key}` must be a string"))
}

fn message(e: impl std::fmt::Display) -> Value {
    json!({"error": {"message": e.to_string()}})
}

/// The actual result of one case.
fn run(case: &Value) -> Result<Value, String> {
    let value = |v: Result<Value, serde_json::Error>| v.map_err(|e| e.to_string());
    match text(case, "op")? {
        "check" => {
            let strategy: Strategy = case
                .get("strategy")
                .and_then(Value::as_str)
                .unwrap_or("v3")
                .parse()
                .map_err(|e: scs_flavor::Error| e.to_string())?;
            value(serde_json::to_value(Report::new(
                text(case, "name")?,
                strategy,
            )))
        }
        "build" => Ok(
            match serde_json::from_value::<Builder>(case["properties"].clone()) {
                Err(e) => message(e),
                Ok(b) => match b.build() {
                    Ok(f) => json!({"name": f.to_string()}),
                    Err(e) => json!({ "error": e }),
                },
            },
        ),
        "properties" => {
            let name = text(case, "name")?;
            let f: Flavor = match Strategy::V3.check(name) {
                Outcome::Valid(p) => p.flavor(),
                _ => return Err(format!("{name} is not a valid v3 name")),
            };
            value(serde_json::to_value(Builder::from(f)))
        }
        "lookup" => {
            let id = text(case, "table")?;
            let table = tables::table(id).ok_or_else(|| format!("no table {id}"))?;
            Ok(match table.lookup(text(case, "text")?) {
                Some(entry) => json!({"code": entry.code}),
                None => {
                    let kind = scs_flavor::ErrorKind::Unknown { table };
                    json!({"error": {"kind": kind.code(), "message": kind.to_string()}})
                }
            })
        }
        "tables" => value(serde_json::to_value(Export)),
        "select" => Ok(
            match serde_json::from_value::<Requirements>(case["requirements"].clone()) {
                Err(e) => message(e),
                Ok(req) => {
                    let names = case["names"].as_array().ok_or("`names` must be a list")?;
                    let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
                    serde_json::to_value(select(&req, names)).map_err(|e| e.to_string())?
                }
            },
        ),
        "audit" => Ok(match flavors_from_value(&case["flavors"]) {
            Err(e) => json!({ "error": e }),
            Ok(flavors) => serde_json::to_value(audit(&flavors)).map_err(|e| e.to_string())?,
        }),
        "plan" => Ok(match flavors_from_value(&case["flavors"]) {
            Err(e) => json!({ "error": e }),
            Ok(flavors) => {
                let options: PlanOptions =
                    serde_json::from_value(case["options"].clone()).map_err(|e| e.to_string())?;
                serde_json::to_value(plan(&flavors, options)).map_err(|e| e.to_string())?
            }
        }),
        op => Err(format!("unknown op {op:?}")),
    }
}

#[test]
fn every_case_holds() {
    let text = std::fs::read_to_string(CASES).expect("conformance/cases.jsonl");
    let mut count = 0;
    let mut failures = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        count += 1;
        let outcome = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("not JSON: {e}"))
            .and_then(|case| {
                let actual = run(&case)?;
                subset(&case["expect"], &actual, "expect")
            });
        if let Err(e) = outcome {
            failures.push(format!("line {}: {e}", i + 1));
        }
    }
    assert!(count > 0, "no cases in {CASES}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The runner itself: subset matching, and failure on unknown ops.
#[test]
fn the_runner_fails_where_it_must() {
    assert!(run(&json!({"op": "frobnicate"})).is_err());
    assert!(subset(&json!({"a": 4}), &json!({"a": 4.0, "b": 1}), "").is_ok());
    assert!(subset(&json!({"a": [1]}), &json!({"a": [1, 2]}), "").is_err());
    assert!(subset(&json!({"a": "x"}), &json!({}), "").is_err());
    assert!(subset(&json!([{"a": 1}]), &json!([{"a": 1, "b": 2}]), "").is_ok());
}
