//! Documented behaviour at the edges, each from the API docs, REFERENCE.md or scs-0103: the
//! tables' look-ups, warning bounds and counts, the caret window of long inputs, component
//! codes, and the flavor object's reading of odd values. (Mutation testing, issue 14.)

use scs_flavor::tables::{self, Level, StandardFlavor, TABLES};
use scs_flavor::{Builder, Component, CpuType, Flavor, Given, Rendered, Strategy};

fn warning_codes(name: &str) -> Vec<&'static str> {
    let p = Strategy::V3
        .parse(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    p.warnings().map(|w| w.kind.code()).collect()
}

#[test]
fn tables_by_code_and_by_id() {
    // `by_code`: exactly the code written in a name.
    assert_eq!(tables::DISK_TYPE.by_code("s").map(|e| e.name), Some("ssd"));
    assert_eq!(
        tables::HYPERVISOR.by_code("bms").map(|e| e.name),
        Some("bare metal")
    );
    assert_eq!(tables::DISK_TYPE.by_code("S"), None);
    assert_eq!(tables::DISK_TYPE.by_code("ssd"), None);
    // `table(id)`: every exported table by its identifier, nothing else.
    for t in TABLES {
        assert_eq!(tables::table(t.id), Some(t), "{}", t.id);
    }
    assert_eq!(tables::table("cpu-type").map(|t| t.title), Some("CPU type"));
    assert_eq!(tables::table("no-such-table"), None);
}

#[test]
fn levels_and_root_disks_of_the_standard_flavors() {
    // scs-0103: the tables "Mandatory" and "Recommended".
    assert_eq!(Level::Mandatory.code(), "mandatory");
    assert_eq!(Level::Recommended.code(), "recommended");
    assert_eq!(
        <Level as scs_flavor::TableValue>::lookup("recommended"),
        Ok(Level::Recommended)
    );
    assert_eq!(
        <Level as scs_flavor::TableValue>::entry(Level::Recommended).code,
        "recommended"
    );
    assert_eq!(
        serde_json::to_value(Level::Recommended).ok(),
        Some("recommended".into())
    );
    // "Root disk size in GB, 0 without a root disk": SCS-2V-4-20s has 20 GB, SCS-4V-16-100s
    // 100 GB, SCS-2V-4 none.
    let disk = |name| StandardFlavor::find(name).map(StandardFlavor::disk_gb);
    assert_eq!(disk("SCS-2V-4-20s"), Some(20));
    assert_eq!(disk("SCS-4V-16-100s"), Some(100));
    assert_eq!(disk("SCS-1L-1-5"), Some(5));
    assert_eq!(disk("SCS-2V-4"), Some(0));
}

#[test]
fn warning_counts() {
    let none = Strategy::V3.parse("SCS-2V-4").expect("valid").warnings();
    assert!(none.is_empty());
    assert_eq!(none.len(), 0);
    // The doc example: one warning.
    let one = Strategy::V3
        .parse("SCS-04V-8-1x10")
        .expect("valid")
        .warnings();
    assert!(!one.is_empty());
    assert_eq!(one.len(), 1);
    // Non-canonical and several disks without a size: two.
    let two = Strategy::V3
        .parse("SCS-02V-4-3x")
        .expect("valid")
        .warnings();
    assert_eq!(two.len(), 2);
    assert_eq!(two.count(), 2);
}

#[test]
fn undescribed_forms_and_their_bounds() {
    // `-3x` is "several disks without a size"; one disk of unspecified size (`-`) is not.
    let p = Strategy::V3.parse("SCS-2V-4-3x").expect("valid");
    let w: Vec<String> = p.warnings().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("several disks without a size"), "{w:?}");
    // (It ends with `-`: not a Kubernetes label value, but nothing undescribed.)
    assert_eq!(warning_codes("SCS-2V-4-"), ["not-kubernetes-label"]);
    // A GPU `h` without units is undescribed; a GPU without `h` and units is plain.
    assert_eq!(warning_codes("SCS-2V-4_GNah"), ["undescribed"]);
    assert!(warning_codes("SCS-2V-4_GNa").is_empty());
}

