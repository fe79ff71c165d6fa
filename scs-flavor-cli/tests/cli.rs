//! The `scs-flavor` command: lines, exit codes, stdin, and the json/yaml/prose outputs.

use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::run;

#[test]
fn checker_lines_and_exit_status() {
    let (code, out, err) = run(
        &[
            "-v",
            "parse",
            "v3",
            "SCS-2V-4-20s",
            "SCS-2V:4",
            "m1.large",
            "SCS-2V-4_i7",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "OK: SCS-2V-4-20s\n\
         this is a v1 name, which strategy v3 does not accept (expected the v2 syntax): SCS-2V:4\n\
         NOT an SCS flavor: m1.large\n\
         CPU generation 7 is not defined for Intel (expected 0-6 or none): SCS-2V-4_i7\n"
    );
    // -v also draws the caret line under each error on stderr.
    assert!(
        err.contains("SCS-2V-4_i7\n         ^^ CPU generation 7"),
        "{err}"
    );
}

/// An unknown extension is named, with the ones that may follow (issue 9).
#[test]
fn unknown_extension_is_named() {
    let (code, out, _) = run(&["parse", "v3", "SCS-2V-4_foo"], "");
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "unknown extension `_foo` after the CPU/RAM part: expected one of `_kvm`, `_xen`, \
         `_vmw`, `_hyv`, `_bms`, `_chy`, `_hwv`, `_i…, z…, a…, r… (CPU brand)`, `_g…, G… (GPU)`, \
         `_ib`, in this order: SCS-2V-4_foo\n"
    );
}

#[test]
fn quiet_without_verbose_and_warnings_on_stderr() {
    let (code, out, err) = run(&["parse", "v3", "SCS-04V-8", "SCS-2V-4"], "");
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "WARNING: not in canonical form: write `SCS-4V-8`: SCS-04V-8\n"
    );
}

#[test]
fn tolerated_v1_warns() {
    let (code, out, err) = run(&["-v", "parse", "v2/v1", "SCS-2V:4:20s"], "");
    assert_eq!((code, out.as_str()), (0, "OK: SCS-2V:4:20s\n"));
    assert!(err.contains("WARNING: v1 syntax is merely tolerated by strategy v2/v1: SCS-2V:4:20s"));
}

#[test]
fn names_from_stdin() {
    let input = "SCS-2V-4\nSCS-2V-4-20s\r\n\nSCS-0V-4\nSCS-2V-3.25\nfoo\n";
    let (code, out, _) = run(&["-v", "parse", "latest", "-"], input);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "OK: SCS-2V-4\nOK: SCS-2V-4-20s\nvCPU count must be positive, not 0: SCS-0V-4\n\
         RAM must be a multiple of 0.5 GiB: SCS-2V-3.25\nNOT an SCS flavor: foo\n"
    );
}

#[test]
fn exit_status_is_capped_at_255() {
    let input = "SCS-0V-4\n".repeat(300);
    let (code, out, _) = run(&["parse", "v3", "-"], &input);
    assert_eq!(code, 255);
    assert_eq!(out.lines().count(), 300);
}

#[test]
fn yaml_output_matches_the_checker() {
    let (code, out, _) = run(
        &["parse", "-o", "yaml", "v3", "SCS-2V-4-20s", "SCS-1L-1"],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "---\ncpus: 2\ndisk: 20\nram: 4.0\nscs:cpu-type: shared-core\nscs:disk0-type: ssd\n\
         scs:name-v1: SCS-2V:4:20s\nscs:name-v2: SCS-2V-4-20s\n\n\
         ---\ncpus: 1\nram: 1.0\nscs:cpu-type: crowded-core\nscs:name-v1: SCS-1L:1\n\
         scs:name-v2: SCS-1L-1\n\n"
    );
}

#[test]
fn yaml_null_disk_and_sorted_disk_keys() {
    let (_, out, _) = run(&["parse", "-o", "yaml", "v3", "SCS-2V-4-12xn"], "");
    assert!(out.contains("\ndisk: null\n"), "{out}");
    // Keys sorted as strings, as yaml.dump does: disk10 before disk2.
    let d10 = out.find("scs:disk10-type").expect("disk10");
    let d2 = out.find("scs:disk2-type").expect("disk2");
    assert!(d10 < d2);
}

#[test]
fn yaml_skips_unbounded_specs_with_a_warning() {
    let (code, out, err) = run(&["parse", "-o", "yaml", "v3", "SCS-2V-4-99999999x10"], "");
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("99999999 disks are unreasonable"), "{err}");
}

#[test]
fn json_lines() {
    let (code, out, err) = run(
        &[
            "parse",
            "-o",
            "json",
            "v3",
            "SCS-2V-4_GNa_ib",
            "SCS-2V-4_i7",
            "m1",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(err, "");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["status"], "valid");
    assert_eq!(lines[0]["name"], "SCS-2V-4_GNa_ib");
    assert_eq!(lines[0]["spec"]["ram"], 4.0);
    assert_eq!(
        lines[0]["warnings"][0]["kind"],
        "rejected-by-official-checker"
    );
    assert_eq!(
        lines[1]["error"],
        serde_json::json!({"kind": "cpu-generation", "start": 9, "end": 11,
            "message": "CPU generation 7 is not defined for Intel (expected 0-6 or none)"})
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"input": "m1", "status": "not-scs"})
    );
}

