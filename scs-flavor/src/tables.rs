//! The value tables of the standard, once, as data.
//!
//! Every letter, word and generation that a flavor name may contain is listed here with its
//! code (as written in a name), a short name and its meaning, taken from scs-0100 v3 and its
//! implementation notes; so are the flags, the strategies and the scs-0103 standard flavors.
//! The parser (its byte sets are computed from these rows at compile time), the renderer, the
//! descriptions, the audit, the Python and JS packages, the CLI and the web page all read these
//! tables; nobody retypes them. [`TABLES`] lists them all for export.
//!
//! # The lookup rule
//!
//! Wherever a value is given as text rather than read from a name — a builder property from
//! Python or JS, a CLI option, a selection requirement — it is looked up by [`lookup`], one
//! rule for every table and every language:
//!
//! 1. the **code** exactly as written in a name (`"V"`, `"s"`, `"bms"`, `"a"`, `"3.1"`):
//!    case-sensitive, since `g` and `G` differ;
//! 2. else the row's **name** or one of its **aliases**, ignoring ASCII case and the
//!    characters space, `-` and `_`: `"shared-core"`, `"Shared Core"`, `"bare metal"`,
//!    `"Bare-Metal"`, `"baremetal"`, `"Ice Lake"`, `"hyper-v"`, `"latest"`.
//!
//! ```
//! use scs_flavor::tables::{lookup, HYPERVISORS};
//! assert_eq!(lookup(HYPERVISORS, "bms"), Some(4));
//! assert_eq!(lookup(HYPERVISORS, "Bare Metal"), Some(4));
//! assert_eq!(lookup(HYPERVISORS, "BMS"), None); // a code is case-sensitive
//! ```

/// One row of a value table: the code written in a name, a short name and its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// What the name contains, e.g. `"T"`, `"ssd"`'s letter `"s"`, `"bms"`, `"3"`, `"0.95"`.
    pub code: &'static str,
    /// A short name, e.g. `"dedicated-thread"`, `"Ice Lake"`, `"Ampere"`.
    pub name: &'static str,
    /// What it means, in the words of the standard.
    pub meaning: &'static str,
    /// Further names that [`lookup`] accepts for this row (e.g. `"vgpu"`, `"aarch64"`).
    pub aliases: &'static [&'static str],
}

const fn e(code: &'static str, name: &'static str, meaning: &'static str) -> Entry {
    Entry {
        code,
        name,
        meaning,
        aliases: &[],
    }
}

const fn ea(
    code: &'static str,
    name: &'static str,
    meaning: &'static str,
    aliases: &'static [&'static str],
) -> Entry {
    Entry {
        code,
        name,
        meaning,
        aliases,
    }
}

/// A value table with its identifier and title, as exported to the bindings and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Table {
    /// A stable kebab-case identifier, e.g. `"cpu-type"`, `"gpu-generation-N"`.
    pub id: &'static str,
    /// What a value of this table is, for messages and labels: `"CPU type"`, `"hypervisor"`.
    pub title: &'static str,
    /// The rows, in the order of the standard.
    pub entries: &'static [Entry],
}

