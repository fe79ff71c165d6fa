//! Generation: `Display` writes straight into the formatter; the other forms are zero-cost
//! adapters.

use core::fmt::{self, Write};

use crate::model::Flavor;
use crate::syntax::Syntax;

/// A flavor written in one syntax: the canonical v2/v3 name, its v1 form, or a short name.
///
/// Made by [`Flavor::v1`], [`Flavor::short`] and [`Name::v1`]; formatting it writes the name
/// without allocating.
///
/// ```
/// let f: scs_flavor::Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".parse()?;
/// assert_eq!(f.v1().to_string(), "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib");
/// assert_eq!(f.short().to_string(), "SCS-16T-64-3x10s_GNa-64_ib");
/// assert_eq!(f.short().v1().to_string(), "SCS-16T:64:3x10s-GNa:64-ib");
/// # Ok::<(), scs_flavor::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    flavor: Flavor,
    syntax: Syntax,
}

impl Name {
    /// The same name in the v1 syntax.
    pub fn v1(self) -> Name {
        Name {
            syntax: Syntax::V1,
            ..self
        }
    }

    /// The flavor this name writes (already shortened for a short name).
    pub fn flavor(self) -> Flavor {
        self.flavor
    }

    /// The syntax it is written in.
    pub fn syntax(self) -> Syntax {
        self.syntax
    }

    /// The length of the written name in bytes, without writing it anywhere.
    pub fn len(self) -> usize {
        let mut counter = Counter(0);
        // Writing into a counter cannot fail.
        let _ = write!(counter, "{self}");
        counter.0
    }

    /// Always false: a name has at least the prefix and the CPU/RAM part.
    pub fn is_empty(self) -> bool {
        false
    }
}

impl Flavor {
    /// The canonical name in the v1 syntax (`SCS-2V:4:20s-kvm`).
    pub fn v1(&self) -> Name {
        Name {
            flavor: *self,
            syntax: Syntax::V1,
        }
    }

    /// The canonical name in the v2/v3 syntax; the same as `Display`.
    pub fn v2(&self) -> Name {
        Name {
            flavor: *self,
            syntax: Syntax::V2,
        }
    }

    /// The short name (§4 of REFERENCE.md) in the v2/v3 syntax; `.short().v1()` for v1.
    pub fn short(&self) -> Name {
        self.shortened().v2()
    }

    /// Writes the name in `syntax` into a caller's buffer, returning the written part.
    ///
    /// # Errors
    /// [`fmt::Error`] if the buffer is too small; [`crate::MAX_NAME_LEN`] bytes always suffice.
    pub fn write_to<'b>(&self, syntax: Syntax, buf: &'b mut [u8]) -> Result<&'b str, fmt::Error> {
        let mut w = SliceWriter { buf, len: 0 };
        write!(
            w,
            "{}",
            Name {
                flavor: *self,
                syntax
            }
        )?;
        let len = w.len;
        core::str::from_utf8(&w.buf[..len]).map_err(|_| fmt::Error)
    }
}

