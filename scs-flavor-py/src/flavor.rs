//! `Flavor`, its parts (`Disk`, `CpuBrand`, `Gpu`), `Part` and `Warning`.
//!
//! Properties are the core's flavor object: Python data is read into `scs_flavor::Builder` by
//! its `Deserialize` impl and built by the core. Reading them back is one generic getter,
//! [`Field`], installed for every entry of the core's `FIELDS` (`cpus`, `disk.size`, …), which
//! reads the value with the entry's own accessor (`FieldInfo::get`); a `Flavor` keeps the part
//! objects it has handed out. So no property is listed here. A part object holds a flavor with
//! only that part.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyAttributeError, PyRuntimeError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use scs_flavor::{
    Builder, CpuType, FieldValue, Flavor, Outcome, Parsed, SpecValue, Strategy, FIELDS,
};

use crate::check::parse_error;
use crate::convert::{self, core_error, index, text, to_py, Data};

/// The text a flavor was read from, and how.
struct Source {
    text: Py<PyString>,
    strategy: Strategy,
}

/// The part objects of a `Flavor` (`disk`, `cpu_brand`, `gpu`), each made on its first read.
/// Plain `OnceLock`s, set while attached to the interpreter: `PyOnceLock` detaches from it to
/// initialise, which costs more than the whole attribute.
#[derive(Default)]
struct Parts([OnceLock<Py<PyAny>>; 3]);

/// A valid SCS flavor: every component typed, immutable, hashable, ordered, picklable.
///
/// Made by `parse()` / `check()`, or from properties (the core's flavor object, validated
/// like a parsed name): `Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))`.
#[pyclass(frozen, module = "scs_flavor", name = "Flavor")]
pub struct PyFlavor {
    flavor: Flavor,
    source: Option<Source>,
    parts: Parts,
}

impl PyFlavor {
    /// A flavor read from `text` with `strategy`.
    pub(crate) fn parsed(flavor: Flavor, text: &Bound<'_, PyString>, strategy: Strategy) -> Self {
        let text = text.clone().unbind();
        let source = Some(Source { text, strategy });
        PyFlavor::with(flavor, source)
    }

    /// A flavor known only by its components (shown by its canonical name).
    pub(crate) fn built(flavor: Flavor) -> Self {
        PyFlavor::with(flavor, None)
    }

    fn with(flavor: Flavor, source: Option<Source>) -> Self {
        let parts = Parts::default();
        PyFlavor {
            flavor,
            source,
            parts,
        }
    }

    /// The text the core reads this flavor from: its source, or its canonical name.
    fn source<'py>(&self, py: Python<'py>) -> (Bound<'py, PyString>, Strategy) {
        match &self.source {
            Some(s) => (s.text.bind(py).clone(), s.strategy),
            None => (PyString::new(py, &self.flavor.to_string()), Strategy::V3),
        }
    }

    /// Calls `f` with this flavor as the core reads it from [`PyFlavor::source`].
    fn with_parsed<R>(&self, py: Python<'_>, f: impl FnOnce(Parsed<'_>) -> R) -> PyResult<R> {
        let (t, strategy) = self.source(py);
        let input = text(&t)?;
        match strategy.check(&input.as_str()) {
            Outcome::Valid(p) => Ok(f(p)),
            _ => Err(PyRuntimeError::new_err(
                "scs_flavor: a flavor no longer reads (a bug)",
            )),
        }
    }
}

/// The flavor of the properties `props` (the core's flavor object, as Python data).
fn build(props: &Bound<'_, PyAny>) -> PyResult<Flavor> {
    let py = props.py();
    // The core reads the object and keeps its error's kind and field.
    match Builder::from_deserializer(Data::new(props)) {
        Ok(read) => read.and_then(|b| b.build()).map_err(|e| core_error(py, e)),
        Err(e) => Err(e.into_py_err(py)),
    }
}

/// A flavor with nothing but 1 shared-core vCPU and 1 GiB: what a part is held in.
fn bare() -> Builder {
    Builder::new(1, CpuType::SharedCore, 1.0)
}

