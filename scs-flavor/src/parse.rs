//! The one parser: a recogniser per component (the standard's grammar line above it, nom
//! combinators, no allocation), then a validation step that turns the recognised bytes into
//! typed values or a positioned error.
//!
//! Each recogniser mirrors the official checker's regular expression for its component
//! exactly (REFERENCE.md §1): components are tried left to right, each at most once, and a
//! component whose syntax does not match is simply absent. Values are checked only after a
//! component matched, as the checker does. The one deliberate difference is the GPU
//! generation, which stops before the extension separator (deviation D2).

use core::num::NonZeroU32;

use nom::bytes::complete::{tag, take, take_while};
use nom::character::complete::{char, digit0, digit1, one_of};
use nom::combinator::{eof, opt, peek};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Offset, Parser};

use crate::error::{Component, Error, ErrorKind, Field};
use crate::model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuKind, GpuVendor,
    Hypervisor, Ram, RamSize,
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
    spans: [Option<Span>; 8],
}

impl Spans {
    /// The span of `component`, if the name has it.
    pub fn get(&self, component: Component) -> Option<Span> {
        self.spans[component as usize]
    }

    fn set(&mut self, component: Component, start: usize, end: usize) {
        self.spans[component as usize] = Some(Span { start, end });
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

// cpu-ram := DIGITS* ("L" | "V" | "T" | "C") ["i"] DASH [0-9.]* ["u"] ["o"]
struct CpuRamRaw<'a> {
    count: In<'a>,
    kind: u8,
    insecure: bool,
    ram: In<'a>,
    no_ecc: bool,
    oversubscribed: bool,
}

fn cpu_ram(t: &Table) -> impl Fn(In<'_>) -> Res<'_, CpuRamRaw<'_>> + '_ {
    move |i| {
        let (i, count) = digit0(i)?;
        let (i, kind) = one_of("LVTC").parse(i)?;
        let (i, insecure) = opt(char('i')).parse(i)?;
        let (i, _) = char(t.dash as char).parse(i)?;
        let (i, ram) = take_while(|c: u8| c.is_ascii_digit() || c == b'.').parse(i)?;
        let (i, no_ecc) = opt(char('u')).parse(i)?;
        let (i, oversubscribed) = opt(char('o')).parse(i)?;
        Ok((
            i,
            CpuRamRaw {
                count,
                kind: kind as u8,
                insecure: insecure.is_some(),
                ram,
                no_ecc: no_ecc.is_some(),
                oversubscribed: oversubscribed.is_some(),
            },
        ))
    }
}

// disk := DASH [DIGITS* "x"] DIGITS* ["n" | "h" | "s" | "p"]
struct DiskRaw<'a> {
    count: Option<In<'a>>,
    size: In<'a>,
    kind: Option<char>,
}

fn disk(t: &Table) -> impl Fn(In<'_>) -> Res<'_, DiskRaw<'_>> + '_ {
    move |i| {
        let (i, _) = char(t.dash as char).parse(i)?;
        let (i, count) = opt(terminated(digit0, char('x'))).parse(i)?;
        let (i, size) = digit0(i)?;
        let (i, kind) = opt(one_of("nhsp")).parse(i)?;
        Ok((i, DiskRaw { count, size, kind }))
    }
}

// hypervisor := EXT ("kvm" | "xen" | "vmw" | "hyv" | "bms" | "chy")      (v1: no "chy")
fn hypervisor(t: &Table) -> impl Fn(In<'_>) -> Res<'_, Hypervisor> + '_ {
    move |i| {
        let (rest, word) = preceded(char(t.ext as char), take(3usize)).parse(i)?;
        match crate::tables::find(crate::tables::HYPERVISORS, word) {
            Some(n) if t.chy || Hypervisor::ALL[n] != Hypervisor::CloudHypervisor => {
                Ok((rest, Hypervisor::ALL[n]))
            }
            _ => Err(nom::Err::Error(())),
        }
    }
}

// hwv := EXT "hwv"
fn hwv(t: &Table) -> impl Fn(In<'_>) -> Res<'_, ()> + '_ {
    move |i| {
        let (i, _) = preceded(char(t.ext as char), tag("hwv")).parse(i)?;
        Ok((i, ()))
    }
}

// cpu-brand := EXT ("i" | "z" | "a" | "r") DIGITS* "h"*  followed by EXT or the end
struct CpuBrandRaw<'a> {
    vendor: char,
    generation: In<'a>,
    hs: In<'a>,
}

fn cpu_brand(t: &Table) -> impl Fn(In<'_>) -> Res<'_, CpuBrandRaw<'_>> + '_ {
    move |i| {
        let (i, vendor) = preceded(char(t.ext as char), one_of("izar")).parse(i)?;
        let (i, generation) = digit0(i)?;
        let (i, hs) = hs(i)?;
        // The look-ahead keeps `_ib` from being read as Intel.
        let (i, _) = peek(nom::branch::alt((eof, tag(&[t.ext][..])))).parse(i)?;
        Ok((
            i,
            CpuBrandRaw {
                vendor,
                generation,
                hs,
            },
        ))
    }
}

// gpu := EXT ("g" | "G") ("N" | "A" | "I") GEN [DASH DIGITS+] "h"* [DASH DIGITS+] "h"*
//   GEN := the longest run of characters other than DASH and "h" (the checker), and, here,
//          other than EXT (deviation D2: the checker's GEN swallows a following `_ib`)
struct GpuRaw<'a> {
    kind: char,
    vendor: char,
    generation: In<'a>,
    units: Option<In<'a>>,
    unit_hs: In<'a>,
    vram: Option<In<'a>>,
    vram_hs: In<'a>,
}

fn gpu(t: &Table) -> impl Fn(In<'_>) -> Res<'_, GpuRaw<'_>> + '_ {
    move |i| {
        let (i, kind) = preceded(char(t.ext as char), one_of("gG")).parse(i)?;
        let (i, vendor) = one_of("NAI").parse(i)?;
        let (i, generation) = take_while(|c| c != t.dash && c != b'h' && c != t.ext).parse(i)?;
        let (i, units) = opt(preceded(char(t.dash as char), digit1)).parse(i)?;
        let (i, unit_hs) = hs(i)?;
        let (i, vram) = opt(preceded(char(t.dash as char), digit1)).parse(i)?;
        let (i, vram_hs) = hs(i)?;
        Ok((
            i,
            GpuRaw {
                kind,
                vendor,
                generation,
                units,
                unit_hs,
                vram,
                vram_hs,
            },
        ))
    }
}

// ib := EXT "ib"
fn ib(t: &Table) -> impl Fn(In<'_>) -> Res<'_, ()> + '_ {
    move |i| {
        let (i, _) = preceded(char(t.ext as char), tag("ib")).parse(i)?;
        Ok((i, ()))
    }
}

/// Positions: the whole input's length minus what is left.
struct Cursor<'a> {
    all: In<'a>,
    len: usize,
    rest: In<'a>,
}

impl<'a> Cursor<'a> {
    fn pos(&self) -> usize {
        self.len - self.rest.len()
    }

