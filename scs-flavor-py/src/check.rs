//! `parse`, `check`, `check_many`, the `Result` of a check and `ParseError`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyType};
use scs_flavor::{Error, Flavor, Outcome, Report, Strategy};

use crate::convert::{self, index, text, to_py};
use crate::flavor::{warnings, PyFlavor};

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `ParseError` of `name` read with `strategy`: `ParseError(name, version)`, a class of
/// Python's (`scs_flavor._errors`) that asks [`_error_detail`] for its kind, message and
/// offsets only when they are read, so that raising stays cheap.
pub(crate) fn parse_error_value<'py>(
    name: &Bound<'py, PyString>,
    strategy: Strategy,
) -> PyResult<Bound<'py, PyAny>> {
    let py = name.py();
    let class = PARSE_ERROR.import(py, "scs_flavor._errors", "ParseError")?;
    class.call1((name, PyString::intern(py, strategy.code())))
}

/// The `ParseError` of `name` read with `strategy`, to raise (see [`parse_error_value`]).
pub(crate) fn parse_error(name: &Bound<'_, PyString>, strategy: Strategy) -> PyErr {
    match parse_error_value(name, strategy) {
        Ok(value) => PyErr::from_value(value),
        Err(failed) => failed,
    }
}

/// What `ParseError(name, version)` shows: `(kind, message, start, end, rendered)`, the
/// core's error of `name` read with `version` (offsets as `str` indices; `rendered` is the
/// name, a caret line under the offending part and the message, cut to a window for a long
/// name). `ValueError` if the name is valid.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub(crate) fn _error_detail(
    name: &Bound<'_, PyString>,
    version: &Bound<'_, PyAny>,
) -> PyResult<(&'static str, String, usize, usize, String)> {
    let strategy = convert::strategy(Some(version))?;
    let t = text(name)?;
    let input = t.as_str();
    match strategy.parse(&input) {
        Ok(_) => Err(PyValueError::new_err("not an invalid name")),
        Err(e) => {
            let (start, end) = (index(&input, e.start()), index(&input, e.end()));
            let rendered = e.render(&input).to_string();
            Ok((e.kind().code(), e.to_string(), start, end, rendered))
        }
    }
}

/// The raise-free part of a check: what the strategy made of the name.
#[derive(Clone, Copy, Debug)]
enum Stored {
    NotScs,
    Valid { flavor: Flavor, tolerated: bool },
    Invalid(Error),
}

impl From<Outcome<'_>> for Stored {
    fn from(o: Outcome<'_>) -> Self {
        match o {
            Outcome::NotScs => Stored::NotScs,
            Outcome::Valid(p) => Stored::Valid {
                flavor: p.flavor(),
                tolerated: p.is_tolerated(),
            },
            Outcome::Invalid(e) => Stored::Invalid(e),
        }
    }
}

/// Reads `name` (`version`: `"v3"` by default) and returns the flavor.
///
/// Raises `ParseError` for an invalid name and for a name that is not an SCS flavor name at
/// all (kind `"not-scs"`), `TypeError` if `name` is not a `str`, `ValueError` for an unknown
/// `version`.
#[pyfunction]
#[pyo3(signature = (name, version = None), text_signature = "(name, version='v3')")]
pub(crate) fn parse<'py>(
    name: &Bound<'py, PyString>,
    version: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyFlavor>> {
    let strategy = convert::strategy(version)?;
    let t = text(name)?;
    let flavor = match strategy.parse(&t.as_str()) {
        Ok(p) => p.flavor(),
        Err(_) => return Err(parse_error(name, strategy)),
    };
    let made = Bound::new(name.py(), PyFlavor::parsed(flavor, name, strategy))?;
    untrack(&made);
    Ok(made)
}

/// A no-op with the shape of `parse` for the benchmark's limit: takes a `str`, returns a
/// small new object (holding it), or raises `ParseError` with `raise_=True`.
#[pyfunction]
#[pyo3(signature = (name, raise_ = false))]
pub(crate) fn _noop<'py>(name: &Bound<'py, PyString>, raise_: bool) -> PyResult<Bound<'py, Noop>> {
    let py = name.py();
    if raise_ {
        let class = PARSE_ERROR.import(py, "scs_flavor._errors", "ParseError")?;
        return Err(PyErr::from_value(class.call1((name, intern!(py, "v3")))?));
    }
    let made = Bound::new(
        py,
        Noop {
            input: name.clone().unbind(),
        },
    )?;
    untrack(&made);
    Ok(made)
}

/// A no-op with the shape of `check_many` for the benchmark's limit: one [`Noop`] per `str`.
#[pyfunction]
pub(crate) fn _noop_many<'py>(names: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
    let mut made = Vec::with_capacity(names.len());
    for name in names.iter() {
        made.push(_noop(name.cast::<PyString>()?, false)?);
    }
    PyList::new(names.py(), made)
}

/// What [`_noop`] returns.
#[pyclass(frozen, get_all, module = "scs_flavor._native", name = "_Noop")]
pub struct Noop {
    /// The `str` it was given.
    input: Py<PyString>,
}

/// Checks `name` as the official checker's `cli.py parse VERSION` does; never raises for
/// any `str`.
#[pyfunction]
#[pyo3(signature = (name, version = None), text_signature = "(name, version='v3')")]
pub(crate) fn check<'py>(
    name: &Bound<'py, PyString>,
    version: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, CheckResult>> {
    let strategy = convert::strategy(version)?;
    CheckResult::create(name, strategy)
}

