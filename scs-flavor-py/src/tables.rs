//! The core's tables, for `scs_flavor.tables`: the one export and the one lookup rule.

use pyo3::prelude::*;
use scs_flavor::{tables, ErrorKind};

use crate::convert::{error, to_py};

/// The core's `tables::Export`: `{"tables": [...], "standard_flavors": [...], "fields": [...]}`.
#[pyfunction]
pub(crate) fn _tables(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &tables::Export)
}

/// The code of the row of table `table` (an id such as `"cpu-type"`) that `text` names, by the
/// core's lookup rule; `scs_flavor.Error` (kind `"unknown-value"`) if there is none.
#[pyfunction]
pub(crate) fn _lookup(py: Python<'_>, table: &str, text: &str) -> PyResult<&'static str> {
    let Some(t) = tables::table(table) else {
        let message = format!("no table {table:?}");
        return Err(error(
            py,
            message.clone(),
            &serde_json::json!({ "message": message }),
        ));
    };
    match t.lookup(text) {
        Some(e) => Ok(e.code),
        None => {
            let kind = ErrorKind::Unknown { table: t };
            let data = serde_json::json!({ "kind": kind.code(), "message": kind.to_string() });
            Err(error(py, kind.to_string(), &data))
        }
    }
}
