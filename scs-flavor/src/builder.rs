//! Making names from properties, with the same validation as parsing: the model's
//! constructors ([`CpuBrand::new`], [`Gpu::new`], [`RamSize::from_gib_f64`]) are the one
//! validation of parser and builder, so that exactly the flavors a name can express can be
//! built, and every flavor rebuilds ([`Builder::from`]).

use core::num::NonZeroU32;

use crate::error::{Error, ErrorKind, Field};
use crate::model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuGeneration,
    GpuKind, GpuVendor, Hypervisor, Ram, RamSize,
};

/// The disk of a [`Builder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct DiskSpec {
    /// Number of disks (≥ 1).
    pub count: u32,
    /// Size of each in GB; `None` when the cloud chooses.
    pub size: Option<u32>,
    /// Disk type; `None` when unspecified.
    pub kind: Option<DiskType>,
}

/// The CPU brand of a [`Builder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct CpuBrandSpec {
    /// The vendor.
    pub vendor: CpuVendor,
    /// The generation (0 = old or unspecified).
    pub generation: u32,
    /// Number of `h` (0-3).
    pub frequency: u32,
}

/// The GPU of a [`Builder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct GpuSpec {
    /// Pass-through or virtual.
    pub kind: GpuKind,
    /// The vendor.
    pub vendor: GpuVendor,
    /// The generation (of this vendor), if any.
    pub generation: Option<GpuGeneration>,
    /// Number of SMs / CUs / EUs.
    pub units: Option<u32>,
    /// Number of `h` after the units (0-2).
    pub unit_frequency: u32,
    /// Video memory in GiB (needs `units`).
    pub vram: Option<u32>,
    /// Number of `h` after the VRAM (0-2).
    pub vram_bandwidth: u32,
}

/// The properties of a flavor as plain values, validated by [`Builder::build`].
///
/// ```
/// use scs_flavor::{Builder, CpuType, DiskType};
/// let f = Builder::new(4, CpuType::SharedCore, 16.0).disk(1, Some(100), Some(DiskType::Ssd)).build()?;
/// assert_eq!(f.to_string(), "SCS-4V-16-100s");
/// let err = Builder::new(4, CpuType::SharedCore, 3.25).build().unwrap_err();
/// assert_eq!(err.to_string(), "ram_gib: RAM must be a multiple of 0.5 GiB");
/// # Ok::<(), scs_flavor::Error>(())
/// ```
///
/// With the `serde` feature a builder (de)serialises as the flavor object of the bindings:
/// letters as their codes, read back by [the lookup rule](crate::tables#the-lookup-rule),
/// unknown keys refused, numbers checked, absent optional parts `null`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Builder {
    /// Number of vCPUs.
    pub cpus: u32,
    /// `L`, `V`, `T` or `C`.
    pub cpu_type: CpuType,
    /// `i`
    pub cpu_insecure: bool,
    /// RAM in GiB (a positive multiple of 0.5).
    pub ram_gib: f64,
    /// `u`
    pub ram_no_ecc: bool,
    /// `o`
    pub ram_oversubscribed: bool,
    /// The disk, if any.
    pub disk: Option<DiskSpec>,
    /// The hypervisor, if any.
    pub hypervisor: Option<Hypervisor>,
    /// `_hwv`
    pub hwv: bool,
    /// The CPU brand, if any.
    pub cpu_brand: Option<CpuBrandSpec>,
    /// The GPU, if any.
    pub gpu: Option<GpuSpec>,
    /// `_ib`
    pub ib: bool,
}

#[cold]
fn fail<T>(field: &'static str, kind: ErrorKind) -> Result<T, Error> {
    Err(Error::at_field(kind, field))
}

fn positive(value: u32, field: &'static str, f: Field) -> Result<NonZeroU32, Error> {
    match NonZeroU32::new(value) {
        Some(v) => Ok(v),
        None => fail(field, ErrorKind::Zero { field: f }),
    }
}

