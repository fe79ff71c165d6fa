//! The value tables of the standard, once, as data.
//!
//! Every letter, word and generation that a flavor name may contain is listed here with its
//! code (as written in a name), a short name and its meaning, taken from scs-0100 v3 and its
//! implementation notes. The parser, the renderer, the descriptions, the Python and JS
//! packages, the CLI and the web page all read these tables; nobody retypes them.

/// One row of a value table: the code written in a name, a short name and its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// What the name contains, e.g. `"T"`, `"ssd"`'s letter `"s"`, `"bms"`, `"3"`, `"0.95"`.
    pub code: &'static str,
    /// A short name, e.g. `"dedicated-thread"`, `"Ice Lake"`, `"Ampere"`.
    pub name: &'static str,
    /// What it means, in the words of the standard.
    pub meaning: &'static str,
}

const fn e(code: &'static str, name: &'static str, meaning: &'static str) -> Entry {
    Entry {
        code,
        name,
        meaning,
    }
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
    e("bms", "bare metal", "bare metal system (no hypervisor)"),
    e("chy", "Cloud Hypervisor", "Cloud Hypervisor"),
];

/// CPU vendors / architectures.
pub const CPU_VENDORS: &[Entry] = &[
    e("i", "Intel", "Intel x86-64"),
    e("z", "AMD", "AMD (Zen) x86-64"),
    e("a", "ARM", "ARM v8+ (aarch64)"),
    e("r", "RISC-V", "RISC-V"),
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
    e("g", "virtual", "virtual GPU (vGPU)"),
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

impl Level {
    /// `"mandatory"` or `"recommended"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Mandatory => "mandatory",
            Level::Recommended => "recommended",
        }
    }
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
    /// The vCPU type (`scs:cpu-type`): `"shared-core"` or `"crowded-core"`.
    pub cpu_type: &'static str,
    /// RAM in GiB (the flavor must have 1024 × this many MiB).
    pub ram_gib: u32,
    /// Root disk size in GB; 0 for a flavor without root disk (boot from volume).
    pub disk_gb: u32,
    /// The table's disk type: `""` without disk, `"ssd"`, or `"(any)"` where the standard
    /// leaves the type open. Note that the official check still demands
    /// `scs:disk0-type=network` for `"(any)"`, the type the spec derives from a name without a
    /// disk type letter.
    pub disk_type: &'static str,
    /// The table it comes from: 0 mandatory, 1 recommended part 1, 2 recommended part 2
    /// (added in v1.2; not yet among the official checker's test cases at the time of writing).
    pub table: u8,
}

const fn std_flavor(
    name: &'static str,
    table: u8,
    vcpus: u32,
    cpu_type: &'static str,
    ram_gib: u32,
    disk_gb: u32,
    disk_type: &'static str,
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
        disk_gb,
        disk_type,
        table,
    }
}

const SC: &str = "shared-core";
const CC: &str = "crowded-core";

/// Every standard flavor of scs-0103 v1.2, in the order of the standard's tables: mandatory,
/// recommended part 1, recommended part 2.
pub const STANDARD_FLAVORS: &[StandardFlavor] = &[
    std_flavor("SCS-1V-4", 0, 1, SC, 4, 0, ""),
    std_flavor("SCS-2V-8", 0, 2, SC, 8, 0, ""),
    std_flavor("SCS-4V-16", 0, 4, SC, 16, 0, ""),
    std_flavor("SCS-4V-16-100s", 0, 4, SC, 16, 100, "ssd"),
    std_flavor("SCS-8V-32", 0, 8, SC, 32, 0, ""),
    std_flavor("SCS-1V-2", 0, 1, SC, 2, 0, ""),
    std_flavor("SCS-2V-4", 0, 2, SC, 4, 0, ""),
    std_flavor("SCS-2V-4-20s", 0, 2, SC, 4, 20, "ssd"),
    std_flavor("SCS-4V-8", 0, 4, SC, 8, 0, ""),
    std_flavor("SCS-8V-16", 0, 8, SC, 16, 0, ""),
    std_flavor("SCS-16V-32", 0, 16, SC, 32, 0, ""),
    std_flavor("SCS-1V-8", 0, 1, SC, 8, 0, ""),
    std_flavor("SCS-2V-16", 0, 2, SC, 16, 0, ""),
    std_flavor("SCS-4V-32", 0, 4, SC, 32, 0, ""),
    std_flavor("SCS-1L-1", 0, 1, CC, 1, 0, ""),
    std_flavor("SCS-1V-4-10", 1, 1, SC, 4, 10, "(any)"),
    std_flavor("SCS-2V-8-20", 1, 2, SC, 8, 20, "(any)"),
    std_flavor("SCS-4V-16-50", 1, 4, SC, 16, 50, "(any)"),
    std_flavor("SCS-8V-32-100", 1, 8, SC, 32, 100, "(any)"),
    std_flavor("SCS-1V-2-5", 1, 1, SC, 2, 5, "(any)"),
    std_flavor("SCS-2V-4-10", 1, 2, SC, 4, 10, "(any)"),
    std_flavor("SCS-4V-8-20", 1, 4, SC, 8, 20, "(any)"),
    std_flavor("SCS-8V-16-50", 1, 8, SC, 16, 50, "(any)"),
    std_flavor("SCS-16V-32-100", 1, 16, SC, 32, 100, "(any)"),
    std_flavor("SCS-1V-8-20", 1, 1, SC, 8, 20, "(any)"),
    std_flavor("SCS-2V-16-50", 1, 2, SC, 16, 50, "(any)"),
    std_flavor("SCS-4V-32-100", 1, 4, SC, 32, 100, "(any)"),
    std_flavor("SCS-1L-1-5", 1, 1, CC, 1, 5, "(any)"),
    std_flavor("SCS-16V-64", 2, 16, SC, 64, 0, ""),
    std_flavor("SCS-8V-64", 2, 8, SC, 64, 0, ""),
    std_flavor("SCS-16V-128", 2, 16, SC, 128, 0, ""),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiskType, Flavor};

    /// Each row's figures are what its name says, as the official check derives them.
    #[test]
    fn standard_flavor_rows_agree_with_their_names() {
        assert_eq!(STANDARD_FLAVORS.len(), 31);
        for row in STANDARD_FLAVORS {
            let f: Flavor = row.name.parse().expect(row.name);
            assert_eq!(f.to_string(), row.name, "canonical");
            assert_eq!(f.cpu.count.get(), row.vcpus, "{}", row.name);
            assert_eq!(f.cpu.kind.entry().name, row.cpu_type, "{}", row.name);
            assert_eq!(
                f.ram.size.mib(),
                u64::from(row.ram_gib) * 1024,
                "{}",
                row.name
            );
            let disk = f.disk.and_then(|d| d.size).map_or(0, |s| s.get());
            assert_eq!(disk, row.disk_gb, "{}", row.name);
            let kind = match f.disk.map(|d| d.kind) {
                None => "",
                Some(Some(DiskType::Ssd)) => "ssd",
                Some(None) => "(any)",
                Some(Some(_)) => "other",
            };
            assert_eq!(kind, row.disk_type, "{}", row.name);
            assert_eq!(row.level == Level::Mandatory, row.table == 0);
        }
    }
}
