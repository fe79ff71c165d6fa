//! Selecting the flavor that fits given requirements with the least over-provisioning.

use std::fmt;

use scs_flavor::{CpuType, DiskType, Flavor, Hypervisor, Outcome};
use serde::{Deserialize, Serialize};

use crate::audit::{name_keys, promises, Severity, STRATEGY};
use crate::input::CloudFlavor;
use crate::requirements::{Arch, Gib, Requirements};

impl Requirements {
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
        if Gib::from(f.ram.size) < self.ram_gib {
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
                    if d.spec_type() < min {
                        why.push(match d.kind {
                            None => format!(
                                "disk type unspecified (counted as {}), need at least {min}",
                                DiskType::SPEC_DEFAULT
                            ),
                            Some(k) => format!("disk type {k}, need at least {min}"),
                        });
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
        if let Some(hypervisor) = self.hypervisor {
            match f.hypervisor {
                None => why.push(format!("hypervisor not stated, need {hypervisor}")),
                Some(h) if h != hypervisor => {
                    why.push(format!("hypervisor {h}, need {hypervisor}"))
                }
                Some(_) => {}
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

/// A costly feature that a flavor has and nobody asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extra {
    /// A GPU.
    Gpu,
    /// Bare metal (`_bms`).
    BareMetal,
    /// Infiniband (`_ib`).
    Infiniband,
    /// Hardware virtualisation (`_hwv`).
    Hwv,
}

impl Extra {
    /// Its over-provisioning cost, in thousandths of a vCPU (see [`Excess::cost`]).
    pub fn cost(self) -> u64 {
        match self {
            Extra::Gpu => 8000,
            Extra::BareMetal => 4000,
            Extra::Infiniband => 2000,
            Extra::Hwv => 250,
        }
    }

    /// `"gpu"`, `"bare-metal"`, `"infiniband"` or `"hwv"`, as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Extra::Gpu => "gpu",
            Extra::BareMetal => "bare-metal",
            Extra::Infiniband => "infiniband",
            Extra::Hwv => "hwv",
        }
    }
}

impl fmt::Display for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a flavor offers beyond the requirements; [`Excess::cost`] weighs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excess {
    /// vCPUs beyond the minimum.
    pub vcpus: u32,
    /// RAM beyond the minimum, exactly (`8 − 3.7` is `4.3`).
    pub ram_gib: Gib,
    /// GB of root disk (all disks together) beyond the minimum; a disk whose size the name
    /// leaves open counts as 0.
    pub disk_gb: u64,
    /// Steps of CPU type above the minimum (`L` if none is required).
    pub cpu_type_steps: u8,
    /// Steps of disk type above the minimum (network if none is required; a type the name
    /// leaves open counts as [`DiskType::SPEC_DEFAULT`]).
    pub disk_type_steps: u8,
    /// Costly features not asked for.
    pub extras: Vec<Extra>,
}

/// The weights of [`Excess::cost`], in thousandths of a vCPU.
mod weight {
    pub const VCPU: u64 = 1000;
    /// One vCPU is worth 4 GiB: the standard's most common ratio.
    pub const GIB: u64 = 250;
    /// One vCPU is worth 100 GB of disk.
    pub const DISK_GB: u64 = 10;
    pub const CPU_TYPE_STEP: u64 = 500;
    pub const DISK_TYPE_STEP: u64 = 200;
}

impl Excess {
    /// What `f` offers beyond `req` (zero where it offers less).
    pub fn of(req: &Requirements, f: &Flavor) -> Excess {
        let disk_total = f.disk.map_or(0, |d| {
            u64::from(d.count.get()) * u64::from(d.size.map_or(0, |s| s.get()))
        });
        let min_cpu = req.cpu_type.unwrap_or(CpuType::ALL[0]) as u8;
        let min_disk = req.disk_type.unwrap_or(DiskType::ALL[0]) as u8;
        let disk_kind = f.disk.map(|d| d.spec_type() as u8);
        let extras = [
            (f.gpu.is_some() && !req.needs_gpu(), Extra::Gpu),
            (
                f.hypervisor == Some(Hypervisor::BareMetal) && !req.needs_bare_metal(),
                Extra::BareMetal,
            ),
            (f.ib && !req.infiniband, Extra::Infiniband),
            (f.hwv && !req.hwv, Extra::Hwv),
        ];
        Excess {
            vcpus: f.cpu.count.get().saturating_sub(req.cpus),
            ram_gib: Gib::from(f.ram.size).saturating_sub(req.ram_gib),
            disk_gb: disk_total.saturating_sub(u64::from(req.disk_gb)),
            cpu_type_steps: (f.cpu.kind as u8).saturating_sub(min_cpu),
            disk_type_steps: disk_kind.map_or(0, |k| k.saturating_sub(min_disk)),
            extras: extras.iter().filter(|e| e.0).map(|e| e.1).collect(),
        }
    }

    /// The over-provisioning cost, in thousandths of a vCPU:
    ///
    /// | beyond the requirement | cost |
    /// |---|---|
    /// | each vCPU | 1000 |
    /// | each GiB of RAM | 250 (1 vCPU : 4 GiB, the standard's usual ratio), rounded |
    /// | each GB of root disk | 10 |
    /// | each step of CPU type (L → V → T → C) | 500 |
    /// | each step of disk type (network → hdd → ssd → nvme) | 200 |
    /// | a GPU / bare metal / Infiniband / `_hwv` not asked for | 8000 / 4000 / 2000 / 250 |
    ///
    /// Lower is better; an exact fit costs 0.
    pub fn cost(&self) -> u64 {
        u64::from(self.vcpus) * weight::VCPU
            + self.ram_gib.times(weight::GIB)
            + self.disk_gb.saturating_mul(weight::DISK_GB)
            + u64::from(self.cpu_type_steps) * weight::CPU_TYPE_STEP
            + u64::from(self.disk_type_steps) * weight::DISK_TYPE_STEP
            + self.extras.iter().map(|e| e.cost()).sum::<u64>()
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
        if !self.ram_gib.is_zero() {
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The name as given.
    pub name: String,
    /// One sentence per unmet requirement (or why the name could not be judged).
    pub reasons: Vec<String>,
}

/// The result of [`select`]: the matches, best (cheapest) first, and the rejections in input
/// order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
/// use scs_flavor_audit::{select, Gib, Requirements};
/// let need = Requirements { cpus: 2, ram_gib: Gib::whole(8), ..Requirements::default() };
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
            let from_specs = name_keys(f)
                .into_iter()
                .find_map(|(_, v)| match STRATEGY.check(v) {
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
