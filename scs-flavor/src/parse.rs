//! The one parser: a recogniser per component (the standard's grammar line above it, nom
//! combinators, no allocation), then a validation step that turns the recognised bytes into
//! typed values or a positioned error.
//!
//! Each recogniser mirrors the official checker's regular expression for its component
//! exactly (REFERENCE.md §1): components are tried left to right, each at most once, and a
//! component whose syntax does not match is simply absent. Values are checked only after a
//! component matched, as the checker does. The one deliberate difference is the GPU
//! generation, which stops before the extension separator (deviation D2).
//!
//! This is the hot path (tens of nanoseconds a name; `benches/`): the recognisers work on
//! bytes and return indices into the value tables rather than characters to look up again,
//! each is a plain function rather than a closure built per call, and once the input is used
//! up no further component is tried.

use core::num::NonZeroU32;

use nom::bytes::complete::{tag, take, take_while};
use nom::character::complete::char;
use nom::combinator::{eof, opt, peek, verify};
use nom::sequence::preceded;
use nom::{IResult, Offset, Parser};

use crate::error::{Component, Error, ErrorKind, Field, Snippet};
use crate::model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuGeneration,
    GpuKind, GpuVendor, Hypervisor, Ram, RamSize,
};
use crate::syntax::{Syntax, Table};

type In<'a> = &'a [u8];
type Res<'a, T> = IResult<In<'a>, T, ()>;

/// A byte range of the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Where each component stands in the input (`None` where the name has no such component).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Spans {
    // Components follow each other without gaps and none is empty, so a component starts where
    // the one before it ends and is present when it ends after that. Keeping only the ends
    // keeps a parse result small: it is copied into every `Outcome`.
    ends: [usize; 8],
}

impl Spans {
    /// The span of `component`, if the name has it.
    pub fn get(&self, component: Component) -> Option<Span> {
        let index = component as usize;
        let start = self.ends[..index].iter().copied().max().unwrap_or(0);
        let end = self.ends[index];
        (end > start).then_some(Span { start, end })
    }

    /// Records that `component` ends at `end`; it starts where the one before it ended.
    fn set(&mut self, component: Component, end: usize) {
        self.ends[component as usize] = end;
    }
}

/// The prefix every SCS flavor name starts with.
pub const PREFIX: &str = "SCS-";

fn is_h(c: u8) -> bool {
    c == b'h'
}

fn hs(i: In<'_>) -> Res<'_, In<'_>> {
    take_while(is_h).parse(i)
}

/// A run of ASCII digits (possibly empty) and its value, `None` beyond 32 bits.
#[derive(Clone, Copy)]
struct Digits<'a> {
    text: In<'a>,
    value: Option<u32>,
}

/// DIGITS*, read once: the digits and their value together, so that validation does not
/// scan them again.
fn digits(i: In<'_>) -> Res<'_, Digits<'_>> {
    // Accumulate in 64 bits, capped just above the 32-bit range: no overflow checks per digit.
    const CAP: u64 = 1 << 33;
    let mut value = 0u64;
    let mut len = 0;
    for &c in i {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        value = (value * 10 + u64::from(d)).min(CAP);
        len += 1;
    }
    let (text, rest) = i.split_at(len);
    let value = u32::try_from(value).ok();
    Ok((rest, Digits { text, value }))
}

