//! `Flavor` and its parts (`Disk`, `CpuBrand`, `Gpu`), `Part` of an explanation and
//! `Warning`. Every value is validated by the core's `Builder`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use scs_flavor::{
    Builder, CpuBrand, CpuType, CpuVendor, Disk, DiskType, ErrorKind, Field, Flavor, Gpu, GpuKind,
    GpuSpec, GpuVendor, Hypervisor, Outcome, Parsed, SpecValue, Strategy,
};

use crate::check::parse_error;
use crate::convert::{
    self, build_error, count, index, letter, negative, opt_count, opt_letter, small, text,
    type_name,
};

/// The text a flavor was read from, and how.
struct Source {
    text: Py<PyString>,
    strategy: Strategy,
}

/// A valid SCS flavor: every component typed, immutable, hashable, ordered, picklable.
///
/// Made by `parse()` / `check()`, or from properties (validated like a parsed name):
/// `Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))`.
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

    /// The key flavors are ordered by: vCPUs, CPU type, RAM, then the other components in
    /// the order of the name.
    fn key(&self) -> impl Ord {
        let f = &self.flavor;
        (
            (f.cpu.count, f.cpu.kind, f.cpu.insecure),
            (f.ram.size, f.ram.no_ecc, f.ram.oversubscribed),
            f.disk.map(|d| (d.count, d.size, d.kind)),
            (f.hypervisor, f.hwv),
            f.cpu_brand
                .map(|b| (b.vendor(), b.generation(), b.frequency())),
            f.gpu.map(|g| {
                (
                    (g.kind(), g.vendor(), g.generation().map(|x| x.code())),
                    (g.units(), g.unit_frequency(), g.vram(), g.vram_bandwidth()),
                )
            }),
            f.ib,
        )
    }
}

/// Builds a flavor with the core's builder, from this module's validated parts.
#[allow(clippy::too_many_arguments)]
fn build(
    cpus: &Bound<'_, PyAny>,
    cpu_type: &Bound<'_, PyAny>,
    ram_gib: &Bound<'_, PyAny>,
    cpu_insecure: bool,
    ram_no_ecc: bool,
    ram_oversubscribed: bool,
    disk: Option<&Bound<'_, PyAny>>,
    hypervisor: Option<&Bound<'_, PyAny>>,
    hwv: bool,
    cpu_brand: Option<&Bound<'_, PyAny>>,
    gpu: Option<&Bound<'_, PyAny>>,
    ib: bool,
) -> PyResult<Flavor> {
    let cpus = count(cpus, "cpus", Field::CpuCount)?;
    let cpu_type = letter(cpu_type, "cpu_type", CpuType::ALL, CpuType::entry)?;
    let ram = ram(ram_gib)?;
    let mut b = Builder::new(cpus, cpu_type, ram);
    b.cpu_insecure = cpu_insecure;
    b.ram_no_ecc = ram_no_ecc;
    b.ram_oversubscribed = ram_oversubscribed;
    b.hypervisor = opt_letter(hypervisor, "hypervisor", Hypervisor::ALL, Hypervisor::entry)?;
    b.hwv = hwv;
    b.ib = ib;
    if let Some(d) = part::<PyDisk>(disk, "disk")? {
        let d = d.get().0;
        b = b.disk(d.count.get(), d.size.map(|s| s.get()), d.kind);
    }
    if let Some(c) = part::<PyCpuBrand>(cpu_brand, "cpu_brand")? {
        let c = c.get().0;
        b = b.cpu_brand(
            c.vendor(),
            u32::from(c.generation()),
            c.frequency().count() as u32,
        );
    }
    let gpu = part::<PyGpu>(gpu, "gpu")?;
    if let Some(g) = &gpu {
        b = b.gpu(gpu_spec(g.get().0));
    }
    b.build().map_err(build_error)
}

