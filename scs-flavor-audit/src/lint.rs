//! Linting flavor references in deployments: will a name exist on every SCS cloud?
//!
//! Only the scs-0103 **mandatory** standard flavors exist on every SCS-compatible cloud;
//! recommended ones may be missing and every other name is provider-specific. [`lint_name`]
//! classifies one flavor name as a deployment refers to it; finding the names in files (and
//! their positions) is the `scs-flavor-lint` crate's part.

use std::fmt;

use scs_flavor::{Flavor, Level, Outcome, StandardFlavor, Strategy, STANDARD_FLAVORS};
use serde::{Deserialize, Serialize};

use crate::audit::Severity;
use crate::requirements::{Arch, Gib, Requirements};
use crate::select::select;

/// What a flavor reference is, as far as portability across SCS clouds goes.
///
/// In JSON: `"mandatory"`, `"recommended"`, `"non-standard"`, `"invalid"`, `"not-scs"`,
/// `"unresolved"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceStatus {
    /// A mandatory scs-0103 standard flavor: every SCS-compatible cloud offers it.
    Mandatory,
    /// A recommended scs-0103 standard flavor: a cloud may lack it.
    Recommended,
    /// A valid SCS name that is no standard flavor: provider-specific.
    NonStandard,
    /// A name that starts with `SCS-` but breaks the naming standard (scs-0100).
    Invalid,
    /// A name that is no SCS name (`m1.large`): provider-specific.
    NotScs,
    /// A computed value (`var.x`, `${…}`, `{{ … }}`) with no literal to follow.
    Unresolved,
}

impl ReferenceStatus {
    /// Every status, in the order of the enum.
    pub const ALL: &'static [ReferenceStatus] = &[
        ReferenceStatus::Mandatory,
        ReferenceStatus::Recommended,
        ReferenceStatus::NonStandard,
        ReferenceStatus::Invalid,
        ReferenceStatus::NotScs,
        ReferenceStatus::Unresolved,
    ];

    /// The stable identifier, as in JSON (`"non-standard"`).
    pub fn code(self) -> &'static str {
        match self {
            ReferenceStatus::Mandatory => "mandatory",
            ReferenceStatus::Recommended => "recommended",
            ReferenceStatus::NonStandard => "non-standard",
            ReferenceStatus::Invalid => "invalid",
            ReferenceStatus::NotScs => "not-scs",
            ReferenceStatus::Unresolved => "unresolved",
        }
    }

    /// Whether a reference with this status fails a lint run: an invalid name always; with
    /// `strict`, also every name that some SCS cloud may lack (recommended, non-standard,
    /// not-scs). A mandatory flavor and an unresolved value never fail.
    pub fn fails(self, strict: bool) -> bool {
        match self {
            ReferenceStatus::Invalid => true,
            ReferenceStatus::Recommended
            | ReferenceStatus::NonStandard
            | ReferenceStatus::NotScs => strict,
            ReferenceStatus::Mandatory | ReferenceStatus::Unresolved => false,
        }
    }
}

impl ReferenceStatus {
    /// One sentence on what the status means (a SARIF rule's description).
    pub fn description(self) -> &'static str {
        match self {
            ReferenceStatus::Mandatory => {
                "A mandatory scs-0103 standard flavor: every SCS-compatible cloud offers it."
            }
            ReferenceStatus::Recommended => {
                "A recommended scs-0103 standard flavor: an SCS-compatible cloud may lack it."
            }
            ReferenceStatus::NonStandard => {
                "A valid SCS flavor name that is no scs-0103 standard flavor: provider-specific."
            }
            ReferenceStatus::Invalid => {
                "A name that starts with `SCS-` but breaks the flavor naming standard scs-0100."
            }
            ReferenceStatus::NotScs => "A flavor name that is no SCS name: provider-specific.",
            ReferenceStatus::Unresolved => {
                "A computed flavor value with no literal value to follow: not checked."
            }
        }
    }
}

impl fmt::Display for ReferenceStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A standard flavor offered instead of a name: it gives at least the same resources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// Its name, e.g. `"SCS-4V-16-100s"`.
    pub name: String,
    /// Its scs-0103 level.
    pub status: ReferenceStatus,
    /// What it gives beyond the name it replaces (`"+50 GB disk"`, `"exact fit"`).
    pub excess: String,
}

