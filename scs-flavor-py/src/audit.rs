//! `audit` and `select`: the `scs-flavor-audit` crate seen from Python.
//!
//! This module only converts: Python input to the crate's [`CloudFlavor`]s (JSON text through
//! `parse_flavors`, Python objects through a JSON value and `flavors_from_value`, so that the
//! crate's reading and its `InputError` messages apply to every input), keyword arguments to
//! [`Requirements`] through `Requirements::set`, and the crate's results to read-only Python
//! objects. Checks, rankings, messages and fixes all come from the crate.

use pyo3::exceptions::{PyAttributeError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use scs_flavor_audit::{
    flavors_from_value, parse_flavors, Audit, CloudFlavor, Finding, Fix, InputError, Match,
    Rejection, Requirements, Selection, TestCase,
};
use serde::Serialize;
use serde_json::{Map, Number, Value};

use crate::convert::{text, type_name};
use crate::flavor::PyFlavor;

/// Deepest nesting of lists and mappings read from Python objects (a list that contains
/// itself must not recurse for ever).
const MAX_DEPTH: usize = 32;

/// The keys of a flavor entry that the crate reads (both spellings of the OpenStack client,
/// and the Nova API's `extra_specs`); other keys of a mapping are not looked at, so that they
/// may hold anything.
const ENTRY_KEYS: &[&str] = &[
    "Name",
    "name",
    "VCPUs",
    "vcpus",
    "RAM",
    "ram",
    "Disk",
    "disk",
    "Properties",
    "properties",
    "extra_specs",
];

/// The attributes read from an openstacksdk `Flavor`-like object, as the keys of the crate's
/// `openstack flavor show` form.
const ATTRIBUTES: &[&str] = &["name", "vcpus", "ram", "disk", "extra_specs"];

/// The crate's input error as a Python `ValueError`.
fn input_error(e: InputError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// Python JSON-like data as a JSON value; `Err` describes what could not be converted.
fn json(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, PyErr> {
    let unsupported = || {
        PyTypeError::new_err(format!(
            "expected JSON-like data (str, int, float, bool, None, list or mapping), found a \
             Python {}",
            type_name(value)
        ))
    };
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        let t = text(s)?;
        return Ok(Value::String(t.as_str().into_owned()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(u) = value.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        if let Ok(i) = value.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        // As JSON text would be read: a huge integer becomes a float.
        let f: f64 = value.extract().map_err(|_| unsupported())?;
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(unsupported);
    }
    if value.is_instance_of::<PyFloat>() {
        let f: f64 = value.extract()?;
        return match Number::from_f64(f) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(PyValueError::new_err(format!(
                "found {}, which JSON cannot hold",
                value.repr()?
            ))),
        };
    }
    if is_mapping(value) {
        let mut map = Map::new();
        for item in value
            .call_method0(intern!(value.py(), "items"))?
            .try_iter()?
        {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
            let Ok(k) = k.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "expected str keys, found a Python {}",
                    type_name(&k)
                )));
            };
            let key = text(k)?.as_str().into_owned();
            map.insert(key, json(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items: PyResult<Vec<Value>> = value
            .try_iter()?
            .map(|item| json(&item?, depth + 1))
            .collect();
        return items.map(Value::Array);
    }
    Err(unsupported())
}

/// Whether `value` is a mapping (a `dict`, or registered as `collections.abc.Mapping`).
fn is_mapping(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyDict>() || value.cast::<PyMapping>().is_ok()
}

/// One flavor entry as a JSON value: from a mapping, the keys the crate reads; from an object
/// with a `name` attribute (an openstacksdk `Flavor`, also when it is a `dict` subclass with
/// an `extra_specs` attribute), its attributes; anything else as JSON, for the crate to
/// refuse. A value that cannot be converted is reported like the crate's errors, naming the
/// entry and the field; exceptions raised by the objects themselves propagate.
fn entry(value: &Bound<'_, PyAny>, index: usize, top: bool) -> PyResult<Value> {
    let py = value.py();
    let mut fields: Vec<(&str, Bound<'_, PyAny>)> = Vec::new();
    // openstacksdk resources are dicts too, but may hold other keys such as `properties`
    // (which the crate would prefer to `extra_specs`): read them by their attributes.
    let sdk_like = !value.is_exact_instance_of::<PyDict>()
        && value.hasattr(intern!(py, "extra_specs"))?
        && value.hasattr(intern!(py, "name"))?;
    if is_mapping(value) && !sdk_like {
        let keys = ENTRY_KEYS.iter().chain(top.then_some(&"flavors"));
        for &key in keys {
            let key_obj = PyString::new(py, key);
            if value.contains(&key_obj)? {
                fields.push((key, value.get_item(&key_obj)?));
            }
        }
    } else if !is_scalar_or_list(value) && value.hasattr(intern!(py, "name"))? {
        for &attr in ATTRIBUTES {
            match value.getattr(attr) {
                Ok(v) => fields.push((attr, v)),
                Err(e) if e.is_instance_of::<PyAttributeError>(py) => {}
                Err(e) => return Err(e),
            }
        }
    } else if is_scalar_or_list(value) {
        // JSON-like: the crate says what it expected instead.
        return json(value, 1);
    } else {
        return Err(input_error(InputError {
            index: Some(index),
            name: None,
            field: None,
            message: format!(
                "expected a flavor (a mapping, or an object with the attributes {}), found a \
                 Python {}",
                ATTRIBUTES.join(", "),
                type_name(value)
            ),
        }));
    }
    let name = fields
        .iter()
        .find(|(k, _)| *k == "Name" || *k == "name")
        .and_then(|(_, v)| v.cast::<PyString>().ok())
        .and_then(|s| text(s).ok().map(|t| t.as_str().into_owned()));
    let mut map = Map::new();
    for (key, v) in fields {
        let converted = if key == "flavors"
            && !v.is_instance_of::<PyString>()
            && !is_mapping(&v)
            && v.try_iter().is_ok()
        {
            list(&v)
        } else {
            json(&v, 1)
        };
        let converted = converted.map_err(|e| {
            let value_error = e.is_instance_of::<PyValueError>(py);
            let ours = value_error || e.is_instance_of::<PyTypeError>(py);
            // Entries inside `flavors` name themselves.
            if !ours || (value_error && key == "flavors") {
                return e;
            }
            input_error(InputError {
                index: Some(index),
                name: name.clone(),
                field: Some(key.to_string()),
                message: error_text(py, &e),
            })
        })?;
        map.insert(key.to_string(), converted);
    }
    Ok(Value::Object(map))
}

/// The message of a conversion error.
fn error_text(py: Python<'_>, e: &PyErr) -> String {
    e.value(py)
        .str()
        .map_or_else(|_| "unreadable value".to_string(), |s| s.to_string())
}

fn is_scalar_or_list(value: &Bound<'_, PyAny>) -> bool {
    value.is_none()
        || value.is_instance_of::<PyString>()
        || value.is_instance_of::<PyInt>()
        || value.is_instance_of::<PyFloat>()
        || value.is_instance_of::<PyList>()
        || value.is_instance_of::<PyTuple>()
}

/// A list of flavor entries as a JSON array.
fn list(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut items = Vec::new();
    for (i, item) in value.try_iter()?.enumerate() {
        items.push(entry(&item?, i, false)?);
    }
    Ok(Value::Array(items))
}

/// The JSON text in `value` (`str`, `bytes` or `bytearray`), if it is text.
fn json_text(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Some(text(s)?.as_str().into_owned()));
    }
    let bytes: Option<Vec<u8>> = if let Ok(b) = value.cast::<PyBytes>() {
        Some(b.as_bytes().to_vec())
    } else if let Ok(b) = value.cast::<PyByteArray>() {
        Some(b.to_vec())
    } else {
        None
    };
    match bytes {
        None => Ok(None),
        Some(b) => String::from_utf8(b)
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("the JSON text is not UTF-8: {e}"))),
    }
}