/// DIGITS+
fn digits1(i: In<'_>) -> Res<'_, Digits<'_>> {
    verify(digits, |d: &Digits<'_>| !d.text.is_empty()).parse(i)
}

/// One byte out of `set`, as its index in `set` (the letter's row in its value table).
fn byte_of(set: &[u8]) -> impl Fn(In<'_>) -> Res<'_, usize> + '_ {
    move |i| match i.split_first() {
        Some((b, rest)) => match set.iter().position(|c| c == b) {
            Some(index) => Ok((rest, index)),
            None => Err(nom::Err::Error(())),
        },
        None => Err(nom::Err::Error(())),
    }
}

/// A code of at most four bytes packed into one integer with its length, so that looking it up
/// in a value table compares integers rather than slices; `None` for a longer code, which no
/// table has.
const fn pack(code: &[u8]) -> Option<u64> {
    if code.len() > 4 {
        return None;
    }
    let mut key = (code.len() as u64) << 32;
    let mut k = 0;
    while k < code.len() {
        key |= (code[k] as u64) << (8 * k);
        k += 1;
    }
    Some(key)
}

/// The packed codes of a value table, computed at compile time from the table itself.
const fn keys<const N: usize>(table: &[crate::tables::Entry]) -> [u64; N] {
    let mut keys = [u64::MAX; N];
    let mut k = 0;
    while k < N {
        keys[k] = match pack(table[k].code.as_bytes()) {
            Some(key) => key,
            None => panic!("value table codes have at most four bytes"),
        };
        k += 1;
    }
    keys
}

/// The row of `code` in the table whose packed codes are `keys`.
fn find(keys: &[u64], code: In<'_>) -> Option<usize> {
    let key = pack(code)?;
    keys.iter().position(|&k| k == key)
}

// The parser's byte sets, from the tables' one-letter codes.
const CPU_TYPE_BYTES: [u8; 4] = crate::tables::letters(crate::tables::CPU_TYPES);
const DISK_TYPE_BYTES: [u8; 4] = crate::tables::letters(crate::tables::DISK_TYPES);
const CPU_VENDOR_BYTES: [u8; 4] = crate::tables::letters(crate::tables::CPU_VENDORS);
const GPU_KIND_BYTES: [u8; 2] = crate::tables::letters(crate::tables::GPU_KINDS);
const GPU_VENDOR_BYTES: [u8; 3] = crate::tables::letters(crate::tables::GPU_VENDORS);

const HYPERVISOR_KEYS: [u64; crate::tables::HYPERVISORS.len()] = keys(crate::tables::HYPERVISORS);
const NVIDIA_KEYS: [u64; crate::tables::GPU_GENERATIONS_NVIDIA.len()] =
    keys(crate::tables::GPU_GENERATIONS_NVIDIA);
const AMD_KEYS: [u64; crate::tables::GPU_GENERATIONS_AMD.len()] =
    keys(crate::tables::GPU_GENERATIONS_AMD);
const INTEL_KEYS: [u64; crate::tables::GPU_GENERATIONS_INTEL.len()] =
    keys(crate::tables::GPU_GENERATIONS_INTEL);

/// The packed codes of `vendor.generations()`.
fn gpu_generation_keys(vendor: GpuVendor) -> &'static [u64] {
    match vendor {
        GpuVendor::Nvidia => &NVIDIA_KEYS,
        GpuVendor::Amd => &AMD_KEYS,
        GpuVendor::Intel => &INTEL_KEYS,
    }
}

// cpu-ram := DIGITS* ("L" | "V" | "T" | "C") ["i"] DASH [0-9.]* ["u"] ["o"]
struct CpuRamRaw<'a> {
    count: Digits<'a>,
    kind: CpuType,
    insecure: bool,
    ram: RamRaw<'a>,
    no_ecc: bool,
    oversubscribed: bool,
}

/// RAM as written: the longest run of digits and dots, split at its first dot (the digits before
/// it read on the way).
#[derive(Clone, Copy)]
struct RamRaw<'a> {
    text: In<'a>,
    int: Digits<'a>,
    frac: In<'a>,
}

// RAM := [0-9.]*
fn ram(i: In<'_>) -> Res<'_, RamRaw<'_>> {
    let all = i;
    let (i, int) = digits(i)?;
    let (i, frac) = opt(preceded(
        char('.'),
        take_while(|c: u8| c.is_ascii_digit() || c == b'.'),
    ))
    .parse(i)?;
    let text = &all[..all.len() - i.len()];
    let frac = frac.unwrap_or_default();
    Ok((i, RamRaw { text, int, frac }))
}

