//! `Flavor`, its parts (`Disk`, `CpuBrand`, `Gpu`), `Part` and `Warning`.
//!
//! Properties are the core's flavor object: Python data is read into `scs_flavor::Builder` by
//! its `Deserialize` impl and built by the core. Reading them back is one generic getter,
//! [`Field`], installed for every path of the core's `FIELDS` (`cpus`, `disk.size`, …): an
//! object serialises its builder once, on the first read ([`Nodes`]), into a tuple of its
//! attributes it keeps ([`Cache`]; parts in it as part objects, given their own tuple), and every read takes
//! the field's item of it. So no property is listed here. A part object holds a flavor with
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
use pythonize::PythonizeError;
use scs_flavor::{Builder, CpuType, Flavor, Outcome, Parsed, SpecValue, Strategy, FIELDS};
use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};

use crate::check::parse_error;
use crate::convert::{self, core_error, index, text, to_py, Data};

/// The text a flavor was read from, and how.
struct Source {
    text: Py<PyString>,
    strategy: Strategy,
}

/// The attributes of an object with properties in the order of [`names`]: their values made
/// on the first read of any ([`slots`]), each made a Python object on its own first read. Not
/// part of the object's value (equal and hashed alike whether made or not).
///
/// Plain `OnceLock`s, set while attached to the interpreter: `PyOnceLock` detaches from it to
/// initialise, which costs more than the whole attribute.
pub struct Cache(OnceLock<Box<[Slot]>>);

/// One attribute: its value, and the Python object of it once read.
struct Slot(Leaf, OnceLock<Py<PyAny>>);

impl Default for Cache {
    fn default() -> Self {
        Cache(OnceLock::new())
    }
}

impl PartialEq for Cache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cache {}

impl Hash for Cache {
    fn hash<H: Hasher>(&self, _: &mut H) {}
}

/// A valid SCS flavor: every component typed, immutable, hashable, ordered, picklable.
///
/// Made by `parse()` / `check()`, or from properties (the core's flavor object, validated
/// like a parsed name): `Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))`.
#[pyclass(frozen, module = "scs_flavor", name = "Flavor")]
pub struct PyFlavor {
    flavor: Flavor,
    source: Option<Source>,
    cache: Cache,
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
        let cache = Cache::default();
        PyFlavor {
            flavor,
            source,
            cache,
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
    let cache = Cache::default();
    Ok(match key {
        "disk" => PyDisk(p, cache).into_pyobject(py)?.into_any(),
        "cpu_brand" => PyCpuBrand(p, cache).into_pyobject(py)?.into_any(),
        _ => PyGpu(p, cache).into_pyobject(py)?.into_any(),
    })
}

/// The flavor an object with properties holds, its part's key (`""` for a `Flavor`) and its
/// [`Cache`].
fn held<'a>(obj: &'a Bound<'_, PyAny>) -> Option<(Flavor, &'static str, &'a Cache)> {
    if let Ok(f) = obj.cast::<PyFlavor>() {
        let f = f.get();
        Some((f.flavor, "", &f.cache))
    } else if let Ok(d) = obj.cast::<PyDisk>() {
        Some((d.get().0, "disk", &d.get().1))
    } else if let Ok(b) = obj.cast::<PyCpuBrand>() {
        Some((b.get().0, "cpu_brand", &b.get().1))
    } else {
        let g = obj.cast::<PyGpu>().ok()?.get();
        Some((g.0, "gpu", &g.1))
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

/// The keys of `Flavor` (`""`) and of the parts in the flavor object.
const KEYS: [&str; 4] = ["", "disk", "cpu_brand", "gpu"];

/// The attribute names of `Flavor` (`key` `""`) or of the part `key`, in the order of the
/// core's `FIELDS`: a [`Field`]'s index.
fn names(key: &str) -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let all = NAMES.get_or_init(|| {
        let names = |key: &str| {
            let mut names: Vec<&'static str> = Vec::new();
            for info in FIELDS {
                let name = match (key, info.path.split_once('.')) {
                    ("", None) => info.path,
                    ("", Some((part, _))) => part,
                    (_, Some((part, name))) if part == key => name,
                    _ => continue,
                };
                if names.last() != Some(&name) {
                    names.push(name);
                }
            }
            names
        };
        KEYS.iter().map(|key| names(key)).collect()
    });
    KEYS.iter().position(|k| *k == key).map_or(&[], |i| &all[i])
}

/// A value of the flavor object as [`Walk`] finds it.
enum Node {
    Leaf(Leaf),
    Struct(Vec<(&'static str, Node)>),
}

/// A value that is not a struct, or a part (not walked into).
enum Leaf {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Box<str>),
    Part(&'static str),
}

/// The [`Slot`]s of an object holding `f` (the part `key` of it): one serde walk of its
/// builder.
fn slots(f: &Flavor, key: &'static str) -> PyResult<Box<[Slot]>> {
    let mut fields = match f.builder().serialize(Walk::Top(key))? {
        Node::Struct(mut top) if !key.is_empty() => match top.pop() {
            Some((_, Node::Struct(part))) => part,
            _ => Vec::new(),
        },
        Node::Struct(top) => top,
        Node::Leaf(_) => Vec::new(),
    };
    let mut slots = Vec::with_capacity(fields.len());
    for (i, name) in names(key).iter().enumerate() {
        // The fields come in the order of the names (both the core's): looked for if not.
        let at = match fields.get(i) {
            Some((k, _)) if k == name => Some(i),
            _ => fields.iter().position(|(k, _)| k == name),
        };
        let leaf = match at.map(|at| &mut fields[at].1) {
            Some(Node::Leaf(leaf)) => std::mem::replace(leaf, Leaf::None),
            Some(Node::Struct(_)) => Leaf::Part(name),
            None => return Err(PyAttributeError::new_err(format!("no property {name:?}"))),
        };
        slots.push(Slot(leaf, OnceLock::new()));
    }
    Ok(slots.into_boxed_slice())
}

impl Leaf {
    /// The Python object of this value of (a part of) `f`.
    fn object<'py>(&self, py: Python<'py>, f: &Flavor) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Leaf::None => Ok(py.None().into_bound(py)),
            Leaf::Bool(b) => b.into_bound_py_any(py),
            Leaf::Int(n) => n.into_bound_py_any(py),
            Leaf::Float(x) => x.into_bound_py_any(py),
            Leaf::Str(s) => s.into_bound_py_any(py),
            Leaf::Part(key) => part_object(py, f, key),
        }
    }
}