/// RAM in GiB: a Python `int` or `float` (not `bool`); negatives refused here.
fn ram(value: &Bound<'_, PyAny>) -> PyResult<f64> {
    use pyo3::types::{PyBool, PyFloat, PyInt};
    if value.is_instance_of::<PyBool>()
        || !(value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>())
    {
        return Err(PyTypeError::new_err(format!(
            "ram_gib: expected an int or float, not {}",
            type_name(value)
        )));
    }
    if value.lt(0)? {
        return Err(negative("ram_gib", Field::Ram, value));
    }
    let Ok(gib) = value.extract::<f64>() else {
        // An int beyond a float's range.
        let kind = ErrorKind::TooLarge { field: Field::Ram };
        return Err(build_error(scs_flavor::BuildError {
            field: "ram_gib",
            kind,
        }));
    };
    Ok(gib)
}

/// A part given as the part's class, as a `dict` of its constructor's arguments, or (for a
/// disk) as an `int` size.
fn part<'py, T: pyo3::PyClass + pyo3::type_object::PyTypeInfo>(
    value: Option<&Bound<'py, PyAny>>,
    field: &str,
) -> PyResult<Option<Bound<'py, T>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(p) = value.cast::<T>() {
        return Ok(Some(p.clone()));
    }
    let py = value.py();
    let class = py.get_type::<T>();
    let made = if let Ok(kwargs) = value.cast::<PyDict>() {
        class.call((), Some(kwargs))?
    } else if value.is_instance_of::<pyo3::types::PyInt>() && field == "disk" {
        class.call1((value,))?
    } else {
        let name = class.name()?;
        return Err(PyTypeError::new_err(format!(
            "{field}: expected {name}, a dict or None, not {}",
            type_name(value)
        )));
    };
    Ok(Some(made.cast_into::<T>()?))
}

fn gpu_spec(g: Gpu) -> GpuSpec<'static> {
    GpuSpec {
        kind: g.kind(),
        vendor: Some(g.vendor()),
        generation: g.generation().map(|x| x.code()),
        units: g.units().map(|u| u.get()),
        unit_frequency: g.unit_frequency().count() as u32,
        vram: g.vram().map(|v| v.get()),
        vram_bandwidth: g.vram_bandwidth().count() as u32,
    }
}

/// A minimal builder, to validate one part with the core's rules and field names.
fn bare() -> Builder<'static> {
    Builder::new(1, CpuType::SharedCore, 1.0)
}

fn opt_int(py: Python<'_>, n: Option<std::num::NonZeroU32>) -> Py<PyAny> {
    match n {
        Some(n) => n
            .get()
            .into_pyobject(py)
            .map_or_else(|_| py.None(), |v| v.into_any().unbind()),
        None => py.None(),
    }
}

