//! Selecting the flavor that fits given requirements with the least over-provisioning.

use std::fmt;
use std::str::FromStr;

use scs_flavor::{CpuType, CpuVendor, DiskType, Flavor, GpuVendor, Hypervisor, Outcome};
use serde::Serialize;

use crate::audit::{name_key, promises, Severity, STRATEGY};
use crate::input::CloudFlavor;

/// A CPU architecture, as the CPU brand extension tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arch {
    /// x86-64: Intel (`_i`), AMD (`_z`), or no CPU brand at all (the standard flavors are
    /// x86-64, and a short name keeps the vendor letter only for ARM and RISC-V).
    X86_64,
    /// ARM (`_a`).
    Arm,
    /// RISC-V (`_r`).
    RiscV,
}

impl Arch {
    /// The architecture a flavor name implies.
    pub fn of(f: &Flavor) -> Arch {
        match f.cpu_brand.map(|b| b.vendor()) {
            None | Some(CpuVendor::Intel) | Some(CpuVendor::Amd) => Arch::X86_64,
            Some(CpuVendor::Arm) => Arch::Arm,
            Some(CpuVendor::RiscV) => Arch::RiscV,
        }
    }

    /// `"x86-64"`, `"arm"` or `"riscv"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86-64",
            Arch::Arm => "arm",
            Arch::RiscV => "riscv",
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Arch {
    type Err = String;

    /// Reads `x86-64` (`x86_64`, `amd64`), `arm` (`arm64`, `aarch64`) or `riscv` (`risc-v`,
    /// `riscv64`), ignoring ASCII case.
    ///
    /// # Errors
    /// A message listing the accepted words, e.g. for `"sparc"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "x86-64" | "x86_64" | "amd64" | "x86" => Ok(Arch::X86_64),
            "arm" | "arm64" | "aarch64" => Ok(Arch::Arm),
            "riscv" | "risc-v" | "riscv64" => Ok(Arch::RiscV),
            _ => Err(format!(
                "unknown architecture {s:?}: expected x86-64, arm or riscv"
            )),
        }
    }
}

/// What a workload needs. Every field's default means "no requirement".
///
/// ```
/// use scs_flavor::DiskType;
/// use scs_flavor_audit::Requirements;
/// // 2 vCPUs, 8 GiB, a local SSD root disk, AMD or Intel alike.
/// let need = Requirements {
///     cpus: 2,
///     ram_gib: 8.0,
///     disk_type: Some(DiskType::Ssd),
///     ..Requirements::default()
/// };
/// assert!(need.check(&"SCS-2V-8-20s".parse()?).is_empty());
/// assert_eq!(need.check(&"SCS-2V-8-20".parse()?), ["disk type unspecified (counted as network), need at least ssd"]);
/// # Ok::<(), scs_flavor::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Requirements {
    /// At least this many vCPUs.
    pub cpus: u32,
    /// At least this CPU type (`L` < `V` < `T` < `C`).
    pub cpu_type: Option<CpuType>,
    /// vCPUs protected against CPU vulnerabilities (no `i`).
    pub secure_cpu: bool,
    /// At least this much RAM in GiB.
    pub ram_gib: f64,
    /// ECC RAM (no `u`).
    pub ecc: bool,
    /// RAM not oversubscribed (no `o`).
    pub no_oversubscription: bool,
    /// A root disk of at least this many GB (0: no size requirement).
    pub disk_gb: u32,
    /// A root disk of at least this type (network < hdd < ssd < nvme); a disk whose type the
    /// name leaves open counts as network.
    pub disk_type: Option<DiskType>,
    /// No root disk at all (boot from a volume).
    pub no_disk: bool,
    /// This CPU architecture.
    pub arch: Option<Arch>,
    /// This CPU vendor (the name must state it).
    pub cpu_vendor: Option<CpuVendor>,
    /// A GPU (implied by the other GPU fields).
    pub gpu: bool,
    /// A GPU of this vendor.
    pub gpu_vendor: Option<GpuVendor>,
    /// A GPU with at least this many SMs / CUs / EUs (the name must state them).
    pub gpu_units: u32,
    /// A GPU with at least this much VRAM in GiB (the name must state it).
    pub gpu_vram_gib: u32,
    /// Infiniband (`_ib`).
    pub infiniband: bool,
    /// Bare metal (`_bms`).
    pub bare_metal: bool,
    /// Hardware (nested) virtualisation (`_hwv`).
    pub hwv: bool,
}