fn freq(
    count: u32,
    max: Frequency,
    field: &'static str,
    kind: ErrorKind,
) -> Result<Frequency, Error> {
    match Frequency::from_count(count as usize) {
        Some(f) if f <= max => Ok(f),
        _ => fail(field, kind),
    }
}

impl Builder {
    /// A flavor with these vCPUs and RAM and nothing else.
    pub fn new(cpus: u32, cpu_type: CpuType, ram_gib: f64) -> Self {
        Builder {
            cpus,
            cpu_type,
            cpu_insecure: false,
            ram_gib,
            ram_no_ecc: false,
            ram_oversubscribed: false,
            disk: None,
            hypervisor: None,
            hwv: false,
            cpu_brand: None,
            gpu: None,
            ib: false,
        }
    }

    /// Sets the disk.
    pub fn disk(mut self, count: u32, size: Option<u32>, kind: Option<DiskType>) -> Self {
        self.disk = Some(DiskSpec { count, size, kind });
        self
    }

    /// Sets the hypervisor.
    pub fn hypervisor(mut self, hypervisor: Hypervisor) -> Self {
        self.hypervisor = Some(hypervisor);
        self
    }

    /// Sets `_hwv`.
    pub fn hwv(mut self, hwv: bool) -> Self {
        self.hwv = hwv;
        self
    }

    /// Sets the CPU brand.
    pub fn cpu_brand(mut self, vendor: CpuVendor, generation: u32, frequency: u32) -> Self {
        self.cpu_brand = Some(CpuBrandSpec {
            vendor,
            generation,
            frequency,
        });
        self
    }

    /// Sets the GPU.
    pub fn gpu(mut self, gpu: GpuSpec) -> Self {
        self.gpu = Some(gpu);
        self
    }

    /// Sets `_ib`.
    pub fn ib(mut self, ib: bool) -> Self {
        self.ib = ib;
        self
    }

    /// Validates the properties and makes the flavor.
    ///
    /// # Errors
    /// An [`Error`] whose [`field`](Error::field) names the first bad property: 0 vCPUs, RAM 0
    /// or 3.25 or NaN, a zero disk count or size, a CPU generation the vendor lacks (`i` 7),
    /// more than three CPU `h`, a GPU generation of another vendor, more than two GPU `h`, VRAM
    /// without units (unless after a unit `h`), a VRAM `h` without VRAM.
    pub fn build(&self) -> Result<Flavor, Error> {
        let cpu = Cpu {
            count: positive(self.cpus, "cpus", Field::CpuCount)?,
            kind: self.cpu_type,
            insecure: self.cpu_insecure,
        };
        let size = match RamSize::from_gib_f64(self.ram_gib) {
            Some(s) => s,
            None if self.ram_gib == 0.0 => {
                return fail("ram_gib", ErrorKind::Zero { field: Field::Ram })
            }
            None if self.ram_gib > RamSize::MAX.gib() => {
                return fail("ram_gib", ErrorKind::TooLarge { field: Field::Ram })
            }
            None if self.ram_gib.is_finite() && self.ram_gib > 0.0 => {
                return fail("ram_gib", ErrorKind::RamNotHalf)
            }
            None => return fail("ram_gib", ErrorKind::NotWhole { field: Field::Ram }),
        };
        let ram = Ram {
            size,
            no_ecc: self.ram_no_ecc,
            oversubscribed: self.ram_oversubscribed,
        };
        let disk = match self.disk {
            None => None,
            Some(d) => Some(Disk {
                count: positive(d.count, "disk.count", Field::DiskCount)?,
                size: match d.size {
                    Some(s) => Some(positive(s, "disk.size", Field::DiskSize)?),
                    None => None,
                },
                kind: d.kind,
            }),
        };
        let cpu_brand = match self.cpu_brand {
            None => None,
            Some(b) => {
                let vendor = b.vendor;
                let frequency = freq(
                    b.frequency,
                    Frequency::Highest,
                    "cpu_brand.frequency",
                    ErrorKind::CpuFrequency,
                )?;
                let generation = u8::try_from(b.generation).unwrap_or(u8::MAX);
                match CpuBrand::new(vendor, generation, frequency) {
                    Ok(brand) => Some(brand),
                    Err(_) => {
                        let kind = ErrorKind::CpuGeneration {
                            vendor,
                            generation: Some(b.generation),
                        };
                        return fail("cpu_brand.generation", kind);
                    }
                }
            }
        };
        let gpu = match self.gpu {
            None => None,
            Some(g) => Some(build_gpu(g)?),
        };
        Ok(Flavor {
            cpu,
            ram,
            disk,
            hypervisor: self.hypervisor,
            hwv: self.hwv,
            cpu_brand,
            gpu,
            ib: self.ib,
        })
    }
}

