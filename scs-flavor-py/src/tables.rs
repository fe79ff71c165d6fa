//! The core's value tables, for `scs_flavor.tables`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use scs_flavor::tables::{self, Entry};
use scs_flavor::{CpuVendor, GpuVendor};

fn rows(table: &'static [Entry]) -> Vec<(&'static str, &'static str, &'static str)> {
    table.iter().map(|e| (e.code, e.name, e.meaning)).collect()
}

/// Every value table of the core as `(code, name, meaning)` rows: a dict from table name to
/// rows, and for `cpu_generations` and `gpu_generations` a dict from vendor code to rows.
#[pyfunction]
pub(crate) fn _tables(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("cpu_types", rows(tables::CPU_TYPES))?;
    d.set_item("disk_types", rows(tables::DISK_TYPES))?;
    d.set_item("hypervisors", rows(tables::HYPERVISORS))?;
    d.set_item("cpu_vendors", rows(tables::CPU_VENDORS))?;
    d.set_item("cpu_frequencies", rows(tables::CPU_FREQUENCIES))?;
    d.set_item("gpu_kinds", rows(tables::GPU_KINDS))?;
    d.set_item("gpu_vendors", rows(tables::GPU_VENDORS))?;
    d.set_item("gpu_frequencies", rows(tables::GPU_FREQUENCIES))?;
    d.set_item("vram_bandwidths", rows(tables::VRAM_BANDWIDTHS))?;
    let cpu = PyDict::new(py);
    for &v in CpuVendor::ALL {
        cpu.set_item(v.code(), rows(v.generations()))?;
    }
    d.set_item("cpu_generations", cpu)?;
    let gpu = PyDict::new(py);
    for &v in GpuVendor::ALL {
        gpu.set_item(v.code(), rows(v.generations()))?;
    }
    d.set_item("gpu_generations", gpu)?;
    Ok(d)
}