#[test]
fn nova_bounds_are_32_bit_signed() {
    // Nova stores vCPUs and disk GB as 32-bit integers (REFERENCE.md D1): 2^31 − 1 fits.
    assert!(warning_codes("SCS-2147483647V-4").is_empty());
    assert_eq!(warning_codes("SCS-2147483648V-4"), ["too-large-for-nova"]);
    assert!(warning_codes("SCS-2V-4-2147483647").is_empty());
    assert_eq!(warning_codes("SCS-2V-4-2147483648"), ["too-large-for-nova"]);
    // Each names its field.
    let message = |name: &str| {
        let p = Strategy::V3.parse(name).expect("valid");
        let w: Vec<String> = p.warnings().map(|w| w.to_string()).collect();
        assert_eq!(w.len(), 1, "{name}: {w:?}");
        w[0].clone()
    };
    assert!(message("SCS-2147483648V-4").starts_with("vCPU count"));
    assert!(message("SCS-2V-4-2147483648").starts_with("disk size"));
    // 2097152 GiB = 2^31 MiB: one more than fits.
    assert!(message("SCS-2V-2097152").starts_with("RAM in MiB"));
    assert!(warning_codes("SCS-2V-2097151").is_empty());
}

#[test]
fn length_limits() {
    // A name with leading zeros (accepted, REFERENCE.md §1) of exactly the given length.
    let padded = |len: usize| format!("SCS-{}2V-4", "0".repeat(len - 8));
    let has = |len: usize, code: &str| warning_codes(&padded(len)).contains(&code);
    // Kubernetes label values: at most 63 characters.
    assert!(!has(63, "not-kubernetes-label"));
    assert!(has(64, "not-kubernetes-label"));
    // OpenStack flavor names: at most 255 characters.
    assert!(!has(255, "too-long-for-openstack"));
    assert!(has(256, "too-long-for-openstack"));
}

#[test]
fn component_codes() {
    // `Component::code`: "prefix, cpu-ram, disk, hypervisor, hwv, cpu-brand, gpu, ib".
    let codes: Vec<&str> = Component::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(
        codes,
        [
            "prefix",
            "cpu-ram",
            "disk",
            "hypervisor",
            "hwv",
            "cpu-brand",
            "gpu",
            "ib"
        ]
    );
    let shown: Vec<String> = Component::ALL.iter().map(|c| c.to_string()).collect();
    assert_eq!(shown, codes);
}

#[test]
fn after_a_gpu_only_ib_may_follow() {
    // REFERENCE.md §1: the GPU is followed only by `_ib`.
    let e = "SCS-2V-4_GNa-64_foo".parse::<Flavor>().unwrap_err();
    let message = e.to_string();
    assert!(message.contains("`_ib`"), "{message}");
    assert!(!message.contains("GPU)"), "{message}");
    assert!(!message.contains("CPU brand"), "{message}");
}

/// The caret window, from `Rendered`'s docs: an input longer than twice `CONTEXT` characters
/// shows `CONTEXT` characters on each side of the span, cuts marked `…`.
#[test]
fn long_inputs_render_as_a_window() {
    let c = Rendered::CONTEXT;
    let render = |input: &str| {
        let e = Strategy::V3.parse(input).unwrap_err();
        (e, e.render(input).to_string())
    };
    // At exactly 2 × CONTEXT characters the whole input is shown.
    let input = format!("SCS-2v-{}", "4".repeat(2 * c - 7));
    assert_eq!(input.chars().count(), 2 * c);
    let (e, shown) = render(&input);
    let first = shown.lines().next().unwrap_or("");
    assert_eq!(first, input);
    assert_eq!(e.start(), 5);
    // A span in the middle of a long input: both cuts.
    let input = format!("SCS-{}2v{}", "0".repeat(100), "x".repeat(100));
    let (e, shown) = render(&input);
    let (start, end) = (e.start(), e.end().max(e.start() + 1));
    assert_eq!(start, 105);
    let window = &input[start - c..(end + c).min(input.len())];
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], format!("…{window}…"));
    assert_eq!(
        lines[1],
        format!("{}{}", " ".repeat(1 + c), "^".repeat(end - start))
            + &lines[1][1 + c + end - start..]
    );
    assert!(lines[1][1 + c + end - start..].starts_with(' '));
    // A span at the end of a long input: a cut at the start only.
    let input = format!("SCS-{}2V-4_foo", "0".repeat(100));
    let (e, shown) = render(&input);
    let start = e.start();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], format!("…{}", &input[start - c..]));
    assert!(
        lines[1].starts_with(&format!("{}^", " ".repeat(1 + c))),
        "{shown}"
    );
}

