//! `scs-flavor audit` and `scs-flavor select`: lines, exit codes, stdin, json, fixes.

mod common;
use common::{fixture, run};

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture")
}

#[test]
fn audit_of_a_compliant_cloud_passes() {
    let (code, out, err) = run(&["audit", &fixture("compliant.json")], "");
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<&str> = out.lines().collect();
    // 35 test cases, a blank line, the summary.
    assert_eq!(lines.len(), 37);
    assert_eq!(
        lines[..5],
        [
            "scs-0100-syntax-check: PASS (mandatory)",
            "scs-0100-semantics-check: PASS (mandatory)",
            "scs-0103-extra-specs-check: PASS (ours)",
            "scs-0103-unique-check: PASS (ours)",
            "scs-0103-flavor-1v-4: PASS (mandatory)"
        ]
    );
    assert!(lines[..35].iter().all(|l| l.contains(": PASS (")));
    assert_eq!(
        lines[35..],
        [
            "",
            "summary: PASS: all 17 mandatory test cases of the official suite pass"
        ]
    );
    // The report is the library's, verbatim (the expected file adds the fixes).
    let expected = read("compliant.expected");
    assert_eq!(expected, format!("{out}--- fixes\n"));
}

#[test]
fn audit_reads_stdin_and_fails_on_a_missing_mandatory_flavor() {
    let (code, out, _) = run(&["audit", "-"], &read("missing-mandatory.json"));
    assert_eq!(code, 1);
    assert!(
        out.contains("\nscs-0103-flavor-1l-1: FAIL (mandatory)\n"),
        "{out}"
    );
    assert!(out.ends_with(
        "\nSCS-1L-1:\n  error [scs-0103-flavor-1l-1]: the mandatory standard flavor SCS-1L-1 is \
         missing (looked up by scs:name-v2, then by name)\n\nSCS-1V-4-10:\n  note \
         [scs-0103-flavor-1v-4-10]: the recommended standard flavor SCS-1V-4-10 is missing \
         (looked up by scs:name-v2, then by name)\n\nsummary: FAIL: 1 of 17 mandatory test \
         cases of the official suite fail (scs-0103-flavor-1l-1): certification fails; not \
         blocking: 1 recommended and 0 of ours fail\n"
    ));
}

#[test]
fn audit_text_matches_the_expected_reports() {
    for fixture_name in [
        "wrong-ram",
        "sizeless-disk",
        "contradicting-specs",
        "v1-names",
        "non-scs",
        "cloud",
    ] {
        let (_, report, _) = run(&["audit", &fixture(&format!("{fixture_name}.json"))], "");
        let (_, fixes, _) = run(
            &["audit", "--fix", &fixture(&format!("{fixture_name}.json"))],
            "",
        );
        let expected = read(&format!("{fixture_name}.expected"));
        assert_eq!(
            format!("{report}--- fixes\n{fixes}"),
            expected,
            "{fixture_name}"
        );
    }
}

#[test]
fn audit_fix_prints_only_the_commands() {
    let (code, out, err) = run(
        &["audit", "--fix", &fixture("contradicting-specs.json")],
        "",
    );
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        "#!/bin/sh\nset -e\n\
         \n# SCS-4V-16\n\
         openstack flavor unset --property scs:disk0-type 9531985d-5d9d-c9f8-1818-e811892f902b\n\
         \n# SCS-2V-4-20s\n\
         openstack flavor set --property scs:disk0-type=ssd a170b338-3926-3059-f28c-105d1fb17c23\n\
         \n# SCS-8V-16\n\
         openstack flavor set --property scs:cpu-type=shared-core \
         0cb1e29c-658c-da14-95e6-0af593bd04cf\n\
         \n# SCS-16C-64-200p\n\
         openstack flavor unset --property scs:name-v3 4f426dcb-b394-fb36-bb2d-420f0f88080b\n\
         openstack flavor set --property scs:name-v1=SCS-16C:64:200p \
         --property scs:name-v2=SCS-16C-64-200p 4f426dcb-b394-fb36-bb2d-420f0f88080b\n\
         \n# legacy-medium\n\
         openstack flavor unset --property scs:name-v2 ae658f33-fe3b-890b-93f4-48b3a5aa3c81\n"
    );
    // Exit status 0 where only warnings and notes are found.
    let (code, _, _) = run(&["audit", "--fix", &fixture("v1-names.json")], "");
    assert_eq!(code, 0);
}

