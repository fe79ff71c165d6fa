//! Making names from properties, with the same validation as parsing and more: the builder
//! refuses what cannot be written unambiguously.

use core::num::NonZeroU32;

use crate::error::{Component, ErrorKind, Field};
use crate::model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuKind, GpuVendor,
    Hypervisor, Ram, RamSize,
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
    /// The vendor (required).
    pub vendor: Option<CpuVendor>,
    /// The generation (0 = old or unspecified).
    pub generation: u32,
    /// Number of `h` (0-3).
    pub frequency: u32,
}

/// The GPU of a [`Builder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct GpuSpec<'a> {
    /// Pass-through or virtual.
    pub kind: GpuKind,
    /// The vendor (required).
    pub vendor: Option<GpuVendor>,
    /// The generation's code (`"a"`, `"3.1"`), if any.
    pub generation: Option<&'a str>,
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
/// # Ok::<(), scs_flavor::BuildError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Builder<'a> {
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
    pub gpu: Option<GpuSpec<'a>>,
    /// `_ib`
    pub ib: bool,
}

/// A property the builder refuses: which field, and why (with the allowed values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{field}: {kind}")]
pub struct BuildError {
    /// The field, as named in [`Builder`] (`"cpus"`, `"disk.size"`, `"gpu.generation"`, …).
    pub field: &'static str,
    /// Why.
    pub kind: ErrorKind,
}

#[cold]
fn fail<T>(field: &'static str, kind: ErrorKind) -> Result<T, BuildError> {
    Err(BuildError { field, kind })
}

fn positive(value: u32, field: &'static str, f: Field) -> Result<NonZeroU32, BuildError> {
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
) -> Result<Frequency, BuildError> {
    match Frequency::from_count(count as usize) {
        Some(f) if f <= max => Ok(f),
        _ => fail(field, kind),
    }
}

impl<'a> Builder<'a> {
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
            vendor: Some(vendor),
            generation,
            frequency,
        });
        self
    }

    /// Sets the GPU.
    pub fn gpu(mut self, gpu: GpuSpec<'a>) -> Self {
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
    /// A [`BuildError`] naming the first bad field: 0 vCPUs, RAM 0 or 3.25 or NaN, a zero disk
    /// count or size, a CPU generation the vendor lacks (`i` 7), more than three CPU `h`, an
    /// unknown GPU generation (`N` `"x"`), more than two GPU `h`, VRAM without units, a GPU
    /// `h` without units, a CPU brand or GPU without vendor, values beyond 32 bits.
    pub fn build(&self) -> Result<Flavor, BuildError> {
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
            None => return fail("ram_gib", ErrorKind::RamNotHalf),
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
                let Some(vendor) = b.vendor else {
                    let kind = ErrorKind::MissingVendor {
                        component: Component::CpuBrand,
                    };
                    return fail("cpu_brand.vendor", kind);
                };
                let frequency = freq(
                    b.frequency,
                    Frequency::Highest,
                    "cpu_brand.frequency",
                    ErrorKind::CpuFrequency,
                )?;
                let generation = u8::try_from(b.generation).ok();
                match generation.and_then(|g| CpuBrand::new(vendor, g, frequency)) {
                    Some(brand) => Some(brand),
                    None => {
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

fn build_gpu(g: GpuSpec<'_>) -> Result<Gpu, BuildError> {
    let Some(vendor) = g.vendor else {
        let kind = ErrorKind::MissingVendor {
            component: Component::Gpu,
        };
        return fail("gpu.vendor", kind);
    };
    let generation = match g.generation {
        None | Some("") => None,
        Some(code) => match vendor.generation(code) {
            Some(generation) => Some(generation),
            None => return fail("gpu.generation", ErrorKind::GpuGeneration { vendor }),
        },
    };
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
    if units.is_none() {
        if vram.is_some() {
            return fail("gpu.vram", ErrorKind::VramWithoutUnits);
        }
        if unit_frequency != Frequency::Standard {
            return fail("gpu.unit_frequency", ErrorKind::FrequencyWithoutUnits);
        }
    }
    if vram.is_none() && vram_bandwidth != Frequency::Standard {
        return fail("gpu.vram_bandwidth", ErrorKind::BandwidthWithoutVram);
    }
    Ok(Gpu {
        kind: g.kind,
        vendor,
        generation,
        units,
        unit_frequency,
        vram,
        vram_bandwidth,
    })
}
