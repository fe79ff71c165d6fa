//! `audit` and `select`: the `scs-flavor-audit` crate seen from Python.
//!
//! Only conversion: JSON text or Python data (read by [`Data`]) to the crate's flavors, the
//! requirements to its typed `Requirements` (its `Deserialize` validates them), and its
//! results to their serde output, their text and (for matches) the excess in words. The
//! typed, picklable result classes are made from that in `scs_flavor/_audit.py`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use scs_flavor_audit::{flavors_from_value, parse_flavors, CloudFlavor, Requirements};

use crate::convert::{error, text, to_py, Data};

/// A cloud's flavors from JSON text (`str`) or decoded JSON (lists, dicts), read by the audit
/// crate's one reader: what `audit`, `select` and `plan` take.
pub(crate) fn cloud(flavors: &Bound<'_, PyAny>) -> PyResult<Vec<CloudFlavor>> {
    let read = match flavors.cast::<PyString>() {
        Ok(s) => parse_flavors(&text(s)?.as_str()),
        Err(_) => flavors_from_value(&Data::read::<serde_json::Value>(flavors)?),
    };
    read.map_err(|e| error(flavors.py(), e.to_string(), &e))
}

/// What `_audit` returns: the report as data, the text report, and (fix script, summary
/// line, certified).
type AuditOutput<'py> = (Bound<'py, PyAny>, String, (String, String, bool));

/// Audits a flavor list: `(report as data, text report, (fix script, summary line,
/// certified))`.
#[pyfunction]
pub(crate) fn _audit<'py>(flavors: &Bound<'py, PyAny>) -> PyResult<AuditOutput<'py>> {
    let audit = scs_flavor_audit::audit(&cloud(flavors)?);
    Ok((
        to_py(flavors.py(), &audit)?,
        audit.to_string(),
        (
            audit.fix_script(),
            audit.summary(),
            audit.exit_status() == 0,
        ),
    ))
}

/// Selects from a list of names (`str`) or a flavor list by `requirements`:
/// `(selection as data, text, the excess of each match in words)`.
#[pyfunction]
pub(crate) fn _select<'py>(
    candidates: &Bound<'py, PyAny>,
    requirements: &Bound<'py, PyDict>,
) -> PyResult<(Bound<'py, PyAny>, String, Vec<String>)> {
    let req: Requirements = Data::read(requirements.as_any())?;
    let names = candidates
        .cast::<PyList>()
        .ok()
        .filter(|l| l.iter().all(|n| n.is_instance_of::<PyString>()));
    let selection = match names {
        Some(list) => {
            let names: Vec<String> = list.extract()?;
            scs_flavor_audit::select(&req, &names)
        }
        None => scs_flavor_audit::select_flavors(&req, &cloud(candidates)?),
    };
    let summaries = selection
        .matches
        .iter()
        .map(|m| m.excess.to_string())
        .collect();
    Ok((
        to_py(candidates.py(), &selection)?,
        selection.to_string(),
        summaries,
    ))
}

/// The keys `select` accepts: those of `Requirements::KEYS`.
pub(crate) fn requirement_keys() -> Vec<&'static str> {
    Requirements::KEYS.iter().map(|k| k.key).collect()
}
