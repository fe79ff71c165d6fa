//! `parse`, `check`, `check_many`, the `Result` of a check and `ParseError`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple, PyType};
use scs_flavor::{Error, Flavor, Outcome, Report, Strategy};

use crate::convert::{self, index, text, to_py};
use crate::flavor::{warnings, PyFlavor};

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `ParseError` instance for `err`, found reading `name` with `strategy`. The exception
/// class is Python's (`scs_flavor._errors`); it holds an [`ErrorDetail`] that computes its
/// message, caret line and offsets only when asked, so that raising stays cheap.
pub(crate) fn parse_error_value<'py>(
    name: &Bound<'py, PyString>,
    strategy: Strategy,
    err: Error,
) -> PyResult<Bound<'py, PyAny>> {
    let py = name.py();
    let class = PARSE_ERROR.import(py, "scs_flavor._errors", "ParseError")?;
    let detail = ErrorDetail {
        input: name.clone().unbind(),
        strategy,
        error: err,
    };
    class.call1((detail,))
}

/// The `ParseError` for `err`, to raise (see [`parse_error_value`]).
pub(crate) fn parse_error(name: &Bound<'_, PyString>, strategy: Strategy, err: Error) -> PyErr {
    match parse_error_value(name, strategy, err) {
        Ok(value) => PyErr::from_value(value),
        Err(failed) => failed,
    }
}

/// What a `ParseError` holds: the name, the strategy and the core's error; everything else
/// is computed on access.
#[pyclass(frozen, module = "scs_flavor._native", name = "_ErrorDetail")]
pub struct ErrorDetail {
    input: Py<PyString>,
    strategy: Strategy,
    error: Error,
}

impl ErrorDetail {
    fn offset(&self, py: Python<'_>, byte: usize) -> PyResult<usize> {
        let t = text(self.input.bind(py))?;
        Ok(index(&t.as_str(), byte))
    }
}

#[pymethods]
impl ErrorDetail {
    /// A stable identifier of what went wrong, e.g. `"cpu-generation"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.error.kind().code()
    }

    /// The message.
    #[getter]
    fn message(&self) -> String {
        self.error.to_string()
    }

    /// The name read.
    #[getter]
    fn input(&self, py: Python<'_>) -> Py<PyString> {
        self.input.clone_ref(py)
    }

    /// The strategy it was read with.
    #[getter]
    fn version(&self) -> &'static str {
        self.strategy.code()
    }

    /// Index of the first offending character in `input`.
    #[getter]
    fn start(&self, py: Python<'_>) -> PyResult<usize> {
        self.offset(py, self.error.start())
    }

    /// Index just past the offending part.
    #[getter]
    fn end(&self, py: Python<'_>) -> PyResult<usize> {
        self.offset(py, self.error.end())
    }

    /// The name, a caret line under the offending part and the message: the core's
    /// rendering (a long name is cut to a window around the part, `…` marking the cuts).
    #[getter]
    fn rendered(&self, py: Python<'_>) -> PyResult<String> {
        let t = text(self.input.bind(py))?;
        Ok(self.error.render(&t.as_str()).to_string())
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let again = py
            .import(intern!(py, "scs_flavor._native"))?
            .getattr(intern!(py, "_error_detail"))?;
        (again, (self.input.clone_ref(py), self.strategy.code())).into_pyobject(py)
    }
}

/// Unpickles an `_ErrorDetail`: reads `name` with `version` again.
#[pyfunction]
pub(crate) fn _error_detail(
    name: &Bound<'_, PyString>,
    version: &Bound<'_, PyAny>,
) -> PyResult<ErrorDetail> {
    let strategy = convert::strategy(Some(version))?;
    let t = text(name)?;
    match strategy.parse(&t.as_str()) {
        Ok(_) => Err(PyValueError::new_err("not an invalid name")),
        Err(error) => Ok(ErrorDetail {
            input: name.clone().unbind(),
            strategy,
            error,
        }),
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
pub(crate) fn parse(
    name: &Bound<'_, PyString>,
    version: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFlavor> {
    let strategy = convert::strategy(version)?;
    let t = text(name)?;
    let input = t.as_str();
    match strategy.parse(&input) {
        Ok(p) => Ok(PyFlavor::parsed(p.flavor(), name, strategy)),
        Err(e) => Err(parse_error(name, strategy, e)),
    }
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
    fn status(&self) -> &'static str {
        match self.stored {
            Stored::NotScs => "not-scs",
            Stored::Valid { .. } => "valid",
            Stored::Invalid(_) => "invalid",
        }
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
            Stored::Invalid(e) => {
                let value = parse_error_value(self.input.bind(py), self.strategy, e)?;
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
