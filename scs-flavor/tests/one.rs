//! One implementation: the lookup rule, the one validation path of parser and builder, the
//! builder's serde form, typed spec keys and standard flavors, ordering by meaning, the tables
//! export — checked against the reference vectors and the scs-0103 text in `../shared/`.

use std::path::PathBuf;

use scs_flavor::tables::{self, lookup};
use scs_flavor::{
    Builder, CpuType, CpuVendor, DiskType, ErrorKind, FieldValue, Flavor, GpuVendor, Hypervisor,
    Level, Outcome, SpecKey, StandardDisk, Strategy, TableValue, FIELDS, STANDARD_FLAVORS,
};
use serde_json::{json, Value};

fn shared(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn vectors() -> Vec<Value> {
    shared("vectors/reference-labels.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn the_lookup_rule() {
    // (table, text, expected code or None)
    let cases: &[(&tables::Table, &str, Option<&str>)] = &[
        (&tables::CPU_TYPE, "V", Some("V")),
        (&tables::CPU_TYPE, "v", None), // codes are case-sensitive
        (&tables::CPU_TYPE, "shared-core", Some("V")),
        (&tables::CPU_TYPE, "Shared Core", Some("V")),
        (&tables::CPU_TYPE, "SHARED_CORE", Some("V")),
        (&tables::CPU_TYPE, "sharedcore", Some("V")),
        (&tables::CPU_TYPE, "shared", None),
        (&tables::CPU_TYPE, "", None),
        (&tables::DISK_TYPE, "s", Some("s")),
        (&tables::DISK_TYPE, "SSD", Some("s")),
        (&tables::DISK_TYPE, "S", None),
        (&tables::HYPERVISOR, "bms", Some("bms")),
        (&tables::HYPERVISOR, "bare metal", Some("bms")),
        (&tables::HYPERVISOR, "Bare-Metal", Some("bms")),
        (&tables::HYPERVISOR, "baremetal", Some("bms")),
        (&tables::HYPERVISOR, "BMS", None),
        (&tables::HYPERVISOR, "KVM", Some("kvm")), // the name is "KVM"
        (&tables::HYPERVISOR, "hyper-v", Some("hyv")),
        (&tables::HYPERVISOR, "Cloud Hypervisor", Some("chy")),
        (&tables::CPU_VENDOR, "RISC-V", Some("r")),
        (&tables::CPU_VENDOR, "riscv", Some("r")),
        (&tables::CPU_VENDOR, "aarch64", Some("a")),
        (&tables::GPU_KIND, "g", Some("g")),
        (&tables::GPU_KIND, "G", Some("G")),
        (&tables::GPU_KIND, "vGPU", Some("g")),
        (&tables::GPU_KIND, "pass-through", Some("G")),
        (&tables::GPU_KIND, "passthrough", Some("G")),
        (&tables::GPU_GENERATION_NVIDIA, "Ampere", Some("a")),
        (&tables::GPU_GENERATION_NVIDIA, "ada lovelace", Some("l")),
        (&tables::GPU_GENERATION_AMD, "3.1", Some("3.1")),
        (&tables::GPU_GENERATION_AMD, "rdna3/navi3x", Some("3.1")),
        (&tables::CPU_GENERATION_INTEL, "Ice Lake", Some("3")),
        (&tables::CPU_GENERATION_INTEL, "3", Some("3")),
        (&tables::STRATEGY, "v2/v1", Some("v2/v1")),
        (&tables::STRATEGY, "V3", Some("v3")),
        (&tables::STRATEGY, "latest", Some("v3")),
        (&tables::STRATEGY, "LATEST", Some("v3")),
        (&tables::STRATEGY, "v4", None),
    ];
    for &(table, text, code) in cases {
        let found = lookup(table.entries, text).map(|i| table.entries[i].code);
        assert_eq!(found, code, "{} {text:?}", table.id);
        assert_eq!(
            table.lookup(text).map(|e| e.code),
            code,
            "{} {text:?}",
            table.id
        );
    }
    // The typed entry points follow the same rule.
    assert_eq!("bare metal".parse(), Ok(Hypervisor::BareMetal));
    assert_eq!(Hypervisor::lookup("Xen"), Ok(Hypervisor::Xen));
    assert_eq!("Latest".parse(), Ok(Strategy::V3));
    assert_eq!(CpuVendor::Intel.lookup_generation("Sapphire Rapids"), Ok(4));
    assert_eq!(
        GpuVendor::Amd.lookup_generation("CDNA3").map(|g| g.code()),
        Ok("3")
    );
    assert_eq!(Level::lookup("Mandatory"), Ok(Level::Mandatory));
    let e = "bare-metal-ish".parse::<Hypervisor>().unwrap_err();
    assert_eq!(
        (e.kind().code(), e.start(), e.end()),
        ("unknown-value", 0, 14)
    );
    assert_eq!(
        e.to_string(),
        "unknown hypervisor: expected one of kvm, xen, vmw, hyv, bms, chy or a name: \
         \"VMware\", \"Hyper-V\", \"bare metal\", \"baremetal-system\", \"Cloud Hypervisor\""
    );
    let e = "v4".parse::<Strategy>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown strategy: expected one of v1, v1/v2, v2/v1, v2, v3 or a name: \"latest\""
    );
}

#[test]
fn no_two_rows_of_a_table_answer_to_the_same_text() {
    for table in tables::TABLES {
        for (i, e) in table.entries.iter().enumerate() {
            let texts = [e.code, e.name]
                .into_iter()
                .chain(e.aliases.iter().copied());
            for text in texts.filter(|t| !t.is_empty()) {
                assert_eq!(
                    lookup(table.entries, text),
                    Some(i),
                    "{} {text:?}",
                    table.id
                );
            }
        }
    }
}

/// Every name the parser accepts, under every strategy, rebuilds from its properties to the
/// same flavor and canonical name — directly and through the serde flavor object — and so does
/// its short flavor, which also reads back from the short name.
#[test]
fn every_accepted_name_rebuilds() {
    let mut rebuilt = 0;
    for row in vectors() {
        let name = row["name"].as_str().expect("name");
        for &strategy in Strategy::ALL {
            let Outcome::Valid(p) = strategy.check(name) else {
                continue;
            };
            let f = p.flavor();
            let b = Builder::from(f);
            assert_eq!(b.build(), Ok(f), "{name} ({strategy})");
            let object = serde_json::to_value(b).expect("serialisable");
            let back: Builder = serde_json::from_value(object.clone()).expect("readable");
            assert_eq!(back.build(), Ok(f), "{name} ({strategy}): {object}");
            let short = f.short();
            assert_eq!(Builder::from(short).build(), Ok(short), "{name}");
            assert_eq!(scs_flavor::parse(&short.to_string()), Ok(short), "{name}");
            rebuilt += 1;
        }
    }
    // Pinned for the shared vector file; another file only needs some.
    assert!(rebuilt > 5_000, "{rebuilt}");
}

#[test]
fn the_odd_gpus_the_checker_accepts_rebuild() {
    for (name, short) in [
        ("SCS-2V-4_GNah", "SCS-2V-4_GNa"),
        ("SCS-2V-4_GNah-24", "SCS-2V-4_GNa-24"),
        ("SCS-2V-4_GNh", "SCS-2V-4_GN"),
        ("SCS-2V-4_GNahh-24hh", "SCS-2V-4_GNa-24"),
    ] {
        let f = scs_flavor::parse(name).expect(name);
        assert_eq!(f.to_string(), name);
        let with_ib = Builder {
            ib: true,
            ..f.builder()
        }
        .build()
        .expect(name);
        assert_eq!(with_ib.to_string(), format!("{name}_ib"));
        assert_eq!(f.short().to_string(), short);
    }
    // The short name of `_GNah-24` reads back as 24 units, and so is its short flavor.
    let f = scs_flavor::parse("SCS-2V-4_GNah-24").expect("valid");
    let gpu = f.short().gpu.expect("a GPU");
    assert_eq!((gpu.units().map(|u| u.get()), gpu.vram()), (Some(24), None));
}

#[test]
fn the_flavor_object() {
    let f = scs_flavor::parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib").expect("valid");
    assert_eq!(
        serde_json::to_value(f.builder()).expect("serialisable"),
        json!({
            "cpus": 16, "cpu_type": "T", "cpu_insecure": false,
            "ram_gib": 64.0, "ram_no_ecc": false, "ram_oversubscribed": false,
            "disk": {"count": 3, "size": 10, "kind": "s"},
            "hypervisor": "bms", "hwv": true,
            "cpu_brand": {"vendor": "i", "generation": 3, "frequency": 1},
            "gpu": {"kind": "G", "vendor": "N", "generation": "a", "units": 64,
                    "unit_frequency": 0, "vram": null, "vram_bandwidth": 0},
            "ib": true
        })
    );
    // Names, odd spellings and absent optional parts.
    let read = |v: Value| serde_json::from_value::<Builder>(v).map(|b| b.build());
    let built = read(json!({
        "cpus": 4, "cpu_type": "shared-core", "ram_gib": 16,
        "disk": {"size": 100, "kind": "SSD"}, "hypervisor": "bare metal",
        "gpu": {"vendor": "Nvidia", "generation": "Ampere", "units": 64.0}
    }));
    assert_eq!(
        built.expect("readable").map(|f| f.to_string()),
        Ok("SCS-4V-16-100s_bms_GNa-64".to_string())
    );
    let refused = |v: Value| read(v).expect_err("refused").to_string();
    assert_eq!(
        refused(json!({"cpus": 2.5, "cpu_type": "V", "ram_gib": 4})),
        "cpus: vCPU count must be a whole number from 1 to 4294967295"
    );
    assert_eq!(
        refused(json!({"cpus": -1, "cpu_type": "V", "ram_gib": 4})),
        "cpus: vCPU count must be a whole number from 1 to 4294967295"
    );
    assert_eq!(
        refused(json!({"cpus": 2, "cpu_type": "V", "ram_gib": 4, "disk": {"size": "big"}})),
        "disk.size: disk size must be a whole number from 1 to 4294967295"
    );
    assert_eq!(
        refused(json!({"cpus": 2, "cpu_type": "V", "ram_gib": 4, "colour": "red"})),
        "unknown property `colour`: expected one of `cpus`, `cpu_type`, `cpu_insecure`, `ram_gib`, `ram_no_ecc`, `ram_oversubscribed`, `disk`, `hypervisor`, `hwv`, `cpu_brand`, `gpu`, `ib`"
    );
    assert!(refused(json!({"cpus": 2, "cpu_type": "X", "ram_gib": 4}))
        .starts_with("cpu_type: unknown CPU type: expected one of L, V, T, C or a name"));
    assert_eq!(
        refused(json!({"cpus": 2, "cpu_type": "V", "ram_gib": 4,
                       "gpu": {"vendor": "I", "generation": "Ampere"}})),
        "gpu.generation: unknown Intel GPU generation: expected one of 0.9, 0.95, 1, 2, 3, 4 \
         or a name: \"Gen9\", \"Gen9.5\", \"Xe/Gen12.1/DG1\", \"Xe/Gen12.2\", \"Arc/Gen12.7/DG2\", \
         \"Battlemage/Xe2\""
    );
    // Reading keeps the kind and the field of every refusal.
    let fail = |v: Value| {
        let e = Builder::from_deserializer(v)
            .expect("an object")
            .expect_err("refused");
        (e.kind().code(), e.field(), e.to_string())
    };
    let base = || json!({"cpus": 2, "cpu_type": "V", "ram_gib": 4});
    let with = |key: &str, value: Value| {
        let mut v = base();
        v[key] = value;
        v
    };
    assert_eq!(
        fail(json!({"cpu_type": "V", "ram_gib": 4})).0,
        "missing-field"
    );
    assert_eq!(fail(json!({"cpu_type": "V", "ram_gib": 4})).1, Some("cpus"));
    assert_eq!(fail(with("cpus", json!("two"))).0, "not-whole");
    assert_eq!(
        fail(with("hwv", json!(1))),
        (
            "not-bool",
            Some("hwv"),
            "hwv: must be `true` or `false`".into()
        )
    );
    assert_eq!(
        fail(with("disk", json!(20))),
        (
            "not-object",
            Some("disk"),
            "disk: must be an object or null".into()
        )
    );
    assert_eq!(
        fail(with("disk", json!({"size": 20, "typ": "s"}))),
        (
            "unknown-field",
            Some("disk"),
            "disk: unknown property `typ`: expected one of `count`, `size`, `kind`".into()
        )
    );
    assert_eq!(
        fail(with("hypervisor", json!("qemu"))).1,
        Some("hypervisor")
    );
    assert_eq!(fail(with("hypervisor", json!(3))).0, "unknown-value");
    assert_eq!(
        fail(with("gpu", json!({"generation": "a"}))).1,
        Some("gpu.vendor")
    );
    assert_eq!(fail(with("ram_gib", json!("lots"))).1, Some("ram_gib"));
    // Outside JSON the structure errors stay the format's own.
    assert!(Builder::from_deserializer(json!([1, 2])).is_err());
    // Generations by name or number, numbers as text.
    let read_ok = |v: Value| {
        Builder::from_deserializer(v)
            .expect("an object")
            .and_then(|b| b.build())
            .map(|f| f.to_string())
    };
    assert_eq!(
        read_ok(with(
            "cpu_brand",
            json!({"vendor": "Intel", "generation": "Ice Lake", "frequency": "1"})
        )),
        Ok("SCS-2V-4_i3h".into())
    );
    assert_eq!(
        read_ok(with(
            "gpu",
            json!({"vendor": "AMD", "generation": 3.1, "units": "48"})
        )),
        Ok("SCS-2V-4_GA3.1-48".into())
    );
    assert_eq!(
        read_ok(with("gpu", json!({"vendor": "I", "generation": 1}))),
        Ok("SCS-2V-4_GI1".into())
    );
    assert_eq!(read_ok(with("cpus", json!("4"))), Ok("SCS-4V-4".into()));
    // The builder's own refusals keep their field.
    let e = read(json!({"cpus": 0, "cpu_type": "V", "ram_gib": 4}))
        .expect("readable")
        .unwrap_err();
    assert_eq!((e.field(), e.kind().code()), (Some("cpus"), "zero"));
}

#[test]
fn every_spec_key_the_checker_writes_reads_back() {
    let mut keys = 0;
    for row in vectors() {
        for &strategy in Strategy::ALL {
            let Some(spec) = row[strategy.code()]["extra_specs"].as_object() else {
                continue;
            };
            for key in spec.keys() {
                let typed: SpecKey = key.parse().unwrap_or_else(|_| panic!("{key}"));
                assert_eq!(typed.to_string(), *key);
                assert_eq!(typed.is_extra_spec(), key.starts_with("scs:"), "{key}");
                keys += 1;
            }
        }
    }
    assert!(keys > 10_000, "{keys}");
    for bad in [
        "",
        "cpu",
        "scs:disk-type",
        "scs:disk01-type",
        "scs:name-v0",
        "scs:name-v",
        "scs:disk1-typ",
    ] {
        assert!(bad.parse::<SpecKey>().is_err(), "{bad:?}");
    }
    assert_eq!("scs:name-v4".parse(), Ok(SpecKey::Name(4)));
}

#[test]
fn flavors_are_ordered_by_meaning() {
    let mut names = [
        "SCS-2V-8",
        "SCS-1V-4",
        "SCS-2V-4-20s",
        "SCS-2V-4",
        "SCS-2V-4_GNa",
        "SCS-2V-4_GNf",
        "SCS-2C-4",
        "SCS-2V-3.5",
    ];
    names.sort_by_key(|n| scs_flavor::parse(n).expect(n));
    assert_eq!(
        names,
        [
            "SCS-1V-4",
            "SCS-2V-3.5",
            "SCS-2V-4",
            "SCS-2V-4_GNf", // Fermi before Ampere: chronologically, not by letter
            "SCS-2V-4_GNa",
            "SCS-2V-4-20s",
            "SCS-2V-8",
            "SCS-2C-4",
        ]
    );
}

/// The standard flavors, read from the scs-0103 text itself (its Markdown tables, with a
/// Markdown parser): name, vCPUs, vCPU type, RAM, disk and disk type, and the table they are in.
#[test]
fn standard_flavors_are_the_tables_of_scs_0103() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let text = shared("spec/scs-0103-v1-standard-flavors.md");
    let mut heading = String::new();
    let mut in_heading = false;
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level >= HeadingLevel::H3 => {
                heading.clear();
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                // The head's cells are not in a row of their own.
                row.clear();
                in_head = false;
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::End(TagEnd::TableRow) => {
                let cells = std::mem::take(&mut row);
                if !in_head {
                    rows.push((heading.clone(), cells));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                } else if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert_eq!(rows.len(), STANDARD_FLAVORS.len(), "{rows:?}");
    for ((heading, cells), std) in rows.iter().zip(STANDARD_FLAVORS) {
        let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        let table = match heading.as_str() {
            "Mandatory" => 0,
            "Recommended, part 1" => 1,
            "Recommended, part 2" => 2,
            other => panic!("table under {other:?}"),
        };
        let disk = match (cells[4], cells[5]) {
            ("", "") => None,
            (size, kind) => Some(StandardDisk {
                size_gb: size.parse().expect("a size"),
                kind: match kind {
                    "(any)" => None,
                    k => Some(DiskType::lookup(k).expect("a disk type")),
                },
            }),
        };
        assert_eq!(std.name, cells[0]);
        assert_eq!(std.table, table, "{}", std.name);
        assert_eq!(std.level == Level::Mandatory, table == 0, "{}", std.name);
        assert_eq!(std.vcpus.to_string(), cells[1], "{}", std.name);
        assert_eq!(Ok(std.cpu_type), CpuType::lookup(cells[2]), "{}", std.name);
        assert_eq!(std.ram_gib.to_string(), cells[3], "{}", std.name);
        assert_eq!(std.disk, disk, "{}", std.name);
        assert_eq!(std.is_official(), table < 2);
        assert_eq!(scs_flavor::StandardFlavor::find(std.name), Some(std));
    }
}

#[test]
fn the_tables_export() {
    let export = serde_json::to_value(tables::Export).expect("serialisable");
    let ids: Vec<&str> = export["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    let expected: Vec<&str> = tables::TABLES.iter().map(|t| t.id).collect();
    assert_eq!(ids, expected);
    assert!(ids.contains(&"flag") && ids.contains(&"strategy"));
    assert_eq!(
        export["tables"][0]["entries"][1],
        json!({"code": "V", "name": "shared-core", "meaning": "vCPU (oversubscribed)", "aliases": []})
    );
    assert_eq!(
        export["standard_flavors"].as_array().map(Vec::len),
        Some(31)
    );
    assert_eq!(
        export["standard_flavors"][3],
        json!({"name": "SCS-4V-16-100s", "level": "mandatory", "vcpus": 4, "cpu_type": "V",
               "ram_gib": 16, "disk": {"size_gb": 100, "kind": "s"}, "table": 0})
    );
    assert_eq!(
        export["fields"].as_array().map(Vec::len),
        Some(FIELDS.len())
    );
    assert_eq!(
        export["fields"][1],
        json!({"path": "cpu_type", "title": "CPU type", "optional": false, "kind": "table",
               "table": "cpu-type"})
    );
    // Every field path is a path into the flavor object.
    let f = scs_flavor::parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib").expect("valid");
    let object = serde_json::to_value(f.builder()).expect("serialisable");
    for field in FIELDS {
        let mut v = &object;
        for part in field.path.split('.') {
            v = &v[part];
        }
        assert!(!v.is_null() || field.optional, "{}", field.path);
        assert!(
            object
                .get(field.path.split('.').next().unwrap_or(""))
                .is_some(),
            "{}",
            field.path
        );
    }
}

/// `FieldInfo::get` reads what the flavor object (`Builder`'s serde form) holds at the
/// field's path, for every flavor of the reference vectors, and `FIELDS` lists every leaf of
/// that object once.
#[test]
fn every_field_reads_what_the_flavor_object_holds() {
    let json = |v: FieldValue| match v {
        FieldValue::Null => Value::Null,
        FieldValue::Flag(b) => json!(b),
        FieldValue::Number(n) => json!(n),
        FieldValue::Gib(x) => json!(x),
        FieldValue::Code(c) => json!(c),
    };
    let mut read = 0;
    for v in vectors() {
        let Some(name) = v["name"].as_str() else {
            continue;
        };
        let Ok(f) = scs_flavor::parse(name) else {
            continue;
        };
        let b = f.builder();
        let object = serde_json::to_value(b).expect("serialisable");
        // The leaves of the object (a part's fields where it is present) are FIELDS' paths.
        let mut leaves: Vec<String> = Vec::new();
        for (key, value) in object.as_object().expect("an object") {
            match value {
                Value::Object(part) => leaves.extend(part.keys().map(|k| format!("{key}.{k}"))),
                Value::Null if ["disk", "cpu_brand", "gpu"].contains(&key.as_str()) => {}
                _ => leaves.push(key.clone()),
            }
        }
        let mut paths: Vec<String> = FIELDS
            .iter()
            .map(|f| f.path.to_string())
            .filter(|p| {
                p.split_once('.')
                    .is_none_or(|(part, _)| !object[part].is_null())
            })
            .collect();
        leaves.sort();
        paths.sort();
        assert_eq!(leaves, paths, "{name}");
        for field in FIELDS {
            let mut at = &object;
            for key in field.path.split('.') {
                at = at.get(key).unwrap_or(&Value::Null);
            }
            assert_eq!(json(field.get(&f)), *at, "{name}: {}", field.path);
        }
        read += 1;
    }
    assert!(read > 1000, "{read} flavors read");
}

#[test]
fn one_error_type() {
    // Too many disks for a spec is an `Error` like the others.
    let f = scs_flavor::parse("SCS-2V-4-65x10").expect("valid");
    let e = f.spec().expect_err("too many");
    assert_eq!(e.kind(), ErrorKind::TooManyDisks { count: 65 });
    assert!(scs_flavor::parse("SCS-2V-4-64x10")
        .expect("valid")
        .spec()
        .is_ok());
    // A builder error names its field; a name error has none.
    let e = Builder::new(2, CpuType::SharedCore, 3.25)
        .build()
        .unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (
            Some("ram_gib"),
            "ram_gib: RAM must be a multiple of 0.5 GiB"
        )
    );
    let e = scs_flavor::parse("SCS-2V-3.25").unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (None, "RAM must be a multiple of 0.5 GiB")
    );
    // Usable with `?` in `Box<dyn Error>` code.
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert_eq!(boxed.to_string(), "RAM must be a multiple of 0.5 GiB");
    let _: &Flavor = &f;
}