#[test]
fn the_flavor_object_reads_odd_values() {
    let read = |json: &str| {
        let mut de = serde_json::Deserializer::from_str(json);
        Builder::from_deserializer(&mut de).expect("an object")
    };
    let err = |json: &str| {
        let e = read(json).expect_err(json);
        (e.kind().code(), e.field())
    };
    // A part is an object or null ("must be an object or null").
    let ok = read(r#"{"cpus": 2, "cpu_type": "V", "ram_gib": 4, "disk": null}"#).expect("valid");
    assert_eq!(ok.disk, None);
    for wrong in ["true", "1", "-1", "1.5", "\"x\"", "[1]"] {
        let json = format!(r#"{{"cpus": 2, "cpu_type": "V", "ram_gib": 4, "disk": {wrong}}}"#);
        assert_eq!(err(&json), ("not-object", Some("disk")), "{json}");
    }
    // A count is a whole number: not a list, an object, a negative number or text that is
    // no decimal number of at most 15 digits.
    for wrong in ["[2]", "{}", "\"-1\"", "\"\"", "\"0000000000000002\""] {
        let json = format!(r#"{{"cpus": {wrong}, "cpu_type": "V", "ram_gib": 4}}"#);
        assert_eq!(err(&json), ("not-whole", Some("cpus")), "{json}");
    }
    let b = read(r#"{"cpus": "000000000000002", "cpu_type": "V", "ram_gib": "4"}"#).expect("valid");
    assert_eq!((b.cpus, b.ram_gib), (2, 4.0));
    assert_eq!(
        err(r#"{"cpus": 2, "cpu_type": "V", "ram_gib": ""}"#),
        ("not-whole", Some("ram_gib"))
    );
    // A negative RAM as text is read as negative, and refused when built.
    let negative = read(r#"{"cpus": 2, "cpu_type": "V", "ram_gib": "-4"}"#).expect("read");
    assert_eq!(negative.ram_gib, -4.0);
    assert!(negative.build().is_err());
}

#[test]
fn serde_errors_say_what_was_expected() {
    let e = serde_json::from_str::<Flavor>("1").unwrap_err().to_string();
    assert!(e.contains("an SCS flavor name"), "{e}");
    let e = serde_json::from_str::<CpuType>("1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("CPU type"), "{e}");
    let e = serde_json::from_str::<Builder>("1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("an object"), "{e}");
    // A given text keeps its text for messages.
    let g: Given = serde_json::from_str("\"abc\"").expect("any value");
    assert!(format!("{g:?}").contains("\"abc\""), "{g:?}");
}

/// Formats other than JSON reach the reader through other visitor methods (bytes, 128-bit
/// integers): serde's own value deserializers stand in for them.
#[test]
fn other_formats_values() {
    use serde::de::value::{
        BytesDeserializer, Error as DeError, I128Deserializer, MapDeserializer,
    };
    use serde::Deserialize;
    // A 128-bit integer is an integer.
    let g = Given::deserialize(I128Deserializer::<DeError>::new(7)).expect("an integer");
    assert_eq!(g, Given::Int(7));
    // Bytes are no value: the error says what was expected.
    let e = Given::deserialize(BytesDeserializer::<DeError>::new(b"x")).unwrap_err();
    assert!(e.to_string().contains("any value"), "{e}");
    // A part given as bytes: "an object or null".
    let map = MapDeserializer::<_, DeError>::new(vec![("disk", &b"x"[..])].into_iter());
    let e = Builder::from_deserializer(map).map(|_| ()).unwrap_err();
    assert!(e.to_string().contains("an object or null"), "{e}");
}