fn cpu_ram<'a>(t: &Table, i: In<'a>) -> Res<'a, CpuRamRaw<'a>> {
    let (i, count) = digits(i)?;
    let (i, kind) = byte_of(&CPU_TYPE_BYTES).parse(i)?;
    let (i, insecure) = opt(char('i')).parse(i)?;
    let (i, _) = char(t.dash as char).parse(i)?;
    let (i, ram) = ram(i)?;
    let (i, no_ecc) = opt(char('u')).parse(i)?;
    let (i, oversubscribed) = opt(char('o')).parse(i)?;
    Ok((
        i,
        CpuRamRaw {
            count,
            kind: CpuType::ALL[kind],
            insecure: insecure.is_some(),
            ram,
            no_ecc: no_ecc.is_some(),
            oversubscribed: oversubscribed.is_some(),
        },
    ))
}

// disk := DASH [DIGITS* "x"] DIGITS* ["n" | "h" | "s" | "p"]
struct DiskRaw<'a> {
    count: Option<Digits<'a>>,
    size: Digits<'a>,
    kind: Option<DiskType>,
}

// Inlined into the parser: a failed attempt is then one byte compare, not a call.
#[inline(always)]
fn disk<'a>(t: &Table, i: In<'a>) -> Res<'a, DiskRaw<'a>> {
    let (i, _) = char(t.dash as char).parse(i)?;
    // The digits before an `x` are the count, else the size: read them once either way.
    let (i, first) = digits(i)?;
    let (i, x) = opt(char('x')).parse(i)?;
    let (i, count, size) = match x {
        Some(_) => {
            let (i, size) = digits(i)?;
            (i, Some(first), size)
        }
        None => (i, None, first),
    };
    let (i, kind) = opt(byte_of(&DISK_TYPE_BYTES)).parse(i)?;
    let kind = kind.map(|k| DiskType::ALL[k]);
    Ok((i, DiskRaw { count, size, kind }))
}

// hypervisor := EXT ("kvm" | "xen" | "vmw" | "hyv" | "bms" | "chy")      (v1: no "chy")
fn hypervisor<'a>(t: &Table, i: In<'a>) -> Res<'a, Hypervisor> {
    let (rest, word) = preceded(char(t.ext as char), take(3usize)).parse(i)?;
    match find(&HYPERVISOR_KEYS, word) {
        Some(n) if t.chy || Hypervisor::ALL[n] != Hypervisor::CloudHypervisor => {
            Ok((rest, Hypervisor::ALL[n]))
        }
        _ => Err(nom::Err::Error(())),
    }
}

// hwv := EXT "hwv"
fn hwv<'a>(t: &Table, i: In<'a>) -> Res<'a, ()> {
    let (i, _) = preceded(char(t.ext as char), tag("hwv")).parse(i)?;
    Ok((i, ()))
}

// cpu-brand := EXT ("i" | "z" | "a" | "r") DIGITS* "h"*  followed by EXT or the end
struct CpuBrandRaw<'a> {
    vendor: CpuVendor,
    generation: Digits<'a>,
    hs: In<'a>,
}

// Inlined into the parser: a failed attempt is then one byte compare, not a call.
#[inline(always)]
fn cpu_brand<'a>(t: &Table, i: In<'a>) -> Res<'a, CpuBrandRaw<'a>> {
    let (i, vendor) = preceded(char(t.ext as char), byte_of(&CPU_VENDOR_BYTES)).parse(i)?;
    let (i, generation) = digits(i)?;
    let (i, hs) = hs(i)?;
    // The look-ahead keeps `_ib` from being read as Intel.
    let (i, _) = peek(nom::branch::alt((eof, tag(&[t.ext][..])))).parse(i)?;
    Ok((
        i,
        CpuBrandRaw {
            vendor: CpuVendor::ALL[vendor],
            generation,
            hs,
        },
    ))
}

// gpu := EXT ("g" | "G") ("N" | "A" | "I") GEN [DASH DIGITS+] "h"* [DASH DIGITS+] "h"*
//   GEN := the longest run of characters other than DASH and "h" (the checker), and, here,
//          other than EXT (deviation D2: the checker's GEN swallows a following `_ib`)
struct GpuRaw<'a> {
    kind: GpuKind,
    vendor: GpuVendor,
    generation: In<'a>,
    units: Option<Digits<'a>>,
    unit_hs: In<'a>,
    vram: Option<Digits<'a>>,
    vram_hs: In<'a>,
}

