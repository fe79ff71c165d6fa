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
        StackName::new(self).as_bytes().len()
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

    /// Writes the name in `syntax` into a caller's buffer, returning the written part.
    ///
    /// # Errors
    /// [`fmt::Error`] if the buffer is too small; [`crate::MAX_NAME_LEN`] bytes always suffice.
    pub fn write_to<'b>(&self, syntax: Syntax, buf: &'b mut [u8]) -> Result<&'b str, fmt::Error> {
        let name = Name {
            flavor: *self,
            syntax,
        };
        let len = match buf.first_chunk_mut::<{ crate::MAX_NAME_LEN }>() {
            // The common case: room for any name, written in place.
            Some(head) => {
                let mut w = Writer { buf: head, len: 0 };
                name.write(&mut w);
                usize::from(w.len)
            }
            None => {
                let written = StackName::new(name);
                let bytes = written.as_bytes();
                buf.get_mut(..bytes.len())
                    .ok_or(fmt::Error)?
                    .copy_from_slice(bytes);
                bytes.len()
            }
        };
        core::str::from_utf8(&buf[..len]).map_err(|_| fmt::Error)
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
        f.write_str(StackName::new(*self).as_str())
    }
}

impl Name {
    /// Writes the name piece by piece: the one renderer behind `Display`, [`Flavor::write_to`]
    /// and [`Name::len`].
    fn write(&self, w: &mut Writer<'_>) {
        let t = self.syntax.table();
        let (dash, ext) = (t.dash, t.ext);
        let fl = &self.flavor;
        w.put(crate::parse::PREFIX.as_bytes());
        w.decimal(fl.cpu.count.get());
        w.put(fl.cpu.kind.code().as_bytes());
        if fl.cpu.insecure {
            w.byte(b'i');
        }
        w.byte(dash);
        let half = fl.ram.size.half_gib();
        w.decimal(half / 2);
        if half % 2 == 1 {
            w.put(b".5");
        }
        if fl.ram.no_ecc {
            w.byte(b'u');
        }
        if fl.ram.oversubscribed {
            w.byte(b'o');
        }
        if let Some(d) = fl.disk {
            w.byte(dash);
            if d.count.get() != 1 {
                w.decimal(d.count.get());
                w.byte(b'x');
            }
            if let Some(size) = d.size {
                w.decimal(size.get());
            }
            if let Some(k) = d.kind {
                w.put(k.code().as_bytes());
            }
        }
        if let Some(h) = fl.hypervisor {
            w.byte(ext);
            w.put(h.code().as_bytes());
        }
        if fl.hwv {
            w.byte(ext);
            w.put(b"hwv");
        }
        if let Some(b) = fl.cpu_brand {
            w.byte(ext);
            w.put(b.vendor().code().as_bytes());
            if b.generation() != 0 {
                w.decimal(u32::from(b.generation()));
            }
            w.put(b.frequency().code().as_bytes());
        }
        if let Some(g) = fl.gpu {
            w.byte(ext);
            w.put(g.kind().code().as_bytes());
            w.put(g.vendor().code().as_bytes());
            if let Some(generation) = g.generation() {
                w.put(generation.code().as_bytes());
            }
            if let Some(units) = g.units() {
                w.byte(dash);
                w.decimal(units.get());
            }
            w.put(g.unit_frequency().code().as_bytes());
            if let Some(vram) = g.vram() {
                w.byte(dash);
                w.decimal(vram.get());
            }
            w.put(g.vram_bandwidth().code().as_bytes());
        }
        if fl.ib {
            w.byte(ext);
            w.put(b"ib");
        }
    }
}

/// Writes a name into [`crate::MAX_NAME_LEN`] bytes, which every name fits in. The cursor
/// is taken modulo the buffer's length (a power of two), so no write needs a bounds check, and
/// the bytes (all ASCII) need no UTF-8 check until the whole name is read as a `str`.
pub(crate) struct Writer<'b> {
    buf: &'b mut [u8; crate::MAX_NAME_LEN],
    len: u8,
}

// The cursor is a `u8` and wraps around the buffer: both hold every name (at most 104 bytes).
const _: () = assert!(crate::MAX_NAME_LEN.is_power_of_two() && crate::MAX_NAME_LEN <= 256);