/// A cloud's flavor list from any of the accepted inputs (see `audit`).
pub(crate) fn cloud_flavors(value: &Bound<'_, PyAny>) -> PyResult<Vec<CloudFlavor>> {
    if let Some(json_text) = json_text(value)? {
        return parse_flavors(&json_text).map_err(input_error);
    }
    let tree = if is_mapping(value) {
        entry(value, 0, true)?
    } else if value.is_none()
        || value.is_instance_of::<PyBool>()
        || value.is_instance_of::<PyInt>()
        || value.is_instance_of::<PyFloat>()
    {
        return Err(not_flavors(value));
    } else if let Ok(iter) = value.try_iter() {
        let mut items = Vec::new();
        for (i, item) in iter.enumerate() {
            items.push(entry(&item?, i, false)?);
        }
        Value::Array(items)
    } else if value.hasattr(intern!(value.py(), "name"))? {
        entry(value, 0, false)?
    } else {
        return Err(not_flavors(value));
    };
    flavors_from_value(&tree).map_err(input_error)
}

fn not_flavors(value: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "flavors: expected the JSON text of a flavor list, a list of flavors (mappings or \
         openstacksdk Flavor objects) or one flavor, not {}",
        type_name(value)
    ))
}

/// `serde_json` text of a crate value: compact, or indented by two spaces as the command
/// line prints it.
fn to_json_text<T: Serialize>(value: &T, pretty: bool) -> PyResult<String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The crate's serde form of `value` as Python data (dicts keep the field order).
fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = to_json_text(value, false)?;
    py.import(intern!(py, "json"))?
        .call_method1(intern!(py, "loads"), (text,))
}