/// The flavor of [`bare`] with the part `key` set to `props`, validated by the core (its
/// errors name the part's field paths).
fn with_part(key: &str, props: &Bound<'_, PyAny>) -> PyResult<Flavor> {
    let object = to_py(props.py(), &bare())?;
    object.set_item(key, props)?;
    build(&object)
}

/// The flavor of [`bare`] with only the part `key` of `f` (`None` if `f` has none).
fn only(py: Python<'_>, f: &Flavor, key: &str) -> PyResult<Option<Flavor>> {
    static BARE: OnceLock<Result<Flavor, scs_flavor::Error>> = OnceLock::new();
    let b = (*BARE.get_or_init(|| bare().build())).map_err(|e| core_error(py, e))?;
    Ok(match key {
        "disk" => f.disk.map(|d| Flavor { disk: Some(d), ..b }),
        "cpu_brand" => f.cpu_brand.map(|c| Flavor {
            cpu_brand: Some(c),
            ..b
        }),
        "gpu" => f.gpu.map(|g| Flavor { gpu: Some(g), ..b }),
        _ => None,
    })
}

/// The part object `key` of `f`, or `None`.
fn part_object<'py>(py: Python<'py>, f: &Flavor, key: &str) -> PyResult<Bound<'py, PyAny>> {
    let Some(p) = only(py, f, key)? else {
        return Ok(py.None().into_bound(py));
    };
    Ok(match key {
        "disk" => PyDisk(p).into_pyobject(py)?.into_any(),
        "cpu_brand" => PyCpuBrand(p).into_pyobject(py)?.into_any(),
        _ => PyGpu(p).into_pyobject(py)?.into_any(),
    })
}

/// The flavor an object with properties holds and its part's key (`""` for a `Flavor`).
fn held(obj: &Bound<'_, PyAny>) -> Option<(Flavor, &'static str)> {
    if let Ok(f) = obj.cast::<PyFlavor>() {
        Some((f.get().flavor, ""))
    } else if let Ok(d) = obj.cast::<PyDisk>() {
        Some((d.get().0, "disk"))
    } else if let Ok(b) = obj.cast::<PyCpuBrand>() {
        Some((b.get().0, "cpu_brand"))
    } else {
        Some((obj.cast::<PyGpu>().ok()?.get().0, "gpu"))
    }
}

/// The properties of `f` (the core's flavor object), or of its part `key` (`""`: all), as a
/// new dict.
fn properties<'py>(py: Python<'py>, f: &Flavor, key: &str) -> PyResult<Bound<'py, PyDict>> {
    let all = to_py(py, &f.builder())?;
    let props = match key {
        "" => all,
        _ => all.get_item(key)?,
    };
    Ok(props.cast_into::<PyDict>()?)
}

/// The keys of the parts in the flavor object, in the order of [`Parts`].
const PARTS: [&str; 3] = ["disk", "cpu_brand", "gpu"];

/// A part's properties, for [`Data`] to read a part object where the flavor object has one.
pub(crate) fn part_properties<'py>(value: &Bound<'py, PyAny>) -> Option<Bound<'py, PyDict>> {
    let (f, key) = held(value).filter(|(_, key)| !key.is_empty())?;
    properties(value.py(), &f, key).ok()
}

/// Makes the part `key` from its constructor's arguments (`None` means the default).
fn make_part(
    py: Python<'_>,
    key: &str,
    args: &[(&str, Option<&Bound<'_, PyAny>>)],
) -> PyResult<Flavor> {
    let props = PyDict::new(py);
    for (name, value) in args {
        if let Some(v) = value.filter(|v| !v.is_none()) {
            props.set_item(name, v)?;
        }
    }
    let f = with_part(key, props.as_any())?;
    only(py, &f, key)?.ok_or_else(|| PyRuntimeError::new_err("scs_flavor: no part (a bug)"))
}

/// `repr` of a part: its class called with its properties (by name), which evaluates back.
fn repr_part(py: Python<'_>, f: &Flavor, key: &str, class: &str) -> PyResult<String> {
    let mut args = Vec::new();
    for (k, v) in properties(py, f, key)?.iter() {
        args.push(format!("{k}={}", v.repr()?));
    }
    args.sort();
    Ok(format!("{class}({})", args.join(", ")))
}

/// `__reduce__` of a part: `_part(key, properties)`.
fn reduce_part<'py>(py: Python<'py>, f: &Flavor, key: &str) -> PyResult<Bound<'py, PyTuple>> {
    let native = py.import(intern!(py, "scs_flavor._native"))?;
    let props = properties(py, f, key)?;
    (native.getattr(intern!(py, "_part"))?, (key, props)).into_pyobject(py)
}

