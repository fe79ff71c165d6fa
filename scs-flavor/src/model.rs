//! The typed, `Copy`, heap-free values of a flavor name.

use core::fmt;
use core::num::NonZeroU32;

use crate::tables::{self, Entry};

macro_rules! letter_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $table:path, { $( $(#[$vmeta:meta])* $variant:ident = $idx:literal ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $idx, )*
        }

        impl $name {
            /// Every value, in the order of the standard's table.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// This value's row in the standard's table.
            pub fn entry(self) -> &'static Entry {
                &$table[self as usize]
            }

            /// The code written in a name (e.g. `"T"`, `"s"`, `"bms"`).
            pub fn code(self) -> &'static str {
                self.entry().code
            }

            /// The value for a code as written in a name (case-sensitive), if there is one.
            pub fn from_code(code: &str) -> Option<Self> {
                tables::find(&$table, code.as_bytes()).map(|i| Self::ALL[i])
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.entry().name)
            }
        }
    };
}

letter_enum!(
    /// The CPU type letter: `L`, `V`, `T` or `C`, ordered from the weakest promise to the
    /// strongest.
    CpuType, tables::CPU_TYPES, {
        /// `L`: vCPU, heavily oversubscribed (`crowded-core`).
        CrowdedCore = 0,
        /// `V`: vCPU, oversubscribed (`shared-core`).
        SharedCore = 1,
        /// `T`: dedicated SMT thread (`dedicated-thread`).
        DedicatedThread = 2,
        /// `C`: dedicated core (`dedicated-core`).
        DedicatedCore = 3,
    }
);

letter_enum!(
    /// The disk type letter: `n`, `h`, `s` or `p`, ordered from network to NVMe.
    DiskType, tables::DISK_TYPES, {
        /// `n`: network shared storage.
        Network = 0,
        /// `h`: local HDD.
        Hdd = 1,
        /// `s`: local SSD.
        Ssd = 2,
        /// `p`: local high-performance NVMe.
        Nvme = 3,
    }
);

letter_enum!(
    /// The hypervisor extension: `_kvm`, `_xen`, `_vmw`, `_hyv`, `_bms` or `_chy`.
    Hypervisor, tables::HYPERVISORS, {
        /// `kvm`
        Kvm = 0,
        /// `xen`
        Xen = 1,
        /// `vmw`
        Vmware = 2,
        /// `hyv`
        HyperV = 3,
        /// `bms`: bare metal, no hypervisor.
        BareMetal = 4,
        /// `chy`: Cloud Hypervisor (v2/v3 syntax only).
        CloudHypervisor = 5,
    }
);

letter_enum!(
    /// The CPU vendor / architecture letter of the CPU brand extension: `i`, `z`, `a` or `r`.
    CpuVendor, tables::CPU_VENDORS, {
        /// `i`: Intel x86-64.
        Intel = 0,
        /// `z`: AMD x86-64.
        Amd = 1,
        /// `a`: ARM (aarch64).
        Arm = 2,
        /// `r`: RISC-V.
        RiscV = 3,
    }
);

letter_enum!(
    /// The GPU kind letter: `g` (virtual) or `G` (pass-through).
    GpuKind, tables::GPU_KINDS, {
        /// `g`: virtual GPU.
        Virtual = 0,
        /// `G`: pass-through GPU.
        PassThrough = 1,
    }
);

letter_enum!(
    /// The GPU vendor letter: `N`, `A` or `I`.
    GpuVendor, tables::GPU_VENDORS, {
        /// `N`: Nvidia.
        Nvidia = 0,
        /// `A`: AMD.
        Amd = 1,
        /// `I`: Intel.
        Intel = 2,
    }
);

