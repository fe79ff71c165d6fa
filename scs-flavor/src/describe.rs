//! English descriptions of a flavor and of each component of a parsed name.

use core::fmt;

use crate::check::Parsed;
use crate::error::Component;
use crate::model::{CpuType, DiskType, Flavor, Frequency, Hypervisor};
use crate::parse::Span;

/// An English description of a flavor: see [`Flavor::describe`].
#[derive(Clone, Copy, Debug)]
pub struct Description(Flavor);

impl Flavor {
    /// An English description of this flavor.
    ///
    /// ```
    /// let f: scs_flavor::Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".parse()?;
    /// assert_eq!(
    ///     f.describe().to_string(),
    ///     "16 dedicated SMT threads (Intel Ice Lake, high frequency), 64 GiB ECC RAM, \
    ///      3 × 10 GB local SSD, bare metal with nested virtualisation, \
    ///      Nvidia Ampere pass-through GPU with 64 SMs, Infiniband"
    /// );
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn describe(&self) -> Description {
        Description(*self)
    }
}

impl fmt::Display for Description {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fl = &self.0;
        cpu(fl, f)?;
        f.write_str(", ")?;
        ram(fl, f)?;
        f.write_str(", ")?;
        disk(fl, f)?;
        if fl.hypervisor.is_some() || fl.hwv {
            f.write_str(", ")?;
            virtualisation(fl, f)?;
        }
        if fl.gpu.is_some() {
            f.write_str(", ")?;
            gpu(fl, f)?;
        }
        if fl.ib {
            f.write_str(", Infiniband")?;
        }
        Ok(())
    }
}

fn cpu(fl: &Flavor, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let n = fl.cpu.count.get();
    let (one, many) = match fl.cpu.kind {
        CpuType::CrowdedCore => (
            "heavily oversubscribed vCPU",
            "heavily oversubscribed vCPUs",
        ),
        CpuType::SharedCore => ("vCPU", "vCPUs"),
        CpuType::DedicatedThread => ("dedicated SMT thread", "dedicated SMT threads"),
        CpuType::DedicatedCore => ("dedicated core", "dedicated cores"),
    };
    write!(f, "{n} {}", if n == 1 { one } else { many })?;
    if fl.cpu_brand.is_some() || fl.cpu.insecure {
        f.write_str(" (")?;
        if let Some(b) = fl.cpu_brand {
            brand(b, f)?;
            if fl.cpu.insecure {
                f.write_str(", ")?;
            }
        }
        if fl.cpu.insecure {
            f.write_str("insecure: CPU vulnerability mitigations not guaranteed")?;
        }
        f.write_str(")")?;
    }
    Ok(())
}

fn brand(b: crate::model::CpuBrand, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(b.vendor().entry().name)?;
    if b.generation() != 0 {
        write!(f, " {}", b.generation_entry().name)?;
    }
    if b.frequency() != Frequency::Standard {
        let entry = &crate::tables::CPU_FREQUENCIES[b.frequency().count()];
        write!(f, ", {}", entry.name)?;
    }
    Ok(())
}

fn ram(fl: &Flavor, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let ecc = if fl.ram.no_ecc { "non-ECC" } else { "ECC" };
    write!(f, "{} GiB {ecc} RAM", fl.ram.size)?;
    if fl.ram.oversubscribed {
        f.write_str(" (oversubscribed)")?;
    }
    Ok(())
}

fn disk_kind(kind: Option<DiskType>) -> &'static str {
    match kind {
        None => "disk",
        Some(DiskType::Network) => "network disk",
        Some(DiskType::Hdd) => "local HDD",
        Some(DiskType::Ssd) => "local SSD",
        Some(DiskType::Nvme) => "local NVMe",
    }
}

fn disk(fl: &Flavor, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let Some(d) = fl.disk else {
        return f.write_str("no root disk (boot from a volume)");
    };
    if d.count.get() != 1 {
        write!(f, "{} × ", d.count)?;
    }
    if let Some(size) = d.size {
        write!(f, "{size} GB ")?;
    }
    f.write_str(disk_kind(d.kind))?;
    match (d.size, d.kind) {
        (Some(_), _) => Ok(()),
        (None, None) => f.write_str(" of a size and type chosen by the cloud"),
        (None, Some(_)) => f.write_str(" of a size chosen by the cloud"),
    }
}

fn virtualisation(fl: &Flavor, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match fl.hypervisor {
        Some(Hypervisor::BareMetal) => f.write_str("bare metal")?,
        Some(h) => write!(f, "{} hypervisor", h.entry().name)?,
        None => {}
    }
    match (fl.hypervisor.is_some(), fl.hwv) {
        (true, true) => f.write_str(" with nested virtualisation"),
        (false, true) => f.write_str("nested virtualisation"),
        _ => Ok(()),
    }
}