fn build_gpu(g: GpuSpec) -> Result<Gpu, Error> {
    let units = match g.units {
        Some(u) => Some(positive(u, "gpu.units", Field::GpuUnits)?),
        None => None,
    };
    let unit_frequency = freq(
        g.unit_frequency,
        Frequency::VeryHigh,
        "gpu.unit_frequency",
        ErrorKind::GpuFrequency {
            field: Field::GpuUnits,
        },
    )?;
    let vram = match g.vram {
        Some(v) => Some(positive(v, "gpu.vram", Field::Vram)?),
        None => None,
    };
    let vram_bandwidth = freq(
        g.vram_bandwidth,
        Frequency::VeryHigh,
        "gpu.vram_bandwidth",
        ErrorKind::GpuFrequency { field: Field::Vram },
    )?;
    Gpu::new(
        g.kind,
        g.vendor,
        g.generation,
        units,
        unit_frequency,
        vram,
        vram_bandwidth,
    )
    .map_err(|kind| {
        let field = match kind {
            ErrorKind::GpuGeneration { .. } => "gpu.generation",
            ErrorKind::VramWithoutUnits => "gpu.vram",
            _ => "gpu.vram_bandwidth",
        };
        Error::at_field(kind, field)
    })
}

/// The properties of a flavor: `Builder::from(flavor).build() == Ok(flavor)` for every flavor.
impl From<Flavor> for Builder {
    fn from(f: Flavor) -> Self {
        Builder {
            cpus: f.cpu.count.get(),
            cpu_type: f.cpu.kind,
            cpu_insecure: f.cpu.insecure,
            ram_gib: f.ram.size.gib(),
            ram_no_ecc: f.ram.no_ecc,
            ram_oversubscribed: f.ram.oversubscribed,
            disk: f.disk.map(|d| DiskSpec {
                count: d.count.get(),
                size: d.size.map(NonZeroU32::get),
                kind: d.kind,
            }),
            hypervisor: f.hypervisor,
            hwv: f.hwv,
            cpu_brand: f.cpu_brand.map(|b| CpuBrandSpec {
                vendor: b.vendor(),
                generation: u32::from(b.generation()),
                frequency: b.frequency().count() as u32,
            }),
            gpu: f.gpu.map(|g| GpuSpec {
                kind: g.kind(),
                vendor: g.vendor(),
                generation: g.generation(),
                units: g.units().map(NonZeroU32::get),
                unit_frequency: g.unit_frequency().count() as u32,
                vram: g.vram().map(NonZeroU32::get),
                vram_bandwidth: g.vram_bandwidth().count() as u32,
            }),
            ib: f.ib,
        }
    }
}

impl Flavor {
    /// This flavor's properties, to change some and build again.
    ///
    /// ```
    /// let f: scs_flavor::Flavor = "SCS-2V-4_GNah".parse()?;
    /// let with_ib = scs_flavor::Builder { ib: true, ..f.builder() }.build()?;
    /// assert_eq!(with_ib.to_string(), "SCS-2V-4_GNah_ib");
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn builder(&self) -> Builder {
        Builder::from(*self)
    }
}

