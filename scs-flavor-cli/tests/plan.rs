//! `scs-flavor plan`: formats, exit codes, the `--long` hint.

mod common;
use common::{fixture, run};

#[test]
fn a_compliant_cloud_plans_nothing() {
    let (code, out, err) = run(&["plan", "-o", "json", &fixture("compliant.json")], "");
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v, serde_json::json!({"changes": []}));
    let (code, out, _) = run(&["plan", &fixture("compliant.json")], "");
    assert_eq!((code, out.as_str()), (0, "nothing to do\n"));
}

#[test]
fn a_list_without_properties_is_refused_with_a_hint() {
    let (code, out, err) = run(&["plan", &fixture("plan/no-long.json")], "");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("did you forget `--long`"), "{err}");
}

#[test]
fn the_openstack_script_reads_standard_input() {
    let text = std::fs::read_to_string(fixture("missing-mandatory.json")).expect("fixture");
    let (code, out, _) = run(&["plan", "-o", "openstack", "-"], &text);
    assert_eq!(code, 0);
    assert!(out.starts_with("#!/bin/sh\nset -e\n"), "{out}");
    assert!(out.contains("openstack flavor create "), "{out}");
}

#[test]
fn the_osism_file_is_yaml_with_the_standard_tables() {
    let (code, out, _) = run(&["plan", "-o", "osism", "-"], "");
    assert_eq!(code, 0);
    let docs = yaml_rust2::YamlLoader::load_from_str(&out).expect("yaml");
    let doc = &docs[0];
    assert_eq!(doc["mandatory"].as_vec().map(Vec::len), Some(15));
    assert_eq!(doc["recommended"].as_vec().map(Vec::len), Some(16));
    let first = &doc["mandatory"][0];
    assert_eq!(first["name"].as_str(), Some("SCS-1V-4"));
    assert_eq!(first["ram"].as_i64(), Some(4096));
    assert_eq!(first["scs:cpu-type"].as_str(), Some("shared-core"));
}
