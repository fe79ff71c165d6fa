//! The audit and selection of [`scs_flavor_audit`] (feature `audit`): the raw exports behind
//! the entry `scs-flavor/audit` (`js/audit.js`), built into a separate `.wasm`
//! (`scs_flavor_audit_bg.wasm`) so that the name functions' module stays small; see the
//! README's "Size".
//!
//! Flavor lists go in as JSON text (`audit.js` stringifies a decoded value) so that the crate
//! reads them and its messages name the entry and field; results go out through the crate's
//! serde form.

use scs_flavor_audit::{parse_flavors, Audit, CloudFlavor, InputError, Requirements};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::to_js;

/// The record of an unreadable flavor list, thrown to `audit.js`, which makes a
/// `FlavorAuditError` of it: the crate's message, and the entry (index from 0, its name) and
/// field where known.
#[derive(Serialize)]
struct AuditErrorRecord {
    error: &'static str,
    message: String,
    index: Option<usize>,
    flavor: Option<String>,
    field: Option<String>,
}

fn input_error(e: InputError) -> JsValue {
    let message = e.to_string();
    let record = AuditErrorRecord {
        error: "audit",
        message,
        index: e.index,
        flavor: e.name,
        field: e.field,
    };
    to_js(&record).unwrap_or_else(|e| e)
}

/// Reads a flavor list (the JSON text of `openstack flavor list --long -f json`, of
/// `openstack flavor show -f json` objects, or the Nova API's `{"flavors": [...]}`), or the
/// audit-error record to throw.
fn flavors(json: &str) -> Result<Vec<CloudFlavor>, JsValue> {
    parse_flavors(json).map_err(input_error)
}

/// Audits a cloud's flavor list given as JSON text: the crate's [`Audit`] as a plain object
/// (`passed`, `tests`, `findings`, `fixes`) plus `text`, the text report (the CLI's output),
/// and `fixScript`, the fix commands one per line. Throws an audit-error record for input that
/// cannot be read.
#[wasm_bindgen]
pub fn audit(json: &str) -> Result<JsValue, JsValue> {
    let report: Audit = scs_flavor_audit::audit(&flavors(json)?);
    let value = to_js(&report)?;
    js_sys::Reflect::set(&value, &"text".into(), &report.to_string().into())?;
    js_sys::Reflect::set(&value, &"fixScript".into(), &report.fix_script().into())?;
    Ok(value)
}

/// Reads requirements from key/value pairs `[k1, v1, k2, v2, …]` through
/// [`Requirements::set`] (values as text: numbers, `true`/`false`, table codes or names, the
/// empty string for none); throws a `RangeError` with the crate's message.
fn requirements(pairs: Vec<String>) -> Result<Requirements, JsValue> {
    let mut need = Requirements::default();
    for kv in pairs.chunks(2) {
        let (key, value) = (&kv[0], kv.get(1).map_or("", String::as_str));
        need.set(key, value)
            .map_err(|m| JsValue::from(js_sys::RangeError::new(&m)))?;
    }
    Ok(need)
}

/// Selects from flavor names those that satisfy the requirements (key/value pairs, see
/// `requirements`): the crate's [`scs_flavor_audit::Selection`] as `{matches, rejected}`.
#[wasm_bindgen(js_name = selectNames)]
pub fn select_names(
    names: Vec<String>,
    requirement_pairs: Vec<String>,
) -> Result<JsValue, JsValue> {
    let need = requirements(requirement_pairs)?;
    to_js(&scs_flavor_audit::select(&need, &names))
}

/// Selects from a cloud's flavor list (JSON text, as [`audit`] reads it) the flavors that
/// satisfy the requirements; throws an audit-error record for input that cannot be read.
#[wasm_bindgen(js_name = selectFlavors)]
pub fn select_flavors(json: &str, requirement_pairs: Vec<String>) -> Result<JsValue, JsValue> {
    let need = requirements(requirement_pairs)?;
    to_js(&scs_flavor_audit::select_flavors(&need, &flavors(json)?))
}

/// The requirement keys that selection understands ([`Requirements::KEYS`]).
#[wasm_bindgen(js_name = requirementKeys)]
pub fn requirement_keys() -> Vec<String> {
    Requirements::KEYS.iter().map(|k| k.to_string()).collect()
}