/// Checks every name of `names` (any iterable of `str`) in one call.
#[pyfunction]
#[pyo3(signature = (names, version = None), text_signature = "(names, version='v3')")]
pub(crate) fn check_many<'py>(
    names: &Bound<'py, PyAny>,
    version: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = names.py();
    let strategy = convert::strategy(version)?;
    if names.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "names: expected an iterable of str, not a str (use check() for one name)",
        ));
    }
    let one = |item: &Bound<'py, PyAny>| -> PyResult<Bound<'py, CheckResult>> {
        let Ok(name) = item.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "names: expected str items, not {}",
                convert::type_name(item)
            )));
        };
        CheckResult::create(name, strategy)
    };
    let mut results = Vec::with_capacity(names.len().unwrap_or(0));
    if let Ok(list) = names.cast::<PyList>() {
        for item in list.iter() {
            results.push(one(&item)?);
        }
    } else {
        for item in names.try_iter()? {
            results.push(one(&item?)?);
        }
    }
    PyList::new(py, results)
}

/// The result of checking one name (see `check`).
#[pyclass(frozen, module = "scs_flavor", name = "Result")]
pub struct CheckResult {
    input: Py<PyString>,
    strategy: Strategy,
    stored: Stored,
}

impl CheckResult {
    /// The `Result` of checking `name`, as a Python object that the cycle collector does not
    /// track (see [`untrack`]).
    fn create<'py>(
        name: &Bound<'py, PyString>,
        strategy: Strategy,
    ) -> PyResult<Bound<'py, CheckResult>> {
        let t = text(name)?;
        let stored = strategy.check(&t.as_str()).into();
        let result = Bound::new(
            name.py(),
            CheckResult {
                input: name.clone().unbind(),
                strategy,
                stored,
            },
        )?;
        untrack(&result);
        Ok(result)
    }
}

/// Takes a new object of a `#[pyclass]` without `__traverse__` out of Python's cycle
/// collector. pyo3 makes every class garbage-collected, but such a class's `tp_traverse`
/// reports none of its fields (only its own class, which the module keeps alive anyway), so
/// the collector can never find a cycle through it: it only pays for visiting it. For the thousands of results of one `check_many` call, the
/// generation-0 collections they set off cost about a fifth of the time per name. (CPython
/// likewise untracks tuples and dicts that hold only atomic values.)
pub(crate) fn untrack<T: pyo3::PyClass>(object: &Bound<'_, T>) {
    // SAFETY: `object` is a live, GC-allocated object (every pyo3 class is); untracking is
    // allowed at any time, and pyo3's `tp_dealloc` calls `PyObject_GC_UnTrack`, which
    // accepts an untracked object. The collector loses nothing: the class reports no
    // references to it (see above).
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(object.as_ptr().cast()) };
}

#[pymethods]
impl CheckResult {
    /// The name as given.
    #[getter]
    fn input(&self, py: Python<'_>) -> Py<PyString> {
        self.input.clone_ref(py)
    }

    /// The strategy the name was checked with (`"v3"`, `"v2/v1"`, …).
    #[getter]
    fn version(&self) -> &'static str {
        self.strategy.code()
    }

    /// `"valid"`, `"invalid"` or `"not-scs"`.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        match self.stored {
            Stored::NotScs => intern!(py, "not-scs"),
            Stored::Valid { .. } => intern!(py, "valid"),
            Stored::Invalid(_) => intern!(py, "invalid"),
        }
        .clone()
    }

    /// Whether the name is valid only in the strategy's tolerated syntax (a warning says so).
    #[getter]
    fn tolerated(&self) -> bool {
        matches!(
            self.stored,
            Stored::Valid {
                tolerated: true,
                ..
            }
        )
    }

    /// The flavor of a valid name, else `None`.
    #[getter]
    fn flavor(&self, py: Python<'_>) -> Option<PyFlavor> {
        match self.stored {
            Stored::Valid { flavor, .. } => {
                Some(PyFlavor::parsed(flavor, self.input.bind(py), self.strategy))
            }
            _ => None,
        }
    }

    /// The `ParseError` of an invalid name (not raised), else `None`.
    #[getter]
    fn error(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.stored {
            Stored::Invalid(_) => {
                let value = parse_error_value(self.input.bind(py), self.strategy)?;
                Ok(Some(value.unbind()))
            }
            _ => Ok(None),
        }
    }

    /// The warnings on a valid name (empty otherwise).
    #[getter]
    fn warnings(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        match self.stored {
            Stored::Valid { .. } => warnings(self.input.bind(py), self.strategy),
            _ => Ok(PyList::empty(py).unbind()),
        }
    }

    /// The result as the JSON object that `scs-flavor parse -o json` prints for the name
    /// (offsets there are UTF-8 byte offsets).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let t = text(self.input.bind(py))?;
        let input = t.as_str();
        serde_json::to_string(&Report::new(&input, self.strategy))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The same as `to_json()`, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = text(self.input.bind(py))?;
        to_py(py, &Report::new(&t.as_str(), self.strategy))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let input = self.input.bind(py).repr()?;
        Ok(match self.stored {
            Stored::Valid { flavor, .. } => format!("<Result valid {input}: {flavor}>"),
            Stored::Invalid(e) => format!("<Result invalid {input}: {e}>"),
            Stored::NotScs => format!("<Result not-scs {input}>"),
        })
    }
}
