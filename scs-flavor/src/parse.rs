//! The one parser: a hand-written recogniser per component (the standard's grammar line above
//! it), working on the bytes of the name by index, then a validation step that turns the
//! recognised bytes into typed values or a positioned error. No allocation, no `unsafe`.
//!
//! Each recogniser mirrors the official checker's regular expression for its component
//! exactly (REFERENCE.md §1): components are tried left to right, each at most once, and a
//! component whose syntax does not match is simply absent. Values are checked only after a
//! component matched, as the checker does. The one deliberate difference is the GPU
//! generation, which stops before the extension separator (deviation D2).
//!
//! This is the hot path (`benches/`, `benches/RESULTS.md`), so the parser is written for it:
//! - a recogniser is a function of the input bytes and a position that returns the positions
//!   it found (a `Digits` run is its start, end and value), not sub-slices to locate again;
//! - each recogniser first looks at one byte (the separator, then the letter that starts the
//!   component) and gives up there when the component is absent; the five extensions are only
//!   tried when the next byte is the extension separator, and nothing is tried once the input
//!   is used up;
//! - digits are read once, in one loop that also computes their value; a RAM size without a
//!   dot is judged without looking at its bytes again;
//! - letters come back as their row in the value table ([`crate::tables`], from which the
//!   parser's byte sets and packed keys are computed at compile time);
//! - `parse` is instantiated once per syntax (`parse_in`), so that the separators are
//!   constants; it reads the prefix and the CPU/RAM part, which every name has, and returns at
//!   once when the name ends there; the optional components are read by `optional`, a
//!   separate function, so that the short path stays small.
//!
//! The diagnostics of a failed name (`diagnose_cpu_ram`, `diagnose_rest`) are cold and reuse
//! the same recognisers to say which component was out of order or repeated.

use core::num::NonZeroU32;

use crate::error::{Component, Error, ErrorKind, Field, Snippet};
use crate::model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuGeneration,
    GpuKind, GpuVendor, Hypervisor, Ram, RamSize,
};
use crate::syntax::{Syntax, Table};

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

/// A run of ASCII digits (possibly empty) at `start..end` and its value, `None` beyond 32 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Digits {
    start: usize,
    end: usize,
    value: Option<u32>,
}

impl Digits {
    fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// DIGITS* from `start`, read once: where the run ends and its value together, so that
/// validation does not scan the digits again.
#[inline(always)]
fn digits(b: &[u8], start: usize) -> Digits {
    // Accumulate in 64 bits, capped just above the 32-bit range: no overflow checks per digit.
    const CAP: u64 = 1 << 33;
    let mut value = 0u64;
    let mut end = start;
    while let Some(&c) = b.get(end) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        value = (value * 10 + u64::from(d)).min(CAP);
        end += 1;
    }
    Digits {
        start,
        end,
        value: u32::try_from(value).ok(),
    }
}

/// The number of `h` from `start`.
#[inline(always)]
fn hs(b: &[u8], start: usize) -> usize {
    let mut end = start;
    while b.get(end) == Some(&b'h') {
        end += 1;
    }
    end - start
}