/// The canonical v2/v3 name.
impl fmt::Display for Flavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v2().fmt(f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.syntax.table();
        let (dash, ext) = (t.dash as char, t.ext as char);
        let fl = &self.flavor;
        f.write_str(crate::parse::PREFIX)?;
        write!(f, "{}{}", fl.cpu.count, fl.cpu.kind.code())?;
        if fl.cpu.insecure {
            f.write_char('i')?;
        }
        write!(f, "{dash}{}", fl.ram.size)?;
        if fl.ram.no_ecc {
            f.write_char('u')?;
        }
        if fl.ram.oversubscribed {
            f.write_char('o')?;
        }
        if let Some(d) = fl.disk {
            f.write_char(dash)?;
            if d.count.get() != 1 {
                write!(f, "{}x", d.count)?;
            }
            if let Some(size) = d.size {
                write!(f, "{size}")?;
            }
            if let Some(k) = d.kind {
                f.write_str(k.code())?;
            }
        }
        if let Some(h) = fl.hypervisor {
            write!(f, "{ext}{}", h.code())?;
        }
        if fl.hwv {
            write!(f, "{ext}hwv")?;
        }
        if let Some(b) = fl.cpu_brand {
            write!(f, "{ext}{}", b.vendor().code())?;
            if b.generation() != 0 {
                write!(f, "{}", b.generation())?;
            }
            f.write_str(b.frequency().code())?;
        }
        if let Some(g) = fl.gpu {
            write!(f, "{ext}{}{}", g.kind().code(), g.vendor().code())?;
            if let Some(generation) = g.generation() {
                f.write_str(generation.code())?;
            }
            if let Some(units) = g.units() {
                write!(f, "{dash}{units}")?;
            }
            f.write_str(g.unit_frequency().code())?;
            if let Some(vram) = g.vram() {
                write!(f, "{dash}{vram}")?;
            }
            f.write_str(g.vram_bandwidth().code())?;
        }
        if fl.ib {
            write!(f, "{ext}ib")?;
        }
        Ok(())
    }
}

struct Counter(usize);

impl Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A fixed-size stack buffer that a name is written into, for comparisons without allocating.
pub(crate) struct StackName {
    buf: [u8; crate::MAX_NAME_LEN],
    len: usize,
}

impl StackName {
    pub(crate) fn new(name: Name) -> Self {
        let mut s = StackName {
            buf: [0; crate::MAX_NAME_LEN],
            len: 0,
        };
        let mut w = SliceWriter {
            buf: &mut s.buf,
            len: 0,
        };
        // MAX_NAME_LEN bounds every name; a failure would leave a shorter prefix.
        let _ = write!(w, "{name}");
        s.len = w.len;
        s
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Converts a name between the v1 and v2 syntaxes character by character, as the standard's
/// `sed` lines do: see [`v1_to_v2`] and [`v2_to_v1`].
#[derive(Clone, Copy, Debug)]
pub struct Convert<'a> {
    input: &'a str,
    to: Syntax,
}

/// The v2 form of a v1 name string: `-` → `_`, `:` → `-`, then a leading `SCS_` → `SCS-`
/// (the standard's `sed -e 's/\-/_/g' -e 's/:/-/g' -e 's/^SCS_/SCS-/'`).
///
/// ```
/// assert_eq!(scs_flavor::v1_to_v2("SCS-2C:4:10n-bms-z3").to_string(), "SCS-2C-4-10n_bms_z3");
/// ```
pub fn v1_to_v2(input: &str) -> Convert<'_> {
    Convert {
        input,
        to: Syntax::V2,
    }
}

/// The v1 form of a v2 name string: `-` → `:`, `_` → `-`, then a leading `SCS:` → `SCS-`.
///
/// ```
/// assert_eq!(scs_flavor::v2_to_v1("SCS-2C-4-10n_bms_z3").to_string(), "SCS-2C:4:10n-bms-z3");
/// ```
pub fn v2_to_v1(input: &str) -> Convert<'_> {
    Convert {
        input,
        to: Syntax::V1,
    }
}

impl fmt::Display for Convert<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let map = |c: char| match (self.to, c) {
            (Syntax::V2, '-') => '_',
            (Syntax::V2, ':') => '-',
            (Syntax::V1, '-') => ':',
            (Syntax::V1, '_') => '-',
            (_, c) => c,
        };
        let mut chars = self.input.chars();
        let head: [Option<char>; 4] = core::array::from_fn(|_| chars.next().map(map));
        let fixed = match self.to {
            Syntax::V2 => [Some('S'), Some('C'), Some('S'), Some('_')],
            Syntax::V1 => [Some('S'), Some('C'), Some('S'), Some(':')],
        };
        if head == fixed {
            f.write_str("SCS-")?;
        } else {
            for c in head.into_iter().flatten() {
                f.write_char(c)?;
            }
        }
        for c in chars {
            f.write_char(map(c))?;
        }
        Ok(())
    }
}