// Inlined into the parser: a failed attempt is then one byte compare, not a call.
#[inline(always)]
fn gpu<'a>(t: &Table, i: In<'a>) -> Res<'a, GpuRaw<'a>> {
    let (i, kind) = preceded(char(t.ext as char), byte_of(&GPU_KIND_BYTES)).parse(i)?;
    let (i, vendor) = byte_of(&GPU_VENDOR_BYTES).parse(i)?;
    let (i, generation) = take_while(|c| c != t.dash && c != b'h' && c != t.ext).parse(i)?;
    let (i, units) = opt(preceded(char(t.dash as char), digits1)).parse(i)?;
    let (i, unit_hs) = hs(i)?;
    let (i, vram) = opt(preceded(char(t.dash as char), digits1)).parse(i)?;
    let (i, vram_hs) = hs(i)?;
    Ok((
        i,
        GpuRaw {
            kind: GpuKind::ALL[kind],
            vendor: GpuVendor::ALL[vendor],
            generation,
            units,
            unit_hs,
            vram,
            vram_hs,
        },
    ))
}

// ib := EXT "ib"
fn ib<'a>(t: &Table, i: In<'a>) -> Res<'a, ()> {
    let (i, _) = preceded(char(t.ext as char), tag("ib")).parse(i)?;
    Ok((i, ()))
}

/// The input and what is left of it.
struct Cursor<'a> {
    all: In<'a>,
    rest: In<'a>,
}

impl<'a> Cursor<'a> {
    fn pos(&self) -> usize {
        self.all.len() - self.rest.len()
    }

    fn at(&self, part: In<'a>) -> usize {
        // `part` is a sub-slice of the input.
        self.all.offset(part)
    }