impl CpuVendor {
    /// The generations defined for this vendor; the index is the generation number.
    pub fn generations(self) -> &'static [Entry] {
        match self {
            CpuVendor::Intel => tables::CPU_GENERATIONS_INTEL,
            CpuVendor::Amd => tables::CPU_GENERATIONS_AMD,
            CpuVendor::Arm => tables::CPU_GENERATIONS_ARM,
            CpuVendor::RiscV => tables::CPU_GENERATIONS_RISCV,
        }
    }

    /// The highest generation number defined for this vendor.
    pub fn max_generation(self) -> u8 {
        // Tables have at most 7 rows.
        (self.generations().len() - 1) as u8
    }

    /// Whether the short name keeps this vendor's letter (it names the architecture).
    pub fn kept_in_short_name(self) -> bool {
        matches!(self, CpuVendor::Arm | CpuVendor::RiscV)
    }
}

impl GpuVendor {
    /// The generations defined for this vendor.
    pub fn generations(self) -> &'static [Entry] {
        match self {
            GpuVendor::Nvidia => tables::GPU_GENERATIONS_NVIDIA,
            GpuVendor::Amd => tables::GPU_GENERATIONS_AMD,
            GpuVendor::Intel => tables::GPU_GENERATIONS_INTEL,
        }
    }

    /// What this vendor's processing units are called, in the plural (`"SMs"`, `"CUs"`, `"EUs"`).
    pub fn unit_name(self) -> &'static str {
        match self {
            GpuVendor::Nvidia => "SMs",
            GpuVendor::Amd => "CUs",
            GpuVendor::Intel => "EUs",
        }
    }

    /// The generation with `code` (e.g. `"a"`, `"0.95"`) for this vendor, if defined.
    pub fn generation(self, code: &str) -> Option<GpuGeneration> {
        tables::find(self.generations(), code.as_bytes()).map(|i| GpuGeneration {
            vendor: self,
            index: i as u8,
        })
    }
}

/// How many `h` follow a CPU brand, GPU unit count or VRAM size: the frequency or bandwidth
/// class. CPUs allow up to [`Frequency::Highest`] (`hhh`), GPUs up to [`Frequency::VeryHigh`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Frequency {
    /// No `h`.
    #[default]
    Standard = 0,
    /// `h`
    High = 1,
    /// `hh`
    VeryHigh = 2,
    /// `hhh` (CPUs only)
    Highest = 3,
}

impl Frequency {
    /// The frequency for a number of `h` letters, if at most three.
    pub fn from_count(count: usize) -> Option<Self> {
        match count {
            0 => Some(Frequency::Standard),
            1 => Some(Frequency::High),
            2 => Some(Frequency::VeryHigh),
            3 => Some(Frequency::Highest),
            _ => None,
        }
    }

    /// The number of `h` letters.
    pub fn count(self) -> usize {
        self as usize
    }

    /// The letters as written in a name: `""`, `"h"`, `"hh"` or `"hhh"`.
    pub fn code(self) -> &'static str {
        &"hhh"[..self as usize]
    }
}

/// The CPU/RAM component's CPU half: `16T`, `2Vi` — count, type and the insecure flag `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cpu {
    /// Number of vCPUs (≥ 1).
    pub count: NonZeroU32,
    /// `L`, `V`, `T` or `C`.
    pub kind: CpuType,
    /// `i`: insufficient protection against CPU vulnerabilities.
    pub insecure: bool,
}

/// An amount of RAM in GiB, held exactly as a positive number of half GiB.
///
/// Written `4`, `3.5`, `0.5` in a name; any positive multiple of 0.5 up to 2147483647.5 GiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RamSize(NonZeroU32);

impl RamSize {
    /// The largest amount this type holds (2147483647.5 GiB).
    pub const MAX: RamSize = RamSize(NonZeroU32::MAX);

    /// `half_gib` half GiB (e.g. 7 for 3.5 GiB).
    pub const fn from_half_gib(half_gib: NonZeroU32) -> Self {
        RamSize(half_gib)
    }

    /// Whole GiB; `None` for 0 or above 2147483647.
    pub const fn from_gib(gib: u32) -> Option<Self> {
        if gib > i32::MAX as u32 {
            return None;
        }
        match NonZeroU32::new(gib * 2) {
            Some(half) => Some(RamSize(half)),
            None => None,
        }
    }

