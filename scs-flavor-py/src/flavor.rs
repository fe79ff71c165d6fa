//! `Flavor` and its parts (`Disk`, `CpuBrand`, `Gpu`), `Part` of an explanation and
//! `Warning`. Properties are the core's flavor object: Python data is read into
//! `scs_flavor::Builder` by its `Deserialize` impl and built by the core; a flavor's properties
//! are its `builder()` serialised.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use scs_flavor::{
    Builder, CpuBrand, CpuType, Disk, Flavor, Gpu, Outcome, Parsed, SpecValue, Strategy,
};

use crate::check::parse_error;
use crate::convert::{self, core_error, index, text, to_py, Data};

/// The text a flavor was read from, and how.
struct Source {
    text: Py<PyString>,
    strategy: Strategy,
}

/// A valid SCS flavor: every component typed, immutable, hashable, ordered, picklable.
///
/// Made by `parse()` / `check()`, or from properties (the core's flavor object, validated
/// like a parsed name): `Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))`.
#[pyclass(frozen, module = "scs_flavor", name = "Flavor")]
pub struct PyFlavor {
    flavor: Flavor,
    source: Option<Source>,
}

impl PyFlavor {
    /// A flavor read from `text` with `strategy`.
    pub(crate) fn parsed(flavor: Flavor, text: &Bound<'_, PyString>, strategy: Strategy) -> Self {
        PyFlavor {
            flavor,
            source: Some(Source {
                text: text.clone().unbind(),
                strategy,
            }),
        }
    }

    /// A flavor known only by its components (shown by its canonical name).
    pub(crate) fn built(flavor: Flavor) -> Self {
        PyFlavor {
            flavor,
            source: None,
        }
    }

    /// Calls `f` with this flavor as the core reads it: from its source, or (for a built one)
    /// from its canonical name.
    fn with_parsed<R>(&self, py: Python<'_>, f: impl FnOnce(Parsed<'_>) -> R) -> PyResult<R> {
        let (t, strategy) = match &self.source {
            Some(s) => (s.text.bind(py).clone(), s.strategy),
            None => (PyString::new(py, &self.flavor.to_string()), Strategy::V3),
        };
        let t = text(&t)?;
        let input = t.as_str();
        match strategy.check(&input) {
            Outcome::Valid(p) => Ok(f(p)),
            _ => Err(PyRuntimeError::new_err(format!(
                "scs_flavor: {input:?} no longer reads as a valid flavor (a bug)"
            ))),
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

/// A flavor with nothing but 1 shared-core vCPU and 1 GiB: what a part is validated in.
fn bare() -> Builder {
    Builder::new(1, CpuType::SharedCore, 1.0)
}

/// The flavor of [`bare`] with the part `key` (`"disk"`, `"cpu_brand"`, `"gpu"`) set to
/// `props`: the part validated by the core, with its field paths in the errors.
fn with_part(key: &str, props: &Bound<'_, PyAny>) -> PyResult<Flavor> {
    let py = props.py();
    let object = to_py(py, &bare())?;
    object.set_item(key, props)?;
    build(&object)
}

/// The properties of the part `key` of `f` (its object in the flavor object).
fn part_object(f: Flavor, key: &str) -> Option<serde_json::Value> {
    serde_json::to_value(f.builder())
        .ok()?
        .get_mut(key)
        .map(serde_json::Value::take)
}

/// A part's properties, for [`Data`] to read a part object where the flavor object has one.
pub(crate) fn part_properties(value: &Bound<'_, PyAny>) -> Option<serde_json::Value> {
    let f = bare().build().ok()?;
    if let Ok(d) = value.cast::<PyDisk>() {
        part_object(
            Flavor {
                disk: Some(d.get().0),
                ..f
            },
            "disk",
        )
    } else if let Ok(b) = value.cast::<PyCpuBrand>() {
        part_object(
            Flavor {
                cpu_brand: Some(b.get().0),
                ..f
            },
            "cpu_brand",
        )
    } else if let Ok(g) = value.cast::<PyGpu>() {
        part_object(
            Flavor {
                gpu: Some(g.get().0),
                ..f
            },
            "gpu",
        )
    } else {
        None
    }
}

/// Makes the part `key` from its properties (unpickling; the parts' constructors).
#[pyfunction]
pub(crate) fn _part<'py>(key: &str, properties: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = properties.py();
    let f = with_part(key, properties)?;
    let made = match key {
        "disk" => f
            .disk
            .map(|d| PyDisk(d).into_pyobject(py).map(Bound::into_any)),
        "cpu_brand" => f
            .cpu_brand
            .map(|b| PyCpuBrand(b).into_pyobject(py).map(Bound::into_any)),
        "gpu" => f
            .gpu
            .map(|g| PyGpu(g).into_pyobject(py).map(Bound::into_any)),
        _ => None,
    };
    made.unwrap_or_else(|| {
        Err(PyTypeError::new_err(format!(
            "{key}: not a part of a flavor"
        )))
    })
}

/// The given (not `None`) arguments of a part's constructor, as its properties.
fn given<'py>(
    py: Python<'py>,
    args: &[(&str, Option<&Bound<'py, PyAny>>)],
) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    for (k, v) in args {
        if let Some(v) = v.filter(|v| !v.is_none()) {
            d.set_item(k, v)?;
        }
    }
    Ok(d.into_any())
}

/// `__reduce__` of a part: `_part(key, properties)`.
fn reduce_part<'py>(value: &Bound<'py, PyAny>, key: &str) -> PyResult<Bound<'py, PyTuple>> {
    let py = value.py();
    let props = part_properties(value).unwrap_or_default();
    let restore = py
        .import(intern!(py, "scs_flavor._native"))?
        .getattr(intern!(py, "_part"))?;
    (restore, (key, to_py(py, &props)?)).into_pyobject(py)
}

