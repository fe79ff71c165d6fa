//! Conversions shared by the module: Python `str` to Rust text, byte offsets to `str`
//! indices, `version` to a strategy, Python data to any `serde::Deserialize` type ([`Data`])
//! and any `serde::Serialize` value to Python data ([`to_py`]), and the core's errors to
//! `scs_flavor.Error`.

use std::borrow::Cow;
use std::fmt;

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use scs_flavor::Strategy;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

/// The UTF-8 text of a Python `str`: CPython's own UTF-8 form of it, cached in the `str`
/// (for an ASCII `str` its data itself), so no copy is made.
///
/// A `str` holding lone surrogates (which UTF-8 cannot encode) is read with each of them as
/// U+FFFD, one character per code point, so that character offsets stay those of the Python
/// string; no flavor name contains one, so such a name is simply invalid or not SCS.
pub(crate) fn text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Text<'a>> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str`; CPython returns its UTF-8 form (owned by the `str`, which
    // is immutable and outlives the borrow `'a`) and sets `size`, or NULL with an exception
    // set. The function is exported by every CPython 3 (in the stable ABI from 3.10 on).
    let data = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if data.is_null() {
        drop(PyErr::take(s.py()));
        return lossy(s).map(|t| Text(Cow::Owned(t)));
    }
    let len = usize::try_from(size).unwrap_or(0);
    // SAFETY: `data` points at `size` bytes that live as long as `s` (see above).
    let bytes = unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) };
    // Valid UTF-8 from CPython: checked again (cheap) rather than trusted.
    Ok(Text(String::from_utf8_lossy(bytes)))
}

extern "C" {
    /// `PyUnicode_AsUTF8AndSize`, which pyo3-ffi declares under abi3 only from Python 3.10.
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut ffi::PyObject,
        size: *mut ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

/// The text of a Python `str` (see [`text`]).
pub(crate) struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    /// The text.
    pub(crate) fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
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

/// The strategy named by `version` (`None`: `v3`), by the core's lookup rule.
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
    text(s)?
        .as_str()
        .parse::<Strategy>()
        .map_err(|e| core_error(s.py(), e))
}

/// The name of the type of `value`, for messages.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

static ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `scs_flavor.Error(message, data)`: an error of a crate about a value (not a name), with
/// the crate's serde form of it (`{kind, message, field, …}`) as `data`.
pub(crate) fn error<T: Serialize + ?Sized>(py: Python<'_>, message: String, data: &T) -> PyErr {
    let raised = ERROR
        .import(py, "scs_flavor._errors", "Error")
        .and_then(|class| {
            let data = to_py(py, data)?;
            Ok(PyErr::from_value(class.call1((message, data))?))
        });
    raised.unwrap_or_else(|failed| failed)
}

/// The core's error `e` as `scs_flavor.Error`.
pub(crate) fn core_error(py: Python<'_>, e: scs_flavor::Error) -> PyErr {
    error(py, e.to_string(), &e)
}

/// A message that serde made of a crate's error: its field is the property path the message
/// starts with (the crates write `path: message`), else the keys it was found at (`path`);
/// its kind is not known.
fn serde_error(py: Python<'_>, message: String, path: &[String]) -> PyErr {
    let field = match message.split_once(": ") {
        Some((p, _))
            if p.bytes()
                .all(|b| b.is_ascii_lowercase() || b"0123456789_.".contains(&b)) =>
        {
            p.to_string()
        }
        _ => path.join("."),
    };
    let mut data = serde_json::json!({ "message": message });
    if !field.is_empty() {
        data["field"] = field.into();
    }
    error(py, message, &data)
}

/// Any `Serialize` value as Python data (pythonize: structs and maps as dicts in their
/// order, sequences as lists).
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// Deepest nesting read from Python data (a list that contains itself must not recurse for
/// ever).
const MAX_DEPTH: usize = 32;

/// Python data (`None`, `bool`, `int`, `float`, `str`, `dict`, `list`, `tuple`, and the part
/// classes as their properties) as a serde `Deserializer`: the one way Python values reach
/// the crates' `Deserialize` impls, which decide what they accept and with which message.
pub(crate) struct Data<'a, 'py> {
    pub(crate) value: &'a Bound<'py, PyAny>,
    pub(crate) depth: usize,
}

