//! The one error type: a kind, a byte span in the input, a message naming the component.

use core::fmt;

use crate::model::{CpuVendor, GpuVendor};
use crate::syntax::{Strategy, Syntax};
use crate::tables::{Codes, Table};

/// A few bytes of the input kept inside an error (at most 11, cut at a character boundary):
/// what an unknown extension looks like, without allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Snippet {
    bytes: [u8; 11],
    len: u8,
    cut: bool,
}

impl Snippet {
    pub(crate) fn new(text: &str) -> Self {
        let mut len = text.len().min(11);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; 11];
        bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        Snippet {
            bytes,
            len: len as u8,
            cut: len < text.len(),
        }
    }

    /// The kept text (without the `…` of a cut one).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Writes the text escaped as Rust would (`\u{0}`), with `…` when it was cut.
impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.as_str().chars() {
            write!(f, "{}", c.escape_debug())?;
        }
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// A component of a flavor name, in the order of the standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    /// `SCS-`
    Prefix,
    /// `16T-64`: vCPUs and RAM.
    CpuRam,
    /// `-3x10s`
    Disk,
    /// `_kvm`, `_bms`, …
    Hypervisor,
    /// `_hwv`
    Hwv,
    /// `_i3h`, …
    CpuBrand,
    /// `_GNa-64`, …
    Gpu,
    /// `_ib`
    Ib,
}

impl Component {
    /// Every component, in order.
    pub const ALL: &'static [Component] = &[
        Component::Prefix,
        Component::CpuRam,
        Component::Disk,
        Component::Hypervisor,
        Component::Hwv,
        Component::CpuBrand,
        Component::Gpu,
        Component::Ib,
    ];

    /// A stable kebab-case identifier: `prefix`, `cpu-ram`, `disk`, `hypervisor`, `hwv`,
    /// `cpu-brand`, `gpu`, `ib`.
    pub fn code(self) -> &'static str {
        match self {
            Component::Prefix => "prefix",
            Component::CpuRam => "cpu-ram",
            Component::Disk => "disk",
            Component::Hypervisor => "hypervisor",
            Component::Hwv => "hwv",
            Component::CpuBrand => "cpu-brand",
            Component::Gpu => "gpu",
            Component::Ib => "ib",
        }
    }

    /// A name for messages: `"the disk"`, `"the GPU extension"`, …
    pub fn name(self) -> &'static str {
        match self {
            Component::Prefix => "the prefix",
            Component::CpuRam => "the CPU/RAM part",
            Component::Disk => "the disk",
            Component::Hypervisor => "the hypervisor extension",
            Component::Hwv => "the hardware virtualisation extension",
            Component::CpuBrand => "the CPU brand extension",
            Component::Gpu => "the GPU extension",
            Component::Ib => "the Infiniband extension",
        }
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A numeric field of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The number of vCPUs.
    CpuCount,
    /// The RAM in GiB.
    Ram,
    /// The `M` of `Mx` in the disk.
    DiskCount,
    /// The disk size in GB.
    DiskSize,
    /// The GPU's SMs / CUs / EUs.
    GpuUnits,
    /// The GPU's video memory in GiB.
    Vram,
    /// The CPU generation number.
    CpuGeneration,
    /// A number of `h` (CPU frequency, GPU unit frequency, VRAM bandwidth).
    Frequency,
}

impl Field {
    /// A name for messages: `"vCPU count"`, `"disk size"`, …
    pub fn name(self) -> &'static str {
        match self {
            Field::CpuCount => "vCPU count",
            Field::Ram => "RAM",
            Field::DiskCount => "disk count",
            Field::DiskSize => "disk size",
            Field::GpuUnits => "GPU unit count",
            Field::Vram => "GPU VRAM",
            Field::CpuGeneration => "CPU generation",
            Field::Frequency => "number of `h`",
        }
    }
}

