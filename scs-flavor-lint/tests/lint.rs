//! The fixtures under tests/data, each finding pinned by hand (file, line, column, status,
//! level); the three outputs; bad input.

use std::path::{Path, PathBuf};

use scs_flavor::Strategy;
use scs_flavor_audit::{ReferenceStatus, Severity};
use scs_flavor_lint::{lint_paths, lint_sources, output, Format, Options, Report, Source};

use ReferenceStatus::*;
use Severity::{Error as E, Note as I, Warning as W};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn lint(dir: &str) -> Report {
    lint_paths(&[data().join(dir)], Options::default())
}

/// (file below tests/data, line, column, status, level) of every finding.
fn pins(report: &Report) -> Vec<(String, usize, usize, ReferenceStatus, Severity)> {
    let base = data();
    report
        .findings
        .iter()
        .map(|f| {
            let file = Path::new(&f.file)
                .strip_prefix(&base)
                .map_or(f.file.clone(), |p| p.to_string_lossy().replace('\\', "/"));
            (file, f.line, f.column, f.lint.status, f.lint.level)
        })
        .collect()
}

fn pin(
    file: &str,
    line: usize,
    column: usize,
    status: ReferenceStatus,
    level: Severity,
) -> (String, usize, usize, ReferenceStatus, Severity) {
    (file.to_string(), line, column, status, level)
}

#[test]
fn terraform_module_with_variables_and_tfvars() {
    let r = lint("terraform");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(
        pins(&r),
        [
            // data "openstack_compute_flavor_v2" name
            pin("terraform/main.tf", 11, 11, NonStandard, W),
            // a literal flavor_name
            pin("terraform/main.tf", 23, 18, Mandatory, I),
            // "${var.gpu_flavor}": a variable without default or tfvars value
            pin("terraform/main.tf", 33, 17, Unresolved, I),
            // a conditional: unresolved, and its `SCS-` literal still checked
            pin("terraform/main.tf", 38, 17, Unresolved, I),
            pin("terraform/main.tf", 38, 28, Recommended, W),
            // local.worker_flavor followed to the locals block
            pin("terraform/main.tf", 42, 20, Invalid, E),
            // var.web_flavor followed to the tfvars value and the default
            pin("terraform/terraform.tfvars", 1, 15, Mandatory, I),
            pin("terraform/variables.tf", 4, 18, Mandatory, I),
            // a v1 name in a variable whose name says flavor
            pin("terraform/variables.tf", 17, 14, Mandatory, W),
        ]
    );
    let f = &r.findings;
    assert_eq!(f[0].lint.suggestion.as_deref(), Some("SCS-4V-16-100s"));
    // The caret under the bad part of the invalid name: `i7` at characters 26..28.
    assert_eq!(f[5].source_line, "  worker_flavor = \"SCS-2V-4_i7\"");
    assert_eq!(f[5].mark, (28, 2));
    assert_eq!(f[8].lint.suggestion.as_deref(), Some("SCS-2V-8"));
    assert_eq!(f[2].lint.name, "\"${var.gpu_flavor}\"");
    assert_eq!(r.exit_code(false), 1);
}

#[test]
fn terraform_json() {
    let r = lint("terraform-json");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(
        pins(&r),
        [
            // "${var.node_flavor}" followed to the variable's default
            pin("terraform-json/main.tf.json", 4, 19, Mandatory, I),
            pin("terraform-json/main.tf.json", 15, 25, Recommended, W),
            pin("terraform-json/main.tf.json", 22, 18, NotScs, W),
        ]
    );
    assert_eq!(
        r.findings[1].lint.suggestion.as_deref(),
        Some("SCS-2V-4-20s")
    );
    assert_eq!((r.exit_code(false), r.exit_code(true)), (0, 1));
}

#[test]
fn heat_stack() {
    let r = lint("heat");
    assert_eq!(
        pins(&r),
        [
            // get_param: app_flavor followed to the parameter's default
            pin("heat/stack.yaml", 7, 14, Mandatory, I),
            // a parameter with the nova.flavor constraint, used by no server
            pin("heat/stack.yaml", 12, 14, NonStandard, W),
            pin("heat/stack.yaml", 28, 16, Mandatory, W),
        ]
    );
    assert_eq!(r.findings[2].lint.suggestion.as_deref(), Some("SCS-2V-8"));
    assert!(r.findings[2]
        .lint
        .warnings
        .contains(&"non-canonical".to_string()));
}