/// The longest name the renderer can write: every part at its longest (10-digit numbers, the
/// longest codes of the tables). The ring buffer cannot wrap: checked at compile time.
pub(crate) const LONGEST_NAME: usize = {
    const fn longest(table: &[crate::tables::Entry]) -> usize {
        let mut max = 0;
        let mut k = 0;
        while k < table.len() {
            if table[k].code.len() > max {
                max = table[k].code.len();
            }
            k += 1;
        }
        max
    }
    use crate::tables as t;
    let number = 10; // u32::MAX has 10 digits
    let prefix = crate::parse::PREFIX.len();
    let cpu_ram = number + 1 + 1 + 1 + number + 2 + 2; // count type i DASH ram .5 u o
    let disk = 1 + number + 1 + number + 1; // DASH count x size type
    let hypervisor = 1 + longest(t::HYPERVISORS);
    let hwv = 1 + 3;
    let brand = 1 + 1 + longest(t::CPU_GENERATIONS_INTEL) + longest(t::CPU_FREQUENCIES);
    let mut generation = longest(t::GPU_GENERATIONS_NVIDIA);
    if longest(t::GPU_GENERATIONS_AMD) > generation {
        generation = longest(t::GPU_GENERATIONS_AMD);
    }
    if longest(t::GPU_GENERATIONS_INTEL) > generation {
        generation = longest(t::GPU_GENERATIONS_INTEL);
    }
    let gpu = 1 + 1 + 1 + generation + (1 + number + 2) * 2;
    let ib = 1 + 2;
    prefix + cpu_ram + disk + hypervisor + hwv + brand + gpu + ib
};

const _: () = assert!(LONGEST_NAME <= crate::MAX_NAME_LEN);

impl Writer<'_> {
    fn at(&mut self, offset: u8) -> &mut u8 {
        &mut self.buf[usize::from(self.len.wrapping_add(offset)) % crate::MAX_NAME_LEN]
    }

    fn byte(&mut self, byte: u8) {
        *self.at(0) = byte;
        self.len = self.len.wrapping_add(1);
    }

    fn put(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    /// `n` in decimal.
    fn decimal(&mut self, n: u32) {
        // Two digits at a time, from a table of the pairs `00` to `99`.
        const PAIRS: &[u8; 200] = &{
            let mut t = [0; 200];
            let mut k = 0;
            while k < 100 {
                t[2 * k] = b'0' + (k / 10) as u8;
                t[2 * k + 1] = b'0' + (k % 10) as u8;
                k += 1;
            }
            t
        };
        let digits: u8 = match n {
            0..=9 => 1,
            10..=99 => 2,
            100..=999 => 3,
            // At most 10.
            _ => n.ilog10() as u8 + 1,
        };
        let mut n = n as usize;
        let mut k = digits;
        while k >= 2 {
            let pair = 2 * (n % 100);
            *self.at(k - 1) = PAIRS[pair + 1];
            *self.at(k - 2) = PAIRS[pair];
            n /= 100;
            k -= 2;
        }
        if k == 1 {
            *self.at(0) = b'0' + n as u8;
        }
        self.len = self.len.wrapping_add(digits);
    }
}

/// A name written on the stack: for `Display` and for comparisons, without allocating.
pub(crate) struct StackName {
    buf: [u8; crate::MAX_NAME_LEN],
    len: u8,
}

impl StackName {
    pub(crate) fn new(name: Name) -> Self {
        let mut buf = [0; crate::MAX_NAME_LEN];
        let mut w = Writer {
            buf: &mut buf,
            len: 0,
        };
        name.write(&mut w);
        let len = w.len;
        StackName { buf, len }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    fn as_str(&self) -> &str {
        // Every piece written is ASCII.
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Builder, CpuType, CpuVendor, DiskType, GpuKind, GpuSpec, GpuVendor, Hypervisor, RamSize,
    };

    /// Every field at its longest: the name must fit the writer's buffer without wrapping.
    #[test]
    fn the_longest_name_fits() {
        let mut b = Builder::new(u32::MAX, CpuType::DedicatedCore, RamSize::MAX.gib())
            .disk(u32::MAX, Some(u32::MAX), Some(DiskType::Nvme))
            .hypervisor(Hypervisor::BareMetal)
            .hwv(true)
            .cpu_brand(CpuVendor::Intel, 6, 3)
            .gpu(GpuSpec {
                kind: GpuKind::PassThrough,
                vendor: GpuVendor::Intel,
                generation: GpuVendor::Intel.generation("0.95"),
                units: Some(u32::MAX),
                unit_frequency: 2,
                vram: Some(u32::MAX),
                vram_bandwidth: 2,
            })
            .ib(true);
        b.cpu_insecure = true;
        b.ram_no_ecc = true;
        b.ram_oversubscribed = true;
        let f = b.build().expect("valid");
        for syntax in [Syntax::V1, Syntax::V2] {
            let name = Name { flavor: f, syntax };
            let mut buf = [0u8; crate::MAX_NAME_LEN];
            let written = f.write_to(syntax, &mut buf).expect("fits");
            assert_eq!(written.len(), super::LONGEST_NAME);
            assert_eq!(written.len(), name.len());
            assert_eq!(written, name.to_string());
            assert!(
                written.ends_with("_ib") || written.ends_with("-ib"),
                "{written}"
            );
        }
    }

    #[test]
    fn a_small_buffer_is_an_error_not_a_truncation() {
        let f: Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib"
            .parse()
            .expect("valid");
        let mut small = [0u8; 10];
        assert!(f.write_to(Syntax::V2, &mut small).is_err());
        let mut exact = [0u8; 38];
        assert_eq!(
            f.write_to(Syntax::V2, &mut exact),
            Ok("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib")
        );
    }
}