    /// From a float such as 3.5; `None` unless it is a positive multiple of 0.5 in range.
    pub fn from_gib_f64(gib: f64) -> Option<Self> {
        let half = gib * 2.0;
        if !(half >= 1.0 && half <= u32::MAX as f64) || half != (half as u32) as f64 {
            return None;
        }
        NonZeroU32::new(half as u32).map(RamSize)
    }

    /// The amount in half GiB.
    pub const fn half_gib(self) -> u32 {
        self.0.get()
    }

    /// The amount in GiB as a float (exact: every value is a multiple of 0.5 below 2^31).
    pub fn gib(self) -> f64 {
        self.0.get() as f64 / 2.0
    }

    /// The amount in MiB (1024 per GiB).
    pub const fn mib(self) -> u64 {
        self.0.get() as u64 * 512
    }

    /// Whether the amount is a whole number of GiB.
    pub const fn is_whole(self) -> bool {
        self.0.get() % 2 == 0
    }
}

/// Writes `4`, `3.5` or `0.5`: an integer when whole, else with one decimal (as the checker).
impl fmt::Display for RamSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let half = self.0.get();
        write!(f, "{}", half / 2)?;
        if half % 2 == 1 {
            f.write_str(".5")?;
        }
        Ok(())
    }
}

/// The CPU/RAM component's RAM half: `-64`, `-3.5uo` — amount, `u` (no ECC), `o`
/// (oversubscribed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ram {
    /// Amount of RAM.
    pub size: RamSize,
    /// `u`: no ECC.
    pub no_ecc: bool,
    /// `o`: memory oversubscribed.
    pub oversubscribed: bool,
}

/// The optional disk component: `-[Mx][N][n|h|s|p]`, e.g. `-3x10s`, `-50`, `-n`, `-`, `-3x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Disk {
    /// Number of disks (`M` in `Mx`, 1 when absent).
    pub count: NonZeroU32,
    /// Size of each disk in GB; `None` when the cloud chooses the size.
    pub size: Option<NonZeroU32>,
    /// Disk type; `None` when unspecified.
    pub kind: Option<DiskType>,
}

/// The CPU brand extension: `_ vendor [generation] [h…]`, e.g. `_i3h`, `_z`, `_a1`.
///
/// Generation 0 means "rather old or unspecified" and is not written (`_i0` reads as `_i`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CpuBrand {
    vendor: CpuVendor,
    generation: u8,
    frequency: Frequency,
}

impl CpuBrand {
    /// A CPU brand; `None` if the vendor has no such generation.
    pub fn new(vendor: CpuVendor, generation: u8, frequency: Frequency) -> Option<Self> {
        (generation <= vendor.max_generation()).then_some(CpuBrand {
            vendor,
            generation,
            frequency,
        })
    }

    /// The vendor / architecture.
    pub fn vendor(self) -> CpuVendor {
        self.vendor
    }

    /// The generation number (0 = old or unspecified).
    pub fn generation(self) -> u8 {
        self.generation
    }

    /// The generation's table row.
    pub fn generation_entry(self) -> &'static Entry {
        &self.vendor.generations()[self.generation as usize]
    }

    /// The frequency class (`h`, `hh`, `hhh`).
    pub fn frequency(self) -> Frequency {
        self.frequency
    }
}

/// A GPU generation of one vendor (e.g. Nvidia `a`, AMD `3.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GpuGeneration {
    vendor: GpuVendor,
    index: u8,
}

impl GpuGeneration {
    pub(crate) fn from_index(vendor: GpuVendor, index: usize) -> Self {
        GpuGeneration {
            vendor,
            index: index as u8,
        }
    }

    /// The generation's table row.
    pub fn entry(self) -> &'static Entry {
        &self.vendor.generations()[self.index as usize]
    }

    /// The code as written in a name.
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The vendor this generation belongs to.
    pub fn vendor(self) -> GpuVendor {
        self.vendor
    }
}