/// What went wrong. Messages are lowercase and name the component.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The name does not start with `SCS-`: not an SCS flavor (neither valid nor invalid).
    NotScs,
    /// `SCS-V-4`: no digits before the CPU type.
    MissingCpuCount,
    /// `SCS-2v-4`: the CPU type letter is missing or not one of `L`, `V`, `T`, `C`.
    ExpectedCpuType {
        /// The character found instead, `None` at the end of the name.
        found: Option<char>,
    },
    /// `SCS-2V_4`: the separator between CPU and RAM is missing.
    ExpectedRamSeparator {
        /// The separator of the syntax being read (`-` or `:`).
        separator: char,
        /// The character found instead, `None` at the end of the name.
        found: Option<char>,
    },
    /// `SCS-2V-`: no RAM amount.
    MissingRam,
    /// `SCS-2V-1.2.3`: not a decimal number.
    MalformedRam,
    /// `SCS-2V-3.25`: not a multiple of 0.5 GiB.
    RamNotHalf,
    /// A number that must be positive is 0 (`SCS-0V-4`, `-0x10`, `-0`, `_GNa-0`).
    Zero {
        /// Which number.
        field: Field,
    },
    /// A number beyond what this library holds (deviation D1 of REFERENCE.md).
    TooLarge {
        /// Which number.
        field: Field,
    },
    /// `_i7`: the vendor has no such CPU generation.
    CpuGeneration {
        /// The CPU vendor.
        vendor: CpuVendor,
        /// The generation as written, `None` if it does not fit in 32 bits.
        generation: Option<u32>,
    },
    /// `_i3hhhh`: more than three `h`.
    CpuFrequency,
    /// `_GNx`: the vendor has no such GPU generation.
    GpuGeneration {
        /// The GPU vendor.
        vendor: GpuVendor,
    },
    /// `_GNa-64hhh`: more than two `h` after the GPU units or VRAM.
    GpuFrequency {
        /// [`Field::GpuUnits`] or [`Field::Vram`].
        field: Field,
    },
    /// `_hwv_kvm`: an extension after one that must follow it.
    OutOfOrder {
        /// The misplaced component.
        component: Component,
        /// The component it was found after.
        after: Component,
    },
    /// `_kvm_kvm`: an extension given twice.
    Repeated {
        /// The repeated component.
        component: Component,
    },
    /// `SCS-2V-4_foo`: an extension separator followed by no extension the standard defines.
    UnknownExtension {
        /// The last component read before it.
        after: Component,
        /// The extension as written, up to the next separator (e.g. `_foo`).
        found: Snippet,
        /// The syntax being read.
        syntax: Syntax,
    },
    /// Characters that no component can take.
    Unexpected {
        /// The last component read before them.
        after: Component,
        /// The first unexpected character.
        found: char,
        /// The syntax being read.
        syntax: Syntax,
    },
    /// Building: VRAM without a unit count and without a unit `h` cannot be written
    /// unambiguously (`_GNa-24` reads back as 24 units).
    VramWithoutUnits,
    /// Building: a VRAM bandwidth `h` without VRAM (`_GNa-24h` reads back as unit frequency).
    BandwidthWithoutVram,
    /// A value given as text is in no row of its table ([the lookup
    /// rule](crate::tables#the-lookup-rule)): an unknown strategy, hypervisor, generation, …
    Unknown {
        /// The table looked in.
        table: &'static Table,
    },
    /// A number given to the builder that is not a whole number in range (negative, a
    /// fraction, NaN, beyond 32 bits, not a number at all).
    NotWhole {
        /// Which number.
        field: Field,
    },
    /// A property the builder or a requirement does not know (`colour`).
    UnknownField {
        /// The key as given.
        found: Snippet,
        /// The properties that the object has.
        known: &'static &'static [&'static str],
    },
    /// A property that must be given is missing (`cpus`, `gpu.vendor`).
    MissingField,
    /// A property that takes `true` or `false` got something else.
    NotBool,
    /// A part (`disk`, `cpu_brand`, `gpu`) that must be an object (or null) is not.
    NotObject,
    /// More disks than the scs-0103 spec lists (deviation D3): no spec is derived.
    TooManyDisks {
        /// The disk count of the name.
        count: u32,
    },
    /// A valid name of the other syntax, which the strategy rejects ("non-tolerable").
    WrongSyntax {
        /// The syntax the name is written in.
        found: Syntax,
        /// The strategy that rejects it.
        strategy: Strategy,
    },
}