/// The serde name of a unit enum variant (`"error"`, `"cpu-overpromise"`, `"set"`).
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// Audits a cloud's flavor list offline: scs-0100 syntax and semantics, the `scs:*` extra
/// specs, the scs-0103 standard flavors, and the `extra_specs` fixes.
#[pyfunction]
#[pyo3(signature = (flavors, /))]
pub(crate) fn audit(flavors: &Bound<'_, PyAny>) -> PyResult<AuditReport> {
    let cloud = cloud_flavors(flavors)?;
    Ok(AuditReport {
        audit: scs_flavor_audit::audit(&cloud),
    })
}

/// The result of `audit`.
#[pyclass(frozen, module = "scs_flavor", name = "AuditReport")]
pub struct AuditReport {
    audit: Audit,
}

#[pymethods]
impl AuditReport {
    /// Whether nothing fails (warnings, notes and missing recommended flavors do not count).
    #[getter]
    fn passed(&self) -> bool {
        self.audit.passed
    }

    /// The test cases in the official runner's order.
    #[getter]
    fn tests<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.audit.tests.iter().cloned().map(AuditTest))
    }

    /// Every finding: per flavor in input order, then the standard flavors'.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.audit.findings.iter().cloned().map(AuditFinding))
    }

    /// The `extra_specs` changes, by flavor in input order, then by key.
    #[getter]
    fn fixes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.audit.fixes.iter().cloned().map(AuditFix))
    }

    /// The fixes as a shell script: one `openstack flavor set/unset` command per line.
    fn fix_script(&self) -> String {
        self.audit.fix_script()
    }

    /// The report as JSON; `pretty=True` indents it as `scs-flavor audit -o json` prints it.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        to_json_text(&self.audit, pretty)
    }

    /// `to_json()` as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.audit)
    }

    /// The text report (what `scs-flavor audit` prints).
    fn __str__(&self) -> String {
        self.audit.to_string()
    }

    fn __repr__(&self) -> String {
        let failed = self
            .audit
            .tests
            .iter()
            .filter(|t| t.result == scs_flavor_audit::Status::Fail)
            .count();
        format!(
            "<AuditReport {}: {} tests, {failed} failing, {} findings, {} fixes>",
            if self.audit.passed {
                "passed"
            } else {
                "failed"
            },
            self.audit.tests.len(),
            self.audit.findings.len(),
            self.audit.fixes.len()
        )
    }
}

/// One test case of an audit and its result.
#[pyclass(frozen, module = "scs_flavor", name = "AuditTest")]
pub struct AuditTest(TestCase);

#[pymethods]
impl AuditTest {
    /// The test case id, e.g. `"scs-0103-flavor-2v-4-20s"`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// `"PASS"` or `"FAIL"`.
    #[getter]
    fn result(&self) -> String {
        self.0.result.to_string()
    }

