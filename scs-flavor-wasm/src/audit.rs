//! The audit, plan and selection of [`scs_flavor_audit`] (feature `audit`): the raw exports behind
//! the entry `scs-flavor/audit` (`js/audit.js`), built into a separate `.wasm`
//! (`scs_flavor_audit_bg.wasm`) so that the name functions' module stays small; see the
//! README's "Size".
//!
//! Flavor lists go in as JSON text (`audit.js` stringifies a decoded value) so that the crate
//! reads them and its messages name the entry and field; results go out through the crate's
//! serde form.

use scs_flavor_audit::{parse_flavors, Audit, CloudFlavor, InputError, PlanOptions, Requirements};
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js};

/// The crate's record of an unreadable flavor list (`{index, name, field, message}`) plus
/// `text`, its whole message, thrown to `audit.js`, which makes a `FlavorAuditError` of it.
fn input_error(e: InputError) -> JsValue {
    let record = to_js(&e).unwrap_or_else(|e| e);
    let _ = js_sys::Reflect::set(&record, &"text".into(), &e.to_string().into());
    record
}

/// Reads a flavor list (the JSON text of `openstack flavor list --long -f json`, of
/// `openstack flavor show -f json` objects, or the Nova API's `{"flavors": [...]}`), or the
/// audit-error record to throw.
fn flavors(json: &str) -> Result<Vec<CloudFlavor>, JsValue> {
    parse_flavors(json).map_err(input_error)
}

/// Audits a cloud's flavor list given as JSON text: the crate's [`Audit`] as a plain object
/// (`passed`, `tests`, `findings`, `fixes`) plus `text`, the text report (the CLI's output),
/// `fixScript`, the fix commands one per line, `summary` ([`Audit::summary`]), `certified`
/// (no failed mandatory test case of the official suite: [`Audit::exit_status`] is 0) and each
/// test's `class` (`mandatory`, `recommended` or `ours`: `TestCase::class`). Throws an audit-error record for input that
/// cannot be read.
#[wasm_bindgen]
pub fn audit(json: &str) -> Result<JsValue, JsValue> {
    let report: Audit = scs_flavor_audit::audit(&flavors(json)?);
    let value = to_js(&report)?;
    js_sys::Reflect::set(&value, &"text".into(), &report.to_string().into())?;
    js_sys::Reflect::set(&value, &"fixScript".into(), &report.fix_script().into())?;
    js_sys::Reflect::set(&value, &"summary".into(), &report.summary().into())?;
    let certified = report.exit_status() == 0;
    js_sys::Reflect::set(&value, &"certified".into(), &certified.into())?;
    let tests = js_sys::Reflect::get(&value, &"tests".into())?;
    for (i, t) in (0u32..).zip(&report.tests) {
        let test = js_sys::Reflect::get_u32(&tests, i)?;
        js_sys::Reflect::set(&test, &"class".into(), &t.class().into())?;
    }
    Ok(value)
}

/// Reads the requirements object through the crate's `Deserialize` (keys, lookups, checks and
/// messages); throws a `RangeError` with the crate's message.
fn requirements(value: JsValue) -> Result<Requirements, JsValue> {
    from_js(value).map_err(|m| js_sys::RangeError::new(&m).into())
}

/// Selects from flavor names those that satisfy the requirements object: the crate's
/// [`scs_flavor_audit::Selection`] as `{matches, rejected}`.
#[wasm_bindgen(js_name = selectNames)]
pub fn select_names(names: Vec<String>, requirements_object: JsValue) -> Result<JsValue, JsValue> {
    to_js(&scs_flavor_audit::select(
        &requirements(requirements_object)?,
        &names,
    ))
}

/// Selects from a cloud's flavor list (JSON text, as [`audit`] reads it) the flavors that
/// satisfy the requirements; throws an audit-error record for input that cannot be read.
#[wasm_bindgen(js_name = selectFlavors)]
pub fn select_flavors(json: &str, requirements_object: JsValue) -> Result<JsValue, JsValue> {
    let need = requirements(requirements_object)?;
    to_js(&scs_flavor_audit::select_flavors(&need, &flavors(json)?))
}

/// Plans the changes that make a cloud's flavor list (JSON text, as [`audit`] reads it, with
/// IDs and `Is Public` where present) pass every scs-0100 and scs-0103 test case, with
/// `options` (`{recommended, recreate, prune}`, read by the crate's `PlanOptions`): the
/// crate's [`scs_flavor_audit::Plan`] as `{changes}` plus `text` (what `scs-flavor plan`
/// prints) and `openstackScript` (`-o openstack`). Throws an audit-error record for input
/// that cannot be read (also a list without properties: `--long` forgotten), a `RangeError`
/// for bad options. No cloud is called.
#[wasm_bindgen]
pub fn plan(json: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: PlanOptions = from_js(options).map_err(|m| js_sys::RangeError::new(&m))?;
    let plan = scs_flavor_audit::plan(&flavors(json)?, options);
    let value = to_js(&plan)?;
    js_sys::Reflect::set(&value, &"text".into(), &plan.to_string().into())?;
    js_sys::Reflect::set(
        &value,
        &"openstackScript".into(),
        &plan.openstack_script().into(),
    )?;
    Ok(value)
}

/// The requirement keys that selection understands ([`Requirements::KEYS`]).
#[wasm_bindgen(js_name = requirementKeys)]
pub fn requirement_keys() -> Vec<String> {
    Requirements::KEYS
        .iter()
        .map(|k| k.key.to_string())
        .collect()
}