impl ErrorKind {
    /// A stable kebab-case identifier, e.g. `"not-scs"`, `"cpu-generation"`, `"unexpected"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotScs => "not-scs",
            ErrorKind::MissingCpuCount => "missing-cpu-count",
            ErrorKind::ExpectedCpuType { .. } => "expected-cpu-type",
            ErrorKind::ExpectedRamSeparator { .. } => "expected-ram-separator",
            ErrorKind::MissingRam => "missing-ram",
            ErrorKind::MalformedRam => "malformed-ram",
            ErrorKind::RamNotHalf => "ram-not-half",
            ErrorKind::Zero { .. } => "zero",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::CpuGeneration { .. } => "cpu-generation",
            ErrorKind::CpuFrequency => "cpu-frequency",
            ErrorKind::GpuGeneration { .. } => "gpu-generation",
            ErrorKind::GpuFrequency { .. } => "gpu-frequency",
            ErrorKind::OutOfOrder { .. } => "out-of-order",
            ErrorKind::Repeated { .. } => "repeated",
            ErrorKind::UnknownExtension { .. } => "unknown-extension",
            ErrorKind::Unexpected { .. } => "unexpected",
            ErrorKind::Unknown { .. } => "unknown-value",
            ErrorKind::NotWhole { .. } => "not-whole",
            ErrorKind::UnknownField { .. } => "unknown-field",
            ErrorKind::MissingField => "missing-field",
            ErrorKind::NotBool => "not-bool",
            ErrorKind::NotObject => "not-object",
            ErrorKind::TooManyDisks { .. } => "too-many-disks",
            ErrorKind::WrongSyntax { .. } => "wrong-syntax",
            ErrorKind::VramWithoutUnits => "vram-without-units",
            ErrorKind::BandwidthWithoutVram => "bandwidth-without-vram",
        }
    }

    /// What was expected instead, as a phrase (e.g. "one of 0-6").
    pub fn expected(self) -> Expected {
        Expected(self)
    }
}

struct Found(Option<char>);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => write!(f, "`{}`", c.escape_debug()),
            None => f.write_str("the end of the name"),
        }
    }
}