#[test]
fn prose() {
    let (_, out, _) = run(&["parse", "-o", "prose", "v3", "SCS-2C-4-10n"], "");
    assert_eq!(
        out,
        "2 dedicated cores, 4 GiB ECC RAM, 10 GB network disk\n"
    );
    let (_, out, _) = run(&["-v", "parse", "-o", "prose", "v3", "SCS-1V-0.5"], "");
    assert_eq!(
        out,
        "SCS-1V-0.5: 1 vCPU, 0.5 GiB ECC RAM, no root disk (boot from a volume)\n"
    );
}

#[test]
fn usage_errors() {
    let (code, _, err) = run(&["parse", "v4", "SCS-2V-4"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown strategy"), "{err}");
    let (code, out, _) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("parse"));
}

#[test]
fn the_binary_reads_stdin_and_exits_with_the_count() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scs-flavor"))
        .args(["parse", "v3", "SCS-2V-4", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scs-flavor binary");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"SCS-2V-4-20s\nSCS-2v-4\nSCS-2V-4_kvm_kvm\n")
        .expect("write");
    let out = child.wait_with_output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `v`: SCS-2v-4\n\
         the hypervisor extension is repeated (expected extensions in the order hypervisor, hwv, \
         CPU brand, GPU, ib, each once): SCS-2V-4_kvm_kvm\n"
    );
}

/// A YAML document as JSON, loaded by a YAML parser (yaml-rust2, not the library that writes it).
fn load_yaml(doc: &str) -> serde_json::Value {
    use yaml_rust2::Yaml;
    fn json(y: &Yaml) -> serde_json::Value {
        match y {
            Yaml::Null => serde_json::Value::Null,
            Yaml::Integer(n) => (*n).into(),
            Yaml::Real(r) => r.parse::<f64>().expect("real").into(),
            Yaml::String(s) => s.as_str().into(),
            Yaml::Boolean(b) => (*b).into(),
            Yaml::Hash(h) => serde_json::Value::Object(
                h.iter()
                    .map(|(k, v)| (k.as_str().expect("string key").to_string(), json(v)))
                    .collect(),
            ),
            other => panic!("unexpected YAML {other:?}"),
        }
    }
    let docs = yaml_rust2::YamlLoader::load_from_str(doc).unwrap_or_else(|e| panic!("{e}: {doc}"));
    assert_eq!(docs.len(), 1, "{doc}");
    json(&docs[0])
}

/// Regression (issue 9): a bare disk `-` made `scs:name-v1: SCS-1V:4:`, which no YAML parser
/// loads.
#[test]
fn yaml_quotes_what_needs_quoting() {
    let (code, out, _) = run(&["parse", "-o", "yaml", "v3", "SCS-1V-4-"], "");
    assert_eq!(code, 0);
    assert_eq!(
        load_yaml(&out),
        serde_json::json!({"cpus": 1, "disk": null, "ram": 4.0, "scs:cpu-type": "shared-core",
            "scs:disk0-type": "network", "scs:name-v1": "SCS-1V:4:", "scs:name-v2": "SCS-1V-4-"})
    );
}

/// Deviation D1, decided from the name alone: a number beyond 2^32−1, or a RAM decimal that
/// is not exactly a multiple of 0.5 (or above 2147483647.5) though the checker's float is.
fn is_d1(name: &str) -> bool {
    let runs = name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty());
    let too_large = runs
        .map(|r| r.trim_start_matches('0'))
        .any(|r| r.len() > 10 || (r.len() == 10 && r > "4294967295"));
    let after_cpu = name
        .strip_prefix("SCS-")
        .and_then(|r| r.split_once(['-', ':']))
        .map_or("", |(_, r)| r);
    let ram = &after_cpu[..after_cpu
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(after_cpu.len())];
    let (int, frac) = ram.split_once('.').unwrap_or((ram, ""));
    let frac = frac.trim_end_matches('0');
    let int = int.trim_start_matches('0');
    let inexact = !(frac.is_empty() || frac == "5");
    let ram_too_large = int.len() > 10 || (int.len() == 10 && int > "2147483647");
    too_large || inexact || ram_too_large
}

#[test]
fn yaml_loads_to_the_checkers_mapping_for_every_vector() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/vectors/reference-labels.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("shared vectors beside the checkout");
    let (mut checked, mut d1, mut d3) = (0, 0, 0);
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("json");
        let label = &row["v3"];
        if label["ok"] != true {
            continue;
        }
        let name = row["name"].as_str().expect("name");
        let (code, out, _) = run(&["parse", "-o", "yaml", "v3", name], "");
        if is_d1(name) {
            assert_eq!(code, 1, "{name}: D1 rejects it");
            assert!(out.ends_with(&format!(": {name}\n")), "{out}");
            d1 += 1;
            continue;
        }
        assert_eq!(code, 0, "{name}");
        if label["extra_specs"].is_null() {
            // Deviation D3: no spec beyond 64 disks (a warning says so).
            assert_eq!(out, "", "{name}");
            d3 += 1;
            continue;
        }
        assert!(out.starts_with("---\n") && out.ends_with("\n\n"), "{out}");
        assert_eq!(load_yaml(&out), label["extra_specs"], "{name}");
        checked += 1;
    }
    // Every checker-valid name of the vectors: 1833 load to the checker's mapping, 110 are
    // D1 (a number beyond our bound, or RAM not exactly a half), 29 D3 (more than 64 disks).
    assert_eq!((checked, d1, d3), (1833, 110, 29));
}