/// The index of byte `c` in `set` (the letter's row in its value table).
#[inline(always)]
fn index_of(set: &[u8], c: Option<&u8>) -> Option<usize> {
    let c = *c?;
    set.iter().position(|&s| s == c)
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
fn find(keys: &[u64], code: &[u8]) -> Option<usize> {
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

// cpu-ram := DIGITS* ("L" | "V" | "T" | "C") ["i"] DASH RAM ["u"] ["o"]
struct CpuRamRaw {
    count: Digits,
    kind: CpuType,
    insecure: bool,
    ram: RamRaw,
    no_ecc: bool,
    oversubscribed: bool,
    end: usize,
}

/// RAM as written: the longest run of digits and dots at `start..end`, split at its first dot
/// (the digits before it read on the way; `frac` is what follows the dot).
#[derive(Clone, Copy)]
struct RamRaw {
    start: usize,
    end: usize,
    int: Digits,
    frac: (usize, usize),
}

// RAM := [0-9.]*
#[inline(always)]
fn ram(b: &[u8], start: usize) -> RamRaw {
    let int = digits(b, start);
    let mut end = int.end;
    let mut frac = (end, end);
    if b.get(end) == Some(&b'.') {
        end += 1;
        let from = end;
        while matches!(b.get(end), Some(b'0'..=b'9' | b'.')) {
            end += 1;
        }
        frac = (from, end);
    }
    RamRaw {
        start,
        end,
        int,
        frac,
    }
}

#[inline(always)]
fn cpu_ram(t: &Table, b: &[u8], start: usize) -> Option<CpuRamRaw> {
    let count = digits(b, start);
    let mut i = count.end;
    let kind = index_of(&CPU_TYPE_BYTES, b.get(i))?;
    i += 1;
    let insecure = b.get(i) == Some(&b'i');
    i += usize::from(insecure);
    if b.get(i) != Some(&t.dash) {
        return None;
    }
    let ram = ram(b, i + 1);
    i = ram.end;
    let no_ecc = b.get(i) == Some(&b'u');
    i += usize::from(no_ecc);
    let oversubscribed = b.get(i) == Some(&b'o');
    i += usize::from(oversubscribed);
    Some(CpuRamRaw {
        count,
        kind: CpuType::ALL[kind],
        insecure,
        ram,
        no_ecc,
        oversubscribed,
        end: i,
    })
}

// disk := DASH [DIGITS* "x"] DIGITS* ["n" | "h" | "s" | "p"]
struct DiskRaw {
    count: Option<Digits>,
    size: Digits,
    kind: Option<DiskType>,
    end: usize,
}

#[inline(always)]
fn disk(t: &Table, b: &[u8], start: usize) -> Option<DiskRaw> {
    if b.get(start) != Some(&t.dash) {
        return None;
    }
    // The digits before an `x` are the count, else the size: read them once either way.
    let first = digits(b, start + 1);
    let (count, size) = if b.get(first.end) == Some(&b'x') {
        (Some(first), digits(b, first.end + 1))
    } else {
        (None, first)
    };
    let kind = index_of(&DISK_TYPE_BYTES, b.get(size.end));
    Some(DiskRaw {
        count,
        size,
        kind: kind.map(|k| DiskType::ALL[k]),
        end: size.end + usize::from(kind.is_some()),
    })
}

// hypervisor := EXT ("kvm" | "xen" | "vmw" | "hyv" | "bms" | "chy")      (v1: no "chy")
#[inline(always)]
fn hypervisor(t: &Table, b: &[u8], start: usize) -> Option<(Hypervisor, usize)> {
    if b.get(start) != Some(&t.ext) {
        return None;
    }
    let word = b.get(start + 1..start + 4)?;
    match find(&HYPERVISOR_KEYS, word) {
        Some(n) if t.chy || Hypervisor::ALL[n] != Hypervisor::CloudHypervisor => {
            Some((Hypervisor::ALL[n], start + 4))
        }
        _ => None,
    }
}

/// EXT followed by `word`: the end, if it is there.
#[inline(always)]
fn ext_word(t: &Table, b: &[u8], start: usize, word: &[u8]) -> Option<usize> {
    if b.get(start) != Some(&t.ext) {
        return None;
    }
    let end = start + 1 + word.len();
    (b.get(start + 1..end)? == word).then_some(end)
}

// hwv := EXT "hwv"
#[inline(always)]
fn hwv(t: &Table, b: &[u8], start: usize) -> Option<usize> {
    ext_word(t, b, start, b"hwv")
}

// ib := EXT "ib"
#[inline(always)]
fn ib(t: &Table, b: &[u8], start: usize) -> Option<usize> {
    ext_word(t, b, start, b"ib")
}

// cpu-brand := EXT ("i" | "z" | "a" | "r") DIGITS* "h"*  followed by EXT or the end
struct CpuBrandRaw {
    vendor: CpuVendor,
    generation: Digits,
    hs: usize,
    end: usize,
}

#[inline(always)]
fn cpu_brand(t: &Table, b: &[u8], start: usize) -> Option<CpuBrandRaw> {
    if b.get(start) != Some(&t.ext) {
        return None;
    }
    let vendor = index_of(&CPU_VENDOR_BYTES, b.get(start + 1))?;
    let generation = digits(b, start + 2);
    let hs = hs(b, generation.end);
    let end = generation.end + hs;
    // The look-ahead keeps `_ib` from being read as Intel.
    if end != b.len() && b[end] != t.ext {
        return None;
    }
    Some(CpuBrandRaw {
        vendor: CpuVendor::ALL[vendor],
        generation,
        hs,
        end,
    })
}

// gpu := EXT ("g" | "G") ("N" | "A" | "I") GEN [DASH DIGITS+] "h"* [DASH DIGITS+] "h"*
//   GEN := the longest run of characters other than DASH and "h" (the checker), and, here,
//          other than EXT (deviation D2: the checker's GEN swallows a following `_ib`)
struct GpuRaw {
    kind: GpuKind,
    vendor: GpuVendor,
    generation: (usize, usize),
    units: Option<Digits>,
    unit_hs: usize,
    vram: Option<Digits>,
    vram_hs: usize,
    end: usize,
}

/// [DASH DIGITS+] at `start`.
#[inline(always)]
fn dash_digits1(t: &Table, b: &[u8], start: usize) -> Option<Digits> {
    if b.get(start) != Some(&t.dash) {
        return None;
    }
    let d = digits(b, start + 1);
    (!d.is_empty()).then_some(d)
}

#[inline(always)]
fn gpu(t: &Table, b: &[u8], start: usize) -> Option<GpuRaw> {
    if b.get(start) != Some(&t.ext) {
        return None;
    }
    let kind = index_of(&GPU_KIND_BYTES, b.get(start + 1))?;
    let vendor = index_of(&GPU_VENDOR_BYTES, b.get(start + 2))?;
    let gen_start = start + 3;
    let mut i = gen_start;
    while let Some(&c) = b.get(i) {
        if c == t.dash || c == b'h' || c == t.ext {
            break;
        }
        i += 1;
    }
    let generation = (gen_start, i);
    let units = dash_digits1(t, b, i);
    if let Some(d) = units {
        i = d.end;
    }
    let unit_hs = hs(b, i);
    i += unit_hs;
    let vram = dash_digits1(t, b, i);
    if let Some(d) = vram {
        i = d.end;
    }
    let vram_hs = hs(b, i);
    i += vram_hs;
    Some(GpuRaw {
        kind: GpuKind::ALL[kind],
        vendor: GpuVendor::ALL[vendor],
        generation,
        units,
        unit_hs,
        vram,
        vram_hs,
        end: i,
    })
}

#[cold]
fn err<T>(kind: ErrorKind, start: usize, end: usize) -> Result<T, Error> {
    Err(Error::new(kind, start, end))
}

/// A number that must be positive; `Ok(None)` for no digits.
#[inline(always)]
fn number(digits: Digits, field: Field) -> Result<Option<NonZeroU32>, Error> {
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.value.map(NonZeroU32::new) {
        Some(Some(v)) => Ok(Some(v)),
        Some(None) => err(ErrorKind::Zero { field }, digits.start, digits.end),
        None => err(ErrorKind::TooLarge { field }, digits.start, digits.end),
    }
}

/// Reads RAM exactly: `4`, `3.5`, `.5`, `4.`, `04`, `3.50`, as a whole number of half GiB.
#[inline(always)]
fn ram_size(b: &[u8], raw: RamRaw) -> Result<RamSize, Error> {
    let RamRaw {
        start,
        end,
        int,
        frac,
    } = raw;
    if end == int.end {
        // No dot (the common case): a whole number of GiB, or nothing.
        return match int.value {
            _ if end == start => err(ErrorKind::MissingRam, start, end),
            Some(0) => err(ErrorKind::Zero { field: Field::Ram }, start, end),
            Some(v) if v <= i32::MAX as u32 => match NonZeroU32::new(v * 2) {
                Some(h) => Ok(RamSize::from_half_gib(h)),
                None => err(ErrorKind::Zero { field: Field::Ram }, start, end),
            },
            _ => err(ErrorKind::TooLarge { field: Field::Ram }, start, end),
        };
    }
    let frac = &b[frac.0..frac.1];
    if end == start {
        return err(ErrorKind::MissingRam, start, end);
    }
    if frac.contains(&b'.') || (int.is_empty() && frac.is_empty()) {
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

/// The frequency of `count` letters `h` from `start`, at most `max`.
#[inline(always)]
fn frequency(
    count: usize,
    max: Frequency,
    kind: ErrorKind,
    start: usize,
) -> Result<Frequency, Error> {
    match Frequency::from_count(count) {
        Some(f) if f <= max => Ok(f),
        _ => err(kind, start, start + count),
    }
}

/// Parses `input` in one syntax. The name must start with `SCS-`.
pub(crate) fn parse(input: &str, syntax: Syntax) -> Result<(Flavor, Spans), Error> {
    // One instance per syntax: its separators become constants.
    match syntax {
        Syntax::V1 => parse_in::<true>(input),
        Syntax::V2 => parse_in::<false>(input),
    }
}

/// The syntax of an instance: v1 or v2.
#[inline(always)]
const fn syntax_of<const V1: bool>() -> Syntax {
    if V1 {
        Syntax::V1
    } else {
        Syntax::V2
    }
}

/// The prefix and the CPU/RAM part, which every name has; the rest, if any, in `optional`.
#[inline(always)]
fn parse_in<const V1: bool>(input: &str) -> Result<(Flavor, Spans), Error> {
    let t = syntax_of::<V1>().table();
    let b = input.as_bytes();
    if !b.starts_with(PREFIX.as_bytes()) {
        return err(ErrorKind::NotScs, 0, 0);
    }

    // CPU/RAM (required)
    let start = PREFIX.len();
    let Some(raw) = cpu_ram(t, b, start) else {
        return Err(diagnose_cpu_ram(input, t));
    };
    let Some(count) = number(raw.count, Field::CpuCount)? else {
        return err(ErrorKind::MissingCpuCount, start, start);
    };
    let cpu = Cpu {
        count,
        kind: raw.kind,
        insecure: raw.insecure,
    };
    let ram = Ram {
        size: ram_size(b, raw.ram)?,
        no_ecc: raw.no_ecc,
        oversubscribed: raw.oversubscribed,
    };
    if raw.end == b.len() {
        // The common short name: no optional component can match the empty rest.
        return Ok((
            Flavor {
                cpu,
                ram,
                disk: None,
                hypervisor: None,
                hwv: false,
                cpu_brand: None,
                gpu: None,
                ib: false,
            },
            Spans {
                ends: [start, raw.end, 0, 0, 0, 0, 0, 0],
            },
        ));
    }
    optional::<V1>(input, cpu, ram, raw.end)
}

/// The optional components after the CPU/RAM part, which ends at `i` before the end of the
/// input; then anything left over is diagnosed.
#[inline(never)]
fn optional<const V1: bool>(
    input: &str,
    cpu: Cpu,
    ram: Ram,
    mut i: usize,
) -> Result<(Flavor, Spans), Error> {
    let syntax = syntax_of::<V1>();
    let t = syntax.table();
    let b = input.as_bytes();
    let mut spans = Spans::default();
    spans.set(Component::Prefix, PREFIX.len());
    spans.set(Component::CpuRam, i);
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
    if let Some(raw) = disk(t, b, i) {
        let count = match raw.count {
            Some(digits) => number(digits, Field::DiskCount)?,
            None => None,
        };
        let size = number(raw.size, Field::DiskSize)?;
        flavor.disk = Some(Disk {
            count: count.unwrap_or(NonZeroU32::MIN),
            size,
            kind: raw.kind,
        });
        i = raw.end;
        spans.set(Component::Disk, i);
    }

    // The extensions all start with the extension separator.
    if b.get(i) == Some(&t.ext) {
        i = extensions(t, b, i, &mut flavor, &mut spans)?;
    }

    if i != b.len() {
        return Err(diagnose_rest(input, i, &spans, syntax));
    }
    Ok((flavor, spans))
}

/// Hypervisor, hardware virtualisation, CPU brand, GPU and Infiniband, in this order, from
/// `i`; returns where they end.
#[inline(always)]
fn extensions(
    t: &Table,
    b: &[u8],
    mut i: usize,
    flavor: &mut Flavor,
    spans: &mut Spans,
) -> Result<usize, Error> {
    // Hypervisor
    if let Some((h, end)) = hypervisor(t, b, i) {
        flavor.hypervisor = Some(h);
        i = end;
        spans.set(Component::Hypervisor, i);
    }

    // Hardware virtualisation
    if let Some(end) = hwv(t, b, i) {
        flavor.hwv = true;
        i = end;
        spans.set(Component::Hwv, i);
    }

    // CPU brand
    if let Some(raw) = cpu_brand(t, b, i) {
        let vendor = raw.vendor;
        let generation = raw.generation.value;
        let frequency = frequency(
            raw.hs,
            Frequency::Highest,
            ErrorKind::CpuFrequency,
            raw.generation.end,
        )?;
        let generation8 = generation.map_or(u8::MAX, |g| u8::try_from(g).unwrap_or(u8::MAX));
        match CpuBrand::new(vendor, generation8, frequency) {
            Ok(brand) => flavor.cpu_brand = Some(brand),
            Err(_) => {
                return err(
                    ErrorKind::CpuGeneration { vendor, generation },
                    raw.generation.start - 1,
                    raw.generation.end,
                )
            }
        }
        i = raw.end;
        spans.set(Component::CpuBrand, i);
    }

    // GPU
    if let Some(raw) = gpu(t, b, i) {
        let vendor = raw.vendor;
        let (gen_start, gen_end) = raw.generation;
        let generation = if gen_end == gen_start {
            None
        } else {
            match find(gpu_generation_keys(vendor), &b[gen_start..gen_end]) {
                Some(index) => Some(GpuGeneration::from_index(vendor, index)),
                None => return err(ErrorKind::GpuGeneration { vendor }, gen_start, gen_end),
            }
        };
        let units = match raw.units {
            Some(d) => number(d, Field::GpuUnits)?,
            None => None,
        };
        let units_end = raw.units.map_or(gen_end, |d| d.end);
        let unit_frequency = frequency(
            raw.unit_hs,
            Frequency::VeryHigh,
            ErrorKind::GpuFrequency {
                field: Field::GpuUnits,
            },
            units_end,
        )?;
        let vram = match raw.vram {
            Some(d) => number(d, Field::Vram)?,
            None => None,
        };
        let vram_end = raw.vram.map_or(units_end + raw.unit_hs, |d| d.end);
        let vram_bandwidth = frequency(
            raw.vram_hs,
            Frequency::VeryHigh,
            ErrorKind::GpuFrequency { field: Field::Vram },
            vram_end,
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
            Err(kind) => return err(kind, i, raw.end),
        }
        i = raw.end;
        spans.set(Component::Gpu, i);
    }

    // Infiniband
    if let Some(end) = ib(t, b, i) {
        flavor.ib = true;
        i = end;
        spans.set(Component::Ib, i);
    }
    Ok(i)
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
    let len = |end: Option<usize>| end.map(|end| end - pos);
    let b = input.as_bytes();
    let candidates = [
        (Component::Disk, len(disk(t, b, pos).map(|r| r.end))),
        (
            Component::Hypervisor,
            len(hypervisor(t, b, pos).map(|r| r.1)),
        ),
        (Component::Hwv, len(hwv(t, b, pos))),
        (
            Component::CpuBrand,
            len(cpu_brand(t, b, pos).map(|r| r.end)),
        ),
        (Component::Gpu, len(gpu(t, b, pos).map(|r| r.end))),
        (Component::Ib, len(ib(t, b, pos))),
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
        let d = digits(b"SCS-0042x", 4);
        assert_eq!(
            d,
            Digits {
                start: 4,
                end: 8,
                value: Some(42)
            }
        );
        assert_eq!(digits(b"4294967295", 0).value, Some(u32::MAX));
        assert_eq!(digits(b"4294967296", 0).value, None);
        assert_eq!(digits(b"99999999999999999999999999", 0).value, None);
        let none = digits(b"x", 0);
        assert!(none.is_empty());
        assert_eq!(none.value, Some(0));
        assert!(dash_digits1(Syntax::V2.table(), b"-x", 0).is_none());
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
