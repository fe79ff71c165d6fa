//! wasm-bindgen tests of the raw exports, run in node by `wasm-bindgen-test-runner`:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!  cargo test -p scs-flavor-wasm --target wasm32-unknown-unknown --features audit`.
#![cfg(all(target_arch = "wasm32", feature = "names"))]

use js_sys::{Reflect, JSON};
use scs_flavor::{Report, Strategy};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn json(value: &JsValue) -> String {
    JSON::stringify(value).expect("serialisable").into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("an object")
}

/// The CLI's JSON line for `name`, as JS would print it.
fn cli_line(name: &str, strategy: Strategy) -> String {
    let text = serde_json::to_string(&Report::new(name, strategy)).expect("serialisable");
    json(&JSON::parse(&text).expect("JSON"))
}

#[wasm_bindgen_test]
fn check_is_the_cli_json_line() {
    let names = [
        "SCS-2V-4",
        "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib",
        "SCS-04V-8-1x10",
        "SCS-2V-4-99999999x10",
        "SCS-2V-4_i7",
        "SCS-2V:4:20s",
        "m1.large",
        "SCS-2V-4_GNa_ib",
    ];
    for name in names {
        for &st in Strategy::ALL {
            let ours = scs_flavor_wasm::check(name, Some(st.code().into())).expect("no throw");
            assert_eq!(json(&ours), cli_line(name, st), "{name} {st}");
        }
    }
}

#[wasm_bindgen_test]
fn unknown_version_is_a_range_error() {
    let err = scs_flavor_wasm::check("SCS-2V-4", Some("v4".into())).unwrap_err();
    assert!(err.is_instance_of::<js_sys::RangeError>());
}

#[wasm_bindgen_test]
fn error_offsets_are_utf16_indices() {
    // `😀` is 4 bytes but 2 UTF-16 units; the unexpected part is the rest of the name.
    let r = scs_flavor_wasm::check("SCS-2V-4😀_kvm", None).expect("no throw");
    let e = get(&r, "error");
    assert_eq!(get(&e, "start").as_f64(), Some(8.0));
    assert_eq!(get(&e, "end").as_f64(), Some(14.0));
    let thrown = scs_flavor_wasm::parse("SCS-2V-4😀_kvm", None).expect("a record");
    assert_eq!(get(&thrown, "end").as_f64(), Some(14.0));
}

#[wasm_bindgen_test]
fn parse_returns_the_builder_object_or_a_name_error_record() {
    let name = "SCS-2V-4-3x10s_kvm_z4h_gA3.1-48h-24hh";
    let ours = scs_flavor_wasm::parse(name, None).expect("no throw");
    let f: scs_flavor::Flavor = name.parse().expect("valid");
    let theirs = JSON::parse(&serde_json::to_string(&f.builder()).expect("JSON")).expect("JSON");
    assert_eq!(json(&ours), json(&theirs));
    let e = scs_flavor_wasm::parse("SCS-2V-4_hwv_kvm", None).expect("no throw");
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("out-of-order"));
    assert_eq!(get(&e, "start").as_f64(), Some(12.0));
    let e = scs_flavor_wasm::parse("m1.large", None).expect("no throw");
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("not-scs"));
    assert!(scs_flavor_wasm::parse("SCS-2V-4", Some("v9".into())).is_err());
    let e = scs_flavor_wasm::parse("SCS-2V-4😀_kvm", None).expect("no throw");
    assert_eq!(get(&e, "end").as_f64(), Some(14.0));
}