impl Requirements {
    /// Whether a root disk is required (a size or a type is asked for).
    pub fn needs_disk(&self) -> bool {
        self.disk_gb > 0 || self.disk_type.is_some()
    }

    /// Whether a GPU is required.
    pub fn needs_gpu(&self) -> bool {
        self.gpu || self.gpu_vendor.is_some() || self.gpu_units > 0 || self.gpu_vram_gib > 0
    }

    /// Why `f` does not satisfy these requirements: one sentence per unmet requirement, none if
    /// it satisfies them all.
    pub fn check(&self, f: &Flavor) -> Vec<String> {
        let mut why = Vec::new();
        let cpus = f.cpu.count.get();
        if cpus < self.cpus {
            let s = if cpus == 1 { "" } else { "s" };
            why.push(format!("{cpus} vCPU{s}, need at least {}", self.cpus));
        }
        if let Some(min) = self.cpu_type {
            if f.cpu.kind < min {
                why.push(format!(
                    "CPU type {} ({}), need at least {} ({})",
                    f.cpu.kind,
                    f.cpu.kind.code(),
                    min,
                    min.code()
                ));
            }
        }
        if self.secure_cpu && f.cpu.insecure {
            why.push(
                "insecure vCPUs (`i`: insufficient protection against CPU vulnerabilities)"
                    .to_string(),
            );
        }
        if f.ram.size.gib() < self.ram_gib {
            why.push(format!(
                "{} GiB RAM, need at least {} GiB",
                f.ram.size, self.ram_gib
            ));
        }
        if self.ecc && f.ram.no_ecc {
            why.push("RAM without ECC (`u`)".to_string());
        }
        if self.no_oversubscription && f.ram.oversubscribed {
            why.push("oversubscribed RAM (`o`)".to_string());
        }
        match f.disk {
            Some(_) if self.no_disk => {
                why.push("has a root disk, need none (boot from a volume)".to_string());
            }
            None if self.needs_disk() => why.push(if self.disk_gb > 0 {
                format!("no root disk, need one of at least {} GB", self.disk_gb)
            } else {
                "no root disk, need one".to_string()
            }),
            Some(d) => {
                if self.disk_gb > 0 {
                    match d.size {
                        None => why.push(format!(
                            "disk size left to the cloud, need at least {} GB",
                            self.disk_gb
                        )),
                        Some(s) if s.get() < self.disk_gb => why.push(format!(
                            "{s} GB root disk, need at least {} GB",
                            self.disk_gb
                        )),
                        Some(_) => {}
                    }
                }
                if let Some(min) = self.disk_type {
                    match d.kind {
                        None if min > DiskType::Network => why.push(format!(
                            "disk type unspecified (counted as network), need at least {min}"
                        )),
                        Some(k) if k < min => {
                            why.push(format!("disk type {k}, need at least {min}"))
                        }
                        _ => {}
                    }
                }
            }
            None => {}
        }
        if let Some(arch) = self.arch {
            let have = Arch::of(f);
            if have != arch {
                why.push(format!("architecture {have}, need {arch}"));
            }
        }
        if let Some(vendor) = self.cpu_vendor {
            match f.cpu_brand.map(|b| b.vendor()) {
                None => why.push(format!("CPU vendor not stated, need {vendor}")),
                Some(v) if v != vendor => why.push(format!("CPU vendor {v}, need {vendor}")),
                Some(_) => {}
            }
        }
        if self.needs_gpu() {
            match f.gpu {
                None => why.push("no GPU".to_string()),
                Some(g) => {
                    if let Some(vendor) = self.gpu_vendor {
                        if g.vendor() != vendor {
                            why.push(format!("GPU vendor {}, need {vendor}", g.vendor()));
                        }
                    }
                    let units = g.units().map_or(0, |u| u.get());
                    if units < self.gpu_units {
                        why.push(match g.units() {
                            None => format!(
                                "GPU compute units not stated, need at least {}",
                                self.gpu_units
                            ),
                            Some(u) => {
                                format!("{u} GPU compute units, need at least {}", self.gpu_units)
                            }
                        });
                    }
                    let vram = g.vram().map_or(0, |v| v.get());
                    if vram < self.gpu_vram_gib {
                        why.push(match g.vram() {
                            None => format!(
                                "GPU VRAM not stated, need at least {} GiB",
                                self.gpu_vram_gib
                            ),
                            Some(v) => {
                                format!("{v} GiB GPU VRAM, need at least {} GiB", self.gpu_vram_gib)
                            }
                        });
                    }
                }
            }
        }
        if self.infiniband && !f.ib {
            why.push("no Infiniband (`_ib`)".to_string());
        }
        if self.bare_metal && f.hypervisor != Some(Hypervisor::BareMetal) {
            why.push("not bare metal (`_bms`)".to_string());
        }
        if self.hwv && !f.hwv {
            why.push("no hardware virtualisation (`_hwv`)".to_string());
        }
        why
    }
}