/// What kind of value a builder property takes, for forms generated from [`FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// A whole number ≥ 1 (`null` allowed where the property is optional).
    Count,
    /// A positive multiple of 0.5 (RAM in GiB).
    HalfGib,
    /// `true` or `false`.
    Flag,
    /// A number of `h`, from 0 to `max`, each meaning a row of `table`.
    Frequency {
        /// The most `h` allowed.
        max: u8,
        /// What each number of `h` means ([`tables::CPU_FREQUENCY`](crate::tables::CPU_FREQUENCY), …).
        table: &'static crate::tables::Table,
    },
    /// A value of a table, by [the lookup rule](crate::tables#the-lookup-rule).
    Table(&'static crate::tables::Table),
    /// A generation of the vendor chosen in the same part (a CPU generation number, a GPU
    /// generation code): the vendor's generation table.
    Generation,
}

/// One property of a [`Builder`]: its path in the flavor object, a label, its kind, and how
/// to read it ([`FieldInfo::get`]).
#[derive(Clone, Copy, Debug)]
pub struct FieldInfo {
    /// `"cpus"`, `"disk.size"`, `"gpu.generation"`: the path an [`Error::field`] names.
    pub path: &'static str,
    /// A label for forms: `"vCPUs"`, `"disk size (GB)"`.
    pub title: &'static str,
    /// The value it takes.
    pub kind: FieldKind,
    /// Whether it may be absent (`null`).
    pub optional: bool,
    get: fn(&Flavor) -> FieldValue,
}

/// A property's value as the flavor object holds it (read by [`FieldInfo::get`]): what
/// serialising a flavor's [`Builder`] writes at the property's path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldValue {
    /// `null`: an optional property without a value, or any property of an absent part.
    Null,
    /// A flag.
    Flag(bool),
    /// A count, a number of `h` or a CPU generation.
    Number(u32),
    /// The RAM in GiB.
    Gib(f64),
    /// A table value (or a GPU generation) by its code.
    Code(&'static str),
}

impl FieldInfo {
    /// The value of this property for `flavor`: what `flavor.builder()` holds, read without
    /// making the builder.
    ///
    /// ```
    /// use scs_flavor::{FieldValue, Flavor, FIELDS};
    /// let f: Flavor = "SCS-2V-4-20s".parse()?;
    /// let value = |path| FIELDS.iter().find(|field| field.path == path).map(|field| field.get(&f));
    /// assert_eq!(value("cpu_type"), Some(FieldValue::Code("V")));
    /// assert_eq!(value("disk.size"), Some(FieldValue::Number(20)));
    /// assert_eq!(value("gpu.vendor"), Some(FieldValue::Null));
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn get(&self, flavor: &Flavor) -> FieldValue {
        (self.get)(flavor)
    }
}

/// Two descriptions of the same path are the same property.
impl PartialEq for FieldInfo {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for FieldInfo {}

impl core::hash::Hash for FieldInfo {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.path.hash(state);
    }
}

const fn field(
    path: &'static str,
    title: &'static str,
    kind: FieldKind,
    optional: bool,
    get: fn(&Flavor) -> FieldValue,
) -> FieldInfo {
    FieldInfo {
        path,
        title,
        kind,
        optional,
        get,
    }
}

/// A value read from an optional part, `Null` when the part is absent.
fn of<P: Copy>(part: Option<P>, get: impl FnOnce(P) -> FieldValue) -> FieldValue {
    part.map_or(FieldValue::Null, get)
}

/// An optional count.
fn number(n: Option<NonZeroU32>) -> FieldValue {
    n.map_or(FieldValue::Null, |n| FieldValue::Number(n.get()))
}

/// A number of `h`.
fn times(f: Frequency) -> FieldValue {
    FieldValue::Number(f.count() as u32)
}