    /// Whether certification requires it.
    #[getter]
    fn mandatory(&self) -> bool {
        self.0.mandatory
    }

    /// Whether the official runner has this test case.
    #[getter]
    fn official(&self) -> bool {
        self.0.official
    }

    /// `ID: PASS` or `ID: FAIL`, the official runner's line.
    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<AuditTest {}>", self.0)
    }
}

/// One reason of an audit: flavor, test case, severity, kind, message.
#[pyclass(frozen, module = "scs_flavor", name = "Finding")]
pub struct AuditFinding(Finding);

#[pymethods]
impl AuditFinding {
    /// The flavor's name (for a missing standard flavor: its standard name).
    #[getter]
    fn flavor(&self) -> &str {
        &self.0.flavor
    }

    /// The test case it belongs to.
    #[getter]
    fn test(&self) -> &str {
        &self.0.test
    }

    /// `"error"`, `"warning"` or `"note"`.
    #[getter]
    fn severity(&self) -> String {
        self.0.severity.to_string()
    }

    /// A stable identifier, e.g. `"ram-overpromise"`.
    #[getter]
    fn kind(&self) -> String {
        serde_name(&self.0.kind)
    }

    /// An English sentence.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// `severity [test]: message`, as in the text report.
    fn __str__(&self) -> String {
        format!("{} [{}]: {}", self.0.severity, self.0.test, self.0.message)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {} {:?}: {}>",
            self.0.severity,
            serde_name(&self.0.kind),
            self.0.flavor,
            self.0.message
        )
    }
}

/// One `extra_specs` change, with its ready-to-run command.
#[pyclass(frozen, module = "scs_flavor", name = "Fix")]
pub struct AuditFix(Fix);

#[pymethods]
impl AuditFix {
    /// The flavor's name.
    #[getter]
    fn flavor(&self) -> &str {
        &self.0.flavor
    }

    /// `"set"` or `"unset"`.
    #[getter]
    fn action(&self) -> String {
        serde_name(&self.0.action)
    }

    /// The extra spec's key.
    #[getter]
    fn key(&self) -> &str {
        &self.0.key
    }

    /// The value to set (`None` for `"unset"`).
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }

    /// The `openstack flavor set/unset` command line, shell-quoted.
    #[getter]
    fn command(&self) -> &str {
        &self.0.command
    }

    fn __str__(&self) -> String {
        self.0.command.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Fix {}>", self.0.command)
    }
}

/// The keys `select` accepts: `Requirements::KEYS`.
pub(crate) fn requirement_keys() -> Vec<&'static str> {
    Requirements::KEYS.to_vec()
}

/// Requirements from keyword arguments, each through `Requirements::set`; `None` means no
/// requirement.
fn requirements(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Requirements> {
    let mut req = Requirements::default();
    let Some(kwargs) = kwargs else {
        return Ok(req);
    };
    for (k, v) in kwargs.iter() {
        let key: String = k.extract()?;
        let known = Requirements::KEYS.contains(&key.as_str());
        if v.is_none() && known {
            continue;
        }
        let value = if let Ok(b) = v.cast::<PyBool>() {
            if b.is_true() { "true" } else { "false" }.to_string()
        } else if let Ok(s) = v.cast::<PyString>() {
            text(s)?.as_str().into_owned()
        } else if v.is_instance_of::<PyInt>() || v.is_instance_of::<PyFloat>() {
            v.str()?.to_string()
        } else if known {
            return Err(PyTypeError::new_err(format!(
                "{key}: expected a str, int, float, bool or None, not {}",
                type_name(&v)
            )));
        } else {
            String::new()
        };
        if let Err(message) = req.set(&key, &value) {
            return Err(if known {
                PyValueError::new_err(message)
            } else {
                PyTypeError::new_err(message)
            });
        }
    }
    Ok(req)
}

/// Selects the flavors that satisfy the requirements, cheapest (least over-provisioned)
/// first, and says why each other one fails.
#[pyfunction]
#[pyo3(signature = (names_or_flavors, /, **requirements))]
pub(crate) fn select(
    names_or_flavors: &Bound<'_, PyAny>,
    requirements: Option<&Bound<'_, PyDict>>,
) -> PyResult<PySelection> {
    let req = self::requirements(requirements)?;
    let value = names_or_flavors;
    let selection = if let Some(json_text) = json_text(value)? {
        if !json_text.trim_start().starts_with(['[', '{']) {
            return Err(PyTypeError::new_err(
                "names_or_flavors: a str is read as the JSON text of a flavor list; pass a \
                 list of names to choose among names",
            ));
        }
        let cloud = parse_flavors(&json_text).map_err(input_error)?;
        scs_flavor_audit::select_flavors(&req, &cloud)
    } else if is_mapping(value) {
        scs_flavor_audit::select_flavors(&req, &cloud_flavors(value)?)
    } else {
        let items: Vec<Bound<'_, PyAny>> = match value.try_iter() {
            Ok(iter) => iter.collect::<PyResult<_>>()?,
            Err(_) => return Err(not_flavors(value)),
        };
        if items.iter().all(|i| i.is_instance_of::<PyString>()) {
            let mut names = Vec::with_capacity(items.len());
            for item in &items {
                names.push(text(item.cast::<PyString>()?)?.as_str().into_owned());
            }
            scs_flavor_audit::select(&req, &names)
        } else {
            let list = PyList::new(value.py(), items)?;
            scs_flavor_audit::select_flavors(&req, &cloud_flavors(list.as_any())?)
        }
    };
    Ok(PySelection { selection })
}

