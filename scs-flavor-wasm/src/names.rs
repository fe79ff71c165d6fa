//! The name functions (feature `names`, on by default): parse, check, render, explain, the
//! tables — the raw exports behind `scs-flavor` (`index.js`).

use scs_flavor::tables::{self, Entry};
use scs_flavor::{
    Builder, CpuBrandSpec, CpuType, CpuVendor, DiskSpec, DiskType, Flavor, GpuKind, GpuSpec,
    GpuVendor, Hypervisor, Outcome, Parsed, Report, Strategy,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::to_js;

// ---------------------------------------------------------------------------------------
// Conversions: one place for every value that crosses the boundary.
// ---------------------------------------------------------------------------------------

/// The strategy named by the `version` option (`v3` when absent).
fn strategy(version: Option<String>) -> Result<Strategy, JsValue> {
    match version {
        None => Ok(Strategy::default()),
        Some(v) => v.parse().map_err(|e: scs_flavor::UnknownStrategy| {
            js_sys::RangeError::new(&e.to_string()).into()
        }),
    }
}

/// The UTF-16 index of byte offset `byte` of `input` (clamped to a character boundary).
fn utf16_index(input: &str, byte: usize) -> usize {
    if input.is_ascii() {
        return byte.min(input.len());
    }
    let mut b = byte.min(input.len());
    while !input.is_char_boundary(b) {
        b -= 1;
    }
    input[..b].encode_utf16().count()
}

/// The record of a name error, thrown to `index.js` (returned by [`read_flavor`]), which makes
/// a `FlavorNameError` of it.
#[derive(Serialize)]
struct NameErrorRecord {
    error: &'static str,
    kind: &'static str,
    message: String,
    start: usize,
    end: usize,
}

fn name_error(input: &str, e: scs_flavor::Error) -> JsValue {
    let record = NameErrorRecord {
        error: "name",
        kind: e.kind().code(),
        message: e.to_string(),
        start: utf16_index(input, e.start()),
        end: utf16_index(input, e.end()),
    };
    to_js(&record).unwrap_or_else(|e| e)
}

/// The record of a builder refusal, thrown to `index.js`, which makes a `FlavorBuildError`.
#[derive(Serialize)]
struct BuildErrorRecord {
    error: &'static str,
    kind: &'static str,
    field: &'static str,
    message: String,
}

fn build_error(e: scs_flavor::BuildError) -> JsValue {
    let record = BuildErrorRecord {
        error: "build",
        kind: e.kind.code(),
        field: e.field,
        message: e.to_string(),
    };
    to_js(&record).unwrap_or_else(|e| e)
}

/// Reads `name` with the strategy of `version`, or the error record to throw.
fn read(name: &str, version: Option<String>) -> Result<Parsed<'_>, JsValue> {
    strategy(version)?
        .parse(name)
        .map_err(|e| name_error(name, e))
}

/// A letter enum of the core, written as its code (`"V"`, `"s"`, `"bms"`) in JS objects.
trait Letter: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

macro_rules! letters {
    ($($t:ty),*) => {$(
        impl Letter for $t {
            const ALL: &'static [Self] = <$t>::ALL;
            fn code(self) -> &'static str {
                <$t>::code(self)
            }
            fn from_code(code: &str) -> Option<Self> {
                <$t>::from_code(code)
            }
        }
    )*};
}

letters!(CpuType, DiskType, Hypervisor, CpuVendor, GpuKind, GpuVendor);

/// Reads the flavor object that `render` and `build` take: the fields of the core's
/// [`Builder`], letters as their codes (so that a [`scs_flavor::BuildError`]'s `field` is a path
/// into this object); `null` or absent for what is not there.
///
/// Read field by field rather than through serde-wasm-bindgen: serde's derived deserializer
/// and its error messages (which format floats) would add 40 KB to the .wasm.
struct Reader(JsValue);

/// "one of L, V, T, C": the codes of a letter enum, from the core's table.
fn one_of<T: Letter>() -> String {
    let mut s = String::from("one of ");
    for (i, t) in T::ALL.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(t.code());
    }
    s
}

const WHOLE: &str = "a whole number from 0 to 4294967295";

#[cold]
fn type_error(path: &str, expected: &str) -> JsValue {
    js_sys::TypeError::new(&format!("not a flavor object: `{path}` must be {expected}")).into()
}

