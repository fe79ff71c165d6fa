//! Conversions shared by the module: Python `str` to Rust text, byte offsets to `str`
//! indices, `version` to a strategy, and the checks on builder arguments that happen before
//! the core sees them (types, letters, 32-bit range).

use std::borrow::Cow;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyInt, PyString};
use scs_flavor::tables::Entry;
use scs_flavor::{BuildError, ErrorKind, Field, Strategy};

/// The UTF-8 text of a Python `str`.
///
/// A `str` holding lone surrogates (which UTF-8 cannot encode) is read with each of them as
/// U+FFFD, one character per code point, so that character offsets stay those of the Python
/// string; no flavor name contains one, so such a name is simply invalid or not SCS.
pub(crate) fn text<'py>(s: &Bound<'py, PyString>) -> PyResult<Text<'py>> {
    match s.encode_utf8() {
        Ok(bytes) => Ok(Text::Bytes(bytes)),
        Err(_) => lossy(s).map(Text::Owned),
    }
}

/// Text borrowed from an encoded Python `str`, or rebuilt where it held surrogates.
pub(crate) enum Text<'py> {
    /// The UTF-8 encoding made by Python (only ever made by [`text`]).
    Bytes(Bound<'py, PyBytes>),
    /// Rebuilt with U+FFFD for lone surrogates.
    Owned(String),
}

impl Text<'_> {
    /// The text.
    pub(crate) fn as_str(&self) -> Cow<'_, str> {
        match self {
            // Python's strict UTF-8 encoder made these bytes, so they are valid; checking
            // again costs a few per cent of `check_many`, which is not worth `unsafe`.
            Text::Bytes(b) => String::from_utf8_lossy(b.as_bytes()),
            Text::Owned(s) => Cow::Borrowed(s.as_str()),
        }
    }
}

#[cold]
fn lossy(s: &Bound<'_, PyString>) -> PyResult<String> {
    let py = s.py();
    let encoded = s.call_method1(intern!(py, "encode"), ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast_into::<PyBytes>()?;
    Ok(bytes
        .as_bytes()
        .chunks_exact(4)
        .map(|c| {
            let code = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// The index in the Python `str` of byte offset `byte` of its UTF-8 text.
pub(crate) fn index(text: &str, byte: usize) -> usize {
    match text.get(..byte) {
        Some(head) if head.is_ascii() => byte,
        Some(head) => head.chars().count(),
        None => text.chars().count(),
    }
}

/// The strategy named by `version` (`None`: `v3`).
pub(crate) fn strategy(version: Option<&Bound<'_, PyAny>>) -> PyResult<Strategy> {
    let Some(version) = version else {
        return Ok(Strategy::V3);
    };
    let Ok(s) = version.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "version: expected a str, not {}",
            type_name(version)
        )));
    };
    let text = text(s)?;
    let parsed = text.as_str().parse::<Strategy>();
    parsed.map_err(|e| PyValueError::new_err(format!("version: {e}")))
}

/// The name of the type of `value`, for messages.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// The value of a table-backed letter, given by its code (`"V"`) or its name
/// (`"shared-core"`).
pub(crate) fn letter<T: Copy>(
    value: &Bound<'_, PyAny>,
    field: &str,
    all: &'static [T],
    entry: fn(T) -> &'static Entry,
) -> PyResult<T> {
    let Ok(s) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected a str, not {}",
            type_name(value)
        )));
    };
    let text = text(s)?;
    let text = text.as_str();
    let found = all
        .iter()
        .copied()
        .find(|&x| entry(x).code == text || entry(x).name == text);
    found.ok_or_else(|| {
        let codes: Vec<&str> = all.iter().map(|&x| entry(x).code).collect();
        let repr = value
            .repr()
            .map_or_else(|_| String::from("?"), |r| r.to_string());
        PyValueError::new_err(format!(
            "{field}: expected one of {}, not {repr}",
            codes.join(", ")
        ))
    })
}

/// An optional letter: `None` stays `None`.
pub(crate) fn opt_letter<T: Copy>(
    value: Option<&Bound<'_, PyAny>>,
    field: &str,
    all: &'static [T],
    entry: fn(T) -> &'static Entry,
) -> PyResult<Option<T>> {
    match value {
        Some(v) if !v.is_none() => letter(v, field, all, entry).map(Some),
        _ => Ok(None),
    }
}

/// A count as the core's builder takes it: a Python `int` (not `bool`) from 0 to 2^32−1.
/// 0 is left for the core to refuse; negatives and larger values are refused here, with the
/// core's message for the latter.
pub(crate) fn count(value: &Bound<'_, PyAny>, field: &'static str, what: Field) -> PyResult<u32> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected an int, not {}",
            type_name(value)
        )));
    }
    if value.lt(0)? {
        return Err(negative(field, what, value));
    }
    match value.extract::<u32>() {
        Ok(n) => Ok(n),
        Err(_) => Err(PyValueError::new_err(
            BuildError {
                field,
                kind: ErrorKind::TooLarge { field: what },
            }
            .to_string(),
        )),
    }
}

/// An optional small number (a generation, a number of `h`): a Python `int`; a negative or
/// huge one is refused with the core's message for a value out of range, `kind`.
pub(crate) fn small(
    value: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    kind: ErrorKind,
) -> PyResult<Option<u32>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected an int, not {}",
            type_name(value)
        )));
    }
    match value.extract::<u32>() {
        Ok(n) => Ok(Some(n)),
        Err(_) => Err(build_error(BuildError { field, kind })),
    }
}

/// An optional count: `None` stays `None`.
pub(crate) fn opt_count(
    value: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    what: Field,
) -> PyResult<Option<u32>> {
    match value {
        Some(v) if !v.is_none() => count(v, field, what).map(Some),
        _ => Ok(None),
    }
}

/// The error for a negative number, worded like the core's error for 0.
pub(crate) fn negative(field: &str, what: Field, value: &Bound<'_, PyAny>) -> PyErr {
    let shown = value
        .str()
        .map_or_else(|_| String::from("?"), |s| s.to_string());
    PyValueError::new_err(format!(
        "{field}: {} must be positive, not {shown}",
        what.name()
    ))
}

/// The core's builder error as a Python `ValueError` (`"field: message"`).
pub(crate) fn build_error(e: BuildError) -> PyErr {
    PyValueError::new_err(e.to_string())
}