    fn at(&self, part: In<'a>) -> usize {
        // `part` is a sub-slice of the input.
        self.all.offset(part)
    }

    /// Runs `p`; on a match advances and returns the value with the start offset.
    fn try_parse<T>(&mut self, p: impl Fn(In<'a>) -> Res<'a, T>) -> Option<(T, usize)> {
        let start = self.pos();
        match p(self.rest) {
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

/// Reads an unsigned decimal that must be positive; `Ok(None)` for no digits.
fn number(digits: In<'_>, field: Field, start: usize) -> Result<Option<NonZeroU32>, Error> {
    if digits.is_empty() {
        return Ok(None);
    }
    let end = start + digits.len();
    let mut value: u32 = 0;
    for &d in digits {
        value = match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(d - b'0')))
        {
            Some(v) => v,
            None => return err(ErrorKind::TooLarge { field }, start, end),
        };
    }
    match NonZeroU32::new(value) {
        Some(v) => Ok(Some(v)),
        None => err(ErrorKind::Zero { field }, start, end),
    }
}

/// Reads RAM exactly: `4`, `3.5`, `.5`, `4.`, `04`, `3.50`, as a whole number of half GiB.
fn ram_size(text: In<'_>, start: usize) -> Result<RamSize, Error> {
    let end = start + text.len();
    if text.is_empty() {
        return err(ErrorKind::MissingRam, start, end);
    }
    let (int, frac) = match text.iter().position(|&c| c == b'.') {
        Some(dot) => (&text[..dot], &text[dot + 1..]),
        None => (text, &text[text.len()..]),
    };
    if frac.contains(&b'.') || (int.is_empty() && frac.is_empty()) {
        return err(ErrorKind::MalformedRam, start, end);
    }
    let mut half: u32 = 0;
    for &d in int {
        half = match half
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(d - b'0')))
        {
            Some(v) if v <= i32::MAX as u32 => v,
            _ => return err(ErrorKind::TooLarge { field: Field::Ram }, start, end),
        };
    }
    half *= 2;
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

fn letter<T: Copy>(all: &[T], codes: &str, c: char) -> T {
    // `c` was recognised by `one_of(codes)`, so it is in `codes`.
    all[codes.find(c).unwrap_or(0)]
}

/// Parses `input` in one syntax. The name must start with `SCS-`.
pub(crate) fn parse(input: &str, syntax: Syntax) -> Result<(Flavor, Spans), Error> {
    let t = syntax.table();
    let bytes = input.as_bytes();
    let mut spans = Spans::default();
    let Some(body) = bytes.strip_prefix(PREFIX.as_bytes()) else {
        return err(ErrorKind::NotScs, 0, 0);
    };
    spans.set(Component::Prefix, 0, PREFIX.len());
    let mut c = Cursor {
        all: bytes,
        len: bytes.len(),
        rest: body,
    };

    // CPU/RAM (required)
    let Some((raw, start)) = c.try_parse(cpu_ram(t)) else {
        return Err(diagnose_cpu_ram(input, t));
    };
    let count = match number(raw.count, Field::CpuCount, start)? {
        Some(n) => n,
        None => return err(ErrorKind::MissingCpuCount, start, start),
    };
    let ram_start = c.at(raw.ram);
    let ram = Ram {
        size: ram_size(raw.ram, ram_start)?,
        no_ecc: raw.no_ecc,
        oversubscribed: raw.oversubscribed,
    };
    let cpu = Cpu {
        count,
        kind: CpuType::ALL[b"LVTC".iter().position(|&k| k == raw.kind).unwrap_or(0)],
        insecure: raw.insecure,
    };
    spans.set(Component::CpuRam, start, c.pos());
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

    // Disk
    if let Some((raw, start)) = c.try_parse(disk(t)) {
        let count = match raw.count {
            Some(digits) => number(digits, Field::DiskCount, c.at(digits))?,
            None => None,
        };
        let size = number(raw.size, Field::DiskSize, c.at(raw.size))?;
        flavor.disk = Some(Disk {
            count: count.unwrap_or(NonZeroU32::MIN),
            size,
            kind: raw.kind.map(|k| letter(DiskType::ALL, "nhsp", k)),
        });
        spans.set(Component::Disk, start, c.pos());
    }

    // Hypervisor
    if let Some((h, start)) = c.try_parse(hypervisor(t)) {
        flavor.hypervisor = Some(h);
        spans.set(Component::Hypervisor, start, c.pos());
    }

    // Hardware virtualisation
    if let Some(((), start)) = c.try_parse(hwv(t)) {
        flavor.hwv = true;
        spans.set(Component::Hwv, start, c.pos());
    }

    // CPU brand
    if let Some((raw, start)) = c.try_parse(cpu_brand(t)) {
        let vendor = letter(CpuVendor::ALL, "izar", raw.vendor);
        let gen_start = c.at(raw.generation);
        let gen_end = gen_start + raw.generation.len();
        let mut generation: Option<u32> = Some(0);
        for &d in raw.generation {
            generation = generation
                .and_then(|g| g.checked_mul(10))
                .and_then(|g| g.checked_add(u32::from(d - b'0')));
        }
        let frequency = frequency(
            raw.hs,
            Frequency::Highest,
            ErrorKind::CpuFrequency,
            c.at(raw.hs),
        )?;
        let brand = generation
            .and_then(|g| u8::try_from(g).ok())
            .and_then(|g| CpuBrand::new(vendor, g, frequency));
        match brand {
            Some(b) => flavor.cpu_brand = Some(b),
            None => {
                return err(
                    ErrorKind::CpuGeneration { vendor, generation },
                    gen_start - 1,
                    gen_end,
                )
            }
        }
        spans.set(Component::CpuBrand, start, c.pos());
    }

    // GPU
    if let Some((raw, start)) = c.try_parse(gpu(t)) {
        let vendor = letter(GpuVendor::ALL, "NAI", raw.vendor);
        let generation = if raw.generation.is_empty() {
            None
        } else {
            match crate::tables::find(vendor.generations(), raw.generation) {
                Some(index) => Some(crate::model::GpuGeneration::from_index(vendor, index)),
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
            Some(d) => number(d, Field::GpuUnits, c.at(d))?,
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
            Some(d) => number(d, Field::Vram, c.at(d))?,
            None => None,
        };
        let vram_bandwidth = frequency(
            raw.vram_hs,
            Frequency::VeryHigh,
            ErrorKind::GpuFrequency { field: Field::Vram },
            c.at(raw.vram_hs),
        )?;
        flavor.gpu = Some(Gpu {
            kind: letter(GpuKind::ALL, "gG", raw.kind),
            vendor,
            generation,
            units,
            unit_frequency,
            vram,
            vram_bandwidth,
        });
        spans.set(Component::Gpu, start, c.pos());
    }

    // Infiniband
    if let Some(((), start)) = c.try_parse(ib(t)) {
        flavor.ib = true;
        spans.set(Component::Ib, start, c.pos());
    }

    if !c.rest.is_empty() {
        return Err(diagnose_rest(input, c.pos(), &spans, syntax));
    }
    Ok((flavor, spans))
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
            matched(disk(t)(rest).map(|(l, _)| (l, ()))),
        ),
        (
            Component::Hypervisor,
            matched(hypervisor(t)(rest).map(|(l, _)| (l, ()))),
        ),
        (Component::Hwv, matched(hwv(t)(rest))),
        (
            Component::CpuBrand,
            matched(cpu_brand(t)(rest).map(|(l, _)| (l, ()))),
        ),
        (Component::Gpu, matched(gpu(t)(rest).map(|(l, _)| (l, ())))),
        (Component::Ib, matched(ib(t)(rest))),
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