impl Requirements {
    /// The keys [`Requirements::set`] understands: the field names.
    pub const KEYS: &'static [&'static str] = &[
        "cpus",
        "cpu_type",
        "secure_cpu",
        "ram_gib",
        "ecc",
        "no_oversubscription",
        "disk_gb",
        "disk_type",
        "no_disk",
        "arch",
        "cpu_vendor",
        "gpu",
        "gpu_vendor",
        "gpu_units",
        "gpu_vram_gib",
        "infiniband",
        "bare_metal",
        "hwv",
    ];

    /// Sets one requirement from text, for bindings and command lines that have key/value
    /// pairs: numbers as decimal text, flags as `true`/`false`, table values by code or name
    /// (`V` or `shared-core`, `s` or `ssd`, `z` or `amd`, `N` or `nvidia`), architectures as in
    /// [`Arch::from_str`]; an empty value clears an optional requirement.
    ///
    /// # Errors
    /// A message naming the key, for an unknown key (`"cores"`), a bad number (`cpus=two`),
    /// a bad flag (`ecc=yes`) or an unknown table value (`disk_type=floppy`).
    ///
    /// ```
    /// let mut need = scs_flavor_audit::Requirements::default();
    /// need.set("cpus", "2")?;
    /// need.set("disk_type", "ssd")?;
    /// need.set("cpu_vendor", "amd")?;
    /// assert_eq!(need.cpus, 2);
    /// assert_eq!(need.set("cores", "2").unwrap_err(), "unknown requirement \"cores\": expected one of cpus, cpu_type, secure_cpu, ram_gib, ecc, no_oversubscription, disk_gb, disk_type, no_disk, arch, cpu_vendor, gpu, gpu_vendor, gpu_units, gpu_vram_gib, infiniband, bare_metal, hwv");
    /// # Ok::<(), String>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        fn number<T: FromStr>(key: &str, v: &str) -> Result<T, String> {
            v.trim()
                .parse()
                .map_err(|_| format!("{key}: expected a non-negative number, found {v:?}"))
        }
        fn flag(key: &str, v: &str) -> Result<bool, String> {
            match v.trim() {
                "true" | "1" => Ok(true),
                "false" | "0" | "" => Ok(false),
                _ => Err(format!("{key}: expected true or false, found {v:?}")),
            }
        }
        fn optional<T>(
            key: &str,
            v: &str,
            parse: fn(&str) -> Result<T, String>,
        ) -> Result<Option<T>, String> {
            match v.trim() {
                "" => Ok(None),
                v => parse(v).map(Some).map_err(|e| format!("{key}: {e}")),
            }
        }
        match key {
            "cpus" => self.cpus = number(key, value)?,
            "cpu_type" => self.cpu_type = optional(key, value, parse_cpu_type)?,
            "secure_cpu" => self.secure_cpu = flag(key, value)?,
            "ram_gib" => {
                let ram: f64 = number(key, value)?;
                if !(ram.is_finite() && ram >= 0.0) {
                    return Err(format!(
                        "{key}: expected a non-negative number, found {value:?}"
                    ));
                }
                self.ram_gib = ram;
            }
            "ecc" => self.ecc = flag(key, value)?,
            "no_oversubscription" => self.no_oversubscription = flag(key, value)?,
            "disk_gb" => self.disk_gb = number(key, value)?,
            "disk_type" => self.disk_type = optional(key, value, parse_disk_type)?,
            "no_disk" => self.no_disk = flag(key, value)?,
            "arch" => self.arch = optional(key, value, |s| s.parse())?,
            "cpu_vendor" => self.cpu_vendor = optional(key, value, parse_cpu_vendor)?,
            "gpu" => self.gpu = flag(key, value)?,
            "gpu_vendor" => self.gpu_vendor = optional(key, value, parse_gpu_vendor)?,
            "gpu_units" => self.gpu_units = number(key, value)?,
            "gpu_vram_gib" => self.gpu_vram_gib = number(key, value)?,
            "infiniband" => self.infiniband = flag(key, value)?,
            "bare_metal" => self.bare_metal = flag(key, value)?,
            "hwv" => self.hwv = flag(key, value)?,
            _ => {
                return Err(format!(
                    "unknown requirement {key:?}: expected one of {}",
                    Self::KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }
}

/// A table value by its code (case-sensitive) or its name (ignoring ASCII case).
fn by_code_or_name<T: Copy>(
    s: &str,
    all: &[T],
    entry: impl Fn(T) -> &'static scs_flavor::tables::Entry,
    what: &str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|&v| entry(v).code == s)
        .or_else(|| {
            all.iter()
                .copied()
                .find(|&v| entry(v).name.eq_ignore_ascii_case(s))
        })
        .ok_or_else(|| {
            let list: Vec<String> = all
                .iter()
                .map(|&v| format!("{} ({})", entry(v).code, entry(v).name))
                .collect();
            format!("unknown {what} {s:?}: expected one of {}", list.join(", "))
        })
}

/// A CPU type by code or name: `L`/`crowded-core`, `V`/`shared-core`, `T`/`dedicated-thread`,
/// `C`/`dedicated-core`.
///
/// # Errors
/// A message listing the values, e.g. for `"v"` or `"shared"`.
pub fn parse_cpu_type(s: &str) -> Result<CpuType, String> {
    by_code_or_name(s, CpuType::ALL, CpuType::entry, "CPU type")
}

/// A disk type by code or name: `n`/`network`, `h`/`hdd`, `s`/`ssd`, `p`/`nvme`.
///
/// # Errors
/// A message listing the values, e.g. for `"floppy"`.
pub fn parse_disk_type(s: &str) -> Result<DiskType, String> {
    by_code_or_name(s, DiskType::ALL, DiskType::entry, "disk type")
}

/// A CPU vendor by code or name: `i`/`intel`, `z`/`amd`, `a`/`arm`, `r`/`risc-v` (or `riscv`).
///
/// # Errors
/// A message listing the values, e.g. for `"via"`.
pub fn parse_cpu_vendor(s: &str) -> Result<CpuVendor, String> {
    if s.eq_ignore_ascii_case("riscv") {
        return Ok(CpuVendor::RiscV);
    }
    by_code_or_name(s, CpuVendor::ALL, CpuVendor::entry, "CPU vendor")
}

/// A GPU vendor by code or name: `N`/`nvidia`, `A`/`amd`, `I`/`intel`.
///
/// # Errors
/// A message listing the values, e.g. for `"matrox"`.
pub fn parse_gpu_vendor(s: &str) -> Result<GpuVendor, String> {
    by_code_or_name(s, GpuVendor::ALL, GpuVendor::entry, "GPU vendor")
}

/// What a flavor offers beyond the requirements; [`Excess::cost`] weighs it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excess {
    /// vCPUs beyond the minimum.
    pub vcpus: u32,
    /// GiB of RAM beyond the minimum.
    pub ram_gib: f64,
    /// GB of root disk (all disks together) beyond the minimum; a disk whose size the name
    /// leaves open counts as 0.
    pub disk_gb: u64,
    /// Steps of CPU type above the minimum (`L` if none is required).
    pub cpu_type_steps: u8,
    /// Steps of disk type above the minimum (network if none is required; an unspecified type
    /// counts as network).
    pub disk_type_steps: u8,
    /// Costly features not asked for: `"gpu"`, `"bare-metal"`, `"infiniband"`, `"hwv"`.
    pub extras: Vec<&'static str>,
}