/// `repr` of a part: its class called with its properties, which evaluates back.
fn repr_part(value: &Bound<'_, PyAny>, class: &str) -> PyResult<String> {
    let props = to_py(value.py(), &part_properties(value).unwrap_or_default())?;
    let mut args = Vec::new();
    for (k, v) in props.cast::<PyDict>()?.iter() {
        args.push(format!("{k}={}", v.repr()?));
    }
    Ok(format!("{class}({})", args.join(", ")))
}

/// The list of `Warning`s of `text` read with `strategy` (empty unless valid).
pub(crate) fn warnings(text_: &Bound<'_, PyString>, strategy: Strategy) -> PyResult<Py<PyList>> {
    let py = text_.py();
    let t = text(text_)?;
    let input = t.as_str();
    let list = PyList::empty(py);
    if let Outcome::Valid(p) = strategy.check(&input) {
        for w in p.warnings() {
            list.append(PyWarning {
                kind: w.kind.code(),
                message: w.to_string(),
                start: index(&input, w.span.start),
                end: index(&input, w.span.end),
            })?;
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

    /// The properties: the core's flavor object (`cpus`, `cpu_type`, …, `disk`, `cpu_brand`,
    /// `gpu` as dicts or `None`), which `Flavor(**properties)` builds back.
    fn properties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.flavor.builder())
    }

    /// A copy with some properties changed (the keyword arguments of the constructor).
    #[pyo3(signature = (**changes))]
    fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let props = self.properties(py)?;
        if let Some(changes) = changes {
            props.cast::<PyDict>()?.update(changes.as_mapping())?;
        }
        build(&props).map(PyFlavor::built)
    }

    /// The number of vCPUs.
    #[getter]
    fn cpus(&self) -> u32 {
        self.flavor.cpu.count.get()
    }

    /// The CPU type letter: `"L"`, `"V"`, `"T"` or `"C"`.
    #[getter]
    fn cpu_type(&self) -> &'static str {
        self.flavor.cpu.kind.code()
    }

    /// `i`: no guaranteed protection against CPU vulnerabilities.
    #[getter]
    fn cpu_insecure(&self) -> bool {
        self.flavor.cpu.insecure
    }

    /// RAM in GiB (a multiple of 0.5).
    #[getter]
    fn ram_gib(&self) -> f64 {
        self.flavor.ram.size.gib()
    }

    /// `u`: RAM without ECC.
    #[getter]
    fn ram_no_ecc(&self) -> bool {
        self.flavor.ram.no_ecc
    }

    /// `o`: RAM oversubscribed.
    #[getter]
    fn ram_oversubscribed(&self) -> bool {
        self.flavor.ram.oversubscribed
    }

    /// The root disk(s), or `None` for a name without disk component.
    #[getter]
    fn disk(&self) -> Option<PyDisk> {
        self.flavor.disk.map(PyDisk)
    }

    /// The hypervisor code (`"kvm"`, `"xen"`, `"vmw"`, `"hyv"`, `"bms"`, `"chy"`) or `None`.
    #[getter]
    fn hypervisor(&self) -> Option<&'static str> {
        self.flavor.hypervisor.map(|h| h.code())
    }

    /// `_hwv`: hardware (nested) virtualisation.
    #[getter]
    fn hwv(&self) -> bool {
        self.flavor.hwv
    }

    /// The CPU brand, or `None`.
    #[getter]
    fn cpu_brand(&self) -> Option<PyCpuBrand> {
        self.flavor.cpu_brand.map(PyCpuBrand)
    }

    /// The GPU, or `None`.
    #[getter]
    fn gpu(&self) -> Option<PyGpu> {
        self.flavor.gpu.map(PyGpu)
    }

    /// `_ib`: Infiniband.
    #[getter]
    fn ib(&self) -> bool {
        self.flavor.ib
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
        if v1 {
            short.v1().to_string()
        } else {
            short.to_string()
        }
    }

    /// An English description.
    fn describe(&self) -> String {
        self.flavor.describe().to_string()
    }

    /// Each component of the name read (or, for a built flavor, of its canonical name) with
    /// its place, text and meaning.
    fn explain(&self, py: Python<'_>) -> PyResult<Vec<PyPart>> {
        self.with_parsed(py, |p| {
            let input = p.input();
            p.explain()
                .map(|part| PyPart {
                    component: part.component.code(),
                    start: index(input, part.span.start),
                    end: index(input, part.span.end),
                    text: part.text.to_owned(),
                    meaning: part.meaning.to_string(),
                })
                .collect()
        })
    }

    /// The scs-0103 spec as the official checker derives it (`flavorname_to_dict`).
    ///
    /// Raises `scs_flavor.Error` for more than `MAX_SPEC_DISKS` disks (deviation D3).
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

    /// The warnings on the name read (or, for a built flavor, on its canonical name).
    #[getter]
    fn warnings(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        match &self.source {
            Some(s) => warnings(s.text.bind(py), s.strategy),
            None => warnings(&PyString::new(py, &self.flavor.to_string()), Strategy::V3),
        }
    }

    fn __str__(&self) -> String {
        self.flavor.to_string()
    }

    fn __repr__(&self) -> String {
        // Canonical names are ASCII without quotes: a Python literal as they are.
        format!("scs_flavor.parse('{}')", self.flavor)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.flavor.hash(&mut h);
        h.finish()
    }

    /// Compared by the core's order of flavors (`Flavor: Ord`).
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> Py<PyAny> {
        let py = other.py();
        match other.cast::<PyFlavor>() {
            Ok(other) => op
                .matches(self.flavor.cmp(&other.get().flavor))
                .into_pyobject(py)
                .map_or_else(
                    |_| py.NotImplemented(),
                    |b| b.to_owned().into_any().unbind(),
                ),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py
            .import(intern!(py, "scs_flavor._native"))?
            .getattr(intern!(py, "_restore"))?;
        let args = match &self.source {
            Some(s) => (s.text.clone_ref(py).into_any(), Some(s.strategy.code())),
            None => (
                PyString::new(py, &self.flavor.to_string())
                    .into_any()
                    .unbind(),
                None,
            ),
        };
        (restore, args).into_pyobject(py)
    }
}