/// The GPU extension: `_ kind vendor [gen] [-units [h…]] [-vram [h…]]`, e.g.
/// `_GNa-64`, `_gA3.1-48h-24h`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Gpu {
    pub(crate) kind: GpuKind,
    pub(crate) vendor: GpuVendor,
    pub(crate) generation: Option<GpuGeneration>,
    pub(crate) units: Option<NonZeroU32>,
    pub(crate) unit_frequency: Frequency,
    pub(crate) vram: Option<NonZeroU32>,
    pub(crate) vram_bandwidth: Frequency,
}

impl Gpu {
    /// Pass-through (`G`) or virtual (`g`).
    pub fn kind(self) -> GpuKind {
        self.kind
    }
    /// `N`, `A` or `I`.
    pub fn vendor(self) -> GpuVendor {
        self.vendor
    }
    /// The generation, if given.
    pub fn generation(self) -> Option<GpuGeneration> {
        self.generation
    }
    /// Number of SMs / CUs / EUs, if given.
    pub fn units(self) -> Option<NonZeroU32> {
        self.units
    }
    /// Frequency class of the units (`h`, `hh`).
    pub fn unit_frequency(self) -> Frequency {
        self.unit_frequency
    }
    /// Video memory in GiB, if given.
    pub fn vram(self) -> Option<NonZeroU32> {
        self.vram
    }
    /// Bandwidth class of the video memory (`h`, `hh`).
    pub fn vram_bandwidth(self) -> Frequency {
        self.vram_bandwidth
    }
}

/// A parsed or built SCS flavor name: every component, typed.
///
/// `Display` writes the canonical v2/v3 name; [`Flavor::v1`] and [`Flavor::short`] are the
/// other forms. `FromStr` parses the v3 syntax.
///
/// ```
/// use scs_flavor::{Flavor, CpuType, DiskType};
/// let f: Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".parse()?;
/// assert_eq!(f.cpu.count.get(), 16);
/// assert_eq!(f.cpu.kind, CpuType::DedicatedThread);
/// assert_eq!(f.ram.size.gib(), 64.0);
/// assert_eq!(f.disk.unwrap().kind, Some(DiskType::Ssd));
/// assert_eq!(f.short().to_string(), "SCS-16T-64-3x10s_GNa-64_ib");
/// # Ok::<(), scs_flavor::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Flavor {
    /// vCPUs: count, type, insecure flag.
    pub cpu: Cpu,
    /// RAM: amount, no-ECC and oversubscription flags.
    pub ram: Ram,
    /// The root disk(s), if the name has a disk component.
    pub disk: Option<Disk>,
    /// `_kvm`, `_bms`, …
    pub hypervisor: Option<Hypervisor>,
    /// `_hwv`: hardware (nested) virtualisation.
    pub hwv: bool,
    /// `_i3h`, `_z`, …
    pub cpu_brand: Option<CpuBrand>,
    /// `_GNa-64`, …
    pub gpu: Option<Gpu>,
    /// `_ib`: Infiniband.
    pub ib: bool,
}

impl Flavor {
    /// The short name's flavor (§4): drops hypervisor, `_hwv`, the Intel/AMD CPU brand (keeps
    /// the bare vendor letter for ARM and RISC-V) and every GPU `h`.
    pub fn shortened(&self) -> Flavor {
        Flavor {
            cpu: self.cpu,
            ram: self.ram,
            disk: self.disk,
            hypervisor: None,
            hwv: false,
            cpu_brand: self.cpu_brand.and_then(|b| {
                b.vendor.kept_in_short_name().then_some(CpuBrand {
                    vendor: b.vendor,
                    generation: 0,
                    frequency: Frequency::Standard,
                })
            }),
            gpu: self.gpu.map(|g| Gpu {
                unit_frequency: Frequency::Standard,
                vram_bandwidth: Frequency::Standard,
                ..g
            }),
            ib: self.ib,
        }
    }
}