/// The weights of [`Excess::cost`], in thousandths of a vCPU.
mod weight {
    pub const VCPU: u64 = 1000;
    /// One vCPU is worth 4 GiB: the standard's most common ratio.
    pub const GIB: f64 = 250.0;
    /// One vCPU is worth 100 GB of disk.
    pub const DISK_GB: u64 = 10;
    pub const CPU_TYPE_STEP: u64 = 500;
    pub const DISK_TYPE_STEP: u64 = 200;
    pub const GPU: u64 = 8000;
    pub const BARE_METAL: u64 = 4000;
    pub const INFINIBAND: u64 = 2000;
    pub const HWV: u64 = 250;
}

impl Excess {
    /// What `f` offers beyond `req` (zero where it offers less).
    pub fn of(req: &Requirements, f: &Flavor) -> Excess {
        let disk_total = f.disk.map_or(0, |d| {
            u64::from(d.count.get()) * u64::from(d.size.map_or(0, |s| s.get()))
        });
        let min_cpu = req.cpu_type.unwrap_or(CpuType::CrowdedCore) as u8;
        let min_disk = req.disk_type.unwrap_or(DiskType::Network) as u8;
        let disk_kind = f.disk.map(|d| d.kind.unwrap_or(DiskType::Network) as u8);
        let mut extras = Vec::new();
        if f.gpu.is_some() && !req.needs_gpu() {
            extras.push("gpu");
        }
        if f.hypervisor == Some(Hypervisor::BareMetal) && !req.bare_metal {
            extras.push("bare-metal");
        }
        if f.ib && !req.infiniband {
            extras.push("infiniband");
        }
        if f.hwv && !req.hwv {
            extras.push("hwv");
        }
        Excess {
            vcpus: f.cpu.count.get().saturating_sub(req.cpus),
            ram_gib: (f.ram.size.gib() - req.ram_gib.max(0.0)).max(0.0),
            disk_gb: disk_total.saturating_sub(u64::from(req.disk_gb)),
            cpu_type_steps: (f.cpu.kind as u8).saturating_sub(min_cpu),
            disk_type_steps: disk_kind.map_or(0, |k| k.saturating_sub(min_disk)),
            extras,
        }
    }

