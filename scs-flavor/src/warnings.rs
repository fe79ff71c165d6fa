//! Warnings on valid names: a fixed-size list, no allocation.

use core::fmt;

use crate::check::Parsed;
use crate::error::{Component, Field};
use crate::parse::Span;
use crate::render::{Name, StackName};
use crate::spec::MAX_SPEC_DISKS;
use crate::syntax::{Strategy, Syntax};

/// A form that the checker accepts but the standard's text does not describe or advises against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Undescribed {
    /// `-3x`, `-3xn`: several disks without a size.
    DiskCountWithoutSize,
    /// `_GNah`: a GPU frequency `h` without a unit count.
    GpuFrequencyWithoutUnits,
    /// `_GNah-24`: VRAM without a unit count.
    VramWithoutUnits,
    /// `_GN-24`: a unit count without a GPU generation.
    GpuUnitsWithoutGeneration,
    /// `SCS-2V-10.5`: half GiB of RAM at 10 GiB or more, which the standard advises against.
    HalfGibLargeRam,
}

impl Undescribed {
    fn message(self) -> &'static str {
        match self {
            Undescribed::DiskCountWithoutSize => {
                "several disks without a size: the standard does not describe this form"
            }
            Undescribed::GpuFrequencyWithoutUnits => {
                "GPU frequency `h` without a unit count: the standard does not describe this form"
            }
            Undescribed::VramWithoutUnits => {
                "GPU VRAM without a unit count: the standard does not describe this form"
            }
            Undescribed::GpuUnitsWithoutGeneration => {
                "GPU unit count without a generation: the standard does not describe this form"
            }
            Undescribed::HalfGibLargeRam => {
                "half GiB of RAM at 10 GiB or more: the standard advises against it"
            }
        }
    }
}

/// Why a name is not usable as a Kubernetes label value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelProblem {
    /// A character other than letters, digits, `-`, `_` and `.` (a v1 name's `:`).
    Character,
    /// Does not start and end with a letter or digit (`SCS-2C-4-`).
    Ends,
    /// Longer than 63 characters.
    Length,
}

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// Only the strategy's tolerated syntax matched.
    Tolerated {
        /// The syntax the name is written in.
        syntax: Syntax,
        /// The strategy that merely tolerates it.
        strategy: Strategy,
    },
    /// The spelling is not canonical; the canonical name (in the same syntax) is given.
    NonCanonical {
        /// The canonical name.
        canonical: Name,
    },
    /// A form the standard's text does not describe.
    Undescribed(Undescribed),
    /// We accept the name, but the official checker rejects it (deviation D2: a GPU without
    /// unit count followed by `_ib`); certification would fail.
    RejectedByOfficialChecker,
    /// The name is not usable as a Kubernetes label value.
    NotKubernetesLabel(LabelProblem),
    /// A number too large for Nova's 32-bit fields (vCPUs, RAM in MiB, disk in GB).
    TooLargeForNova(Field),
    /// More disks than the scs-0103 spec lists (deviation D3): the spec is not derived.
    TooManyDisks {
        /// The disk count.
        count: u32,
    },
    /// Longer than OpenStack's 255-character limit for flavor names.
    TooLongForOpenStack,
}

impl WarningKind {
    /// A stable kebab-case identifier, e.g. `"non-canonical"`.
    pub fn code(self) -> &'static str {
        match self {
            WarningKind::Tolerated { .. } => "tolerated",
            WarningKind::NonCanonical { .. } => "non-canonical",
            WarningKind::Undescribed(_) => "undescribed",
            WarningKind::RejectedByOfficialChecker => "rejected-by-official-checker",
            WarningKind::NotKubernetesLabel(_) => "not-kubernetes-label",
            WarningKind::TooLargeForNova(_) => "too-large-for-nova",
            WarningKind::TooManyDisks { .. } => "too-many-disks",
            WarningKind::TooLongForOpenStack => "too-long-for-openstack",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WarningKind::Tolerated { syntax, strategy } => write!(
                f,
                "{syntax} syntax is merely tolerated by strategy {strategy}"
            ),
            WarningKind::NonCanonical { canonical } => {
                write!(f, "not in canonical form: write `{canonical}`")
            }
            WarningKind::Undescribed(u) => f.write_str(u.message()),
            WarningKind::RejectedByOfficialChecker => f.write_str(
                "the official SCS checker rejects a GPU without unit count followed by `_ib` \
                 (certification would fail), although the standard allows it",
            ),
            WarningKind::NotKubernetesLabel(p) => f.write_str(match p {
                LabelProblem::Character => {
                    "not usable as a Kubernetes label value: only letters, digits, `-`, `_` and `.` are allowed"
                }
                LabelProblem::Ends => {
                    "not usable as a Kubernetes label value: it must start and end with a letter or digit"
                }
                LabelProblem::Length => {
                    "not usable as a Kubernetes label value: longer than 63 characters"
                }
            }),
            WarningKind::TooLargeForNova(field) => match field {
                Field::Ram => f.write_str("RAM in MiB is too large for Nova's 32-bit field"),
                Field::DiskSize => f.write_str("disk size is too large for Nova's 32-bit field"),
                _ => f.write_str("vCPU count is too large for Nova's 32-bit field"),
            },
            WarningKind::TooManyDisks { count } => write!(
                f,
                "{count} disks are unreasonable: the scs-0103 spec is derived for at most {MAX_SPEC_DISKS} disks"
            ),
            WarningKind::TooLongForOpenStack => {
                f.write_str("longer than OpenStack's 255-character limit for flavor names")
            }
        }
    }
}