impl Reader {
    fn object(value: JsValue, path: &str) -> Result<Self, JsValue> {
        if value.is_object() {
            Ok(Reader(value))
        } else {
            Err(type_error(path, "an object"))
        }
    }

    /// The field, `None` when absent, `undefined` or `null`.
    fn get(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        let v = js_sys::Reflect::get(&self.0, &JsValue::from_str(key))?;
        Ok((!v.is_undefined() && !v.is_null()).then_some(v))
    }

    fn sub(&self, key: &str, path: &str) -> Result<Option<Reader>, JsValue> {
        self.get(key)?.map(|v| Reader::object(v, path)).transpose()
    }

    fn whole(&self, key: &str, path: &str) -> Result<Option<u32>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(x) if x >= 0.0 && x <= f64::from(u32::MAX) && x.fract() == 0.0 => {
                    Ok(Some(x as u32))
                }
                _ => Err(type_error(path, WHOLE)),
            },
        }
    }

    fn number(&self, key: &str, path: &str) -> Result<f64, JsValue> {
        self.get(key)?
            .and_then(|v| v.as_f64())
            .ok_or_else(|| type_error(path, "a number"))
    }

    fn flag(&self, key: &str, path: &str) -> Result<bool, JsValue> {
        match self.get(key)? {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| type_error(path, "true or false")),
        }
    }

    fn text(&self, key: &str, path: &str) -> Result<Option<String>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| type_error(path, "a string")),
        }
    }

    fn letter<T: Letter>(&self, key: &str, path: &str) -> Result<Option<T>, JsValue> {
        match self.text(key, path)? {
            None => Ok(None),
            Some(code) => match T::from_code(&code) {
                Some(t) => Ok(Some(t)),
                None => Err(type_error(path, &one_of::<T>())),
            },
        }
    }

    fn required_letter<T: Letter>(&self, key: &str, path: &str) -> Result<T, JsValue> {
        self.letter(key, path)?
            .ok_or_else(|| type_error(path, &one_of::<T>()))
    }
}

/// Reads a flavor object from JS and validates it with the core's [`Builder`], or the error
/// to throw (a `TypeError` for a malformed object, a build-error record for a refused
/// property).
fn flavor_from_js(value: JsValue) -> Result<Flavor, JsValue> {
    let r = Reader::object(value, "flavor")?;
    let disk = match r.sub("disk", "disk")? {
        None => None,
        Some(d) => Some(DiskSpec {
            count: d.whole("count", "disk.count")?.unwrap_or(1),
            size: d.whole("size", "disk.size")?,
            kind: d.letter("kind", "disk.kind")?,
        }),
    };
    let cpu_brand = match r.sub("cpu_brand", "cpu_brand")? {
        None => None,
        Some(b) => Some(CpuBrandSpec {
            vendor: b.letter("vendor", "cpu_brand.vendor")?,
            generation: b.whole("generation", "cpu_brand.generation")?.unwrap_or(0),
            frequency: b.whole("frequency", "cpu_brand.frequency")?.unwrap_or(0),
        }),
    };
    let gpu = r.sub("gpu", "gpu")?;
    let gpu_generation = match &gpu {
        Some(g) => g.text("generation", "gpu.generation")?,
        None => None,
    };
    let gpu = match gpu {
        None => None,
        Some(g) => Some(GpuSpec {
            kind: g.required_letter("kind", "gpu.kind")?,
            vendor: g.letter("vendor", "gpu.vendor")?,
            generation: gpu_generation.as_deref(),
            units: g.whole("units", "gpu.units")?,
            unit_frequency: g
                .whole("unit_frequency", "gpu.unit_frequency")?
                .unwrap_or(0),
            vram: g.whole("vram", "gpu.vram")?,
            vram_bandwidth: g
                .whole("vram_bandwidth", "gpu.vram_bandwidth")?
                .unwrap_or(0),
        }),
    };
    let builder = Builder {
        cpus: r
            .whole("cpus", "cpus")?
            .ok_or_else(|| type_error("cpus", WHOLE))?,
        cpu_type: r.required_letter("cpu_type", "cpu_type")?,
        cpu_insecure: r.flag("cpu_insecure", "cpu_insecure")?,
        ram_gib: r.number("ram_gib", "ram_gib")?,
        ram_no_ecc: r.flag("ram_no_ecc", "ram_no_ecc")?,
        ram_oversubscribed: r.flag("ram_oversubscribed", "ram_oversubscribed")?,
        disk,
        hypervisor: r.letter("hypervisor", "hypervisor")?,
        hwv: r.flag("hwv", "hwv")?,
        cpu_brand,
        gpu,
        ib: r.flag("ib", "ib")?,
    };
    builder.build().map_err(build_error)
}