    /// The over-provisioning cost, in thousandths of a vCPU:
    ///
    /// | beyond the requirement | cost |
    /// |---|---|
    /// | each vCPU | 1000 |
    /// | each GiB of RAM | 250 (1 vCPU : 4 GiB, the standard's usual ratio) |
    /// | each GB of root disk | 10 |
    /// | each step of CPU type (L → V → T → C) | 500 |
    /// | each step of disk type (network → hdd → ssd → nvme) | 200 |
    /// | a GPU / bare metal / Infiniband / `_hwv` not asked for | 8000 / 4000 / 2000 / 250 |
    ///
    /// Lower is better; an exact fit costs 0.
    pub fn cost(&self) -> u64 {
        let extras: u64 = self
            .extras
            .iter()
            .map(|e| match *e {
                "gpu" => weight::GPU,
                "bare-metal" => weight::BARE_METAL,
                "infiniband" => weight::INFINIBAND,
                _ => weight::HWV,
            })
            .sum();
        u64::from(self.vcpus) * weight::VCPU
            + (self.ram_gib * weight::GIB).round() as u64
            + self.disk_gb.saturating_mul(weight::DISK_GB)
            + u64::from(self.cpu_type_steps) * weight::CPU_TYPE_STEP
            + u64::from(self.disk_type_steps) * weight::DISK_TYPE_STEP
            + extras
    }
}

