//! The typed, `Copy`, heap-free values of a flavor name.

use core::fmt;
use core::num::NonZeroU32;

use crate::error::{Error, ErrorKind};
use crate::tables::{self, Entry, Table};

/// A value named by a row of one of the standard's [tables](crate::tables): the letter enums,
/// [`crate::Strategy`] and [`crate::Level`]. One implementation of code and lookup for all.
pub trait TableValue: Copy + Sized + 'static {
    /// The table whose rows are the values.
    const TABLE: &'static Table;
    /// Every value, in the order of the table's rows.
    const ALL: &'static [Self];

    /// This value's row index.
    fn index(self) -> usize;

    /// This value's row in the table.
    fn entry(self) -> &'static Entry {
        &Self::TABLE.entries[self.index()]
    }

    /// The value for a code as written in a name (case-sensitive), if there is one.
    fn from_code(code: &str) -> Option<Self> {
        tables::find(Self::TABLE.entries, code.as_bytes()).map(|i| Self::ALL[i])
    }

    /// The value for `text` by [the lookup rule](crate::tables#the-lookup-rule): the code,
    /// or the name or an alias ignoring case, spaces, `-` and `_`.
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] naming the table, with the span of the whole text.
    fn lookup(text: &str) -> Result<Self, Error> {
        match tables::lookup(Self::TABLE.entries, text) {
            Some(i) => Ok(Self::ALL[i]),
            None => Err(Error::new(
                ErrorKind::Unknown { table: Self::TABLE },
                0,
                text.len(),
            )),
        }
    }
}

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

        impl TableValue for $name {
            const TABLE: &'static Table = &$table;
            const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            fn index(self) -> usize {
                self as usize
            }
        }

        impl $name {
            /// Every value, in the order of the standard's table.
            pub const ALL: &'static [$name] = <$name as TableValue>::ALL;

            /// This value's row in the standard's table.
            pub fn entry(self) -> &'static Entry {
                TableValue::entry(self)
            }

            /// The code written in a name (e.g. `"T"`, `"s"`, `"bms"`).
            pub fn code(self) -> &'static str {
                self.entry().code
            }

            /// The value for a code as written in a name (case-sensitive), if there is one.
            pub fn from_code(code: &str) -> Option<Self> {
                <Self as TableValue>::from_code(code)
            }

            /// The value for `text` by [the lookup rule](crate::tables#the-lookup-rule).
            ///
            /// # Errors
            /// [`ErrorKind::Unknown`] naming the table.
            pub fn lookup(text: &str) -> Result<Self, Error> {
                <Self as TableValue>::lookup(text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.entry().name)
            }
        }

        impl core::str::FromStr for $name {
            type Err = Error;

            /// [`TableValue::lookup`]: the code, or the name ignoring case, spaces, `-`, `_`.
            fn from_str(s: &str) -> Result<Self, Error> {
                <$name as TableValue>::lookup(s)
            }
        }
    };
}