/// What [`lint_name`] makes of one flavor reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameLint {
    /// The name as the deployment writes it (for [`ReferenceStatus::Unresolved`], the
    /// expression).
    pub name: String,
    /// What it is.
    pub status: ReferenceStatus,
    /// How much it matters: `error` for an invalid name; `warning` for a name some SCS cloud
    /// may lack (recommended, non-standard, not-scs) or with a warning of the core
    /// (non-canonical spelling, v1 syntax, not a Kubernetes label value, …); `note` for a
    /// mandatory flavor as clouds list it and for an unresolved value.
    pub level: Severity,
    /// One sentence, then the warnings on the name, `; `-separated.
    pub message: String,
    /// The name to write instead, where one helps: the standard name for a differently spelt
    /// standard flavor, the least over-provisioned standard flavor for a non-standard or a
    /// recommended one, the canonical spelling otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The standard flavors that give at least the same resources, least over-provisioned
    /// first (at most [`MAX_ALTERNATIVES`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// The stable codes of the core's warnings on the name (`"non-canonical"`,
    /// `"tolerated"`, `"not-kubernetes-label"`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Byte offsets in [`name`](NameLint::name) of the part concerned: the error's span for
    /// an invalid name, the whole name otherwise.
    pub start: usize,
    /// See [`start`](NameLint::start).
    pub end: usize,
}

/// The most alternatives a [`NameLint`] lists.
pub const MAX_ALTERNATIVES: usize = 3;

fn standard_status(s: &StandardFlavor) -> ReferenceStatus {
    match s.level {
        Level::Mandatory => ReferenceStatus::Mandatory,
        Level::Recommended => ReferenceStatus::Recommended,
    }
}

/// What `f` offers at least: its vCPUs and their type, RAM and its guarantees, root disk
/// (all disks together) and its type, architecture where the name states a CPU brand, GPU,
/// Infiniband, bare metal, nested virtualisation.
fn needs(f: &Flavor) -> Requirements {
    let disk = f.disk;
    Requirements {
        cpus: f.cpu.count.get(),
        cpu_type: Some(f.cpu.kind),
        secure_cpu: !f.cpu.insecure,
        ram_gib: Gib::from(f.ram.size),
        ecc: !f.ram.no_ecc,
        no_oversubscription: !f.ram.oversubscribed,
        disk_gb: disk.map_or(0, |d| {
            let total = u64::from(d.count.get()) * u64::from(d.size.map_or(0, |s| s.get()));
            u32::try_from(total).unwrap_or(u32::MAX)
        }),
        disk_type: disk.and_then(|d| d.kind),
        arch: f.cpu_brand.map(|_| Arch::of(f)),
        gpu: f.gpu.is_some(),
        infiniband: f.ib,
        bare_metal: f.hypervisor == Some(scs_flavor::Hypervisor::BareMetal),
        hwv: f.hwv,
        ..Requirements::default()
    }
}

/// The standard flavors that give at least what `f` gives, least over-provisioned first;
/// with `mandatory_only`, only the mandatory ones.
pub fn alternatives(f: &Flavor, mandatory_only: bool) -> Vec<Alternative> {
    let names = STANDARD_FLAVORS
        .iter()
        .filter(|s| !mandatory_only || s.level == Level::Mandatory)
        .map(|s| s.name);
    select(&needs(f), names)
        .matches
        .into_iter()
        .filter_map(|m| {
            let s = StandardFlavor::find(&m.name)?;
            Some(Alternative {
                name: m.name,
                status: standard_status(s),
                excess: m.excess.to_string(),
            })
        })
        .take(MAX_ALTERNATIVES)
        .collect()
}