/// Writes the non-zero parts: `+2 vCPUs, +4 GiB RAM, +20 GB disk, CPU type +1, disk type +2,
/// gpu`, or `exact fit`.
impl fmt::Display for Excess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.vcpus > 0 {
            parts.push(format!("+{} vCPUs", self.vcpus));
        }
        if self.ram_gib > 0.0 {
            parts.push(format!("+{} GiB RAM", self.ram_gib));
        }
        if self.disk_gb > 0 {
            parts.push(format!("+{} GB disk", self.disk_gb));
        }
        if self.cpu_type_steps > 0 {
            parts.push(format!("CPU type +{}", self.cpu_type_steps));
        }
        if self.disk_type_steps > 0 {
            parts.push(format!("disk type +{}", self.disk_type_steps));
        }
        parts.extend(self.extras.iter().map(|e| e.to_string()));
        if parts.is_empty() {
            f.write_str("exact fit")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// The over-provisioning cost of `f` for `req`: see [`Excess::cost`].
pub fn cost(req: &Requirements, f: &Flavor) -> u64 {
    Excess::of(req, f).cost()
}

/// A flavor that satisfies the requirements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Match {
    /// The name as given (the cloud's flavor name for [`select_flavors`]).
    pub name: String,
    /// The SCS flavor it was judged by (its canonical name in JSON).
    pub flavor: Flavor,
    /// The over-provisioning cost: lower is better.
    pub cost: u64,
    /// What it offers beyond the requirements.
    pub excess: Excess,
}

/// A flavor that does not satisfy the requirements, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The name as given.
    pub name: String,
    /// One sentence per unmet requirement (or why the name could not be judged).
    pub reasons: Vec<String>,
}

/// The result of [`select`]: the matches, best (cheapest) first, and the rejections in input
/// order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Selection {
    /// Flavors that satisfy the requirements, by cost, then name, then input order.
    pub matches: Vec<Match>,
    /// Flavors that do not, with the reasons.
    pub rejected: Vec<Rejection>,
}

impl Selection {
    /// The best match, if any.
    pub fn best(&self) -> Option<&Match> {
        self.matches.first()
    }
}

/// One line per match (`SCS-2V-8-20s  cost 0  exact fit`), then `rejected:` and one line per
/// rejection with its reasons.
impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.matches.iter().map(|m| m.name.len()).max().unwrap_or(0);
        for m in &self.matches {
            writeln!(f, "{:width$}  cost {:>6}  {}", m.name, m.cost, m.excess)?;
        }
        if self.matches.is_empty() {
            writeln!(f, "no flavor satisfies the requirements")?;
        }
        if !self.rejected.is_empty() {
            writeln!(f)?;
            writeln!(f, "rejected:")?;
            for r in &self.rejected {
                writeln!(f, "  {}: {}", r.name, r.reasons.join("; "))?;
            }
        }
        Ok(())
    }
}

enum Candidate {
    Judged(String, Flavor),
    Rejected(Rejection),
}