#[test]
fn cluster_api_with_two_machine_templates() {
    let r = lint("capi");
    assert_eq!(
        pins(&r),
        [
            pin("capi/cluster.yaml", 17, 15, Mandatory, I),
            // a label whose key says flavor
            pin("capi/cluster.yaml", 27, 14, Invalid, E),
            // single-quoted: the column of the name, inside the quotes
            pin("capi/cluster.yaml", 31, 16, Mandatory, I),
        ]
    );
    // `:100` is the bad part: characters 9..13 of the name, from column 14.
    assert_eq!(r.findings[1].mark, (13 + 9, 4));
}

#[test]
fn helm_values() {
    let r = lint("helm");
    assert_eq!(
        pins(&r),
        [
            pin("helm/values.yaml", 3, 21, Mandatory, I),
            pin("helm/values.yaml", 4, 15, Recommended, W),
            // flavor: {name: …}
            pin("helm/values.yaml", 8, 11, Mandatory, I),
            // a Helm template is not followed
            pin("helm/values.yaml", 12, 14, Unresolved, I),
            pin("helm/values.yaml", 15, 13, Mandatory, I),
        ]
    );
}

#[test]
fn ansible_play() {
    let r = lint("ansible");
    assert_eq!(
        pins(&r),
        [
            // "{{ server_size }}" followed to the play's vars
            pin("ansible/play.yml", 4, 18, Mandatory, I),
            pin("ansible/play.yml", 15, 17, NotScs, W),
            pin("ansible/play.yml", 19, 18, Unresolved, I),
        ]
    );
}

#[test]
fn broken_yaml_is_one_error_and_the_others_are_linted() {
    let r = lint_paths(
        &[data().join("broken"), data().join("helm")],
        Options::default(),
    );
    assert_eq!(r.errors.len(), 1);
    let e = &r.errors[0];
    assert!(e.file.ends_with("broken.yaml"), "{}", e.file);
    // The parser notices the unclosed `[` at the end of the input.
    assert_eq!((e.line, e.column), (4, 1));
    assert!(e.message.starts_with("not valid YAML: "), "{}", e.message);
    assert_eq!(r.findings.len(), 5);
    assert_eq!(r.exit_code(false), 2);
}

#[test]
fn the_whole_folder() {
    let r = lint_paths(&[data()], Options::default());
    assert_eq!(r.errors.len(), 1);
    let count = |s| r.findings.iter().filter(|f| f.lint.status == s).count();
    // The sums of the pins above.
    assert_eq!(
        [
            Mandatory,
            Recommended,
            NonStandard,
            Invalid,
            NotScs,
            Unresolved
        ]
        .map(count),
        [13, 3, 2, 2, 2, 4]
    );
}

#[test]
fn strategy_v3_rejects_v1_names_and_suggests_the_v2_name() {
    let text = "variable \"db_flavor\" {\n  default = \"SCS-2V:8\"\n}\n";
    let src = [Source::new("v.tf", text, Format::Terraform)];
    let r = lint_sources(&src, Strategy::V3.into());
    assert_eq!(r.findings.len(), 1);
    let l = &r.findings[0].lint;
    assert_eq!((l.status, l.level), (Invalid, E));
    assert_eq!(l.suggestion.as_deref(), Some("SCS-2V-8"));
}

#[test]
fn unresolved_is_reported_once_per_file() {
    let text = "resource \"a\" \"b\" {\n  flavor_name = var.f\n}\nresource \"a\" \"c\" {\n  flavor_name = var.f\n}\n";
    let r = lint_sources(
        &[Source::new("m.tf", text, Format::Terraform)],
        Options::default(),
    );
    let found: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.line, f.column, f.lint.status))
        .collect();
    assert_eq!(found, [(2, 17, Unresolved)]);
}