/// What an error expected, as a phrase: see [`ErrorKind::expected`].
#[derive(Clone, Copy, Debug)]
pub struct Expected(ErrorKind);

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ErrorKind::NotScs => f.write_str("the prefix `SCS-`"),
            ErrorKind::MissingCpuCount => f.write_str("a number of vCPUs"),
            ErrorKind::ExpectedCpuType { .. } => f.write_str("`L`, `V`, `T` or `C`"),
            ErrorKind::ExpectedRamSeparator { separator, .. } => write!(f, "`{separator}`"),
            ErrorKind::MissingRam | ErrorKind::MalformedRam | ErrorKind::RamNotHalf => {
                f.write_str("a positive multiple of 0.5 such as `4` or `3.5`")
            }
            ErrorKind::Zero { .. } => f.write_str("a positive integer"),
            ErrorKind::TooLarge { field: Field::Ram } => f.write_str("at most 2147483647.5"),
            ErrorKind::TooLarge { .. } => f.write_str("at most 4294967295"),
            ErrorKind::CpuGeneration { vendor, .. } => match vendor.max_generation() {
                0 => f.write_str("0 or none"),
                max => write!(f, "0-{max} or none"),
            },
            ErrorKind::CpuFrequency => f.write_str("at most three `h`"),
            ErrorKind::GpuGeneration { vendor } => {
                write!(f, "one of {} or none", Codes(vendor.generations()))
            }
            ErrorKind::GpuFrequency { .. } => f.write_str("at most two `h`"),
            ErrorKind::OutOfOrder { .. } | ErrorKind::Repeated { .. } => f.write_str(
                "extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once",
            ),
            ErrorKind::Unexpected { after, syntax, .. } => {
                f.write_str(expected_after(after, syntax))
            }
            ErrorKind::UnknownExtension { after, syntax, .. } => {
                let ext = if syntax == Syntax::V1 { '-' } else { '_' };
                f.write_str("one of ")?;
                let mut first = true;
                let mut item = |f: &mut fmt::Formatter<'_>, s: &str| {
                    if !first {
                        f.write_str(", ")?;
                    }
                    first = false;
                    write!(f, "`{ext}{s}`")
                };
                if after < Component::Hypervisor {
                    for h in crate::tables::HYPERVISORS {
                        if h.code != "chy" || syntax != Syntax::V1 {
                            item(f, h.code)?;
                        }
                    }
                }
                if after < Component::Hwv {
                    item(f, "hwv")?;
                }
                if after < Component::CpuBrand {
                    item(f, "i…, z…, a…, r… (CPU brand)")?;
                }
                if after < Component::Gpu {
                    item(f, "g…, G… (GPU)")?;
                }
                item(f, "ib")?;
                f.write_str(", in this order")
            }
            ErrorKind::Unknown { table } => {
                write!(f, "one of {}", Codes(table.entries))?;
                let mut names = table
                    .entries
                    .iter()
                    .flat_map(|e| core::iter::once(e.name).chain(e.aliases.iter().copied()))
                    .filter(|n| !table.entries.iter().any(|e| e.code.eq_ignore_ascii_case(n)))
                    .peekable();
                if names.peek().is_some() {
                    f.write_str(" or a name: ")?;
                    for (i, n) in names.enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{n:?}")?;
                    }
                }
                Ok(())
            }
            ErrorKind::NotWhole { field: Field::Ram } => {
                f.write_str("a positive multiple of 0.5 such as `4` or `3.5`")
            }
            ErrorKind::NotWhole {
                field: Field::CpuGeneration | Field::Frequency,
            } => f.write_str("a whole number from 0 to 4294967295"),
            ErrorKind::NotWhole { .. } => f.write_str("a whole number from 1 to 4294967295"),
            ErrorKind::UnknownField { known, .. } => {
                f.write_str("one of ")?;
                for (i, k) in known.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{k}`")?;
                }
                Ok(())
            }
            ErrorKind::MissingField => f.write_str("a value"),
            ErrorKind::NotBool => f.write_str("`true` or `false`"),
            ErrorKind::NotObject => f.write_str("an object or null"),
            ErrorKind::TooManyDisks { .. } => write!(f, "at most {} disks", crate::MAX_SPEC_DISKS),
            ErrorKind::WrongSyntax { found, .. } => match found {
                Syntax::V1 => f.write_str("the v2 syntax"),
                Syntax::V2 => f.write_str("the v1 syntax"),
            },
            ErrorKind::VramWithoutUnits => f.write_str("a GPU unit count"),
            ErrorKind::BandwidthWithoutVram => f.write_str("a VRAM size"),
        }
    }
}

fn expected_after(after: Component, syntax: Syntax) -> &'static str {
    match (syntax, after) {
        (Syntax::V2, Component::Prefix | Component::CpuRam) => {
            "a disk (`-`), an extension (`_`) or the end of the name"
        }
        (Syntax::V1, Component::Prefix | Component::CpuRam) => {
            "a disk (`:`), an extension (`-`) or the end of the name"
        }
        (Syntax::V2, Component::Disk) => "an extension (`_`) or the end of the name",
        (Syntax::V1, Component::Disk) => "an extension (`-`) or the end of the name",
        (Syntax::V2, Component::Hypervisor) => {
            "`_hwv`, a CPU brand, a GPU, `_ib` or the end of the name"
        }
        (Syntax::V1, Component::Hypervisor) => {
            "`-hwv`, a CPU brand, a GPU, `-ib` or the end of the name"
        }
        (Syntax::V2, Component::Hwv) => "a CPU brand, a GPU, `_ib` or the end of the name",
        (Syntax::V1, Component::Hwv) => "a CPU brand, a GPU, `-ib` or the end of the name",
        (Syntax::V2, Component::CpuBrand) => "a GPU, `_ib` or the end of the name",
        (Syntax::V1, Component::CpuBrand) => "a GPU, `-ib` or the end of the name",
        (Syntax::V2, Component::Gpu) => "`_ib` or the end of the name",
        (Syntax::V1, Component::Gpu) => "`-ib` or the end of the name",
        (_, Component::Ib) => "the end of the name",
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let exp = self.expected();
        match *self {
            ErrorKind::NotScs => {
                f.write_str("not an SCS flavor name: it does not start with `SCS-`")
            }
            ErrorKind::MissingCpuCount => {
                f.write_str("missing vCPU count: expected a number after `SCS-`")
            }
            ErrorKind::ExpectedCpuType { found } => {
                write!(
                    f,
                    "expected CPU type {exp} after the vCPU count, found {}",
                    Found(found)
                )
            }
            ErrorKind::ExpectedRamSeparator { found, .. } => write!(
                f,
                "expected {exp} between the CPU type and the RAM, found {}",
                Found(found)
            ),
            ErrorKind::MissingRam => write!(f, "missing RAM amount: expected {exp}"),
            ErrorKind::MalformedRam => write!(f, "malformed RAM amount: expected {exp}"),
            ErrorKind::RamNotHalf => f.write_str("RAM must be a multiple of 0.5 GiB"),
            ErrorKind::Zero { field } => write!(f, "{} must be positive, not 0", field.name()),
            ErrorKind::TooLarge { field } => {
                write!(f, "{} is too large (expected {exp})", field.name())
            }
            ErrorKind::CpuGeneration { vendor, generation } => {
                f.write_str("CPU generation ")?;
                if let Some(g) = generation {
                    write!(f, "{g} ")?;
                }
                write!(f, "is not defined for {vendor} (expected {exp})")
            }
            ErrorKind::CpuFrequency => write!(f, "CPU frequency takes {exp}"),
            ErrorKind::GpuGeneration { vendor } => {
                write!(
                    f,
                    "GPU generation is not defined for {vendor} (expected {exp})"
                )
            }
            ErrorKind::GpuFrequency { field } => match field {
                Field::Vram => write!(f, "GPU VRAM bandwidth takes {exp}"),
                _ => write!(f, "GPU unit frequency takes {exp}"),
            },
            ErrorKind::OutOfOrder { component, after } => write!(
                f,
                "{} must come before {} (expected {exp})",
                component.name(),
                after.name()
            ),
            ErrorKind::Repeated { component } => {
                write!(f, "{} is repeated (expected {exp})", component.name())
            }
            ErrorKind::UnknownExtension { after, found, .. } => write!(
                f,
                "unknown extension `{found}` after {}: expected {exp}",
                after.name()
            ),
            ErrorKind::Unknown { table } => write!(f, "unknown {}: expected {exp}", table.title),
            ErrorKind::NotWhole { field } => {
                write!(f, "{} must be {exp}", field.name())
            }
            ErrorKind::UnknownField { found, .. } => {
                write!(f, "unknown property `{found}`: expected {exp}")
            }
            ErrorKind::MissingField => write!(f, "missing (expected {exp})"),
            ErrorKind::NotBool => write!(f, "must be {exp}"),
            ErrorKind::NotObject => write!(f, "must be {exp}"),
            ErrorKind::TooManyDisks { count } => write!(
                f,
                "{count} disks are unreasonable: the scs-0103 spec is derived for {exp}"
            ),
            ErrorKind::Unexpected { after, found, .. } => write!(
                f,
                "unexpected {} after {}: expected {exp}",
                Found(Some(found)),
                after.name()
            ),
            ErrorKind::VramWithoutUnits => write!(
                f,
                "GPU VRAM without a unit count cannot be written unambiguously (expected {exp})"
            ),
            ErrorKind::BandwidthWithoutVram => {
                write!(f, "GPU VRAM bandwidth needs {exp}")
            }
            ErrorKind::WrongSyntax { found, strategy } => write!(
                f,
                "this is a {found} name, which strategy {strategy} does not accept (expected {exp})"
            ),
        }
    }
}

/// A name that could not be read: what went wrong and where.
///
/// `start..end` is the byte range of the offending part of the input. `Display` is the
/// message; [`Error::render`] draws the input with a caret line under the span.
///
/// ```
/// let err = "SCS-2V-4_i7".parse::<scs_flavor::Flavor>().unwrap_err();
/// assert_eq!(err.to_string(), "CPU generation 7 is not defined for Intel (expected 0-6 or none)");
/// assert_eq!((err.start(), err.end()), (9, 11));
/// assert_eq!(
///     err.render("SCS-2V-4_i7").to_string(),
///     "SCS-2V-4_i7\n         ^^ CPU generation 7 is not defined for Intel (expected 0-6 or none)"
/// );
/// ```
///
/// The same type reports a property the [`Builder`](crate::Builder) refuses (then
/// [`field`](Error::field) names it and the span is empty), a value given as text that the
/// [lookup rule](crate::tables#the-lookup-rule) does not know (the span is the whole text), an
/// unknown strategy and a spec with too many disks.
///
/// `Display` is the message; for a builder property it is prefixed with the property's path
/// (`disk.size: …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}{kind}", FieldPrefix(*field))]
pub struct Error {
    kind: ErrorKind,
    start: usize,
    end: usize,
    field: Option<&'static str>,
}

struct FieldPrefix(Option<&'static str>);

impl fmt::Display for FieldPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(field) => write!(f, "{field}: "),
            None => Ok(()),
        }
    }
}