fn choose(req: &Requirements, candidates: impl IntoIterator<Item = Candidate>) -> Selection {
    let mut sel = Selection::default();
    for c in candidates {
        match c {
            Candidate::Rejected(r) => sel.rejected.push(r),
            Candidate::Judged(name, flavor) => {
                let reasons = req.check(&flavor);
                if reasons.is_empty() {
                    let excess = Excess::of(req, &flavor);
                    sel.matches.push(Match {
                        name,
                        flavor,
                        cost: excess.cost(),
                        excess,
                    });
                } else {
                    sel.rejected.push(Rejection { name, reasons });
                }
            }
        }
    }
    // Stable: equal cost and name keep input order.
    sel.matches
        .sort_by(|a, b| a.cost.cmp(&b.cost).then_with(|| a.name.cmp(&b.name)));
    sel
}

/// Picks from flavor names those that satisfy `req`, cheapest (least over-provisioned) first,
/// and says why each other one fails. Names are read as certification does (v3, v1 tolerated);
/// names that are not SCS names or invalid are rejected with that reason.
///
/// ```
/// use scs_flavor_audit::{select, Requirements};
/// let need = Requirements { cpus: 2, ram_gib: 8.0, ..Requirements::default() };
/// let s = select(&need, ["SCS-4V-16", "SCS-2V-8", "SCS-2V-4", "m1.large"]);
/// assert_eq!(s.matches.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["SCS-2V-8", "SCS-4V-16"]);
/// assert_eq!(s.rejected[0].reasons, ["4 GiB RAM, need at least 8 GiB"]);
/// assert_eq!(s.rejected[1].reasons, ["not an SCS flavor name"]);
/// ```
pub fn select<I, S>(req: &Requirements, names: I) -> Selection
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    choose(
        req,
        names.into_iter().map(|n| {
            let name = n.as_ref();
            match STRATEGY.check(name) {
                Outcome::Valid(p) => Candidate::Judged(name.to_string(), p.flavor()),
                Outcome::Invalid(e) => Candidate::Rejected(Rejection {
                    name: name.to_string(),
                    reasons: vec![format!("invalid SCS flavor name: {e}")],
                }),
                Outcome::NotScs => Candidate::Rejected(Rejection {
                    name: name.to_string(),
                    reasons: vec!["not an SCS flavor name".to_string()],
                }),
            }
        }),
    )
}

/// Like [`select`], from a cloud's flavor list: each flavor is judged by its own SCS name, or
/// else by its first valid `scs:name-vN` extra spec, and rejected if it delivers less than that
/// name promises (vCPUs, RAM or disk, as the semantics check compares them).
pub fn select_flavors(req: &Requirements, flavors: &[CloudFlavor]) -> Selection {
    choose(
        req,
        flavors.iter().map(|f| {
            let reject = |reasons: Vec<String>| {
                Candidate::Rejected(Rejection {
                    name: f.name.clone(),
                    reasons,
                })
            };
            let own = match STRATEGY.check(&f.name) {
                Outcome::Valid(p) => Some(p.flavor()),
                _ => None,
            };
            let mut names: Vec<(u64, &String)> = f
                .extra_specs
                .iter()
                .filter_map(|(k, v)| name_key(k).map(|n| (n, v)))
                .collect();
            names.sort();
            let from_specs = names.iter().find_map(|(_, v)| match STRATEGY.check(v) {
                Outcome::Valid(p) => Some(p.flavor()),
                _ => None,
            });
            let Some(flavor) = own.or(from_specs) else {
                return reject(vec![match STRATEGY.check(&f.name) {
                    Outcome::Invalid(e) => format!("invalid SCS flavor name: {e}"),
                    _ => "not an SCS flavor (no SCS name, no valid scs:name-vN extra spec)"
                        .to_string(),
                }]);
            };
            let broken: Vec<String> = promises(f, &flavor)
                .into_iter()
                .filter(|(s, _, _)| *s == Severity::Error)
                .map(|(_, _, m)| format!("delivers less than its name {flavor} promises: {m}"))
                .collect();
            if broken.is_empty() {
                Candidate::Judged(f.name.clone(), flavor)
            } else {
                reject(broken)
            }
        }),
    )
}