#[test]
fn following_stays_in_the_folder() {
    let main = "resource \"a\" \"b\" {\n  flavor_name = var.f\n}\n";
    let vars = "f = \"SCS-2V-4\"\n";
    let apart = [
        Source::new("x/main.tf", main, Format::Terraform),
        Source::new("y/terraform.tfvars", vars, Format::Tfvars),
    ];
    let r = lint_sources(&apart, Options::default());
    let found: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.file.as_str(), f.lint.status))
        .collect();
    // The tfvars value is still an `SCS-` string, checked where it stands.
    assert_eq!(
        found,
        [("x/main.tf", Unresolved), ("y/terraform.tfvars", Mandatory)]
    );
    let together = [
        Source::new("x/main.tf", main, Format::Terraform),
        Source::new("x/terraform.tfvars", vars, Format::Tfvars),
    ];
    let r = lint_sources(&together, Options::default());
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].file, "x/terraform.tfvars");
    assert_eq!(r.findings[0].lint.status, Mandatory);
}

#[test]
fn text_output() {
    let r = lint("heat");
    let mut out = Vec::new();
    output::text(&r, &mut out).expect("write");
    let out = String::from_utf8(out).expect("utf-8");
    let file = data()
        .join("heat/stack.yaml")
        .to_string_lossy()
        .into_owned();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..3],
        [
            format!("{file}:7:14: note: `SCS-4V-16` is a mandatory scs-0103 standard flavor: every SCS-compatible cloud offers it"),
            "        default: SCS-4V-16".to_string(),
            "                 ^^^^^^^^^".to_string(),
        ]
    );
    assert_eq!(lines[6], "    suggestion: SCS-4V-16-100s");
    assert_eq!(lines[10], "    suggestion: SCS-2V-8");
    assert_eq!(lines.len(), 3 + 4 + 4);
}

#[test]
fn json_output() {
    let r = lint_paths(
        &[data().join("broken"), data().join("ansible")],
        Options::default(),
    );
    let mut out = Vec::new();
    output::json(&r, &mut out).expect("write");
    let out = String::from_utf8(out).expect("utf-8");
    let objects: Vec<serde_json::Map<String, serde_json::Value>> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let keys = |o: &serde_json::Map<String, serde_json::Value>| {
        let mut k: Vec<&str> = o.keys().map(String::as_str).collect();
        k.sort_unstable();
        k.join(",")
    };
    assert_eq!(objects.len(), 4);
    // The unreadable file: no name, status or suggestion.
    assert_eq!(keys(&objects[0]), "column,file,level,line,message");
    assert_eq!(objects[0]["level"], "error");
    assert_eq!(
        keys(&objects[1]),
        "column,file,level,line,message,name,status"
    );
    assert_eq!(objects[1]["name"], "SCS-4V-32");
    assert_eq!(objects[1]["status"], "mandatory");
    assert_eq!(
        (&objects[1]["line"], &objects[1]["column"]),
        (&4.into(), &18.into())
    );
    assert_eq!(objects[2]["status"], "not-scs");
    assert_eq!(objects[3]["status"], "unresolved");
    assert_eq!(objects[3]["level"], "note");
    let with_suggestion = lint("heat");
    let mut out = Vec::new();
    output::json(&with_suggestion, &mut out).expect("write");
    let last: serde_json::Value = serde_json::from_str(
        String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .last()
            .expect("a line"),
    )
    .expect("json");
    assert_eq!(last["suggestion"], "SCS-2V-8");
}