/// The exit status counts only failed mandatory test cases of the official suite: a cloud with
/// every standard flavor plus a flavor whose extra specs are broken (our extra-specs check
/// fails, `passed` is false in the JSON) exits 0; the same cloud without `SCS-1V-4` exits 1.
#[test]
fn only_official_mandatory_failures_make_the_status_1() {
    let mut cloud: Vec<serde_json::Value> =
        serde_json::from_str(&read("compliant.json")).expect("json");
    cloud.push(
        serde_json::json!({"ID": "x1", "Name": "m1.odd", "VCPUs": 2, "RAM": 4096,
        "Disk": 0, "Is Public": true, "Properties": {"scs:name-v2": "nonsense"}}),
    );
    let text = serde_json::to_string(&cloud).expect("json");
    let (code, out, _) = run(&["audit", "-"], &text);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("\nscs-0103-extra-specs-check: FAIL (ours)\n"),
        "{out}"
    );
    assert!(out.ends_with(
        "\nsummary: PASS: all 17 mandatory test cases of the official suite pass; not \
         blocking: 0 recommended and 1 of ours fail\n"
    ));
    let (code, out, _) = run(&["audit", "-o", "json", "-"], &text);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["passed"], false);
    cloud.retain(|f| f["Name"] != "SCS-1V-4");
    let text = serde_json::to_string(&cloud).expect("json");
    let (code, _, _) = run(&["audit", "-"], &text);
    assert_eq!(code, 1);
}

/// `openstack flavor list -f json` without `--long` has no properties: refused with a hint.
#[test]
fn audit_without_long_exits_2_with_a_hint() {
    let (code, out, err) = run(
        &["audit", "-"],
        r#"[{"ID": "1", "Name": "SCS-2V-4", "RAM": 4096, "Disk": 0, "Ephemeral": 0,
            "VCPUs": 2, "Is Public": true}]"#,
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "scs-flavor: -: field \"Properties\": no flavor has properties (extra specs): did you \
         forget `--long` (`openstack flavor list --long -f json`)?\n"
    );
}

#[test]
fn audit_json() {
    let (code, out, _) = run(&["audit", "-o", "json", &fixture("wrong-ram.json")], "");
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["passed"], false);
    assert_eq!(v["tests"].as_array().map(Vec::len), Some(35));
    assert_eq!(
        v["tests"][1],
        serde_json::json!({"id": "scs-0100-semantics-check", "result": "FAIL", "mandatory": true, "official": true})
    );
    assert_eq!(v["findings"][1]["kind"], "ram-overpromise");
    assert_eq!(v["fixes"], serde_json::json!([]));
}

#[test]
fn audit_of_bad_input_exits_2() {
    let path = fixture("malformed-entry.json");
    let (code, out, err) = run(&["audit", &path], "");
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "scs-flavor: {path}: flavor [1] \"SCS-4V-8\": field \"RAM\": expected a \
             non-negative integer (MiB), found the string \"8 GiB\"\n"
        )
    );
    let (code, _, err) = run(&["audit", "-"], "{not json");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "scs-flavor: -: invalid JSON at line 1, column 2: key must be a string\n"
    );
    let (code, _, err) = run(&["audit", "/nonexistent/flavors.json"], "");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("scs-flavor: /nonexistent/flavors.json: "),
        "{err}"
    );
}

#[test]
fn select_from_names() {
    let (code, out, err) = run(
        &[
            "select",
            "--cpus",
            "2",
            "--ram",
            "8",
            "--disk-type",
            "ssd",
            "SCS-2V-8-20s",
            "SCS-4V-16-50s",
            "SCS-2V-8",
            "SCS-2C-8-20p",
            "m1.large",
        ],
        "",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "SCS-2V-8-20s   cost    700  +20 GB disk, CPU type +1\n\
         SCS-2C-8-20p   cost   1900  +20 GB disk, CPU type +3, disk type +1\n\
         SCS-4V-16-50s  cost   5000  +2 vCPUs, +8 GiB RAM, +50 GB disk, CPU type +1\n\
         \n\
         rejected:\n  \
         SCS-2V-8: no root disk, need one\n  \
         m1.large: not an SCS flavor name\n"
    );
}

#[test]
fn select_flags_for_every_requirement() {
    let args = [
        "select",
        "--cpus",
        "4",
        "--cpu-type",
        "T",
        "--secure",
        "--ram",
        "16",
        "--ecc",
        "--no-oversubscription",
        "--disk",
        "100",
        "--disk-type",
        "nvme",
        "--arch",
        "x86-64",
        "--cpu-vendor",
        "amd",
        "--gpu",
        "--gpu-vendor",
        "nvidia",
        "--gpu-units",
        "50",
        "--vram",
        "24",
        "--ib",
        "--bare-metal",
        "--hwv",
        "-",
    ];
    let names = "SCS-4T-16-100p_bms_hwv_z4_GNa-56-24_ib\nSCS-4Ti-16u-100s_kvm_i3\n";
    let (code, out, _) = run(&args, names);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "SCS-4T-16-100p_bms_hwv_z4_GNa-56-24_ib  cost      0  exact fit\n\
         \n\
         rejected:\n  \
         SCS-4Ti-16u-100s_kvm_i3: insecure vCPUs (`i`: insufficient protection against CPU \
         vulnerabilities); RAM without ECC (`u`); disk type ssd, need at least nvme; CPU vendor \
         Intel, need AMD; no GPU; no Infiniband (`_ib`); not bare metal (`_bms`); no hardware \
         virtualisation (`_hwv`)\n"
    );
    // Long names of the table values work too.
    let (code, _, _) = run(
        &[
            "select",
            "--cpu-type",
            "dedicated-thread",
            "--disk-type",
            "p",
            "--cpu-vendor",
            "z",
            "--gpu-vendor",
            "N",
            "--arch",
            "aarch64",
            "SCS-1L-1",
        ],
        "",
    );
    assert_eq!(code, 1);
}