/// Unpickles a `Flavor`: reads `text` with `version`, or (`None`) rebuilds a built flavor
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
        Err(e) => Err(parse_error(name, strategy, e)),
    }
}

/// The disk component: `count` disks of `size` GB each (`None`: the cloud chooses) and
/// `kind` (`"n"`, `"h"`, `"s"`, `"p"` or `None` for unspecified).
#[pyclass(frozen, eq, hash, module = "scs_flavor", name = "Disk")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyDisk(Disk);

#[pymethods]
impl PyDisk {
    /// A disk, validated by the core: `Disk(100, "s")`, `Disk(10, "p", count=3)`.
    #[new]
    #[pyo3(signature = (size = None, kind = None, count = None), text_signature = "(size=None, kind=None, count=1)")]
    fn new(
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        kind: Option<&Bound<'_, PyAny>>,
        count: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let props = given(py, &[("size", size), ("kind", kind), ("count", count)])?;
        let f = with_part("disk", &props)?;
        f.disk
            .map(PyDisk)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: no disk (a bug)"))
    }

    /// Number of disks (1 unless written `Mx`).
    #[getter]
    fn count(&self) -> u32 {
        self.0.count.get()
    }

    /// Size of each disk in GB, or `None` where the cloud chooses.
    #[getter]
    fn size(&self) -> Option<u32> {
        self.0.size.map(|s| s.get())
    }