fn list(alternatives: &[Alternative]) -> String {
    alternatives
        .iter()
        .map(|a| format!("`{}` ({}, {})", a.name, a.status, a.excess))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Classifies the flavor name `name` as a deployment refers to it, reading it with
/// `strategy` (certification reads with [`crate::STRATEGY`], `v2/v1`).
///
/// ```
/// use scs_flavor::Strategy;
/// use scs_flavor_audit::{lint_name, Severity, ReferenceStatus};
///
/// let l = lint_name("SCS-2V-4-20s", Strategy::V2V1);
/// assert_eq!((l.status, l.level), (ReferenceStatus::Mandatory, Severity::Note));
///
/// let l = lint_name("SCS-4V-16-50s", Strategy::V2V1);
/// assert_eq!(l.status, ReferenceStatus::NonStandard);
/// assert_eq!(l.suggestion.as_deref(), Some("SCS-4V-16-100s"));
///
/// let l = lint_name("SCS-2V-4_i7", Strategy::V2V1);
/// assert_eq!((l.status, l.start, l.end), (ReferenceStatus::Invalid, 9, 11));
/// ```
pub fn lint_name(name: &str, strategy: Strategy) -> NameLint {
    let mut lint = NameLint {
        name: name.to_string(),
        status: ReferenceStatus::NotScs,
        level: Severity::Warning,
        message: String::new(),
        suggestion: None,
        alternatives: Vec::new(),
        warnings: Vec::new(),
        start: 0,
        end: name.len(),
    };
    match strategy.check(name) {
        Outcome::NotScs => {
            lint.message = format!(
                "`{name}` is not an SCS flavor name: provider-specific, other SCS clouds do not \
                 offer it"
            );
        }
        Outcome::Invalid(e) => {
            lint.status = ReferenceStatus::Invalid;
            lint.level = Severity::Error;
            lint.start = e.start().min(name.len());
            lint.end = e.end().clamp(lint.start, name.len());
            lint.message = format!("invalid SCS flavor name `{name}`: {e}");
            // Close: a name that another syntax reads (a v1 name under v3).
            let close = [Strategy::V2V1, Strategy::V1V2]
                .into_iter()
                .find_map(|s| s.check(name).into_result().ok());
            if let Some(p) = close {
                let f = p.flavor();
                let canonical = canonical(&f, strategy);
                let standard = StandardFlavor::find(&f.v2().to_string());
                let better = standard.map_or(canonical, |s| s.name.to_string());
                lint.message
                    .push_str(&format!("; strategy {strategy} reads it as `{better}`"));
                lint.suggestion = Some(better);
            }
        }
        Outcome::Valid(p) => {
            let f = p.flavor();
            let v2 = f.v2().to_string();
            let warnings: Vec<String> = p.warnings().map(|w| w.to_string()).collect();
            lint.warnings = p.warnings().map(|w| w.kind.code().to_string()).collect();
            match StandardFlavor::find(&v2) {
                Some(s) => {
                    lint.status = standard_status(s);
                    let level = s.level.code();
                    if name == s.name {
                        lint.message = format!("`{name}` is a {level} scs-0103 standard flavor");
                    } else {
                        lint.message = format!(
                            "`{name}` names the {level} scs-0103 standard flavor `{}`, which \
                             clouds list under that name",
                            s.name
                        );
                        lint.suggestion = Some(s.name.to_string());
                    }
                    if s.level == Level::Mandatory {
                        lint.message
                            .push_str(": every SCS-compatible cloud offers it");
                        lint.level = if name == s.name && warnings.is_empty() {
                            Severity::Note
                        } else {
                            Severity::Warning
                        };
                    } else {
                        lint.message
                            .push_str(": an SCS-compatible cloud may lack it");
                        lint.alternatives = alternatives(&f, true);
                        if let Some(a) = lint.alternatives.first() {
                            lint.message.push_str(&format!(
                                "; mandatory flavors with at least the same resources: {}",
                                list(&lint.alternatives)
                            ));
                            if lint.suggestion.is_none() {
                                lint.suggestion = Some(a.name.clone());
                            }
                        }
                    }
                }
                None => {
                    lint.status = ReferenceStatus::NonStandard;
                    lint.message = format!(
                        "`{name}` is a valid SCS flavor name but no scs-0103 standard flavor: \
                         provider-specific"
                    );
                    lint.alternatives = alternatives(&f, false);
                    match lint.alternatives.first() {
                        Some(a) => {
                            lint.message.push_str(&format!(
                                "; standard flavors with at least the same resources: {}",
                                list(&lint.alternatives)
                            ));
                            lint.suggestion = Some(a.name.clone());
                        }
                        None => lint
                            .message
                            .push_str("; no standard flavor gives at least the same resources"),
                    }
                    if lint.suggestion.is_none() && p.warnings().contains("non-canonical") {
                        lint.suggestion = Some(canonical(&f, strategy));
                    }
                }
            }
            for w in warnings {
                lint.message.push_str("; ");
                lint.message.push_str(&w);
            }
        }
    }
    lint
}

/// The canonical spelling of `f` in the syntax `strategy` accepts.
fn canonical(f: &Flavor, strategy: Strategy) -> String {
    match strategy.main() {
        scs_flavor::Syntax::V1 => f.v1().to_string(),
        scs_flavor::Syntax::V2 => f.v2().to_string(),
    }
}

/// The lint of a computed flavor value (`var.flavor`, `${…}`, `{{ … }}`) that could not be
/// followed to a literal: status [`ReferenceStatus::Unresolved`], severity note.
pub fn lint_unresolved(expression: &str) -> NameLint {
    NameLint {
        name: expression.to_string(),
        status: ReferenceStatus::Unresolved,
        level: Severity::Note,
        message: format!(
            "the flavor is computed (`{expression}`) and no literal value was found to follow: \
             not checked"
        ),
        suggestion: None,
        alternatives: Vec::new(),
        warnings: Vec::new(),
        start: 0,
        end: expression.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferenceStatus::*;

    fn status(name: &str) -> (ReferenceStatus, Severity, Option<String>) {
        let l = lint_name(name, Strategy::V2V1);
        (l.status, l.level, l.suggestion)
    }

    #[test]
    fn statuses() {
        let s = |x: &str| Some(x.to_string());
        // Hand-picked from the scs-0103 v1.2 tables.
        assert_eq!(status("SCS-2V-4-20s"), (Mandatory, Severity::Note, None));
        assert_eq!(status("SCS-16V-32"), (Mandatory, Severity::Note, None));
        // SCS-1V-2-5 is recommended; the cheapest mandatory flavor with ≥ 1 vCPU, 2 GiB and a
        // 5 GB disk is SCS-2V-4-20s.
        assert_eq!(
            status("SCS-1V-2-5"),
            (Recommended, Severity::Warning, s("SCS-2V-4-20s"))
        );
        assert_eq!(
            status("SCS-4V-16-50s"),
            (NonStandard, Severity::Warning, s("SCS-4V-16-100s"))
        );
        // A dedicated-core flavor: no standard flavor has dedicated cores.
        assert_eq!(status("SCS-4C-16"), (NonStandard, Severity::Warning, None));
        assert_eq!(status("m1.large"), (NotScs, Severity::Warning, None));
        assert_eq!(status("SCS-2V-4_i7"), (Invalid, Severity::Error, None));
        // Spelt otherwise: the standard name.
        assert_eq!(
            status("SCS-2V:4:20s"),
            (Mandatory, Severity::Warning, s("SCS-2V-4-20s"))
        );
        assert_eq!(
            status("SCS-02V-4"),
            (Mandatory, Severity::Warning, s("SCS-2V-4"))
        );
    }

    #[test]
    fn warnings_are_the_cores() {
        let l = lint_name("SCS-2V:4:20s", Strategy::V2V1);
        assert_eq!(l.warnings, ["tolerated", "not-kubernetes-label"]);
        assert!(l
            .message
            .contains("; v1 syntax is merely tolerated by strategy v2/v1; "));
        let l = lint_name("SCS-2V-4-20s", Strategy::V2V1);
        assert!(l.warnings.is_empty());
    }

    #[test]
    fn invalid_names_point_at_the_bad_part() {
        let l = lint_name("SCS-2V:4:20s", Strategy::V3);
        assert_eq!(
            (l.status, l.suggestion.as_deref()),
            (Invalid, Some("SCS-2V-4-20s"))
        );
        let l = lint_name("SCS-4V-16:100", Strategy::V2V1);
        assert_eq!((l.start, l.end), (9, 13));
    }

    #[test]
    fn only_invalid_fails_unless_strict() {
        let fails: Vec<_> = ReferenceStatus::ALL
            .iter()
            .map(|s| s.fails(false))
            .collect();
        assert_eq!(fails, [false, false, false, true, false, false]);
        let strict: Vec<_> = ReferenceStatus::ALL.iter().map(|s| s.fails(true)).collect();
        assert_eq!(strict, [false, true, true, true, true, false]);
    }

    #[test]
    fn json_codes() {
        for s in ReferenceStatus::ALL {
            assert_eq!(serde_json::to_value(s).ok(), Some(s.code().into()));
        }
        let l = lint_unresolved("var.f");
        assert_eq!((l.status, l.level), (Unresolved, Severity::Note));
        assert_eq!(
            serde_json::to_value(Severity::Note).ok(),
            Some("note".into())
        );
    }
}