#[wasm_bindgen_test]
fn render_round_trips_and_refuses_through_the_builder() {
    let f = JSON::parse(
        r#"{"cpus":16,"cpu_type":"T","ram_gib":64,"disk":{"count":3,"size":10,"kind":"s"},"hypervisor":"bare metal","hwv":true,"cpu_brand":{"vendor":"i","generation":3,"frequency":1},"gpu":{"kind":"G","vendor":"N","generation":"a","units":64},"ib":true}"#,
    )
    .expect("JSON");
    let name = scs_flavor_wasm::render(f.clone(), false, false).expect("valid");
    assert_eq!(name, "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib");
    let short_v1 = scs_flavor_wasm::render(f, true, true).expect("valid");
    assert_eq!(short_v1, "SCS-16T:64:3x10s-GNa:64-ib");

    let refused = JSON::parse(r#"{"cpus":2,"cpu_type":"V","ram_gib":4,"gpu":{"kind":"G","vendor":"N","generation":"a","vram":24}}"#).expect("JSON");
    let e = scs_flavor_wasm::render(refused, false, false).unwrap_err();
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("gpu.vram"));
    assert_eq!(
        get(&e, "kind").as_string().as_deref(),
        Some("vram-without-units")
    );

    // Reading the object is the core's: an unknown key has its kind and the part's path.
    let unknown =
        JSON::parse(r#"{"cpus":2,"cpu_type":"V","ram_gib":4,"disk":{"sise":20}}"#).expect("JSON");
    let e = scs_flavor_wasm::render(unknown, false, false).unwrap_err();
    assert_eq!(
        json(&e),
        r#"{"kind":"unknown-field","message":"disk: unknown property `sise`: expected one of `count`, `size`, `kind`","start":0,"end":0,"field":"disk"}"#
    );
}

#[wasm_bindgen_test]
fn readers_and_tables() {
    assert_eq!(
        scs_flavor_wasm::shorten("SCS-2V-4_kvm_a1h", None)
            .ok()
            .as_deref(),
        Some("SCS-2V-4_a")
    );
    assert_eq!(
        scs_flavor_wasm::to_v1("SCS-2V-4-20s_kvm", None)
            .ok()
            .as_deref(),
        Some("SCS-2V:4:20s-kvm")
    );
    assert_eq!(
        scs_flavor_wasm::canonical("SCS-2V:4", Some("v1".into()))
            .ok()
            .as_deref(),
        Some("SCS-2V-4")
    );
    let d = scs_flavor_wasm::describe("SCS-2V-4", None).expect("valid");
    assert_eq!(
        d,
        "2 vCPUs, 4 GiB ECC RAM, no root disk (boot from a volume)"
    );
    let parts = scs_flavor_wasm::explain("SCS-2V-4_i3", None).expect("valid");
    assert_eq!(
        json(&parts),
        r#"[{"component":"prefix","label":"the prefix","start":0,"end":4,"text":"SCS-","meaning":"SCS flavor name"},{"component":"cpu-ram","label":"the CPU/RAM part","start":4,"end":8,"text":"2V-4","meaning":"2 vCPUs, 4 GiB ECC RAM"},{"component":"cpu-brand","label":"the CPU brand extension","start":8,"end":11,"text":"_i3","meaning":"Intel Ice Lake"}]"#
    );
    let spec = scs_flavor_wasm::spec("SCS-2V-4-20s", None).expect("valid");
    assert_eq!(
        json(&spec),
        r#"{"cpus":2,"scs:cpu-type":"shared-core","ram":4,"disk":20,"scs:disk0-type":"ssd","scs:name-v1":"SCS-2V:4:20s","scs:name-v2":"SCS-2V-4-20s"}"#
    );
    assert!(scs_flavor_wasm::spec("SCS-2V-4-99999999x10", None)
        .expect("valid")
        .is_null());
    assert!(scs_flavor_wasm::spec("SCS-2V-4_i7", None).is_err());

    let t = scs_flavor_wasm::tables().expect("tables");
    let theirs = serde_json::to_string(&scs_flavor::tables::Export).expect("JSON");
    assert_eq!(json(&t), json(&JSON::parse(&theirs).expect("JSON")));
    let row = scs_flavor_wasm::lookup("hypervisor", "Bare Metal").expect("known");
    assert_eq!(get(&row, "code").as_string().as_deref(), Some("bms"));
    assert!(scs_flavor_wasm::lookup("hypervisor", "qemu").is_err());
}

#[wasm_bindgen_test]
fn warning_spans_are_the_cores() {
    let r = scs_flavor_wasm::check("SCS-04V-8-1x10", None).expect("no throw");
    let w = js_sys::Array::from(&get(&r, "warnings")).get(0);
    assert_eq!(
        get(&w, "kind").as_string().as_deref(),
        Some("non-canonical")
    );
    let p = Strategy::V3.parse("SCS-04V-8-1x10").expect("valid");
    let core = p.warnings().next().expect("a warning");
    assert_eq!(get(&w, "start").as_f64(), Some(core.span.start as f64));
    assert_eq!(get(&w, "end").as_f64(), Some(core.span.end as f64));
}

/// The audit module (feature `audit`): the crate's serde form, as JS would print it.
#[cfg(feature = "audit")]
mod audit {
    use super::*;
    use scs_flavor_audit::{parse_flavors, Requirements};

    const CLOUD: &str = include_str!("../../scs-flavor-audit/tests/data/cloud.json");

    fn crate_json<T: serde::Serialize>(value: &T) -> JsValue {
        JSON::parse(&serde_json::to_string(value).expect("serialisable")).expect("JSON")
    }

    #[wasm_bindgen_test]
    fn audit_is_the_crates_report_with_text_and_fix_script() {
        let ours = scs_flavor_wasm::audit::audit(CLOUD).expect("readable");
        let report = scs_flavor_audit::audit(&parse_flavors(CLOUD).expect("readable"));
        let theirs = crate_json(&report);
        Reflect::set(&theirs, &"text".into(), &report.to_string().into()).expect("set");
        Reflect::set(&theirs, &"fixScript".into(), &report.fix_script().into()).expect("set");
        Reflect::set(&theirs, &"summary".into(), &report.summary().into()).expect("set");
        let certified = report.exit_status() == 0;
        Reflect::set(&theirs, &"certified".into(), &certified.into()).expect("set");
        let tests = Reflect::get(&theirs, &"tests".into()).expect("tests");
        for (i, t) in (0u32..).zip(&report.tests) {
            let test = Reflect::get_u32(&tests, i).expect("a test");
            Reflect::set(&test, &"class".into(), &t.class().into()).expect("set");
        }
        assert_eq!(json(&ours), json(&theirs));
    }

    #[wasm_bindgen_test]
    fn unreadable_lists_are_audit_error_records() {
        let e = scs_flavor_wasm::audit::audit(
            r#"[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": "4096", "Disk": 0}]"#,
        )
        .unwrap_err();
        assert_eq!(
            json(&e),
            r#"{"index":0,"name":"SCS-2V-4","field":"RAM","message":"expected a non-negative integer (MiB), found the string \"4096\"","text":"flavor [0] \"SCS-2V-4\": field \"RAM\": expected a non-negative integer (MiB), found the string \"4096\""}"#
        );
        let e = scs_flavor_wasm::audit::audit("[").unwrap_err();
        assert_eq!(get(&e, "index"), JsValue::NULL);
        assert!(get(&e, "text")
            .as_string()
            .is_some_and(|t| t.starts_with("invalid JSON")));
    }

    #[wasm_bindgen_test]
    fn selection_is_the_crates() {
        let names: Vec<String> = ["SCS-2V-8-20s", "SCS-2V-8", "SCS-4V-16-50s", "m1.large"]
            .map(String::from)
            .to_vec();
        let text = r#"{"cpus":2,"ram_gib":8,"disk_type":"ssd"}"#;
        let ours =
            scs_flavor_wasm::audit::select_names(names.clone(), JSON::parse(text).expect("JSON"))
                .expect("valid");
        let need: Requirements = serde_json::from_str(text).expect("valid");
        let theirs = scs_flavor_audit::select(&need, &names);
        assert_eq!(json(&ours), json(&crate_json(&theirs)));

        let sixteen = JSON::parse(r#"{"cpus":16}"#).expect("JSON");
        let ours = scs_flavor_wasm::audit::select_flavors(CLOUD, sixteen).expect("valid");
        let need = Requirements {
            cpus: 16,
            ..Requirements::default()
        };
        let cloud = parse_flavors(CLOUD).expect("readable");
        let theirs = scs_flavor_audit::select_flavors(&need, &cloud);
        assert_eq!(json(&ours), json(&crate_json(&theirs)));

        let cores = JSON::parse(r#"{"cores":2}"#).expect("JSON");
        let e = scs_flavor_wasm::audit::select_names(names, cores).unwrap_err();
        assert!(e.is_instance_of::<js_sys::RangeError>());
        let keys: Vec<&str> = Requirements::KEYS.iter().map(|k| k.key).collect();
        assert_eq!(scs_flavor_wasm::audit::requirement_keys(), keys);
    }
}