    /// Runs the recogniser `p`; on a match advances and returns the value with the start
    /// offset.
    fn try_parse<T>(
        &mut self,
        t: &Table,
        p: impl Fn(&Table, In<'a>) -> Res<'a, T>,
    ) -> Option<(T, usize)> {
        let start = self.pos();
        match p(t, self.rest) {
            Ok((rest, value)) => {
                self.rest = rest;
                Some((value, start))
            }
            Err(_) => None,
        }
    }
}

#[cold]
fn err<T>(kind: ErrorKind, start: usize, end: usize) -> Result<T, Error> {
    Err(Error::new(kind, start, end))
}

/// A number that must be positive, starting at `start`; `Ok(None)` for no digits.
fn number(digits: Digits<'_>, field: Field, start: usize) -> Result<Option<NonZeroU32>, Error> {
    if digits.text.is_empty() {
        return Ok(None);
    }
    let end = start + digits.text.len();
    match digits.value.map(NonZeroU32::new) {
        Some(Some(v)) => Ok(Some(v)),
        Some(None) => err(ErrorKind::Zero { field }, start, end),
        None => err(ErrorKind::TooLarge { field }, start, end),
    }
}

/// Reads RAM exactly: `4`, `3.5`, `.5`, `4.`, `04`, `3.50`, as a whole number of half GiB.
fn ram_size(raw: RamRaw<'_>, start: usize) -> Result<RamSize, Error> {
    let RamRaw { text, int, frac } = raw;
    let end = start + text.len();
    if text.is_empty() {
        return err(ErrorKind::MissingRam, start, end);
    }
    if frac.contains(&b'.') || (int.text.is_empty() && frac.is_empty()) {
        return err(ErrorKind::MalformedRam, start, end);
    }
    let mut half = match int.value {
        Some(v) if v <= i32::MAX as u32 => v * 2,
        _ => return err(ErrorKind::TooLarge { field: Field::Ram }, start, end),
    };
    match frac.split_first() {
        None => {}
        Some((b'5', zeros)) if zeros.iter().all(|&c| c == b'0') => half += 1,
        Some(_) if frac.iter().all(|&c| c == b'0') => {}
        Some(_) => return err(ErrorKind::RamNotHalf, start, end),
    }
    match NonZeroU32::new(half) {
        Some(h) => Ok(RamSize::from_half_gib(h)),
        None => err(ErrorKind::Zero { field: Field::Ram }, start, end),
    }
}

fn frequency(
    hs: In<'_>,
    max: Frequency,
    kind: ErrorKind,
    start: usize,
) -> Result<Frequency, Error> {
    match Frequency::from_count(hs.len()) {
        Some(f) if f <= max => Ok(f),
        _ => err(kind, start, start + hs.len()),
    }
}

/// Parses `input` in one syntax. The name must start with `SCS-`.
pub(crate) fn parse(input: &str, syntax: Syntax) -> Result<(Flavor, Spans), Error> {
    let t = syntax.table();
    let bytes = input.as_bytes();
    let mut spans = Spans::default();
    let Some(body) = bytes.strip_prefix(PREFIX.as_bytes()) else {
        return err(ErrorKind::NotScs, 0, 0);
    };
    spans.set(Component::Prefix, PREFIX.len());
    let mut c = Cursor {
        all: bytes,
        rest: body,
    };

    // CPU/RAM (required)
    let Some((raw, start)) = c.try_parse(t, cpu_ram) else {
        return Err(diagnose_cpu_ram(input, t));
    };
    let count = match number(raw.count, Field::CpuCount, start)? {
        Some(n) => n,
        None => return err(ErrorKind::MissingCpuCount, start, start),
    };
    let ram = Ram {
        size: ram_size(raw.ram, c.at(raw.ram.text))?,
        no_ecc: raw.no_ecc,
        oversubscribed: raw.oversubscribed,
    };
    let cpu = Cpu {
        count,
        kind: raw.kind,
        insecure: raw.insecure,
    };
    spans.set(Component::CpuRam, c.pos());
    let mut flavor = Flavor {
        cpu,
        ram,
        disk: None,
        hypervisor: None,
        hwv: false,
        cpu_brand: None,
        gpu: None,
        ib: false,
    };
    if c.rest.is_empty() {
        // The common short name: no optional component can match the empty rest.
        return Ok((flavor, spans));
    }

    // Disk
    if let Some((raw, _)) = c.try_parse(t, disk) {
        let count = match raw.count {
            Some(digits) => number(digits, Field::DiskCount, c.at(digits.text))?,
            None => None,
        };
        let size = number(raw.size, Field::DiskSize, c.at(raw.size.text))?;
        flavor.disk = Some(Disk {
            count: count.unwrap_or(NonZeroU32::MIN),
            size,
            kind: raw.kind,
        });
        spans.set(Component::Disk, c.pos());
    }

    // The extensions all start with the extension separator.
    if c.rest.first() == Some(&t.ext) {
        extensions(t, &mut c, &mut flavor, &mut spans)?;
    }

    if !c.rest.is_empty() {
        return Err(diagnose_rest(input, c.pos(), &spans, syntax));
    }
    Ok((flavor, spans))
}

/// Hypervisor, hardware virtualisation, CPU brand, GPU and Infiniband, in this order.
fn extensions(
    t: &Table,
    c: &mut Cursor<'_>,
    flavor: &mut Flavor,
    spans: &mut Spans,
) -> Result<(), Error> {
    // Hypervisor
    if let Some((h, _)) = c.try_parse(t, hypervisor) {
        flavor.hypervisor = Some(h);
        spans.set(Component::Hypervisor, c.pos());
    }

    // Hardware virtualisation
    if let Some(((), _)) = c.try_parse(t, hwv) {
        flavor.hwv = true;
        spans.set(Component::Hwv, c.pos());
    }

    // CPU brand
    if let Some((raw, _)) = c.try_parse(t, cpu_brand) {
        let vendor = raw.vendor;
        let gen_start = c.at(raw.generation.text);
        let gen_end = gen_start + raw.generation.text.len();
        let generation = raw.generation.value;
        let frequency = frequency(
            raw.hs,
            Frequency::Highest,
            ErrorKind::CpuFrequency,
            c.at(raw.hs),
        )?;
        let generation8 = generation.map_or(u8::MAX, |g| u8::try_from(g).unwrap_or(u8::MAX));
        match CpuBrand::new(vendor, generation8, frequency) {
            Ok(b) => flavor.cpu_brand = Some(b),
            Err(_) => {
                return err(
                    ErrorKind::CpuGeneration { vendor, generation },
                    gen_start - 1,
                    gen_end,
                )
            }
        }
        spans.set(Component::CpuBrand, c.pos());
    }

    // GPU
    if let Some((raw, start)) = c.try_parse(t, gpu) {
        let vendor = raw.vendor;
        let generation = if raw.generation.is_empty() {
            None
        } else {
            match find(gpu_generation_keys(vendor), raw.generation) {
                Some(index) => Some(GpuGeneration::from_index(vendor, index)),
                None => {
                    let s = c.at(raw.generation);
                    return err(
                        ErrorKind::GpuGeneration { vendor },
                        s,
                        s + raw.generation.len(),
                    );
                }
            }
        };
        let units = match raw.units {
            Some(d) => number(d, Field::GpuUnits, c.at(d.text))?,
            None => None,
        };
        let unit_frequency = frequency(
            raw.unit_hs,
            Frequency::VeryHigh,
            ErrorKind::GpuFrequency {
                field: Field::GpuUnits,
            },
            c.at(raw.unit_hs),
        )?;
        let vram = match raw.vram {
            Some(d) => number(d, Field::Vram, c.at(d.text))?,
            None => None,
        };
        let vram_bandwidth = frequency(
            raw.vram_hs,
            Frequency::VeryHigh,
            ErrorKind::GpuFrequency { field: Field::Vram },
            c.at(raw.vram_hs),
        )?;
        // The grammar can express no other GPU: the recogniser reads VRAM only after units or
        // a unit `h`, and a VRAM `h` only after VRAM.
        let gpu = Gpu::new(
            raw.kind,
            vendor,
            generation,
            units,
            unit_frequency,
            vram,
            vram_bandwidth,
        );
        match gpu {
            Ok(g) => flavor.gpu = Some(g),
            Err(kind) => return err(kind, start, c.pos()),
        }
        spans.set(Component::Gpu, c.pos());
    }

    // Infiniband
    if let Some(((), _)) = c.try_parse(t, ib) {
        flavor.ib = true;
        spans.set(Component::Ib, c.pos());
    }
    Ok(())
}
/// Why the required CPU/RAM part did not match (the error path only).
#[cold]
fn diagnose_cpu_ram(input: &str, t: &Table) -> Error {
    let b = input.as_bytes();
    let mut i = PREFIX.len();
    let found = |i: usize| input.get(i..).and_then(|s| s.chars().next());
    let digits_end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    i = digits_end;
    if !matches!(b.get(i), Some(b'L' | b'V' | b'T' | b'C')) {
        return Error::new(
            ErrorKind::ExpectedCpuType { found: found(i) },
            i,
            end_of_char(input, i),
        );
    }
    i += 1;
    if b.get(i) == Some(&b'i') {
        i += 1;
    }
    Error::new(
        ErrorKind::ExpectedRamSeparator {
            separator: t.dash as char,
            found: found(i),
        },
        i,
        end_of_char(input, i),
    )
}

fn end_of_char(input: &str, i: usize) -> usize {
    input
        .get(i..)
        .and_then(|s| s.chars().next())
        .map_or(i, |c| i + c.len_utf8())
}

/// Why characters were left over: a component out of order or repeated, or plain garbage.
#[cold]
fn diagnose_rest(input: &str, pos: usize, spans: &Spans, syntax: Syntax) -> Error {
    let t = syntax.table();
    let rest = &input.as_bytes()[pos..];
    let after = Component::ALL
        .iter()
        .rev()
        .copied()
        .find(|&comp| spans.get(comp).is_some())
        .unwrap_or(Component::Prefix);
    let matched = |r: Res<'_, ()>| r.ok().map(|(left, ())| rest.len() - left.len());
    let candidates = [
        (
            Component::Disk,
            matched(disk(t, rest).map(|(l, _)| (l, ()))),
        ),
        (
            Component::Hypervisor,
            matched(hypervisor(t, rest).map(|(l, _)| (l, ()))),
        ),
        (Component::Hwv, matched(hwv(t, rest))),
        (
            Component::CpuBrand,
            matched(cpu_brand(t, rest).map(|(l, _)| (l, ()))),
        ),
        (Component::Gpu, matched(gpu(t, rest).map(|(l, _)| (l, ())))),
        (Component::Ib, matched(ib(t, rest))),
    ];
    for (component, len) in candidates {
        let Some(len) = len else { continue };
        // A bare separator (`-` as an empty disk) says nothing; leave it to the generic error.
        if len <= 1 {
            continue;
        }
        let kind = if spans.get(component).is_some() {
            ErrorKind::Repeated { component }
        } else if component < after {
            ErrorKind::OutOfOrder { component, after }
        } else {
            continue;
        };
        return Error::new(kind, pos, pos + len);
    }
    if rest.first() == Some(&t.ext) && rest.get(1).is_some_and(u8::is_ascii_alphanumeric) {
        // `_foo`: an extension the standard does not define, up to the next separator.
        let len = 1 + rest[1..]
            .iter()
            .position(|&b| b == t.ext || b == t.dash)
            .unwrap_or(rest.len() - 1);
        return Error::new(
            ErrorKind::UnknownExtension {
                after,
                found: Snippet::new(&input[pos..pos + len]),
                syntax,
            },
            pos,
            pos + len,
        );
    }
    let found = input[pos..].chars().next().unwrap_or('\u{FFFD}');
    Error::new(
        ErrorKind::Unexpected {
            after,
            found,
            syntax,
        },
        pos,
        input.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_keys_find_every_table_row() {
        for (n, entry) in crate::tables::HYPERVISORS.iter().enumerate() {
            assert_eq!(find(&HYPERVISOR_KEYS, entry.code.as_bytes()), Some(n));
        }
        for &vendor in GpuVendor::ALL {
            for (n, entry) in vendor.generations().iter().enumerate() {
                let code = entry.code.as_bytes();
                assert_eq!(
                    find(gpu_generation_keys(vendor), code),
                    Some(n),
                    "{vendor:?}"
                );
            }
        }
        // The length is part of the key: a NUL byte does not pad a code.
        assert_eq!(find(gpu_generation_keys(GpuVendor::Amd), b"1\0"), None);
        assert_eq!(find(gpu_generation_keys(GpuVendor::Amd), b"1"), Some(2));
        assert_eq!(find(&HYPERVISOR_KEYS, b"kvmx"), None);
        assert_eq!(find(&HYPERVISOR_KEYS, b"kvmxx"), None);
    }

    #[test]
    fn digits_are_read_once_with_their_value() {
        let (rest, d) = digits(b"0042x").unwrap();
        assert_eq!((d.text, d.value, rest), (&b"0042"[..], Some(42), &b"x"[..]));
        let (_, d) = digits(b"4294967295").unwrap();
        assert_eq!(d.value, Some(u32::MAX));
        let (_, d) = digits(b"4294967296").unwrap();
        assert_eq!(d.value, None);
        let (_, d) = digits(b"99999999999999999999999999").unwrap();
        assert_eq!(d.value, None);
        assert!(digits1(b"x").is_err());
    }

    #[test]
    fn spans_of_absent_components_are_none() {
        let (_, spans) = parse("SCS-2V-4_i3", Syntax::V2).unwrap();
        assert_eq!(
            spans.get(Component::Prefix),
            Some(Span { start: 0, end: 4 })
        );
        assert_eq!(
            spans.get(Component::CpuRam),
            Some(Span { start: 4, end: 8 })
        );
        assert_eq!(spans.get(Component::Disk), None);
        assert_eq!(spans.get(Component::Hypervisor), None);
        assert_eq!(
            spans.get(Component::CpuBrand),
            Some(Span { start: 8, end: 11 })
        );
        assert_eq!(spans.get(Component::Ib), None);
    }
}