/// Number of [`Slots`].
pub const SLOTS: usize = 22;

/// A flavor packed into numbers, which `index.js` unpacks into the plain object of `parse`
/// (through the tables, so no code is written twice). Making that object here through
/// serde-wasm-bindgen costs ~20 boundary crossings, more than parsing itself; one shared
/// buffer costs none.
///
/// | slot | value | slot | value |
/// |---|---|---|---|
/// | 0 | cpus | 11 | CPU brand vendor index (-1 none) |
/// | 1 | CPU type index | 12 | CPU generation |
/// | 2 | cpu_insecure (0/1) | 13 | CPU frequency (`h` count) |
/// | 3 | ram_gib | 14 | GPU kind index (-1 no GPU) |
/// | 4 | ram_no_ecc (0/1) | 15 | GPU vendor index |
/// | 5 | ram_oversubscribed (0/1) | 16 | GPU generation index (-1 none) |
/// | 6 | disk count (0 = no disk) | 17 | GPU units (0 none) |
/// | 7 | disk size (0 none) | 18 | GPU unit frequency |
/// | 8 | disk type index (-1 none) | 19 | VRAM (0 none) |
/// | 9 | hypervisor index (-1 none) | 20 | VRAM bandwidth |
/// | 10 | hwv (0/1) | 21 | ib (0/1) |
///
/// Indices are rows of the tables that [`tables()`] returns.
pub type Slots = [f64; SLOTS];

fn index<T: Letter>(value: T) -> f64 {
    T::ALL
        .iter()
        .position(|&t| t == value)
        .map_or(-1.0, |i| i as f64)
}

fn flag(b: bool) -> f64 {
    f64::from(u8::from(b))
}

fn opt(n: Option<core::num::NonZeroU32>) -> f64 {
    n.map_or(0.0, |n| f64::from(n.get()))
}

/// Packs a flavor: see [`Slots`].
pub fn pack(f: &Flavor) -> Slots {
    let mut s = [0.0; SLOTS];
    s[0] = f64::from(f.cpu.count.get());
    s[1] = index(f.cpu.kind);
    s[2] = flag(f.cpu.insecure);
    s[3] = f.ram.size.gib();
    s[4] = flag(f.ram.no_ecc);
    s[5] = flag(f.ram.oversubscribed);
    s[8] = -1.0;
    if let Some(d) = f.disk {
        s[6] = f64::from(d.count.get());
        s[7] = opt(d.size);
        s[8] = d.kind.map_or(-1.0, index);
    }
    s[9] = f.hypervisor.map_or(-1.0, index);
    s[10] = flag(f.hwv);
    s[11] = -1.0;
    if let Some(b) = f.cpu_brand {
        s[11] = index(b.vendor());
        s[12] = f64::from(b.generation());
        s[13] = b.frequency().count() as f64;
    }
    s[14] = -1.0;
    if let Some(g) = f.gpu {
        s[14] = index(g.kind());
        s[15] = index(g.vendor());
        s[16] = g.generation().map_or(-1.0, |x| {
            let table = g.vendor().generations();
            table
                .iter()
                .position(|e| e.code == x.code())
                .map_or(-1.0, |i| i as f64)
        });
        s[17] = opt(g.units());
        s[18] = g.unit_frequency().count() as f64;
        s[19] = opt(g.vram());
        s[20] = g.vram_bandwidth().count() as f64;
    }
    s[21] = flag(f.ib);
    s
}

thread_local! {
    static SLOT_BUFFER: core::cell::Cell<Slots> = const { core::cell::Cell::new([0.0; SLOTS]) };
}

fn store(f: &Flavor) {
    SLOT_BUFFER.with(|b| b.set(pack(f)));
}

/// The address in wasm memory of the [`Slots`] that [`read_flavor`] and [`build`] fill.
#[wasm_bindgen(js_name = slotBuffer)]
pub fn slot_buffer() -> *const f64 {
    SLOT_BUFFER.with(|b| b.as_ptr().cast::<f64>().cast_const())
}