/// A serde `Serializer` walking the flavor object (structs, options, numbers, strings, bools)
/// into [`Node`]s in Rust: `Top(key)` the builder, keeping its fields (`""`) or only the
/// fields of its part `key`; `Fields` a struct whose fields are kept; `Value` a value, a
/// struct (a part) not walked into.
#[derive(Clone, Copy)]
enum Walk {
    Top(&'static str),
    Fields,
    Value,
}

/// A struct being walked by [`Walk`].
struct Fields(Walk, Vec<(&'static str, Node)>);

type Walked = Result<Node, PythonizeError>;

/// The `Serializer` methods of [`Walk`] for leaves (`leaf`) and for what the flavor object
/// does not hold (`refuse`).
macro_rules! walk {
    (leaf $($method:ident($ty:ty) $v:ident => $leaf:expr),*;
     refuse $($no:ident($($arg:ty),*) -> $ret:ident;)*) => {
        $(fn $method(self, $v: $ty) -> Walked {
            Ok(Node::Leaf($leaf))
        })*
        $(fn $no(self, $(_: $arg),*) -> Result<Self::$ret, PythonizeError> {
            Err(ser::Error::custom("not a value of the flavor object"))
        })*
    };
}

impl Serializer for Walk {
    type Ok = Node;
    type Error = PythonizeError;
    type SerializeSeq = Impossible<Node, PythonizeError>;
    type SerializeTuple = Impossible<Node, PythonizeError>;
    type SerializeTupleStruct = Impossible<Node, PythonizeError>;
    type SerializeTupleVariant = Impossible<Node, PythonizeError>;
    type SerializeMap = Impossible<Node, PythonizeError>;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Impossible<Node, PythonizeError>;

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields, PythonizeError> {
        let kept = if let Walk::Value = self { 0 } else { len };
        Ok(Fields(self, Vec::with_capacity(kept)))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Walked {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Walked {
        v.serialize(self)
    }
    fn serialize_none(self) -> Walked {
        Ok(Node::Leaf(Leaf::None))
    }
    fn serialize_u64(self, v: u64) -> Walked {
        let n = i64::try_from(v).map_err(<PythonizeError as ser::Error>::custom)?;
        Ok(Node::Leaf(Leaf::Int(n)))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Walked {
        Err(ser::Error::custom("not a value of the flavor object"))
    }
    walk! {
        leaf serialize_bool(bool) v => Leaf::Bool(v), serialize_i8(i8) v => Leaf::Int(v.into()),
        serialize_i16(i16) v => Leaf::Int(v.into()), serialize_i32(i32) v => Leaf::Int(v.into()),
        serialize_i64(i64) v => Leaf::Int(v), serialize_u8(u8) v => Leaf::Int(v.into()),
        serialize_u16(u16) v => Leaf::Int(v.into()), serialize_u32(u32) v => Leaf::Int(v.into()),
        serialize_f32(f32) v => Leaf::Float(v.into()), serialize_f64(f64) v => Leaf::Float(v),
        serialize_char(char) v => Leaf::Str(v.to_string().into()),
        serialize_str(&str) v => Leaf::Str(v.into());
        refuse serialize_bytes(&[u8]) -> Ok; serialize_unit() -> Ok;
        serialize_unit_struct(&'static str) -> Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> Ok;
        serialize_seq(Option<usize>) -> SerializeSeq;
        serialize_tuple(usize) -> SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> SerializeTupleVariant;
        serialize_map(Option<usize>) -> SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> SerializeStructVariant;
    }
}

impl SerializeStruct for Fields {
    type Ok = Node;
    type Error = PythonizeError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), PythonizeError> {
        let walk = match self.0 {
            Walk::Top("") | Walk::Fields => Walk::Value,
            Walk::Top(part) if part == key => Walk::Fields,
            Walk::Top(_) | Walk::Value => return Ok(()),
        };
        self.1.push((key, v.serialize(walk)?));
        Ok(())
    }

    fn end(self) -> Walked {
        Ok(Node::Struct(self.1))
    }
}

/// A part's properties, for [`Data`] to read a part object where the flavor object has one.
pub(crate) fn part_properties<'py>(value: &Bound<'py, PyAny>) -> Option<Bound<'py, PyDict>> {
    let (f, key, _) = held(value).filter(|(_, key, _)| !key.is_empty())?;
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
        pub struct $ty(Flavor, Cache);

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
                Ok($ty(make_part(py, $key, &args)?, Cache::default()))
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

/// The one getter of the properties of `Flavor` and its parts (a path of the core's `FIELDS`,
/// `"cpus"`, `"disk.size"`, or a part, `"disk"`): the item at its index in [`names`] of the
/// object's [`Cache`]. A data descriptor (with a `__set__` that refuses), as the stubs'
/// `@property` are.
#[pyclass(frozen, module = "scs_flavor._native", name = "_Field")]
pub struct Field(usize);

#[pymethods]
impl Field {
    fn __get__<'py>(
        slf: &Bound<'py, Self>,
        obj: Option<&Bound<'py, PyAny>>,
        _owner: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let Some((f, key, cache)) = obj.and_then(held) else {
            return Ok(slf.clone().into_any());
        };
        if cache.0.get().is_none() {
            let _ = cache.0.set(slots(&f, key)?);
        }
        let slot = cache.0.get().and_then(|slots| slots.get(slf.get().0));
        let Some(Slot(leaf, object)) = slot else {
            return Err(PyRuntimeError::new_err("scs_flavor: no attribute (a bug)"));
        };
        if let Some(object) = object.get() {
            return Ok(object.clone_ref(py).into_bound(py));
        }
        let made = leaf.object(py, &f)?;
        let _ = object.set(made.clone().unbind());
        Ok(made)
    }

    fn __set__(&self, _obj: &Bound<'_, PyAny>, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(PyAttributeError::new_err("read-only attribute"))
    }
}

/// Installs a [`Field`] for each of [`names`] on `Flavor` and the parts.
pub(crate) fn install_fields(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let classes = [
        py.get_type::<PyFlavor>(),
        py.get_type::<PyDisk>(),
        py.get_type::<PyCpuBrand>(),
        py.get_type::<PyGpu>(),
    ];
    for (key, class) in KEYS.into_iter().zip(classes) {
        for (index, name) in names(key).iter().enumerate() {
            class.setattr(name, Field(index))?;
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