/// The result of `select`: the matches, best first, and the rejections in input order.
#[pyclass(frozen, module = "scs_flavor", name = "Selection")]
pub struct PySelection {
    selection: Selection,
}

#[pymethods]
impl PySelection {
    /// The flavors that satisfy the requirements, cheapest first (ties by name).
    #[getter]
    fn matches<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.selection.matches.iter().cloned().map(PyMatch))
    }

    /// The flavors that do not, with the reasons, in input order.
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.selection.rejected.iter().cloned().map(PyRejection))
    }

    /// The best match, or `None`.
    #[getter]
    fn best(&self) -> Option<PyMatch> {
        self.selection.best().cloned().map(PyMatch)
    }

    /// The selection as JSON; `pretty=True` indents it as `scs-flavor select -o json` prints
    /// it.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        to_json_text(&self.selection, pretty)
    }

    /// `to_json()` as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.selection)
    }

    /// The text that `scs-flavor select` prints.
    fn __str__(&self) -> String {
        self.selection.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Selection {} matches{}, {} rejected>",
            self.selection.matches.len(),
            self.selection
                .best()
                .map_or_else(String::new, |m| format!(" (best {})", m.name)),
            self.selection.rejected.len()
        )
    }
}

/// A flavor that satisfies the requirements.
#[pyclass(frozen, module = "scs_flavor", name = "Match")]
pub struct PyMatch(Match);

#[pymethods]
impl PyMatch {
    /// The name as given (the cloud's flavor name for a flavor list).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The SCS flavor it was judged by.
    #[getter]
    fn flavor(&self) -> PyFlavor {
        PyFlavor::built(self.0.flavor)
    }

    /// The over-provisioning cost in thousandths of a vCPU: lower is better, 0 is an exact fit.
    #[getter]
    fn cost(&self) -> u64 {
        self.0.cost
    }

    /// What it offers beyond the requirements, as a dict (`vcpus`, `ram_gib`, `disk_gb`,
    /// `cpu_type_steps`, `disk_type_steps`, `extras`).
    #[getter]
    fn excess<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.excess)
    }

    /// The excess in words: `"+20 GB disk, CPU type +1"` or `"exact fit"`.
    #[getter]
    fn summary(&self) -> String {
        self.0.excess.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Match {:?} cost {}: {}>",
            self.0.name, self.0.cost, self.0.excess
        )
    }
}

/// A flavor that does not satisfy the requirements, and why.
#[pyclass(frozen, module = "scs_flavor", name = "Rejection")]
pub struct PyRejection(Rejection);

#[pymethods]
impl PyRejection {
    /// The name as given.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// One sentence per unmet requirement (or why the name could not be judged).
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.0.reasons)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Rejection {:?}: {}>",
            self.0.name,
            self.0.reasons.join("; ")
        )
    }
}