// ---------------------------------------------------------------------------------------
// Exports.
// ---------------------------------------------------------------------------------------

/// Checks `name` as the CLI's `-o json` does and returns that object (`input`, `status`,
/// `tolerated`, `name`, `short`, `v1`, `spec`, `description`, `warnings`, `error`), with the
/// error's `start`/`end` as UTF-16 indices. Throws only a `RangeError` for an unknown
/// `version`.
#[wasm_bindgen]
pub fn check(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    let report = Report::new(name, strategy(version)?);
    let value = to_js(&report)?;
    if !name.is_ascii() {
        // The core's offsets are bytes; JS wants UTF-16 indices (the same for ASCII).
        match report.outcome() {
            Outcome::Invalid(e) => {
                let error = js_sys::Reflect::get(&value, &"error".into())?;
                set_span(name, &error, e.start(), e.end())?;
            }
            Outcome::Valid(p) => {
                let list = js_sys::Reflect::get(&value, &"warnings".into())?;
                for (i, w) in p.warnings().enumerate() {
                    let record = js_sys::Reflect::get_u32(&list, i as u32)?;
                    set_span(name, &record, w.span.start, w.span.end)?;
                }
            }
            Outcome::NotScs => {}
        }
    }
    Ok(value)
}

/// Sets `start`/`end` of a record to the UTF-16 indices of byte offsets into `input`.
fn set_span(input: &str, record: &JsValue, start: usize, end: usize) -> Result<(), JsValue> {
    let start = utf16_index(input, start) as f64;
    let end = utf16_index(input, end) as f64;
    js_sys::Reflect::set(record, &"start".into(), &start.into())?;
    js_sys::Reflect::set(record, &"end".into(), &end.into())?;
    Ok(())
}

/// Parses `name` into the [`Slots`] at [`slot_buffer`] and returns `undefined`, or returns
/// (not throws, which would cost a second exception in `index.js`) the name-error record;
/// throws a `RangeError` for an unknown `version`.
#[wasm_bindgen(js_name = readFlavor)]
pub fn read_flavor(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    match strategy(version)?.parse(name) {
        Ok(p) => {
            store(&p.flavor());
            Ok(JsValue::UNDEFINED)
        }
        Err(e) => Ok(name_error(name, e)),
    }
}

/// Renders a flavor object after validating it with the core's builder: the canonical name,
/// or its short form, in the v2/v3 syntax or (`v1`) the v1 syntax. Throws a `TypeError` for a
/// malformed object and a build-error record for a refused property.
#[wasm_bindgen]
pub fn render(flavor: JsValue, v1: bool, short: bool) -> Result<String, JsValue> {
    let f = flavor_from_js(flavor)?;
    let name = if short { f.short() } else { f.v2() };
    Ok(if v1 { name.v1() } else { name }.to_string())
}

/// Validates a flavor object with the core's builder and puts the flavor it makes into the
/// [`Slots`] at [`slot_buffer`] (defaults filled in); throws like [`render`].
#[wasm_bindgen]
pub fn build(flavor: JsValue) -> Result<(), JsValue> {
    store(&flavor_from_js(flavor)?);
    Ok(())
}

/// The short name (v2/v3 syntax) of a valid name; throws a name-error record.
#[wasm_bindgen]
pub fn shorten(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().short().to_string())
}

/// The canonical v1 form of a valid name; throws a name-error record.
#[wasm_bindgen(js_name = toV1)]
pub fn to_v1(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().v1().to_string())
}

/// The canonical v2/v3 form of a valid name; throws a name-error record.
#[wasm_bindgen]
pub fn canonical(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().to_string())
}

/// The English description of a valid name; throws a name-error record.
#[wasm_bindgen]
pub fn describe(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().describe().to_string())
}

/// One component of a name, as [`explain`] returns it.
#[derive(Serialize)]
struct PartRecord<'a> {
    component: &'static str,
    label: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    meaning: String,
}

/// The components of a valid name in order, each `{component, label, start, end, text,
/// meaning}`; throws a name-error record.
#[wasm_bindgen]
pub fn explain(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    let parts: Vec<PartRecord<'_>> = read(name, version)?
        .explain()
        .map(|p| PartRecord {
            component: p.component.code(),
            label: p.component.name(),
            start: p.span.start,
            end: p.span.end,
            text: p.text,
            meaning: p.meaning.to_string(),
        })
        .collect();
    to_js(&parts)
}