    /// `"n"` (network), `"h"` (HDD), `"s"` (SSD), `"p"` (NVMe) or `None` (unspecified).
    #[getter]
    fn kind(&self) -> Option<&'static str> {
        self.0.kind.map(|k| k.code())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_part(slf.as_any(), "disk")
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr_part(slf.as_any(), "Disk")
    }
}

/// The CPU brand extension: `vendor` (`"i"`, `"z"`, `"a"`, `"r"`), `generation` (0 = old
/// or unspecified) and `frequency` (number of `h`, 0-3).
#[pyclass(frozen, eq, hash, module = "scs_flavor", name = "CpuBrand")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyCpuBrand(CpuBrand);

#[pymethods]
impl PyCpuBrand {
    /// A CPU brand, validated by the core: `CpuBrand("i", 3, frequency=1)`.
    #[new]
    #[pyo3(signature = (vendor, generation = None, frequency = None), text_signature = "(vendor, generation=0, frequency=0)")]
    fn new(
        vendor: &Bound<'_, PyAny>,
        generation: Option<&Bound<'_, PyAny>>,
        frequency: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let args = [
            ("vendor", Some(vendor)),
            ("generation", generation),
            ("frequency", frequency),
        ];
        let f = with_part("cpu_brand", &given(vendor.py(), &args)?)?;
        f.cpu_brand
            .map(PyCpuBrand)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: no CPU brand (a bug)"))
    }

    /// `"i"` (Intel), `"z"` (AMD), `"a"` (ARM) or `"r"` (RISC-V).
    #[getter]
    fn vendor(&self) -> &'static str {
        self.0.vendor().code()
    }

    /// The generation number (0 = old or unspecified; see `tables.cpu_generations`).
    #[getter]
    fn generation(&self) -> u8 {
        self.0.generation()
    }

    /// The frequency class: the number of `h` (0-3).
    #[getter]
    fn frequency(&self) -> usize {
        self.0.frequency().count()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_part(slf.as_any(), "cpu_brand")
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr_part(slf.as_any(), "CpuBrand")
    }
}

/// The GPU extension: `kind` (`"G"` pass-through, `"g"` virtual), `vendor` (`"N"`, `"A"`,
/// `"I"`), `generation` (a code such as `"a"` or `"3.1"`, or `None`), `units` (SMs / CUs /
/// EUs), `unit_frequency` (number of `h`, 0-2), `vram` (GiB) and `vram_bandwidth` (0-2).
#[pyclass(frozen, eq, hash, module = "scs_flavor", name = "Gpu")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyGpu(Gpu);