#[test]
fn select_without_match_exits_1_and_json() {
    let (code, out, _) = run(&["select", "--cpus", "64", "SCS-2V-4"], "");
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "no flavor satisfies the requirements\n\nrejected:\n  SCS-2V-4: 2 vCPUs, need at least 64\n"
    );
    let (code, out, _) = run(
        &[
            "select", "-o", "json", "--cpus", "2", "SCS-2V-4", "SCS-1V-2",
        ],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["matches"][0]["name"], "SCS-2V-4");
    assert_eq!(v["matches"][0]["cost"], 1500);
    assert_eq!(
        v["rejected"],
        serde_json::json!([{"name": "SCS-1V-2", "reasons": ["1 vCPU, need at least 2"]}])
    );
}

#[test]
fn select_from_a_cloud() {
    let (code, out, _) = run(
        &[
            "select",
            "--cpus",
            "16",
            "--ram",
            "32",
            "--flavors",
            &fixture("cloud.json"),
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        out.starts_with("SCS-16V-32-100             cost   1500  +100 GB disk, CPU type +1\n"),
        "{out}"
    );
    assert!(out.contains("\n  SCS-16V-32: delivers less than its name SCS-16V-32 promises: the name promises 32 GiB RAM, the flavor has 31.2 GiB (32000 MiB)\n"), "{out}");
}

#[test]
fn select_usage_errors() {
    let (code, _, err) = run(&["select", "--disk-type", "floppy", "SCS-2V-4"], "");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "scs-flavor: disk_type: unknown disk type: expected one of n, h, s, p or a name: \
         \"network\", \"hdd\", \"ssd\", \"nvme\"\n"
    );
    let (code, _, err) = run(&["select", "--no-disk", "--disk", "20", "SCS-2V-4"], "");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "scs-flavor: no_disk: contradicts disk_gb and disk_type, which require a root disk\n"
    );
    let (code, _, err) = run(&["select", "--arch", "sparc", "SCS-2V-4"], "");
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "scs-flavor: arch: unknown architecture: expected one of x86-64, arm, riscv"
        ),
        "{err}"
    );
}

/// The command line goes through the requirements' own checks (issue 9): `--ram NaN` is no
/// longer dropped silently, `--cpus 2.5` gets the core's message.
#[test]
fn select_checks_numbers_like_every_other_front_end() {
    let ram = "scs-flavor: ram_gib: RAM must be a number of GiB from 0 to 2147483647.5 with at \
               most 18 decimals, such as `8` or `3.7`\n";
    for bad in ["NaN", "inf", "-1", "4 GiB"] {
        let (code, out, err) = run(&["select", "--ram", bad, "SCS-2V-4"], "");
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", ram), "{bad}");
    }
    let whole = "scs-flavor: cpus: vCPU count must be a whole number from 1 to 4294967295\n";
    for bad in ["2.5", "-1", "two", "NaN"] {
        let (code, _, err) = run(&["select", "--cpus", bad, "SCS-2V-4"], "");
        assert_eq!((code, err.as_str()), (2, whole), "{bad}");
    }
    let (code, _, err) = run(&["select", "--vram", "1.5", "SCS-2V-4"], "");
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "scs-flavor: gpu_vram_gib: GPU VRAM must be a whole number from 1 to 4294967295\n"
        )
    );
}

/// RAM arithmetic is exact: 4 − 3.7 = 0.3 (issue 9), in the text and in the JSON.
#[test]
fn select_ram_excess_is_exact() {
    let (code, out, _) = run(&["select", "--ram", "3.7", "SCS-2V-4"], "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "SCS-2V-4  cost   2575  +2 vCPUs, +0.3 GiB RAM, CPU type +1\n"
    );
    let (_, out, _) = run(&["select", "-o", "json", "--ram", "3.7", "SCS-2V-4"], "");
    assert!(out.contains("\"ram_gib\": 0.3,"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["matches"][0]["excess"]["ram_gib"], 0.3);
}

#[test]
fn select_hypervisor_by_the_lookup_rule() {
    let (code, out, _) = run(
        &[
            "select",
            "--hypervisor",
            "Bare-Metal",
            "SCS-2V-4_bms",
            "SCS-2V-4_kvm",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        // 2 vCPUs (2000) + 4 GiB (1000) + V over L (500); bare metal was asked for: no 4000.
        "SCS-2V-4_bms  cost   3500  +2 vCPUs, +4 GiB RAM, CPU type +1\n\nrejected:\n  \
         SCS-2V-4_kvm: hypervisor KVM, need bare metal\n"
    );
}