fn gpu(fl: &Flavor, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let Some(g) = fl.gpu else { return Ok(()) };
    f.write_str(g.vendor().entry().name)?;
    if let Some(generation) = g.generation() {
        write!(f, " {}", generation.entry().meaning)?;
    }
    write!(f, " {} GPU", g.kind().entry().name)?;
    let freq = match g.unit_frequency() {
        Frequency::Standard => "",
        Frequency::High => "high-frequency ",
        _ => "very high-frequency ",
    };
    let bandwidth = match g.vram_bandwidth() {
        Frequency::Standard => "",
        Frequency::High => "high-bandwidth ",
        _ => "very high-bandwidth ",
    };
    match (g.units(), g.vram()) {
        (Some(units), vram) => {
            write!(f, " with {units} {freq}{}", g.vendor().unit_name())?;
            if let Some(v) = vram {
                write!(f, " and {v} GiB {bandwidth}VRAM")?;
            }
        }
        // VRAM without units comes after a unit `h` (`_GNah-24`): `Gpu::new` allows no other.
        (None, Some(v)) => {
            write!(f, " with {freq}{}", g.vendor().unit_name())?;
            write!(f, " and {v} GiB {bandwidth}VRAM")?;
        }
        (None, None) => {
            if !freq.is_empty() {
                write!(f, " with {freq}{}", g.vendor().unit_name())?;
            }
        }
    }
    Ok(())
}

/// What one component of a parsed name means: see [`Parsed::explain`].
#[derive(Clone, Copy, Debug)]
pub struct Meaning {
    component: Component,
    flavor: Flavor,
}

impl fmt::Display for Meaning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fl = &self.flavor;
        match self.component {
            Component::Prefix => f.write_str("SCS flavor name"),
            Component::CpuRam => {
                let bare = Flavor {
                    cpu_brand: None,
                    ..*fl
                };
                cpu(&bare, f)?;
                f.write_str(", ")?;
                ram(fl, f)
            }
            Component::Disk => disk(fl, f),
            Component::Hypervisor => {
                let h = Flavor { hwv: false, ..*fl };
                virtualisation(&h, f)
            }
            Component::Hwv => f.write_str("hardware-accelerated (nested) virtualisation"),
            Component::CpuBrand => match fl.cpu_brand {
                Some(b) => brand(b, f),
                None => Ok(()),
            },
            Component::Gpu => gpu(fl, f),
            Component::Ib => f.write_str("Infiniband"),
        }
    }
}

/// One component of a parsed name: where it stands, its text and what it means.
#[derive(Clone, Copy, Debug)]
pub struct Part<'a> {
    /// Which component.
    pub component: Component,
    /// Its byte range in the input.
    pub span: Span,
    /// Its text in the input (e.g. `"_i3h"`).
    pub text: &'a str,
    /// What it means, in English.
    pub meaning: Meaning,
}

/// The components of a parsed name, in order: see [`Parsed::explain`].
#[derive(Clone, Copy, Debug)]
pub struct Explain<'a> {
    parsed: Parsed<'a>,
    next: usize,
}

impl<'a> Parsed<'a> {
    /// Each component of the name with its span, text and meaning: what a page needs to
    /// colour a name.
    ///
    /// ```
    /// let p = scs_flavor::Strategy::V3.parse("SCS-2V-4-20s_i3")?;
    /// let parts: Vec<String> = p
    ///     .explain()
    ///     .map(|part| format!("{} {:?}: {}", part.component, part.text, part.meaning))
    ///     .collect();
    /// assert_eq!(parts, [
    ///     "prefix \"SCS-\": SCS flavor name",
    ///     "cpu-ram \"2V-4\": 2 vCPUs, 4 GiB ECC RAM",
    ///     "disk \"-20s\": 20 GB local SSD",
    ///     "cpu-brand \"_i3\": Intel Ice Lake",
    /// ]);
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn explain(&self) -> Explain<'a> {
        Explain {
            parsed: *self,
            next: 0,
        }
    }
}

impl<'a> Iterator for Explain<'a> {
    type Item = Part<'a>;

    fn next(&mut self) -> Option<Part<'a>> {
        while let Some(&component) = Component::ALL.get(self.next) {
            self.next += 1;
            if let Some(span) = self.parsed.span(component) {
                return Some(Part {
                    component,
                    span,
                    text: self.parsed.input().get(span.start..span.end).unwrap_or(""),
                    meaning: Meaning {
                        component,
                        flavor: self.parsed.flavor(),
                    },
                });
            }
        }
        None
    }
}