/// The scs-0103 spec of a valid name as an object in the checker's key order, or `null` for
/// a name with more disks than the spec lists (deviation D3); throws a name-error record.
#[wasm_bindgen]
pub fn spec(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    let st = strategy(version)?;
    let report = Report::new(name, st);
    // Surface an invalid name as the same error `parse` throws.
    report
        .outcome()
        .into_result()
        .map_err(|e| name_error(name, e))?;
    // The shape of the spec is the one of the CLI's JSON line: take it from the report.
    let spec = js_sys::Reflect::get(&to_js(&report)?, &"spec".into())?;
    Ok(if spec.is_undefined() {
        JsValue::NULL
    } else {
        spec
    })
}

/// One row of a value table.
#[derive(Serialize)]
struct Row {
    code: &'static str,
    name: &'static str,
    meaning: &'static str,
}

fn row(e: &'static Entry) -> Row {
    Row {
        code: e.code,
        name: e.name,
        meaning: e.meaning,
    }
}

fn rows(table: &'static [Entry]) -> Vec<Row> {
    table.iter().map(row).collect()
}

/// A CPU or GPU vendor row with its generations (for CPUs, index = generation number) and,
/// for GPUs, the plural name of its units.
#[derive(Serialize)]
struct VendorRow {
    code: &'static str,
    name: &'static str,
    meaning: &'static str,
    generations: Vec<Row>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_name: Option<&'static str>,
}

fn vendor_row(
    e: &'static Entry,
    generations: &'static [Entry],
    unit_name: Option<&'static str>,
) -> VendorRow {
    VendorRow {
        code: e.code,
        name: e.name,
        meaning: e.meaning,
        generations: rows(generations),
        unit_name,
    }
}

/// Every value table of the standard, from the core.
#[derive(Serialize)]
struct Tables {
    cpu_types: Vec<Row>,
    disk_types: Vec<Row>,
    hypervisors: Vec<Row>,
    cpu_vendors: Vec<VendorRow>,
    cpu_frequencies: Vec<Row>,
    gpu_kinds: Vec<Row>,
    gpu_vendors: Vec<VendorRow>,
    gpu_frequencies: Vec<Row>,
    vram_bandwidths: Vec<Row>,
    strategies: Vec<&'static str>,
    max_spec_disks: u32,
}

/// The value tables for building forms: `{cpu_types, disk_types, hypervisors, cpu_vendors
/// (with generations), cpu_frequencies, gpu_kinds, gpu_vendors (with generations and
/// unit_name), gpu_frequencies, vram_bandwidths, strategies, max_spec_disks}`, each row
/// `{code, name, meaning}`.
#[wasm_bindgen]
pub fn tables() -> Result<JsValue, JsValue> {
    let t = Tables {
        cpu_types: rows(tables::CPU_TYPES),
        disk_types: rows(tables::DISK_TYPES),
        hypervisors: rows(tables::HYPERVISORS),
        cpu_vendors: CpuVendor::ALL
            .iter()
            .map(|v| vendor_row(v.entry(), v.generations(), None))
            .collect(),
        cpu_frequencies: rows(tables::CPU_FREQUENCIES),
        gpu_kinds: rows(tables::GPU_KINDS),
        gpu_vendors: GpuVendor::ALL
            .iter()
            .map(|v| vendor_row(v.entry(), v.generations(), Some(v.unit_name())))
            .collect(),
        gpu_frequencies: rows(tables::GPU_FREQUENCIES),
        vram_bandwidths: rows(tables::VRAM_BANDWIDTHS),
        strategies: Strategy::ALL.iter().map(|s| s.as_str()).collect(),
        max_spec_disks: scs_flavor::MAX_SPEC_DISKS,
    };
    to_js(&t)
}

#[cfg(test)]
mod tests {
    use super::utf16_index;

    #[test]
    fn utf16_offsets() {
        assert_eq!(utf16_index("SCS-2V-4", 4), 4);
        assert_eq!(utf16_index("SCS-2V-4", 99), 8);
        // `ü` is 2 bytes, 1 UTF-16 unit; `𝄞` is 4 bytes, 2 units.
        assert_eq!(utf16_index("SCS-2V-4ü_x", 10), 9);
        assert_eq!(utf16_index("SCS-2V-4ü_x", 9), 8);
        assert_eq!(utf16_index("SCS-𝄞x", 8), 6);
    }
}