/// Makes the part `key` from its properties (unpickling).
#[pyfunction]
pub(crate) fn _part<'py>(key: &str, properties: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = with_part(key, properties)?;
    match key {
        "disk" | "cpu_brand" | "gpu" => part_object(properties.py(), &f, key),
        _ => Err(PyTypeError::new_err(format!(
            "{key}: not a part of a flavor"
        ))),
    }
}

/// Declares a part class: its Python name, its key in the flavor object and its
/// constructor's arguments (required ones, then optional ones).
macro_rules! part {
    ($(#[$doc:meta])* $ty:ident, $name:tt, $key:tt, [$($req:ident),*], [$($opt:ident),*], $sig:tt) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, hash, module = "scs_flavor", name = $name)]
        #[derive(PartialEq, Eq, Hash)]
        pub struct $ty(Flavor);

        #[pymethods]
        impl $ty {
            #[new]
            #[allow(clippy::too_many_arguments)]
            #[pyo3(signature = ($($req,)* $($opt = None),*), text_signature = $sig)]
            fn new(
                py: Python<'_>,
                $($req: &Bound<'_, PyAny>,)*
                $($opt: Option<&Bound<'_, PyAny>>,)*
            ) -> PyResult<Self> {
                let args = [$((stringify!($req), Some($req)),)* $((stringify!($opt), $opt),)*];
                Ok($ty(make_part(py, $key, &args)?))
            }

            fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
                reduce_part(py, &self.0, $key)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                repr_part(py, &self.0, $key, $name)
            }
        }
    };
}

part!(
    /// The disk component: `Disk(100, "s")`, `Disk(10, "p", count=3)`.
    PyDisk, "Disk", "disk", [], [size, kind, count], "(size=None, kind=None, count=1)"
);
part!(
    /// The CPU brand extension: `CpuBrand("i", 3, frequency=1)`.
    PyCpuBrand, "CpuBrand", "cpu_brand", [vendor], [generation, frequency],
    "(vendor, generation=0, frequency=0)"
);
part!(
    /// The GPU extension: `Gpu("N", "a", units=64)`.
    PyGpu, "Gpu", "gpu", [vendor], [generation, units, vram, kind, unit_frequency, vram_bandwidth],
    "(vendor, generation=None, units=None, vram=None, kind='G', unit_frequency=0, vram_bandwidth=0)"
);

/// The one getter of the properties of `Flavor` and its parts: an entry of the core's
/// `FIELDS` (`"cpus"`, `"disk.size"`), read by its accessor, or a part of a `Flavor`
/// (`"disk"`). A data descriptor (with a `__set__` that refuses), as the stubs' `@property`
/// are.
#[pyclass(frozen, module = "scs_flavor._native", name = "_Field")]
pub struct Field(Read);

/// What a [`Field`] reads.
enum Read {
    /// The entry of `FIELDS` at this index.
    Value(usize),
    /// The part at this index of [`PARTS`].
    Part(usize),
}

#[pymethods]
impl Field {
    fn __get__<'py>(
        slf: &Bound<'py, Self>,
        obj: Option<&Bound<'py, PyAny>>,
        _owner: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let Some(obj) = obj else {
            return Ok(slf.clone().into_any());
        };
        match slf.get().0 {
            Read::Value(i) => {
                let (f, _) = held(obj).ok_or_else(|| PyTypeError::new_err("not a flavor"))?;
                match FIELDS.get(i).map(|field| field.get(&f)) {
                    Some(FieldValue::Null) | None => Ok(py.None().into_bound(py)),
                    Some(FieldValue::Flag(b)) => b.into_bound_py_any(py),
                    Some(FieldValue::Number(n)) => n.into_bound_py_any(py),
                    Some(FieldValue::Gib(x)) => x.into_bound_py_any(py),
                    Some(FieldValue::Code(c)) => c.into_bound_py_any(py),
                }
            }
            Read::Part(i) => {
                let f = obj.cast::<PyFlavor>()?.get();
                if let Some(part) = f.parts.0[i].get() {
                    return Ok(part.clone_ref(py).into_bound(py));
                }
                let made = part_object(py, &f.flavor, PARTS[i])?;
                let _ = f.parts.0[i].set(made.clone().unbind());
                Ok(made)
            }
        }
    }

    fn __set__(&self, _obj: &Bound<'_, PyAny>, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(PyAttributeError::new_err("read-only attribute"))
    }
}

/// Installs a [`Field`] for each entry of `FIELDS` on `Flavor` or its part's class, and one
/// for each part on `Flavor`.
pub(crate) fn install_fields(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let flavor = py.get_type::<PyFlavor>();
    let classes = [
        py.get_type::<PyDisk>(),
        py.get_type::<PyCpuBrand>(),
        py.get_type::<PyGpu>(),
    ];
    for (index, info) in FIELDS.iter().enumerate() {
        match info.path.split_once('.') {
            None => flavor.setattr(info.path, Field(Read::Value(index)))?,
            Some((part, name)) => {
                let at = PARTS.iter().position(|p| *p == part);
                let at = at.ok_or_else(|| PyRuntimeError::new_err("scs_flavor: unknown part"))?;
                classes[at].setattr(name, Field(Read::Value(index)))?;
                flavor.setattr(part, Field(Read::Part(at)))?;
            }
        }
    }
    Ok(())
}

/// The list of `Warning`s of `text` read with `strategy` (empty unless valid).
pub(crate) fn warnings(text_: &Bound<'_, PyString>, strategy: Strategy) -> PyResult<Py<PyList>> {
    let py = text_.py();
    let t = text(text_)?;
    let input = t.as_str();
    let list = PyList::empty(py);
    if let Outcome::Valid(p) = strategy.check(&input) {
        for w in p.warnings() {
            let (start, end) = (index(&input, w.span.start), index(&input, w.span.end));
            let fields = (w.kind.code(), w.to_string(), start, end);
            list.append(record(py, "Warning", fields)?)?;
        }
    }
    Ok(list.unbind())
}

#[pymethods]
impl PyFlavor {
    /// Builds a flavor from its properties, validated like a parsed name; a bad value or an
    /// unknown property raises `scs_flavor.Error` (a `ValueError`) with the core's message.
    #[new]
    #[pyo3(signature = (cpus, cpu_type, ram_gib, **properties))]
    fn new(
        cpus: &Bound<'_, PyAny>,
        cpu_type: &Bound<'_, PyAny>,
        ram_gib: &Bound<'_, PyAny>,
        properties: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let props = match properties {
            Some(p) => p.copy()?,
            None => PyDict::new(cpus.py()),
        };
        props.set_item("cpus", cpus)?;
        props.set_item("cpu_type", cpu_type)?;
        props.set_item("ram_gib", ram_gib)?;
        build(&props).map(PyFlavor::built)
    }

    /// The properties: the core's flavor object, which `Flavor(**properties)` builds back.
    fn properties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        properties(py, &self.flavor, "")
    }

    /// A copy with some properties changed (the keyword arguments of the constructor).
    #[pyo3(signature = (**changes))]
    fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let props = self.properties(py)?;
        if let Some(changes) = changes {
            props.update(changes.as_mapping())?;
        }
        build(&props).map(PyFlavor::built)
    }

    /// The canonical name (v2/v3 syntax); the same as `str(flavor)`.
    #[getter]
    fn name(&self) -> String {
        self.flavor.to_string()
    }

    /// The canonical name in the v1 syntax.
    #[getter]
    fn v1(&self) -> String {
        self.flavor.v1().to_string()
    }

    /// The text this flavor was read from, or `None` if it was built from properties.
    #[getter]
    fn input(&self, py: Python<'_>) -> Option<Py<PyString>> {
        self.source.as_ref().map(|s| s.text.clone_ref(py))
    }

    /// The short name (v2/v3 syntax, or v1 with `v1=True`).
    #[pyo3(signature = (v1 = false))]
    fn short(&self, v1: bool) -> String {
        let short = self.flavor.short();
        match v1 {
            true => short.v1().to_string(),
            false => short.to_string(),
        }
    }

    /// An English description.
    fn describe(&self) -> String {
        self.flavor.describe().to_string()
    }

    /// Each component of the name read (of the canonical name for a built flavor).
    fn explain<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let parts = self.with_parsed(py, |p| {
            let input = p.input();
            let part = |part: scs_flavor::Part<'_>| {
                let (start, end) = (index(input, part.span.start), index(input, part.span.end));
                let fields = (
                    part.component.code(),
                    start,
                    end,
                    part.text,
                    part.meaning.to_string(),
                );
                record(py, "Part", fields)
            };
            p.explain().map(part).collect()
        });
        parts?
    }

    /// The scs-0103 spec as the official checker derives it (`flavorname_to_dict`).
    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let spec = self.flavor.spec().map_err(|e| core_error(py, e))?;
        let dict = PyDict::new(py);
        for (key, value) in spec {
            let key = key.to_string();
            match value {
                SpecValue::Int(n) => dict.set_item(key, n)?,
                SpecValue::Float(x) => dict.set_item(key, x)?,
                SpecValue::Null => dict.set_item(key, py.None())?,
                SpecValue::Str(s) => dict.set_item(key, s)?,
                SpecValue::Name(n) => dict.set_item(key, n.to_string())?,
            }
        }
        Ok(dict)
    }

    /// The warnings on the name read (on the canonical name for a built flavor).
    #[getter]
    fn warnings(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        let (t, strategy) = self.source(py);
        warnings(&t, strategy)
    }

    fn __str__(&self) -> String {
        self.flavor.to_string()
    }

    fn __repr__(&self) -> String {
        // Canonical names are ASCII without quotes: a Python literal as they are.
        format!("scs_flavor.parse('{}')", self.flavor)
    }

    fn __hash__(&self) -> u64 {
        hash(&self.flavor)
    }

    /// Compared by the core's order of flavors (`Flavor: Ord`).
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> Py<PyAny> {
        let py = other.py();
        match other.cast::<PyFlavor>() {
            Ok(o) => PyBool::new(py, op.matches(self.flavor.cmp(&o.get().flavor)))
                .to_owned()
                .into_any()
                .unbind(),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let native = py.import(intern!(py, "scs_flavor._native"))?;
        let (t, strategy) = self.source(py);
        let version = self.source.as_ref().map(|_| strategy.code());
        (native.getattr(intern!(py, "_restore"))?, (t, version)).into_pyobject(py)
    }
}

/// Unpickles a `Flavor`: reads `name` with `version`, or (`None`) rebuilds a built flavor
/// from its canonical name.
#[pyfunction]
#[pyo3(signature = (name, version))]
pub(crate) fn _restore(
    name: &Bound<'_, PyString>,
    version: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFlavor> {
    let strategy = convert::strategy(version)?;
    let t = text(name)?;
    match strategy.parse(&t.as_str()) {
        Ok(p) if version.is_some() => Ok(PyFlavor::parsed(p.flavor(), name, strategy)),
        Ok(p) => Ok(PyFlavor::built(p.flavor())),
        Err(_) => Err(parse_error(name, strategy)),
    }
}

/// A record of `scs_flavor._records` (`"Part"`, `"Warning"`) with these fields.
fn record<'py, A>(py: Python<'py>, class: &str, fields: A) -> PyResult<Bound<'py, PyAny>>
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let records = py.import(intern!(py, "scs_flavor._records"))?;
    records.getattr(class)?.call1(fields)
}

/// The hash of a flavor, for `__hash__`.
fn hash(f: &Flavor) -> u64 {
    let mut h = DefaultHasher::new();
    f.hash(&mut h);
    h.finish()
}