impl Error {
    #[cold]
    pub(crate) fn new(kind: ErrorKind, start: usize, end: usize) -> Self {
        Error {
            kind,
            start,
            end,
            field: None,
        }
    }

    /// An error about the builder property (or requirement) at `path`, e.g. `"disk.size"`.
    #[cold]
    pub fn at_field(kind: ErrorKind, path: &'static str) -> Self {
        Error {
            kind,
            start: 0,
            end: 0,
            field: Some(path),
        }
    }

    /// The error for an unknown key `found` of an object whose keys are `known` (a builder or
    /// requirements object): one message for every object and language.
    #[cold]
    pub fn unknown_field(found: &str, known: &'static &'static [&'static str]) -> Self {
        let found = Snippet::new(found);
        Error::new(ErrorKind::UnknownField { found, known }, 0, 0)
    }

    /// The property this error is about, for an error of the builder or of a requirement
    /// (`"cpus"`, `"disk.size"`, `"gpu.generation"`, …); `None` for a name error.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    /// The same error attributed to the property at `path` (for a failed lookup of its value).
    pub fn with_field(self, path: &'static str) -> Self {
        Error {
            field: Some(path),
            ..self
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset where the offending part starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the offending part (`start` for a missing part).
    pub fn end(&self) -> usize {
        self.end
    }

    /// The input with a line of carets under the span and the message.
    pub fn render<'a>(&self, input: &'a str) -> Rendered<'a> {
        Rendered {
            error: *self,
            input,
        }
    }
}

/// The input and a caret line under an error's span: see [`Error::render`]. An input longer
/// than twice [`Rendered::CONTEXT`] characters is shown as a window of that many characters
/// on each side of the span (and at most that many of the span), cuts marked `…`: a 1 MB name
/// renders in a few lines.
#[derive(Clone, Copy, Debug)]
pub struct Rendered<'a> {
    error: Error,
    input: &'a str,
}