impl Table {
    /// The row for `text` by [the lookup rule](self#the-lookup-rule).
    pub fn lookup(&self, text: &str) -> Option<&'static Entry> {
        lookup(self.entries, text).map(|i| &self.entries[i])
    }

    /// The row for `text` by [the lookup rule](self#the-lookup-rule), or the error that names
    /// this table.
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`](crate::ErrorKind::Unknown), spanning the whole text.
    pub fn entry(&'static self, text: &str) -> Result<&'static Entry, crate::Error> {
        self.lookup(text).ok_or_else(|| {
            crate::Error::new(crate::ErrorKind::Unknown { table: self }, 0, text.len())
        })
    }

    /// The row with exactly this code.
    pub fn by_code(&self, code: &str) -> Option<&'static Entry> {
        find(self.entries, code.as_bytes()).map(|i| &self.entries[i])
    }
}

/// Whether `a` and `b` are equal ignoring ASCII case and the characters space, `-` and `_`.
fn same_name(a: &str, b: &str) -> bool {
    let skip = |c: &&u8| !matches!(**c, b' ' | b'-' | b'_');
    let mut x = a.as_bytes().iter().filter(skip);
    let mut y = b.as_bytes().iter().filter(skip);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// The row index of `text` in `table` by [the lookup rule](self#the-lookup-rule): the code
/// exactly, else the name or an alias ignoring ASCII case, spaces, `-` and `_`.
pub fn lookup(table: &[Entry], text: &str) -> Option<usize> {
    if let Some(i) = table.iter().position(|e| e.code == text) {
        return Some(i);
    }
    if text.is_empty() {
        return None;
    }
    table.iter().position(|e| {
        (!e.name.is_empty() && same_name(e.name, text))
            || e.aliases.iter().any(|a| same_name(a, text))
    })
}

/// CPU types (`L`, `V`, `T`, `C`); `name` is the scs-0103 `scs:cpu-type` value.
pub const CPU_TYPES: &[Entry] = &[
    e("L", "crowded-core", "vCPU (heavily oversubscribed)"),
    e("V", "shared-core", "vCPU (oversubscribed)"),
    e("T", "dedicated-thread", "dedicated thread (SMT)"),
    e("C", "dedicated-core", "dedicated core"),
];

/// Disk types (`n`, `h`, `s`, `p`); `name` is the scs-0103 `scs:diskN-type` value.
pub const DISK_TYPES: &[Entry] = &[
    e("n", "network", "network shared storage (ceph/cinder)"),
    e("h", "hdd", "local disk (HDD: SATA/SAS class)"),
    e("s", "ssd", "local SSD disk"),
    e("p", "nvme", "local high-performance NVMe"),
];

/// Hypervisors. `chy` exists only in the v2/v3 syntax.
pub const HYPERVISORS: &[Entry] = &[
    e("kvm", "KVM", "KVM (with qemu)"),
    e("xen", "Xen", "Xen"),
    e("vmw", "VMware", "VMware"),
    e("hyv", "Hyper-V", "Hyper-V"),
    ea(
        "bms",
        "bare metal",
        "bare metal system (no hypervisor)",
        &["baremetal-system"],
    ),
    e("chy", "Cloud Hypervisor", "Cloud Hypervisor"),
];

/// CPU vendors / architectures.
pub const CPU_VENDORS: &[Entry] = &[
    e("i", "Intel", "Intel x86-64"),
    e("z", "AMD", "AMD (Zen) x86-64"),
    ea("a", "ARM", "ARM v8+ (aarch64)", &["aarch64", "arm64"]),
    ea("r", "RISC-V", "RISC-V", &["riscv64"]),
];

/// Intel CPU generations (`_i0` … `_i6`).
pub const CPU_GENERATIONS_INTEL: &[Entry] = &[
    e("0", "pre-Skylake", "pre Skylake, or unspecified"),
    e("1", "Skylake", "Skylake"),
    e("2", "Cascade Lake", "Cascade Lake"),
    e("3", "Ice Lake", "Ice Lake"),
    e("4", "Sapphire Rapids", "Sapphire Rapids"),
    e("5", "Sierra Forest", "Sierra Forest (E-cores)"),
    e("6", "Granite Rapids", "Granite Rapids (P-cores)"),
];

/// AMD CPU generations (`_z0` … `_z6`).
pub const CPU_GENERATIONS_AMD: &[Entry] = &[
    e("0", "pre-Zen", "pre Zen, or unspecified"),
    e("1", "Zen 1", "Zen-1 (Naples)"),
    e("2", "Zen 2", "Zen-2 (Rome)"),
    e("3", "Zen 3", "Zen-3 (Milan)"),
    e("4", "Zen 4/4c", "Zen-4 (Genoa) / Zen-4c (Bergamo)"),
    e("5", "Zen 5/5c", "Zen-5 (Turin) / Zen-5c (Turin Dense)"),
    e("6", "Zen 6", "Zen-6 (Venice)"),
];

/// ARM CPU generations (`_a0` … `_a5`).
pub const CPU_GENERATIONS_ARM: &[Entry] = &[
    e("0", "pre-A76", "pre Cortex A76, or unspecified"),
    e("1", "A76/NeoN1", "A76/NeoN1 class"),
    e("2", "A78/X1/NeoV1", "A78/X1/NeoV1 class"),
    e("3", "A71x/NeoN2/V2", "A71x/NeoN2/V2 (ARMv9)"),
    e("4", "AmpereOne", "AmpereOne (ARMv8.6)"),
    e("5", "A72x/NeoN3/V3", "A72x/NeoN3/V3 (ARMv9.2)"),
];

/// RISC-V CPU generations (only `_r0`, unspecified).
pub const CPU_GENERATIONS_RISCV: &[Entry] = &[e("0", "unspecified", "unspecified generation")];

/// CPU frequency suffixes: none, `h`, `hh`, `hhh`.
pub const CPU_FREQUENCIES: &[Entry] = &[
    e("", "standard", "standard frequency"),
    e("h", "high frequency", ">2.75 GHz all-core"),
    e("hh", "very high frequency", ">3.25 GHz all-core"),
    e("hhh", "highest frequency", ">3.75 GHz all-core"),
];

/// GPU kinds: `g` (virtual GPU) and `G` (pass-through).
pub const GPU_KINDS: &[Entry] = &[
    ea("g", "virtual", "virtual GPU (vGPU)", &["vgpu"]),
    e("G", "pass-through", "pass-through GPU"),
];

/// GPU vendors; `meaning` names their processing units.
pub const GPU_VENDORS: &[Entry] = &[
    e("N", "Nvidia", "streaming multiprocessors (SMs)"),
    e("A", "AMD", "compute units (CUs)"),
    e("I", "Intel", "execution units (EUs)"),
];

/// Nvidia GPU generations.
pub const GPU_GENERATIONS_NVIDIA: &[Entry] = &[
    e("f", "Fermi", "Fermi"),
    e("k", "Kepler", "Kepler"),
    e("m", "Maxwell", "Maxwell"),
    e("p", "Pascal", "Pascal"),
    e("v", "Volta", "Volta"),
    e("t", "Turing", "Turing"),
    e("a", "Ampere", "Ampere"),
    e("l", "AdaLovelace", "Ada Lovelace"),
    e("g", "GraceHopper", "Grace Hopper"),
    e("b", "Blackwell", "Blackwell"),
    e("u", "Blackwell Ultra", "Blackwell Ultra"),
];

/// AMD GPU generations (GCN-x = 0.x, CDNA-x = x, RDNA-x = x.1, RDNA-3.5 = 3.5).
pub const GPU_GENERATIONS_AMD: &[Entry] = &[
    e("0.4", "GCN4/Polaris", "GCN 4.0 (Polaris)"),
    e("0.5", "GCN5/Vega", "GCN 5.0 (Vega)"),
    e("1", "CDNA1", "CDNA 1 (Instinct MI100)"),
    e("1.1", "RDNA1/Navi1x", "RDNA 1 (Navi 1x)"),
    e("2", "CDNA2", "CDNA 2 (Instinct MI200)"),
    e("2.1", "RDNA2/Navi2x", "RDNA 2 (Navi 2x)"),
    e("3", "CDNA3", "CDNA 3 (Instinct MI300)"),
    e("3.1", "RDNA3/Navi3x", "RDNA 3 (Navi 3x)"),
    e("3.5", "RDNA3.5", "RDNA 3.5"),
    e("4", "CDNA4", "CDNA 4 (Instinct MI350)"),
    e("4.1", "RDNA4/Navi4x", "RDNA 4 (Navi 4x)"),
    e("5.1", "RDNA5", "RDNA 5"),
];

/// Intel GPU generations.
pub const GPU_GENERATIONS_INTEL: &[Entry] = &[
    e("0.9", "Gen9", "Gen9 (Skylake)"),
    e("0.95", "Gen9.5", "Gen9.5 (Kaby Lake)"),
    e("1", "Xe/Gen12.1/DG1", "Xe (Gen12.1, DG1)"),
    e("2", "Xe/Gen12.2", "Xe (Gen12.2)"),
    e("3", "Arc/Gen12.7/DG2", "Arc (Gen12.7, DG2)"),
    e("4", "Battlemage/Xe2", "Battlemage (Xe2, Gen20)"),
];

/// GPU compute-unit frequency suffixes: none, `h`, `hh`.
pub const GPU_FREQUENCIES: &[Entry] = &[
    e("", "standard", "standard frequency compute units"),
    e("h", "high frequency", "high-frequency compute units"),
    e(
        "hh",
        "very high frequency",
        "very high-frequency compute units",
    ),
];

/// Video memory bandwidth suffixes: none, `h`, `hh`.
pub const VRAM_BANDWIDTHS: &[Entry] = &[
    e("", "standard", "standard bandwidth video memory"),
    e(
        "h",
        "high bandwidth",
        "high-bandwidth video memory (e.g. HBM)",
    ),
    e(
        "hh",
        "very high bandwidth",
        "very high-bandwidth video memory",
    ),
];

/// The flags: single letters after the CPU count (`i`) or the RAM (`u`, `o`), and the
/// extensions without a value (`hwv`, `ib`). `name` is the property's name in the builder.
pub const FLAGS: &[Entry] = &[
    e(
        "i",
        "cpu_insecure",
        "insufficient microcode / protection against CPU vulnerabilities",
    ),
    e("u", "ram_no_ecc", "RAM without ECC"),
    e("o", "ram_oversubscribed", "RAM oversubscribed"),
    e("hwv", "hwv", "hardware-accelerated (nested) virtualisation"),
    e("ib", "ib", "Infiniband (high-speed, low-latency network)"),
];

/// The checker's strategies (`VERSION` of `cli.py parse`); `latest` is an alias of `v3`.
pub const STRATEGIES: &[Entry] = &[
    e(
        "v1",
        "v1",
        "v1 syntax only; a v2 name is rejected as non-tolerable",
    ),
    e(
        "v1/v2",
        "v1/v2",
        "v1 syntax; v2 merely tolerated (with a warning)",
    ),
    e(
        "v2/v1",
        "v2/v1",
        "v2/v3 syntax; v1 merely tolerated (with a warning), as certification reads names",
    ),
    e(
        "v2",
        "v2",
        "v2/v3 syntax only; a v1 name is rejected as non-tolerable",
    ),
    ea(
        "v3",
        "v3",
        "v2/v3 syntax only (the current standard); a v1 name is rejected as non-tolerable",
        &["latest"],
    ),
];

/// The scs-0103 levels of a standard flavor.
pub const LEVELS: &[Entry] = &[
    e(
        "mandatory",
        "mandatory",
        "must exist on every SCS-compatible cloud",
    ),
    e("recommended", "recommended", "should exist; may be absent"),
];

macro_rules! table {
    ($(#[$m:meta])* $name:ident, $id:literal, $title:literal, $entries:expr) => {
        $(#[$m])*
        pub const $name: Table = Table {
            id: $id,
            title: $title,
            entries: $entries,
        };
    };
}

table!(/// [`CPU_TYPES`] as a table.
    CPU_TYPE, "cpu-type", "CPU type", CPU_TYPES);
table!(/// [`DISK_TYPES`] as a table.
    DISK_TYPE, "disk-type", "disk type", DISK_TYPES);
table!(/// [`HYPERVISORS`] as a table.
    HYPERVISOR, "hypervisor", "hypervisor", HYPERVISORS);
table!(/// [`CPU_VENDORS`] as a table.
    CPU_VENDOR, "cpu-vendor", "CPU vendor", CPU_VENDORS);
table!(/// [`CPU_GENERATIONS_INTEL`] as a table.
    CPU_GENERATION_INTEL, "cpu-generation-i", "Intel CPU generation", CPU_GENERATIONS_INTEL);
table!(/// [`CPU_GENERATIONS_AMD`] as a table.
    CPU_GENERATION_AMD, "cpu-generation-z", "AMD CPU generation", CPU_GENERATIONS_AMD);
table!(/// [`CPU_GENERATIONS_ARM`] as a table.
    CPU_GENERATION_ARM, "cpu-generation-a", "ARM CPU generation", CPU_GENERATIONS_ARM);
table!(/// [`CPU_GENERATIONS_RISCV`] as a table.
    CPU_GENERATION_RISCV, "cpu-generation-r", "RISC-V CPU generation", CPU_GENERATIONS_RISCV);
table!(/// [`CPU_FREQUENCIES`] as a table.
    CPU_FREQUENCY, "cpu-frequency", "CPU frequency", CPU_FREQUENCIES);
table!(/// [`GPU_KINDS`] as a table.
    GPU_KIND, "gpu-kind", "GPU kind", GPU_KINDS);
table!(/// [`GPU_VENDORS`] as a table.
    GPU_VENDOR, "gpu-vendor", "GPU vendor", GPU_VENDORS);
table!(/// [`GPU_GENERATIONS_NVIDIA`] as a table.
    GPU_GENERATION_NVIDIA, "gpu-generation-N", "Nvidia GPU generation", GPU_GENERATIONS_NVIDIA);
table!(/// [`GPU_GENERATIONS_AMD`] as a table.
    GPU_GENERATION_AMD, "gpu-generation-A", "AMD GPU generation", GPU_GENERATIONS_AMD);
table!(/// [`GPU_GENERATIONS_INTEL`] as a table.
    GPU_GENERATION_INTEL, "gpu-generation-I", "Intel GPU generation", GPU_GENERATIONS_INTEL);
table!(/// [`GPU_FREQUENCIES`] as a table.
    GPU_FREQUENCY, "gpu-frequency", "GPU unit frequency", GPU_FREQUENCIES);
table!(/// [`VRAM_BANDWIDTHS`] as a table.
    VRAM_BANDWIDTH, "vram-bandwidth", "VRAM bandwidth", VRAM_BANDWIDTHS);
table!(/// [`FLAGS`] as a table.
    FLAG, "flag", "flag", FLAGS);
table!(/// [`STRATEGIES`] as a table.
    STRATEGY, "strategy", "strategy", STRATEGIES);
table!(/// [`LEVELS`] as a table.
    LEVEL, "level", "standard flavor level", LEVELS);

/// Every table, for export (the bindings' `tables()` and the page's form).
pub const TABLES: &[Table] = &[
    CPU_TYPE,
    DISK_TYPE,
    HYPERVISOR,
    CPU_VENDOR,
    CPU_GENERATION_INTEL,
    CPU_GENERATION_AMD,
    CPU_GENERATION_ARM,
    CPU_GENERATION_RISCV,
    CPU_FREQUENCY,
    GPU_KIND,
    GPU_VENDOR,
    GPU_GENERATION_NVIDIA,
    GPU_GENERATION_AMD,
    GPU_GENERATION_INTEL,
    GPU_FREQUENCY,
    VRAM_BANDWIDTH,
    FLAG,
    STRATEGY,
    LEVEL,
];

/// The table with identifier `id`.
pub fn table(id: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.id == id)
}

/// The bytes of a table's one-letter codes, computed at compile time (the parser's byte sets).
pub(crate) const fn letters<const N: usize>(table: &[Entry]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut k = 0;
    while k < N {
        let code = table[k].code.as_bytes();
        assert!(code.len() == 1, "a letter table has one-byte codes");
        out[k] = code[0];
        k += 1;
    }
    out
}

use crate::model::{CpuType, DiskType};

/// Looks up `code` in `table`.
pub(crate) fn find(table: &'static [Entry], code: &[u8]) -> Option<usize> {
    // Codes are one to four bytes: comparing them in line is cheaper than a call to `memcmp`
    // per row, which `==` on slices makes (the parser's hot path looks up hypervisors and GPU
    // generations here).
    table.iter().position(|entry| {
        let row = entry.code.as_bytes();
        row.len() == code.len() && row.iter().zip(code).all(|(a, b)| a == b)
    })
}

/// The codes of a table joined by `sep`, e.g. `"f, k, m"`: for error messages.
pub(crate) struct Codes(pub &'static [Entry]);

impl core::fmt::Display for Codes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, entry) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(entry.code)?;
        }
        Ok(())
    }
}

/// Whether scs-0103 makes a standard flavor a certification requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Must exist on every SCS-compatible cloud (table "Mandatory").
    Mandatory,
    /// Should exist (tables "Recommended, part 1" and "part 2").
    Recommended,
}

impl crate::model::TableValue for Level {
    const TABLE: &'static Table = &LEVEL;
    const ALL: &'static [Level] = Level::ALL;

    fn index(self) -> usize {
        self as usize
    }
}

impl Level {
    /// Both levels, in the order of [`LEVELS`].
    pub const ALL: &'static [Level] = &[Level::Mandatory, Level::Recommended];

    /// `"mandatory"` or `"recommended"`: the code of its row in [`LEVELS`].
    pub fn code(self) -> &'static str {
        LEVELS[self as usize].code
    }
}

/// The root disk of a standard flavor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StandardDisk {
    /// Size in GB.
    pub size_gb: u32,
    /// The type the table demands (`ssd`), or `None` where the standard leaves it open. Note
    /// that the official check still demands the spec's `scs:disk0-type`, which for a name
    /// without a type letter is [`DiskType::SPEC_DEFAULT`] (`network`).
    pub kind: Option<DiskType>,
}

/// One row of the scs-0103 v1.2 standard flavor tables.
///
/// The figures must match a cloud's flavor exactly; its `extra_specs` must carry every `scs:*`
/// key of the spec derived from [`name`](StandardFlavor::name) (`Flavor::spec`), as the official
/// check compares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StandardFlavor {
    /// The recommended name, e.g. `"SCS-2V-4-20s"` (canonical v2/v3 form).
    pub name: &'static str,
    /// Mandatory or recommended.
    pub level: Level,
    /// Number of vCPUs.
    pub vcpus: u32,
    /// The vCPU type (`scs:cpu-type`): shared-core or crowded-core.
    pub cpu_type: CpuType,
    /// RAM in GiB (the flavor must have 1024 × this many MiB).
    pub ram_gib: u32,
    /// The root disk; `None` for a flavor without root disk (boot from volume).
    pub disk: Option<StandardDisk>,
    /// The table it comes from: 0 mandatory, 1 recommended part 1, 2 recommended part 2
    /// (added in v1.2; not yet among the official checker's test cases at the time of writing).
    pub table: u8,
}

impl StandardFlavor {
    /// Whether the official checker's test cases include this flavor (tables 0 and 1).
    pub fn is_official(&self) -> bool {
        self.table < 2
    }

    /// Root disk size in GB, 0 without a root disk (as Nova's `disk` field).
    pub fn disk_gb(&self) -> u32 {
        self.disk.map_or(0, |d| d.size_gb)
    }

    /// The standard flavor named `name` (its canonical name, exactly).
    pub fn find(name: &str) -> Option<&'static StandardFlavor> {
        STANDARD_FLAVORS.iter().find(|s| s.name == name)
    }
}

const fn std_flavor(
    name: &'static str,
    table: u8,
    vcpus: u32,
    cpu_type: CpuType,
    ram_gib: u32,
    disk: Option<StandardDisk>,
) -> StandardFlavor {
    StandardFlavor {
        name,
        level: if table == 0 {
            Level::Mandatory
        } else {
            Level::Recommended
        },
        vcpus,
        cpu_type,
        ram_gib,
        disk,
        table,
    }
}

const SC: CpuType = CpuType::SharedCore;
const CC: CpuType = CpuType::CrowdedCore;
const NONE: Option<StandardDisk> = None;

const fn ssd(size_gb: u32) -> Option<StandardDisk> {
    Some(StandardDisk {
        size_gb,
        kind: Some(DiskType::Ssd),
    })
}

const fn any(size_gb: u32) -> Option<StandardDisk> {
    Some(StandardDisk {
        size_gb,
        kind: None,
    })
}

/// Every standard flavor of scs-0103 v1.2, in the order of the standard's tables: mandatory,
/// recommended part 1, recommended part 2.
pub const STANDARD_FLAVORS: &[StandardFlavor] = &[
    std_flavor("SCS-1V-4", 0, 1, SC, 4, NONE),
    std_flavor("SCS-2V-8", 0, 2, SC, 8, NONE),
    std_flavor("SCS-4V-16", 0, 4, SC, 16, NONE),
    std_flavor("SCS-4V-16-100s", 0, 4, SC, 16, ssd(100)),
    std_flavor("SCS-8V-32", 0, 8, SC, 32, NONE),
    std_flavor("SCS-1V-2", 0, 1, SC, 2, NONE),
    std_flavor("SCS-2V-4", 0, 2, SC, 4, NONE),
    std_flavor("SCS-2V-4-20s", 0, 2, SC, 4, ssd(20)),
    std_flavor("SCS-4V-8", 0, 4, SC, 8, NONE),
    std_flavor("SCS-8V-16", 0, 8, SC, 16, NONE),
    std_flavor("SCS-16V-32", 0, 16, SC, 32, NONE),
    std_flavor("SCS-1V-8", 0, 1, SC, 8, NONE),
    std_flavor("SCS-2V-16", 0, 2, SC, 16, NONE),
    std_flavor("SCS-4V-32", 0, 4, SC, 32, NONE),
    std_flavor("SCS-1L-1", 0, 1, CC, 1, NONE),
    std_flavor("SCS-1V-4-10", 1, 1, SC, 4, any(10)),
    std_flavor("SCS-2V-8-20", 1, 2, SC, 8, any(20)),
    std_flavor("SCS-4V-16-50", 1, 4, SC, 16, any(50)),
    std_flavor("SCS-8V-32-100", 1, 8, SC, 32, any(100)),
    std_flavor("SCS-1V-2-5", 1, 1, SC, 2, any(5)),
    std_flavor("SCS-2V-4-10", 1, 2, SC, 4, any(10)),
    std_flavor("SCS-4V-8-20", 1, 4, SC, 8, any(20)),
    std_flavor("SCS-8V-16-50", 1, 8, SC, 16, any(50)),
    std_flavor("SCS-16V-32-100", 1, 16, SC, 32, any(100)),
    std_flavor("SCS-1V-8-20", 1, 1, SC, 8, any(20)),
    std_flavor("SCS-2V-16-50", 1, 2, SC, 16, any(50)),
    std_flavor("SCS-4V-32-100", 1, 4, SC, 32, any(100)),
    std_flavor("SCS-1L-1-5", 1, 1, CC, 1, any(5)),
    std_flavor("SCS-16V-64", 2, 16, SC, 64, NONE),
    std_flavor("SCS-8V-64", 2, 8, SC, 64, NONE),
    std_flavor("SCS-16V-128", 2, 16, SC, 128, NONE),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Flavor;

    /// Each row's figures are what its name says, as the official check derives them.
    #[test]
    fn standard_flavor_rows_agree_with_their_names() {
        assert_eq!(STANDARD_FLAVORS.len(), 31);
        for row in STANDARD_FLAVORS {
            let f: Flavor = row.name.parse().expect(row.name);
            assert_eq!(f.to_string(), row.name, "canonical");
            assert_eq!(f.cpu.count.get(), row.vcpus, "{}", row.name);
            assert_eq!(f.cpu.kind, row.cpu_type, "{}", row.name);
            assert_eq!(
                f.ram.size.mib(),
                u64::from(row.ram_gib) * 1024,
                "{}",
                row.name
            );
            let disk = f.disk.map(|d| StandardDisk {
                size_gb: d.size.map_or(0, |s| s.get()),
                kind: d.kind,
            });
            assert_eq!(disk, row.disk, "{}", row.name);
            assert_eq!(row.level == Level::Mandatory, row.table == 0);
        }
    }
}

/// Everything in this module as one value, for the bindings' `tables()`: with the `serde`
/// feature it serialises as `{"tables": [{id, title, entries: [{code, name, meaning,
/// aliases}]}], "standard_flavors": [{name, level, vcpus, cpu_type, ram_gib, disk, table}],
/// "fields": [{path, title, kind, optional, …}]}` — the one description the Python and JS
/// packages and the page read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Export;