/// Every property of a [`Builder`] in the order of the name, the parts (`disk`, `cpu_brand`,
/// `gpu`) before their fields: the one list the bindings and the page's form follow.
pub const FIELDS: &[FieldInfo] = {
    use crate::tables as t;
    use FieldKind::*;
    use FieldValue::{Code, Flag as On, Gib, Number};
    &[
        field("cpus", "vCPUs", Count, false, |f| Number(f.cpu.count.get())),
        field("cpu_type", "CPU type", Table(&t::CPU_TYPE), false, |f| {
            Code(f.cpu.kind.code())
        }),
        field("cpu_insecure", "insecure CPU (i)", Flag, false, |f| {
            On(f.cpu.insecure)
        }),
        field("ram_gib", "RAM (GiB)", HalfGib, false, |f| {
            Gib(f.ram.size.gib())
        }),
        field("ram_no_ecc", "RAM without ECC (u)", Flag, false, |f| {
            On(f.ram.no_ecc)
        }),
        field(
            "ram_oversubscribed",
            "RAM oversubscribed (o)",
            Flag,
            false,
            |f| On(f.ram.oversubscribed),
        ),
        field("disk.count", "number of disks", Count, false, |f| {
            of(f.disk, |d| Number(d.count.get()))
        }),
        field("disk.size", "disk size (GB)", Count, true, |f| {
            of(f.disk, |d| number(d.size))
        }),
        field("disk.kind", "disk type", Table(&t::DISK_TYPE), true, |f| {
            of(f.disk.and_then(|d| d.kind), |k| Code(k.code()))
        }),
        field(
            "hypervisor",
            "hypervisor",
            Table(&t::HYPERVISOR),
            true,
            |f| of(f.hypervisor, |h| Code(h.code())),
        ),
        field("hwv", "nested virtualisation (hwv)", Flag, false, |f| {
            On(f.hwv)
        }),
        field(
            "cpu_brand.vendor",
            "CPU vendor",
            Table(&t::CPU_VENDOR),
            false,
            |f| of(f.cpu_brand, |b| Code(b.vendor().code())),
        ),
        field(
            "cpu_brand.generation",
            "CPU generation",
            Generation,
            false,
            |f| of(f.cpu_brand, |b| Number(u32::from(b.generation()))),
        ),
        field(
            "cpu_brand.frequency",
            "CPU frequency",
            Frequency {
                max: 3,
                table: &t::CPU_FREQUENCY,
            },
            false,
            |f| of(f.cpu_brand, |b| times(b.frequency())),
        ),
        field("gpu.kind", "GPU kind", Table(&t::GPU_KIND), false, |f| {
            of(f.gpu, |g| Code(g.kind().code()))
        }),
        field(
            "gpu.vendor",
            "GPU vendor",
            Table(&t::GPU_VENDOR),
            false,
            |f| of(f.gpu, |g| Code(g.vendor().code())),
        ),
        field("gpu.generation", "GPU generation", Generation, true, |f| {
            of(f.gpu.and_then(|g| g.generation()), |g| Code(g.code()))
        }),
        field("gpu.units", "GPU compute units", Count, true, |f| {
            of(f.gpu, |g| number(g.units()))
        }),
        field(
            "gpu.unit_frequency",
            "GPU unit frequency",
            Frequency {
                max: 2,
                table: &t::GPU_FREQUENCY,
            },
            false,
            |f| of(f.gpu, |g| times(g.unit_frequency())),
        ),
        field("gpu.vram", "GPU VRAM (GiB)", Count, true, |f| {
            of(f.gpu, |g| number(g.vram()))
        }),
        field(
            "gpu.vram_bandwidth",
            "VRAM bandwidth",
            Frequency {
                max: 2,
                table: &t::VRAM_BANDWIDTH,
            },
            false,
            |f| of(f.gpu, |g| times(g.vram_bandwidth())),
        ),
        field("ib", "Infiniband (ib)", Flag, false, |f| On(f.ib)),
    ]
};