/// A message from a `Deserialize` impl (or about a Python value serde cannot take), and the
/// keys of the dicts it was found in, innermost last.
#[derive(Debug)]
pub(crate) struct DeError(pub(crate) String, Vec<String>);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string(), Vec::new())
    }
}

impl DeError {
    /// The refusal as `scs_flavor.Error`.
    pub(crate) fn into_py_err(self, py: Python<'_>) -> PyErr {
        serde_error(py, self.0, &self.1)
    }
}

fn py_err(e: PyErr) -> DeError {
    DeError(e.to_string(), Vec::new())
}

impl<'a, 'py> Data<'a, 'py> {
    /// Reads `value` into `T`; a refusal becomes `scs_flavor.Error` with the crate's message.
    pub(crate) fn read<T: de::DeserializeOwned>(value: &'a Bound<'py, PyAny>) -> PyResult<T> {
        T::deserialize(Data::new(value)).map_err(|e| e.into_py_err(value.py()))
    }

    /// `value` as a serde `Deserializer`.
    pub(crate) fn new(value: &'a Bound<'py, PyAny>) -> Self {
        Data { value, depth: 0 }
    }

    fn child<'b>(&self, value: &'b Bound<'py, PyAny>) -> Data<'b, 'py> {
        Data {
            value,
            depth: self.depth + 1,
        }
    }
}

struct Items<'a, 'py> {
    items: Vec<Bound<'py, PyAny>>,
    at: usize,
    parent: &'a Data<'a, 'py>,
}

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(item) = self.items.get(self.at) else {
            return Ok(None);
        };
        self.at += 1;
        seed.deserialize(self.parent.child(item)).map(Some)
    }
}

struct Entries<'a, 'py> {
    items: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    at: usize,
    parent: &'a Data<'a, 'py>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((k, _)) = self.items.get(self.at) else {
            return Ok(None);
        };
        seed.deserialize(self.parent.child(k)).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (k, v) = &self.items[self.at];
        self.at += 1;
        seed.deserialize(self.parent.child(v)).map_err(|mut e| {
            e.1.insert(0, k.str().map_or_else(|_| String::new(), |k| k.to_string()));
            e
        })
    }
}

impl<'de> de::Deserializer<'de> for Data<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let v = self.value;
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format!(
                "nested more than {MAX_DEPTH} levels deep"
            )));
        }
        if v.is_none() {
            return visitor.visit_unit();
        }
        if let Ok(b) = v.cast::<PyBool>() {
            return visitor.visit_bool(b.is_true());
        }
        if v.is_instance_of::<PyInt>() {
            if let Ok(u) = v.extract::<u64>() {
                return visitor.visit_u64(u);
            }
            if let Ok(i) = v.extract::<i64>() {
                return visitor.visit_i64(i);
            }
            // Beyond 64 bits: as a float, infinite beyond a float's range.
            let negative = v.lt(0).map_err(py_err)?;
            let f = v.extract::<f64>().unwrap_or(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
            return visitor.visit_f64(f);
        }
        if let Ok(f) = v.cast::<PyFloat>() {
            return visitor.visit_f64(f.value());
        }
        if let Ok(s) = v.cast::<PyString>() {
            return visitor.visit_str(&text(s).map_err(py_err)?.as_str());
        }
        if let Ok(d) = v.cast::<PyDict>() {
            let items = d.iter().collect();
            return visitor.visit_map(Entries {
                items,
                at: 0,
                parent: &self,
            });
        }
        if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
            let items = v.try_iter().and_then(|i| i.collect()).map_err(py_err)?;
            return visitor.visit_seq(Items {
                items,
                at: 0,
                parent: &self,
            });
        }
        if let Some(props) = crate::flavor::part_properties(v) {
            return self.child(props.as_any()).deserialize_any(visitor);
        }
        Err(de::Error::custom(format!(
            "expected JSON-like data (str, int, float, bool, None, list or dict), found a Python {}",
            type_name(v)
        )))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.value.is_none() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