letter_enum!(
    /// The CPU type letter: `L`, `V`, `T` or `C`, ordered from the weakest promise to the
    /// strongest.
    CpuType, tables::CPU_TYPE, {
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
    DiskType, tables::DISK_TYPE, {
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
    Hypervisor, tables::HYPERVISOR, {
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
    CpuVendor, tables::CPU_VENDOR, {
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
    GpuKind, tables::GPU_KIND, {
        /// `g`: virtual GPU.
        Virtual = 0,
        /// `G`: pass-through GPU.
        PassThrough = 1,
    }
);

letter_enum!(
    /// The GPU vendor letter: `N`, `A` or `I`.
    GpuVendor, tables::GPU_VENDOR, {
        /// `N`: Nvidia.
        Nvidia = 0,
        /// `A`: AMD.
        Amd = 1,
        /// `I`: Intel.
        Intel = 2,
    }
);

impl DiskType {
    /// The type the scs-0103 spec writes for a disk whose name gives no type letter
    /// (`scs:diskN-type=network`).
    pub const SPEC_DEFAULT: DiskType = DiskType::Network;
}

impl CpuVendor {
    /// The table of generations defined for this vendor; the index is the generation number.
    pub fn generation_table(self) -> &'static Table {
        match self {
            CpuVendor::Intel => &tables::CPU_GENERATION_INTEL,
            CpuVendor::Amd => &tables::CPU_GENERATION_AMD,
            CpuVendor::Arm => &tables::CPU_GENERATION_ARM,
            CpuVendor::RiscV => &tables::CPU_GENERATION_RISCV,
        }
    }

    /// The generations defined for this vendor; the index is the generation number.
    pub fn generations(self) -> &'static [Entry] {
        self.generation_table().entries
    }

    /// The generation for `text` by [the lookup rule](crate::tables#the-lookup-rule): its
    /// number (`"3"`) or its name (`"Ice Lake"`).
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] naming this vendor's generation table.
    pub fn lookup_generation(self, text: &str) -> Result<u8, Error> {
        let table = self.generation_table();
        match tables::lookup(table.entries, text) {
            Some(i) => Ok(i as u8),
            None => Err(Error::new(ErrorKind::Unknown { table }, 0, text.len())),
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
    /// The table of generations defined for this vendor.
    pub fn generation_table(self) -> &'static Table {
        match self {
            GpuVendor::Nvidia => &tables::GPU_GENERATION_NVIDIA,
            GpuVendor::Amd => &tables::GPU_GENERATION_AMD,
            GpuVendor::Intel => &tables::GPU_GENERATION_INTEL,
        }
    }

    /// The generations defined for this vendor.
    pub fn generations(self) -> &'static [Entry] {
        self.generation_table().entries
    }

    /// The generation for `text` by [the lookup rule](crate::tables#the-lookup-rule): its
    /// code (`"a"`, `"3.1"`) or its name (`"Ampere"`).
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] naming this vendor's generation table.
    pub fn lookup_generation(self, text: &str) -> Result<GpuGeneration, Error> {
        let table = self.generation_table();
        match tables::lookup(table.entries, text) {
            Some(i) => Ok(GpuGeneration::from_index(self, i)),
            None => Err(Error::new(ErrorKind::Unknown { table }, 0, text.len())),
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ram {
    /// Amount of RAM.
    pub size: RamSize,
    /// `u`: no ECC.
    pub no_ecc: bool,
    /// `o`: memory oversubscribed.
    pub oversubscribed: bool,
}

/// The optional disk component: `-[Mx][N][n|h|s|p]`, e.g. `-3x10s`, `-50`, `-n`, `-`, `-3x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Disk {
    /// Number of disks (`M` in `Mx`, 1 when absent).
    pub count: NonZeroU32,
    /// Size of each disk in GB; `None` when the cloud chooses the size.
    pub size: Option<NonZeroU32>,
    /// Disk type; `None` when unspecified.
    pub kind: Option<DiskType>,
}

impl Disk {
    /// The type the scs-0103 spec gives each disk: the letter's, else
    /// [`DiskType::SPEC_DEFAULT`].
    pub fn spec_type(self) -> DiskType {
        self.kind.unwrap_or(DiskType::SPEC_DEFAULT)
    }
}

/// The CPU brand extension: `_ vendor [generation] [h…]`, e.g. `_i3h`, `_z`, `_a1`.
///
/// Generation 0 means "rather old or unspecified" and is not written (`_i0` reads as `_i`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CpuBrand {
    vendor: CpuVendor,
    generation: u8,
    frequency: Frequency,
}

impl CpuBrand {
    /// A CPU brand: the one validation of parser and builder.
    ///
    /// # Errors
    /// [`ErrorKind::CpuGeneration`] if the vendor has no such generation.
    #[inline]
    pub fn new(vendor: CpuVendor, generation: u8, frequency: Frequency) -> Result<Self, ErrorKind> {
        if generation > vendor.max_generation() {
            return Err(ErrorKind::CpuGeneration {
                vendor,
                generation: Some(u32::from(generation)),
            });
        }
        Ok(CpuBrand {
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

/// A GPU generation of one vendor (e.g. Nvidia `a`, AMD `3.1`), ordered by vendor, then
/// chronologically (the order of the standard's table: Fermi before Ampere).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GpuGeneration {
    vendor: GpuVendor,
    index: u8,
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for GpuGeneration {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let vendor = GpuVendor::arbitrary(u)?;
        let index = u.choose_index(vendor.generations().len())?;
        Ok(GpuGeneration::from_index(vendor, index))
    }
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
/// `_GNa-64`, `_gA3.1-48h-24h`. Made by [`Gpu::new`] (or the parser, through it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// A GPU: the one validation of parser and builder. Exactly the GPUs a name can express
    /// are accepted, so that every GPU renders to a name that reads back as the same GPU.
    ///
    /// # Errors
    /// - [`ErrorKind::GpuGeneration`] for a generation of another vendor;
    /// - [`ErrorKind::GpuFrequency`] for more than two `h` (units or VRAM);
    /// - [`ErrorKind::BandwidthWithoutVram`]: a VRAM `h` without VRAM (`_GNa-24h` reads back
    ///   as a unit frequency);
    /// - [`ErrorKind::VramWithoutUnits`]: VRAM without a unit count and without a unit `h`
    ///   (`_GNa-24` reads back as 24 units; `_GNah-24`, VRAM after a unit `h`, is fine).
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn new(
        kind: GpuKind,
        vendor: GpuVendor,
        generation: Option<GpuGeneration>,
        units: Option<NonZeroU32>,
        unit_frequency: Frequency,
        vram: Option<NonZeroU32>,
        vram_bandwidth: Frequency,
    ) -> Result<Gpu, ErrorKind> {
        if let Some(g) = generation {
            if g.vendor != vendor {
                return Err(ErrorKind::GpuGeneration { vendor });
            }
        }
        if unit_frequency > Frequency::VeryHigh {
            return Err(ErrorKind::GpuFrequency {
                field: crate::error::Field::GpuUnits,
            });
        }
        if vram_bandwidth > Frequency::VeryHigh {
            return Err(ErrorKind::GpuFrequency {
                field: crate::error::Field::Vram,
            });
        }
        if vram.is_none() && vram_bandwidth != Frequency::Standard {
            return Err(ErrorKind::BandwidthWithoutVram);
        }
        if units.is_none() && vram.is_some() && unit_frequency == Frequency::Standard {
            return Err(ErrorKind::VramWithoutUnits);
        }
        Ok(Gpu {
            kind,
            vendor,
            generation,
            units,
            unit_frequency,
            vram,
            vram_bandwidth,
        })
    }

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
///
/// Flavors are ordered by meaning, component by component in the order of the name: vCPU count,
/// CPU type, …, RAM, disk, hypervisor, …; GPU generations chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// The short name's flavor (§4 of REFERENCE.md): drops hypervisor, `_hwv`, the Intel/AMD
    /// CPU brand (keeps the bare vendor letter for ARM and RISC-V) and every GPU `h`.
    ///
    /// It is the flavor the short name reads back as: for the odd `_GNah-24` (VRAM after a
    /// unit `h`, no unit count) the short name `_GNa-24`, as the checker writes it, reads as 24
    /// units, and so does this flavor.
    ///
    /// ```
    /// let f: scs_flavor::Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".parse()?;
    /// assert_eq!(f.short().to_string(), "SCS-16T-64-3x10s_GNa-64_ib");
    /// assert_eq!(f.short().v1().to_string(), "SCS-16T:64:3x10s-GNa:64-ib");
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn short(&self) -> Flavor {
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
                units: g.units.or(g.vram),
                unit_frequency: Frequency::Standard,
                vram: if g.units.is_some() { g.vram } else { None },
                vram_bandwidth: Frequency::Standard,
                ..g
            }),
            ib: self.ib,
        }
    }
}