#[pymethods]
impl PyGpu {
    /// A GPU, validated by the core: `Gpu("N", "a", units=64)`,
    /// `Gpu("A", "3.1", 48, 24, kind="g", vram_bandwidth=1)`.
    #[new]
    #[pyo3(
        signature = (vendor, generation = None, units = None, vram = None, kind = None, unit_frequency = None, vram_bandwidth = None),
        text_signature = "(vendor, generation=None, units=None, vram=None, kind='G', unit_frequency=0, vram_bandwidth=0)"
    )]
    fn new(
        vendor: &Bound<'_, PyAny>,
        generation: Option<&Bound<'_, PyAny>>,
        units: Option<&Bound<'_, PyAny>>,
        vram: Option<&Bound<'_, PyAny>>,
        kind: Option<&Bound<'_, PyAny>>,
        unit_frequency: Option<&Bound<'_, PyAny>>,
        vram_bandwidth: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let args = [
            ("vendor", Some(vendor)),
            ("generation", generation),
            ("units", units),
            ("vram", vram),
            ("kind", kind),
            ("unit_frequency", unit_frequency),
            ("vram_bandwidth", vram_bandwidth),
        ];
        let f = with_part("gpu", &given(vendor.py(), &args)?)?;
        f.gpu
            .map(PyGpu)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: no GPU (a bug)"))
    }

    /// `"G"` (pass-through) or `"g"` (virtual).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().code()
    }

    /// `"N"` (Nvidia), `"A"` (AMD) or `"I"` (Intel).
    #[getter]
    fn vendor(&self) -> &'static str {
        self.0.vendor().code()
    }

    /// The generation code (see `tables.gpu_generations`), or `None`.
    #[getter]
    fn generation(&self) -> Option<&'static str> {
        self.0.generation().map(|g| g.code())
    }

    /// Number of SMs / CUs / EUs, or `None`.
    #[getter]
    fn units(&self) -> Option<u32> {
        self.0.units().map(|u| u.get())
    }

    /// Frequency class of the units: the number of `h` (0-2).
    #[getter]
    fn unit_frequency(&self) -> usize {
        self.0.unit_frequency().count()
    }

    /// Video memory in GiB, or `None`.
    #[getter]
    fn vram(&self) -> Option<u32> {
        self.0.vram().map(|v| v.get())
    }

    /// Bandwidth class of the video memory: the number of `h` (0-2).
    #[getter]
    fn vram_bandwidth(&self) -> usize {
        self.0.vram_bandwidth().count()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_part(slf.as_any(), "gpu")
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr_part(slf.as_any(), "Gpu")
    }
}

/// Python's `repr` of a string.
fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// One component of a name, from `Flavor.explain()`.
#[pyclass(frozen, get_all, module = "scs_flavor", name = "Part")]
pub struct PyPart {
    /// `"prefix"`, `"cpu-ram"`, `"disk"`, `"hypervisor"`, `"hwv"`, `"cpu-brand"`, `"gpu"` or
    /// `"ib"`.
    component: &'static str,
    /// Index of its first character in the name.
    start: usize,
    /// Index just past it.
    end: usize,
    /// Its text (e.g. `"_i3h"`).
    text: String,
    /// What it means, in English.
    meaning: String,
}

#[pymethods]
impl PyPart {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Part(component={}, start={}, end={}, text={}, meaning={})",
            repr(py, self.component)?,
            self.start,
            self.end,
            repr(py, &self.text)?,
            repr(py, &self.meaning)?
        ))
    }
}

/// A warning on a valid name: its `kind` (a stable identifier such as `"non-canonical"`),
/// `message`, and the part of the name it concerns (`start`, `end`).
#[pyclass(frozen, get_all, module = "scs_flavor", name = "Warning")]
pub struct PyWarning {
    /// A stable identifier: `"tolerated"`, `"non-canonical"`, `"undescribed"`,
    /// `"rejected-by-official-checker"`, `"not-kubernetes-label"`, `"too-large-for-nova"`,
    /// `"too-many-disks"` or `"too-long-for-openstack"`.
    kind: &'static str,
    /// The message.
    message: String,
    /// Index of the first character concerned.
    start: usize,
    /// Index just past the part concerned.
    end: usize,
}

#[pymethods]
impl PyWarning {
    fn __str__(&self) -> String {
        self.message.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Warning(kind={}, message={}, start={}, end={})",
            repr(py, self.kind)?,
            repr(py, &self.message)?,
            self.start,
            self.end
        ))
    }
}
