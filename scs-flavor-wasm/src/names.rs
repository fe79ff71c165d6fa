//! The name functions (feature `names`, on by default): parse, check, render, explain, the
//! tables — the raw exports behind `scs-flavor` (`index.js`).

use scs_flavor::tables::{self, Export};
use scs_flavor::{Builder, Error, ErrorKind, Flavor, Outcome, Parsed, Report, Strategy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::to_js;

/// The strategy named by the `version` option (`v3` when absent), by the core's lookup rule.
fn strategy(version: Option<String>) -> Result<Strategy, JsValue> {
    match version {
        None => Ok(Strategy::default()),
        Some(v) => v
            .parse()
            .map_err(|e: Error| js_sys::RangeError::new(&e.to_string()).into()),
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

/// Sets `start`/`end` of a record to the UTF-16 indices of byte offsets into `input`.
fn set_span(input: &str, record: &JsValue, start: usize, end: usize) -> Result<(), JsValue> {
    if input.is_ascii() {
        return Ok(()); // byte offsets are UTF-16 indices
    }
    let (start, end) = (utf16_index(input, start), utf16_index(input, end));
    js_sys::Reflect::set(record, &"start".into(), &(start as f64).into())?;
    js_sys::Reflect::set(record, &"end".into(), &(end as f64).into())?;
    Ok(())
}

/// The core's error record `{kind, message, start, end[, field]}` (offsets into `input` as
/// UTF-16 indices), which `index.js` makes a `FlavorNameError` or, with a `field`, a
/// `FlavorBuildError` of.
fn error_record(input: &str, e: &Error) -> JsValue {
    let record = to_js(e).unwrap_or_else(|e| e);
    set_span(input, &record, e.start(), e.end()).map_or_else(|e| e, |()| record)
}

/// Reads a flavor object (the core's [`Builder`] form, through
/// [`Builder::from_deserializer`]) and builds it, or the record to throw: the core's error
/// with its kind and `field` (`null` where the object as a whole is refused).
fn flavor_from_js(value: JsValue) -> Result<Flavor, JsValue> {
    let read = Builder::from_deserializer(serde_wasm_bindgen::Deserializer::from(value));
    let error = match read.map(|b| b.and_then(|b| b.build())) {
        Ok(Ok(flavor)) => return Ok(flavor),
        Ok(Err(e)) => e,
        Err(_) => Error::at_field(ErrorKind::NotObject, "(flavor)"),
    };
    let record = error_record("", &error);
    if error.field().is_none() {
        js_sys::Reflect::set(&record, &"field".into(), &JsValue::NULL)?;
    }
    Err(record)
}

/// Reads `name` with the strategy of `version`, or the error record to throw.
fn read(name: &str, version: Option<String>) -> Result<Parsed<'_>, JsValue> {
    strategy(version)?
        .parse(name)
        .map_err(|e| error_record(name, &e))
}

/// Checks `name` as the CLI's `-o json` does and returns that object (the core's
/// [`Report`]), with the spans as UTF-16 indices. Throws only a `RangeError` for an unknown
/// `version`.
#[wasm_bindgen]
pub fn check(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    let report = Report::new(name, strategy(version)?);
    let value = to_js(&report)?;
    if !name.is_ascii() {
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

/// The flavor object of `name` (the core's [`Builder`] form), or — returned, not thrown,
/// which would cost a second exception in `index.js` — the name error record; throws a
/// `RangeError` for an unknown `version`.
#[wasm_bindgen]
pub fn parse(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    match strategy(version)?.parse(name) {
        Ok(p) => to_js(&p.flavor().builder()),
        Err(e) => Ok(error_record(name, &e)),
    }
}

/// The limit of the JS benchmark (`bench/parse.mjs`): a call that takes a name and does
/// nothing with it.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__noop")]
pub fn noop(name: &str) -> usize {
    name.len()
}

/// [`check`] for `index.js`: for an ASCII name (whose byte offsets are UTF-16 indices) the
/// address of the report in the flat form (`flat.rs`), else the object of [`check`].
#[doc(hidden)]
#[wasm_bindgen(js_name = "checkFlat")]
pub fn check_flat(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    if !name.is_ascii() {
        return check(name, version);
    }
    crate::flat::write(&Report::new(name, strategy(version)?))
}

/// [`parse`] for `index.js`: the address of the flavor object in the flat form (`flat.rs`),
/// or the name error record.
#[doc(hidden)]
#[wasm_bindgen(js_name = "parseFlat")]
pub fn parse_flat(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    match strategy(version)?.parse(name) {
        Ok(p) => crate::flat::write(&p.flavor().builder()),
        Err(e) => Ok(error_record(name, &e)),
    }
}

/// Renders a flavor object after building it with the core: the canonical name, or its
/// short form, in the v2/v3 syntax or (`v1`) the v1 syntax. Throws the error record of a
/// refused object.
#[wasm_bindgen]
pub fn render(flavor: JsValue, v1: bool, short: bool) -> Result<String, JsValue> {
    let f = flavor_from_js(flavor)?;
    let name = if short { f.short() } else { f };
    Ok(if v1 {
        name.v1().to_string()
    } else {
        name.to_string()
    })
}

/// Builds a flavor object with the core and returns the flavor it makes as a flavor object
/// (defaults filled in); throws like [`render`].
#[wasm_bindgen]
pub fn build(flavor: JsValue) -> Result<JsValue, JsValue> {
    to_js(&flavor_from_js(flavor)?.builder())
}

/// The short name (v2/v3 syntax) of a valid name; throws a name error record.
#[wasm_bindgen]
pub fn shorten(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().short().to_string())
}

/// The canonical v1 form of a valid name; throws a name error record.
#[wasm_bindgen(js_name = toV1)]
pub fn to_v1(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().v1().to_string())
}

/// The canonical v2/v3 form of a valid name; throws a name error record.
#[wasm_bindgen]
pub fn canonical(name: &str, version: Option<String>) -> Result<String, JsValue> {
    Ok(read(name, version)?.flavor().to_string())
}

/// The English description of a valid name; throws a name error record.
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
/// meaning}`; throws a name error record.
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
/// a name with more disks than the spec lists (deviation D3); throws a name error record.
#[wasm_bindgen]
pub fn spec(name: &str, version: Option<String>) -> Result<JsValue, JsValue> {
    let report = Report::new(name, strategy(version)?);
    report
        .outcome()
        .into_result()
        .map_err(|e| error_record(name, &e))?;
    // The shape of the spec is the one of the CLI's JSON line: take it from the report.
    let spec = js_sys::Reflect::get(&to_js(&report)?, &"spec".into())?;
    Ok(if spec.is_undefined() {
        JsValue::NULL
    } else {
        spec
    })
}

/// The core's tables export `{tables, standard_flavors, fields}` ([`Export`]).
#[wasm_bindgen]
pub fn tables() -> Result<JsValue, JsValue> {
    to_js(&Export)
}

/// The row of table `table_id` that `text` names by the core's lookup rule; throws a
/// `RangeError` for an unknown table and an `unknown-value` error record for unknown text.
#[wasm_bindgen]
pub fn lookup(table_id: &str, text: &str) -> Result<JsValue, JsValue> {
    let table = tables::table(table_id)
        .ok_or_else(|| js_sys::RangeError::new(&format!("unknown table `{table_id}`")))?;
    match table.entry(text) {
        Ok(entry) => to_js(entry),
        Err(e) => {
            let record = error_record(text, &e);
            js_sys::Reflect::set(&record, &"field".into(), &JsValue::NULL)?;
            Err(record)
        }
    }
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
