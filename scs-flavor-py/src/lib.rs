//! `scs_flavor._native`: the Python binding of the `scs-flavor` core crate.
//!
//! This crate only converts between Python and the core: parsing, validation, rendering,
//! warnings, specs, descriptions, messages, tables and the lookup rule all come from
//! `scs_flavor`; properties are the core's flavor object (`Builder`'s serde form); the console
//! script runs `scs_flavor_cli::run_with` with live clouds reached through `openstacksdk`
//! (`cloud.rs`, `scs_flavor/_openstack.py`), and `audit` / `select` / `plan` / `apply` call
//! the `scs_flavor_audit` crate. The Python package around it lives in `python/scs_flavor/`; its documented
//! signatures are in `python/scs_flavor/_native.pyi`.
//!
//! Text crosses the boundary as Python `str`. Offsets handed to Python (`start`, `end`) are
//! indices into that `str` (code points), not the core's byte offsets, so that
//! `name[err.start:err.end]` is the offending part.

#![deny(missing_docs)]

use pyo3::prelude::*;
use pyo3::types::PyTuple;

mod audit;
mod check;
mod cli;
mod cloud;
mod convert;
mod flavor;
mod tables;

pub use check::CheckResult;
pub use flavor::{PyCpuBrand, PyDisk, PyFlavor, PyGpu};

/// The native module `scs_flavor._native` (re-exported by the `scs_flavor` package).
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFlavor>()?;
    m.add_class::<PyDisk>()?;
    m.add_class::<PyCpuBrand>()?;
    m.add_class::<PyGpu>()?;
    m.add_class::<CheckResult>()?;
    m.add_function(wrap_pyfunction!(check::parse, m)?)?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add_function(wrap_pyfunction!(check::check_many, m)?)?;
    m.add_function(wrap_pyfunction!(check::_error_detail, m)?)?;
    m.add_function(wrap_pyfunction!(check::_noop, m)?)?;
    m.add_function(wrap_pyfunction!(check::_noop_many, m)?)?;
    flavor::install_fields(m)?;
    m.add_function(wrap_pyfunction!(flavor::_restore, m)?)?;
    m.add_function(wrap_pyfunction!(flavor::_part, m)?)?;
    m.add_function(wrap_pyfunction!(audit::_audit, m)?)?;
    m.add_function(wrap_pyfunction!(audit::_select, m)?)?;
    m.add_function(wrap_pyfunction!(tables::_tables, m)?)?;
    m.add_function(wrap_pyfunction!(tables::_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(cli::_run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(cloud::_plan, m)?)?;
    m.add_function(wrap_pyfunction!(cloud::_apply, m)?)?;
    m.add_function(wrap_pyfunction!(cloud::_flavors, m)?)?;
    m.add(
        "REQUIREMENT_KEYS",
        PyTuple::new(m.py(), audit::requirement_keys())?,
    )?;
    m.add("MAX_SPEC_DISKS", scs_flavor::MAX_SPEC_DISKS)?;
    let rows = scs_flavor::tables::STRATEGY.entries.iter();
    let strategies = rows.flat_map(|e| std::iter::once(e.code).chain(e.aliases.iter().copied()));
    m.add("STRATEGIES", strategies.collect::<Vec<_>>())?;
    Ok(())
}