#[test]
fn sarif_output_has_what_code_scanning_needs() {
    let r = lint_paths(&[data()], Options::default());
    let text = serde_json::to_string(&output::sarif(&r)).expect("serialise");
    // Read back through the SARIF object model (generated from the SARIF 2.1.0 schema).
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("SARIF");
    assert_eq!(log.version, "2.1.0");
    assert_eq!(log.runs.len(), 1);
    let run = &log.runs[0];
    assert_eq!(run.tool.driver.name, "scs-flavor-lint");
    let rules = run.tool.driver.rules.as_ref().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "mandatory",
            "recommended",
            "non-standard",
            "invalid",
            "not-scs",
            "unresolved",
            "unreadable"
        ]
    );
    let results = run.results.as_ref().expect("results");
    assert_eq!(results.len(), r.findings.len() + r.errors.len());
    let raw: serde_json::Value = serde_json::from_str(&text).expect("json");
    for (i, res) in raw["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .enumerate()
    {
        // What GitHub code scanning requires of each result.
        assert!(res["message"]["text"].is_string(), "result {i}");
        let rule = res["ruleId"].as_str().expect("ruleId");
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids[index], rule);
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| !u.contains(' ')));
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().expect("level")));
    }
    // The invalid name in the Cluster API file: line 27, columns 14 to 27 (13 characters).
    let invalid = raw["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| {
            r["ruleId"] == "invalid"
                && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 27
        })
        .expect("the invalid label");
    let region = &invalid["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(14), Some(27))
    );
    assert_eq!(invalid["level"], "error");
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scs-flavor-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn binary_and_huge_files_are_refused_cleanly() {
    let binary = temp("binary.yaml", b"flavor: SCS-2V-4\n\0\x01\x02");
    let latin1 = temp("latin1.tf", b"# \xe9\nflavor_name = \"SCS-2V-4\"\n");
    let huge = temp(
        "huge.tf",
        &vec![b'#'; (scs_flavor_lint::MAX_FILE_BYTES + 1) as usize],
    );
    let r = lint_paths(&[binary, latin1, huge], Options::default());
    let messages: Vec<&str> = r.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[0], "binary file (a NUL byte at byte 17)");
    assert_eq!(messages[1], "not UTF-8 text (at byte 2)");
    assert!(
        messages[2].ends_with("larger than the 8388608 bytes read"),
        "{}",
        messages[2]
    );
    assert!(r.findings.is_empty());
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let deep = 100_000;
    let cases = [
        ("deep.json", "[".repeat(deep)),
        ("deep.tf", format!("a = {}", "[".repeat(deep))),
        ("deep.tfvars", format!("a = {}", "{ b = ".repeat(deep))),
        ("flow.yaml", "[".repeat(deep)),
        ("block.yaml", "- ".repeat(deep) + "SCS-2V-4\n"),
    ];
    for (name, text) in cases {
        let path = temp(name, text.as_bytes());
        let r = lint_paths(&[path], Options::default());
        assert_eq!(r.errors.len(), 1, "{name}");
        let m = &r.errors[0].message;
        // Ours, hcl-edit's ("invalid nesting depth") or yaml-rust2's ("recursion limit").
        assert!(
            m.contains("nest") || m.contains("recursion limit"),
            "{name}: {m}"
        );
    }
    // Up to the limit, nesting is read.
    let ok = format!("{}\"SCS-2V-4\"{}", "[".repeat(100), "]".repeat(100));
    let r = lint_sources(
        &[Source::new("ok.json", ok, Format::TerraformJson)],
        Options::default(),
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.findings.len(), 1);
}

#[test]
fn unknown_extensions() {
    let r = lint_paths(&[data().join("heat/missing.txt")], Options::default());
    assert_eq!(r.errors.len(), 1);
    assert!(r.errors[0].message.starts_with("unknown format"));
    assert_eq!(r.exit_code(false), 2);
}

#[test]
fn columns_count_characters() {
    // `ü` and `ß` are two bytes each in UTF-8; the column counts them once.
    let json = "{\"größe_flavor\": \"SCS-2V-4\"}";
    let r = lint_sources(
        &[Source::new("a.json", json, Format::TerraformJson)],
        Options::default(),
    );
    assert_eq!((r.findings[0].line, r.findings[0].column), (1, 19));
    let yaml = "# ü\nü: 1\nflavor: \"SCS-2V-4\" # ü\n";
    let r = lint_sources(
        &[Source::new("a.yaml", yaml, Format::Yaml)],
        Options::default(),
    );
    assert_eq!((r.findings[0].line, r.findings[0].column), (3, 10));
    let tf = "x = { \"ü\" = 1, flavor = \"SCS-2V-4\" }\n";
    let r = lint_sources(
        &[Source::new("a.tf", tf, Format::Terraform)],
        Options::default(),
    );
    assert_eq!((r.findings[0].line, r.findings[0].column), (1, 26));
}