/// Python's `repr` of a string.
fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
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
    /// Builds a flavor from its properties, validated like a parsed name; a bad value raises
    /// `ValueError` naming the field and the allowed values (`TypeError` for a wrong type).
    #[new]
    #[pyo3(signature = (
        cpus, cpu_type, ram_gib, *, cpu_insecure = false, ram_no_ecc = false,
        ram_oversubscribed = false, disk = None, hypervisor = None, hwv = false,
        cpu_brand = None, gpu = None, ib = false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        cpus: &Bound<'_, PyAny>,
        cpu_type: &Bound<'_, PyAny>,
        ram_gib: &Bound<'_, PyAny>,
        cpu_insecure: bool,
        ram_no_ecc: bool,
        ram_oversubscribed: bool,
        disk: Option<&Bound<'_, PyAny>>,
        hypervisor: Option<&Bound<'_, PyAny>>,
        hwv: bool,
        cpu_brand: Option<&Bound<'_, PyAny>>,
        gpu: Option<&Bound<'_, PyAny>>,
        ib: bool,
    ) -> PyResult<Self> {
        let flavor = build(
            cpus,
            cpu_type,
            ram_gib,
            cpu_insecure,
            ram_no_ecc,
            ram_oversubscribed,
            disk,
            hypervisor,
            hwv,
            cpu_brand,
            gpu,
            ib,
        )?;
        Ok(PyFlavor {
            flavor,
            source: None,
        })
    }

    /// A copy with some properties changed (the keyword arguments of the constructor).
    #[pyo3(signature = (**changes))]
    fn replace(slf: &Bound<'_, Self>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let py = slf.py();
        let args = PyDict::new(py);
        for name in [
            "cpus",
            "cpu_type",
            "ram_gib",
            "cpu_insecure",
            "ram_no_ecc",
            "ram_oversubscribed",
            "disk",
            "hypervisor",
            "hwv",
            "cpu_brand",
            "gpu",
            "ib",
        ] {
            args.set_item(name, slf.getattr(name)?)?;
        }
        if let Some(changes) = changes {
            for key in changes.keys() {
                if !args.contains(&key)? {
                    return Err(PyTypeError::new_err(format!(
                        "replace() got an unexpected keyword argument {}",
                        key.repr()?
                    )));
                }
            }
            args.update(changes.as_mapping())?;
        }
        let get = |name: &str| -> PyResult<Bound<'_, PyAny>> {
            args.get_item(name)?
                .ok_or_else(|| PyRuntimeError::new_err(format!("replace(): lost {name}")))
        };
        let flag = |name: &str| -> PyResult<bool> { get(name)?.extract() };
        let opt = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            Ok(Some(get(name)?).filter(|v| !v.is_none()))
        };
        let flavor = build(
            &get("cpus")?,
            &get("cpu_type")?,
            &get("ram_gib")?,
            flag("cpu_insecure")?,
            flag("ram_no_ecc")?,
            flag("ram_oversubscribed")?,
            opt("disk")?.as_ref(),
            opt("hypervisor")?.as_ref(),
            flag("hwv")?,
            opt("cpu_brand")?.as_ref(),
            opt("gpu")?.as_ref(),
            flag("ib")?,
        )?;
        Ok(PyFlavor {
            flavor,
            source: None,
        })
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
        self.flavor.hypervisor.map(Hypervisor::code)
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
    /// Raises `ValueError` for more than `MAX_SPEC_DISKS` disks (deviation D3).
    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let spec = self
            .flavor
            .spec()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
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

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> Py<PyAny> {
        let py = other.py();
        let Ok(other) = other.cast::<PyFlavor>() else {
            return py.NotImplemented();
        };
        let ordering = self.key().cmp(&other.get().key());
        op.matches(ordering).into_pyobject(py).map_or_else(
            |_| py.NotImplemented(),
            |b| b.to_owned().into_any().unbind(),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py
            .import(intern!(py, "scs_flavor._native"))?
            .getattr(intern!(py, "_restore"))?;
        let args = match &self.source {
            Some(s) => (s.text.clone_ref(py).into_any(), Some(s.strategy.as_str())),
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
    let input = t.as_str();
    match strategy.parse(&input) {
        Ok(p) if version.is_some() => Ok(PyFlavor::parsed(p.flavor(), name, strategy)),
        Ok(p) => Ok(PyFlavor {
            flavor: p.flavor(),
            source: None,
        }),
        Err(e) => Err(parse_error(name, strategy, e)),
    }
}

/// The disk component: `count` disks of `size` GB each (`None`: the cloud chooses) and
/// `type` (`"n"`, `"h"`, `"s"`, `"p"` or `None` for unspecified).
#[pyclass(frozen, eq, hash, module = "scs_flavor", name = "Disk")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyDisk(Disk);

#[pymethods]
impl PyDisk {
    /// A disk, validated by the core: `Disk(100, "s")`, `Disk(10, "p", count=3)`.
    #[new]
    #[pyo3(
        signature = (size = None, r#type = None, count = None),
        text_signature = "(size=None, type=None, count=1)"
    )]
    fn new(
        size: Option<&Bound<'_, PyAny>>,
        r#type: Option<&Bound<'_, PyAny>>,
        count: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let size = opt_count(size, "disk.size", Field::DiskSize)?;
        let kind = opt_letter(r#type, "disk.type", DiskType::ALL, DiskType::entry)?;
        let count = opt_count(count, "disk.count", Field::DiskCount)?.unwrap_or(1);
        let f = bare()
            .disk(count, size, kind)
            .build()
            .map_err(build_error)?;
        f.disk
            .map(PyDisk)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: the disk was lost (a bug)"))
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
    fn r#type(&self) -> Option<&'static str> {
        self.0.kind.map(DiskType::code)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let d = slf.get();
        let args = (d.size(), d.r#type(), d.count());
        (slf.get_type(), args).into_pyobject(slf.py())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Disk(size={}, type={}, count={})",
            opt_int(py, self.0.size),
            self.0
                .kind
                .map_or("None".to_owned(), |k| format!("'{}'", k.code())),
            self.0.count
        )
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
    #[pyo3(
        signature = (vendor, generation = None, frequency = None),
        text_signature = "(vendor, generation=0, frequency=0)"
    )]
    fn new(
        vendor: &Bound<'_, PyAny>,
        generation: Option<&Bound<'_, PyAny>>,
        frequency: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let vendor = letter(vendor, "cpu_brand.vendor", CpuVendor::ALL, CpuVendor::entry)?;
        let bad_generation = ErrorKind::CpuGeneration {
            vendor,
            generation: None,
        };
        let generation = small(generation, "cpu_brand.generation", bad_generation)?;
        let frequency = small(frequency, "cpu_brand.frequency", ErrorKind::CpuFrequency)?;
        let f = bare()
            .cpu_brand(vendor, generation.unwrap_or(0), frequency.unwrap_or(0))
            .build()
            .map_err(build_error)?;
        f.cpu_brand
            .map(PyCpuBrand)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: the CPU brand was lost (a bug)"))
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
        let c = slf.get();
        let args = (c.vendor(), c.generation(), c.frequency());
        (slf.get_type(), args).into_pyobject(slf.py())
    }

    fn __repr__(&self) -> String {
        format!(
            "CpuBrand(vendor='{}', generation={}, frequency={})",
            self.0.vendor().code(),
            self.0.generation(),
            self.0.frequency().count()
        )
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
        signature = (
            vendor, generation = None, units = None, vram = None, kind = None,
            unit_frequency = None, vram_bandwidth = None
        ),
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
        let vendor = letter(vendor, "gpu.vendor", GpuVendor::ALL, GpuVendor::entry)?;
        let kind = opt_letter(kind, "gpu.kind", GpuKind::ALL, GpuKind::entry)?
            .unwrap_or(GpuKind::PassThrough);
        let generation = match generation.filter(|g| !g.is_none()) {
            None => None,
            Some(g) => match g.cast::<PyString>() {
                Ok(s) => Some(text(s)?.as_str().into_owned()),
                Err(_) => {
                    return Err(PyTypeError::new_err(format!(
                        "gpu.generation: expected a str, not {}",
                        type_name(g)
                    )))
                }
            },
        };
        let spec = GpuSpec {
            kind,
            vendor: Some(vendor),
            generation: generation.as_deref(),
            units: opt_count(units, "gpu.units", Field::GpuUnits)?,
            unit_frequency: small(
                unit_frequency,
                "gpu.unit_frequency",
                ErrorKind::GpuFrequency {
                    field: Field::GpuUnits,
                },
            )?
            .unwrap_or(0),
            vram: opt_count(vram, "gpu.vram", Field::Vram)?,
            vram_bandwidth: small(
                vram_bandwidth,
                "gpu.vram_bandwidth",
                ErrorKind::GpuFrequency { field: Field::Vram },
            )?
            .unwrap_or(0),
        };
        let f = bare().gpu(spec).build().map_err(build_error)?;
        f.gpu
            .map(PyGpu)
            .ok_or_else(|| PyRuntimeError::new_err("scs_flavor: the GPU was lost (a bug)"))
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
        let g = slf.get();
        let args = (
            g.vendor(),
            g.generation(),
            g.units(),
            g.vram(),
            g.kind(),
            g.unit_frequency(),
            g.vram_bandwidth(),
        );
        (slf.get_type(), args).into_pyobject(slf.py())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let g = self.0;
        format!(
            "Gpu(vendor='{}', generation={}, units={}, vram={}, kind='{}', unit_frequency={}, vram_bandwidth={})",
            g.vendor().code(),
            g.generation().map_or("None".to_owned(), |x| format!("'{}'", x.code())),
            opt_int(py, g.units()),
            opt_int(py, g.vram()),
            g.kind().code(),
            g.unit_frequency().count(),
            g.vram_bandwidth().count()
        )
    }
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
