//! `scs-flavor lint`: exit codes, --strict, --version, stdin with --format, the three outputs.

use std::path::PathBuf;

mod common;
use common::run;

fn data(dir: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../scs-flavor-lint/tests/data")
        .join(dir)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn exit_status_and_strict() {
    // Mandatory, recommended and not-scs references only: 0, and 1 with --strict.
    let (code, out, err) = run(&["lint", &data("terraform-json")], "");
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        err,
        "3 flavor references: 1 mandatory, 1 recommended, 0 non-standard, 0 invalid, \
         1 not-scs, 0 unresolved\n"
    );
    assert_eq!(out.lines().filter(|l| l.contains(".tf.json:")).count(), 3);
    let (code, _, _) = run(&["lint", "--strict", &data("terraform-json")], "");
    assert_eq!(code, 1);
    // An invalid name: 1 without --strict.
    let (code, out, _) = run(&["lint", &data("terraform")], "");
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "main.tf:42:20: error: invalid SCS flavor name `SCS-2V-4_i7`: CPU generation 7"
        ),
        "{out}"
    );
    // Unreadable input: 2, and the other files are still linted.
    let (code, out, _) = run(&["lint", &data("broken"), &data("helm")], "");
    assert_eq!(code, 2);
    assert!(out.lines().next().is_some_and(|l| l.ends_with("broken.yaml:4:1: error: not valid YAML: while parsing a flow sequence, expected ',' or ']'")), "{out}");
    assert_eq!(out.matches("values.yaml:").count(), 5);
}

#[test]
fn stdin_needs_a_format() {
    let tf =
        "resource \"openstack_compute_instance_v2\" \"a\" {\n  flavor_name = \"SCS-2V-4-20s\"\n}\n";
    let (code, out, err) = run(&["lint", "-o", "json", "--format", "tf", "-"], tf);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "{\"file\":\"-\",\"line\":2,\"column\":18,\"name\":\"SCS-2V-4-20s\",\"status\":\"mandatory\",\
         \"level\":\"note\",\"message\":\"`SCS-2V-4-20s` is a mandatory scs-0103 standard flavor: \
         every SCS-compatible cloud offers it\"}\n"
    );
    let (code, _, err) = run(&["lint", "-"], tf);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "scs-flavor lint: `-` needs --format tf, yaml or json\n"
    );
    let (code, out, _) = run(&["lint", "-o", "json", "--format", "yaml", "-"], "a: [\n");
    assert_eq!(code, 2);
    assert!(
        out.starts_with("{\"file\":\"-\",\"line\":2,\"column\":1,\"level\":\"error\""),
        "{out}"
    );
    let (code, out, _) = run(&["lint", "--format", "json", "-"], "\0binary");
    assert_eq!(code, 2);
    assert_eq!(out, "-:1:1: error: binary file (a NUL byte at byte 0)\n");
}

#[test]
fn strategy_v3_makes_v1_names_invalid() {
    let tf = "variable \"db_flavor\" {\n  default = \"SCS-2V:8\"\n}\n";
    let (code, out, _) = run(&["lint", "--format", "tf", "-"], tf);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("-:2:14: warning: `SCS-2V:8` names the mandatory"),
        "{out}"
    );
    let (code, out, _) = run(&["lint", "--version", "v3", "--format", "tf", "-"], tf);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("-:2:14: error: invalid SCS flavor name `SCS-2V:8`"),
        "{out}"
    );
    assert!(out.contains("    suggestion: SCS-2V-8\n"), "{out}");
    let (code, _, err) = run(&["lint", "--version", "v4", "x.tf"], "");
    assert_eq!(code, 2);
    assert!(err.contains("v4"), "{err}");
}

#[test]
fn sarif_is_one_log() {
    let (code, out, err) = run(&["lint", "-o", "sarif", &data("heat")], "");
    assert_eq!((code, err.as_str()), (0, ""));
    let log: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let rules: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(rules, ["mandatory", "non-standard", "mandatory"]);
}