impl Rendered<'_> {
    /// Characters shown on each side of the span of a long input.
    pub const CONTEXT: usize = 40;
}

fn visible(c: char) -> char {
    if c.is_control() {
        '\u{FFFD}'
    } else {
        c
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = self.input;
        let start_byte = self.error.start.min(input.len());
        let end_byte = self.error.end.clamp(start_byte, input.len());
        let chars = |s: Option<&str>, or: usize| s.map_or(or, |s| s.chars().count());
        // Offsets in characters: of the span, and of the window shown.
        let start = chars(input.get(..start_byte), start_byte);
        let end = start + chars(input.get(start_byte..end_byte), 0);
        let n = chars(Some(input), 0);
        let (from, span_end, to) = if n <= 2 * Rendered::CONTEXT {
            (0, end, n)
        } else {
            let span_end = end.min(start + Rendered::CONTEXT);
            let to = (span_end + Rendered::CONTEXT).min(n);
            (start.saturating_sub(Rendered::CONTEXT), span_end, to)
        };
        if from > 0 {
            f.write_str("…")?;
        }
        for c in input.chars().skip(from).take(to - from) {
            fmt::Write::write_char(f, visible(c))?;
        }
        if to < n {
            f.write_str("…")?;
        }
        f.write_str("\n")?;
        for _ in 0..usize::from(from > 0) + start - from {
            f.write_str(" ")?;
        }
        for _ in 0..(span_end - start).max(1) {
            f.write_str("^")?;
        }
        write!(f, " {}", self.error.kind)
    }
}