/// A warning on a valid name, with the part of the input it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// The part of the input concerned (the whole name where no part is).
    pub span: Span,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

/// One slot per place in [`Parsed::warnings`] that can add a warning, each used at most once:
/// the list cannot overflow, by construction (a slot number out of range does not compile,
/// and a slot used twice fails the `slots_are_distinct` test).
const CAP: usize = 14;

/// The warnings of a name: a fixed-capacity list (no allocation), iterable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Warnings {
    items: [Option<Warning>; CAP],
    len: usize,
    next: usize,
}

impl Warnings {
    fn push(&mut self, slot: usize, kind: WarningKind, span: Span) {
        debug_assert!(self.items[slot].is_none(), "warning slot {slot} used twice");
        self.items[slot] = Some(Warning { kind, span });
        self.len += 1;
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether one of them is of the kind with `code` (see [`WarningKind::code`]).
    pub fn contains(&self, code: &str) -> bool {
        self.items.iter().flatten().any(|w| w.kind.code() == code)
    }
}

impl Iterator for Warnings {
    type Item = Warning;

    fn next(&mut self) -> Option<Warning> {
        while self.next < CAP {
            self.next += 1;
            if let Some(w) = self.items[self.next - 1] {
                return Some(w);
            }
        }
        None
    }
}

impl Parsed<'_> {
    /// The warnings on this name, in a fixed order.
    ///
    /// ```
    /// let p = scs_flavor::Strategy::V3.parse("SCS-04V-8-1x10")?;
    /// let w: Vec<String> = p.warnings().map(|w| w.to_string()).collect();
    /// assert_eq!(w, ["not in canonical form: write `SCS-4V-8-10`"]);
    /// # Ok::<(), scs_flavor::Error>(())
    /// ```
    pub fn warnings(&self) -> Warnings {
        let mut w = Warnings {
            items: [None; CAP],
            len: 0,
            next: 0,
        };
        let input = self.input();
        let whole = Span {
            start: 0,
            end: input.len(),
        };
        let span = |c: Component| self.span(c).unwrap_or(whole);
        let f = self.flavor();
        if self.is_tolerated() {
            let kind = WarningKind::Tolerated {
                syntax: self.syntax(),
                strategy: self.strategy(),
            };
            w.push(0, kind, whole);
        }
        let canonical = match self.syntax() {
            Syntax::V1 => f.v1(),
            Syntax::V2 => f.v2(),
        };
        if StackName::new(canonical).as_bytes() != input.as_bytes() {
            w.push(1, WarningKind::NonCanonical { canonical }, whole);
        }
        if let Some(d) = f.disk {
            if d.count.get() > 1 && d.size.is_none() {
                let kind = WarningKind::Undescribed(Undescribed::DiskCountWithoutSize);
                w.push(2, kind, span(Component::Disk));
            }
        }
        if let Some(g) = f.gpu {
            let gspan = span(Component::Gpu);
            if g.units().is_none() && g.unit_frequency().count() > 0 {
                let kind = WarningKind::Undescribed(Undescribed::GpuFrequencyWithoutUnits);
                w.push(3, kind, gspan);
            }
            if g.units().is_none() && g.vram().is_some() {
                w.push(
                    4,
                    WarningKind::Undescribed(Undescribed::VramWithoutUnits),
                    gspan,
                );
            }
            if g.generation().is_none() && g.units().is_some() {
                let kind = WarningKind::Undescribed(Undescribed::GpuUnitsWithoutGeneration);
                w.push(5, kind, gspan);
            }
            if f.ib && g.units().is_none() && g.unit_frequency().count() == 0 && g.vram().is_none()
            {
                let end = span(Component::Ib).end;
                let s = Span {
                    start: gspan.start,
                    end,
                };
                w.push(6, WarningKind::RejectedByOfficialChecker, s);
            }
        }
        if !f.ram.size.is_whole() && f.ram.size.half_gib() >= 20 {
            let kind = WarningKind::Undescribed(Undescribed::HalfGibLargeRam);
            w.push(7, kind, span(Component::CpuRam));
        }
        if let Some(problem) = label_problem(input) {
            w.push(8, WarningKind::NotKubernetesLabel(problem), whole);
        }
        if f.cpu.count.get() > i32::MAX as u32 {
            w.push(
                9,
                WarningKind::TooLargeForNova(Field::CpuCount),
                span(Component::CpuRam),
            );
        }
        if f.ram.size.mib() > i32::MAX as u64 {
            w.push(
                10,
                WarningKind::TooLargeForNova(Field::Ram),
                span(Component::CpuRam),
            );
        }
        if let Some(d) = f.disk {
            if d.size.is_some_and(|s| s.get() > i32::MAX as u32) {
                w.push(
                    11,
                    WarningKind::TooLargeForNova(Field::DiskSize),
                    span(Component::Disk),
                );
            }
            if d.count.get() > MAX_SPEC_DISKS {
                let kind = WarningKind::TooManyDisks {
                    count: d.count.get(),
                };
                w.push(12, kind, span(Component::Disk));
            }
        }
        if input.len() > 255 {
            w.push(13, WarningKind::TooLongForOpenStack, whole);
        }
        w
    }
}

fn label_problem(s: &str) -> Option<LabelProblem> {
    let b = s.as_bytes();
    if !b
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
    {
        return Some(LabelProblem::Character);
    }
    let alnum = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !alnum(b.first()) || !alnum(b.last()) {
        return Some(LabelProblem::Ends);
    }
    if b.len() > 63 {
        return Some(LabelProblem::Length);
    }
    None
}
