//! Live clouds: a Python object with the five flavor calls (`scs_flavor._openstack.OpenStack`,
//! built on `openstacksdk`) as the audit crate's [`Cloud`], the connector the console script
//! hands to `scs_flavor_cli::run_with`, and `plan` / `apply` for the Python API.
//!
//! Only conversion: listings go through [`flavors_from_value`]; the Python backend reports
//! a failed SDK call as `scs_flavor._openstack.Failure(situation, **facts)`, which becomes a
//! [`CloudError`] through the audit crate's constructor of that name (the messages live there,
//! once, for both backends); a `scs_flavor.CloudError(kind, message)` is taken as it is.
//! Planning and the apply loop are the crate's. Any other Python exception (a bug, not a cloud's answer) is
//! kept and raised again once the Rust code has returned.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};
use scs_flavor_audit::{
    flavors_from_value, Cloud, CloudError, CloudErrorKind, CloudFlavor, NewFlavor, PlanOptions,
};

use crate::audit::cloud;
use crate::convert::{error, text, to_py, Data};

/// The first Python exception that is not a `CloudError`, raised again after the run.
#[derive(Clone, Default)]
pub(crate) struct Failure(Rc<RefCell<Option<PyErr>>>);

impl Failure {
    /// Keeps `e` (the first one wins).
    fn keep(&self, e: PyErr) {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            *slot = Some(e);
        }
    }

    /// The kept exception, if any.
    pub(crate) fn take(&self) -> Option<PyErr> {
        self.0.borrow_mut().take()
    }
}

static CLOUD_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static FAILURE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `scs_flavor._openstack.Failure`.
fn failure_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    FAILURE.import(py, "scs_flavor._openstack", "Failure")
}

/// The [`CloudError`] of a backend's `Failure`: the constructor `situation` with the
/// `facts` it takes (`None` for an unknown situation or a missing fact).
fn from_situation(situation: &str, facts: &Bound<'_, PyDict>) -> PyResult<Option<CloudError>> {
    let text = |key: &str| -> PyResult<Option<String>> {
        match facts.get_item(key)? {
            Some(v) if !v.is_none() => Ok(Some(v.str()?.to_string())),
            _ => Ok(None),
        }
    };
    let status = || -> PyResult<Option<u16>> {
        match facts.get_item("status")? {
            Some(v) => Ok(v.extract::<u16>().ok()),
            None => Ok(None),
        }
    };
    let cloud = text("cloud")?;
    let cloud = cloud.as_deref();
    let server_text = text("server_text")?.unwrap_or_default();
    let cause = text("cause")?;
    let auth_url = text("auth_url")?.unwrap_or_default();
    Ok(match situation {
        "no_cloud_given" => Some(CloudError::no_cloud_given()),
        "no_such_cloud" => text("name")?.map(|name| {
            CloudError::no_such_cloud(&name, text("config_file").ok().flatten().as_deref())
        }),
        "sdk_missing" => match (text("sdk")?, text("install")?) {
            (Some(sdk), Some(install)) => Some(CloudError::sdk_missing(&sdk, &install)),
            _ => None,
        },
        "cannot_connect" => cause.map(|c| CloudError::cannot_connect(cloud, &c)),
        "credentials_refused" => Some(CloudError::credentials_refused(cloud, &auth_url)),
        "authentication_refused" => {
            status()?.map(|s| CloudError::authentication_refused(cloud, s, &server_text))
        }
        "unreachable" => cause.map(|c| CloudError::unreachable(cloud, &auth_url, &c)),
        "no_compute" => Some(CloudError::no_compute(
            cloud,
            text("region")?.as_deref(),
            text("interface")?.as_deref(),
        )),
        "http" => status()?.map(|s| CloudError::http(s, &server_text)),
        "connection_failed" => cause.map(|c| CloudError::connection_failed(&c)),
        "failed" => cause.map(|c| CloudError::failed(&c)),
        _ => None,
    })
}

/// `scs_flavor.CloudError`.
fn cloud_error_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    CLOUD_ERROR.import(py, "scs_flavor._cloud", "CloudError")
}

/// A Python exception as a [`CloudError`]: a backend's `Failure` by its situation and facts,
/// a `scs_flavor.CloudError` by its kind and message; anything else is kept in `failure`
/// (and reported as refused meanwhile).
fn from_py(py: Python<'_>, e: PyErr, failure: &Failure) -> CloudError {
    let read = || -> PyResult<Option<CloudError>> {
        let value = e.value(py);
        if e.is_instance(py, failure_class(py)?) {
            let situation: String = value.getattr(intern!(py, "situation"))?.extract()?;
            let facts = value.getattr(intern!(py, "facts"))?;
            return from_situation(&situation, facts.cast::<PyDict>()?);
        }
        if !e.is_instance(py, cloud_error_class(py)?) {
            return Ok(None);
        }
        let kind: String = value.getattr(intern!(py, "kind"))?.extract()?;
        let message: String = value.getattr(intern!(py, "message"))?.extract()?;
        Ok(CloudErrorKind::from_name(&kind).map(|k| CloudError::new(k, message)))
    };
    match read() {
        Ok(Some(err)) => err,
        Ok(None) => {
            let message = format!("Python exception: {e}");
            failure.keep(e);
            CloudError::new(CloudErrorKind::Refused, message)
        }
        Err(other) => {
            let message = format!("Python exception: {other}");
            failure.keep(other);
            CloudError::new(CloudErrorKind::Refused, message)
        }
    }
}

/// A [`CloudError`] as `scs_flavor.CloudError`.
pub(crate) fn to_py_err(py: Python<'_>, e: &CloudError) -> PyErr {
    match cloud_error_class(py).and_then(|c| c.call1((e.kind.as_str(), e.message.as_str()))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(failed) => failed,
    }
}

/// A Python object with `flavors()`, `create_flavor(name, vcpus, ram, disk, is_public)`,
/// `set_properties(id, dict)`, `unset_properties(id, list)` and `delete_flavor(id)`, as a
/// [`Cloud`].
pub(crate) struct PyCloud {
    backend: Py<PyAny>,
    failure: Failure,
}

impl PyCloud {
    /// Wraps `backend`; Python exceptions other than `CloudError` go to `failure`.
    pub(crate) fn new(backend: Py<PyAny>, failure: Failure) -> Self {
        PyCloud { backend, failure }
    }

    /// Calls `method` with `args`, mapping exceptions.
    fn call<T>(
        &self,
        method: &str,
        args: impl FnOnce(Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyTuple>>,
        read: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<T>,
    ) -> Result<T, CloudError> {
        Python::attach(|py| {
            let result = args(py).and_then(|a| {
                let out = self.backend.bind(py).call_method1(method, a)?;
                read(&out)
            });
            result.map_err(|e| from_py(py, e, &self.failure))
        })
    }
}

impl Cloud for PyCloud {
    fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError> {
        self.call(
            "flavors",
            |py| Ok(pyo3::types::PyTuple::empty(py)),
            |list| {
                let value: serde_json::Value = Data::read(list)?;
                flavors_from_value(&value)
                    .map_err(|e| error(list.py(), format!("flavors(): {e}"), &e))
            },
        )
    }

    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError> {
        self.call(
            "create_flavor",
            |py| (name, new.vcpus, new.ram_mib, new.disk_gb, new.public).into_pyobject(py),
            |id| match id.cast::<PyString>() {
                Ok(s) => Ok(text(s)?.as_str().into_owned()),
                Err(_) => Ok(id.str()?.to_string()),
            },
        )
    }

    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError> {
        self.call(
            "set_properties",
            |py| {
                let dict = PyDict::new(py);
                for (k, v) in properties {
                    dict.set_item(k, v)?;
                }
                (id, dict).into_pyobject(py)
            },
            |_| Ok(()),
        )
    }

    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
        self.call(
            "unset_properties",
            |py| (id, keys.to_vec()).into_pyobject(py),
            |_| Ok(()),
        )
    }

    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
        self.call("delete_flavor", |py| (id,).into_pyobject(py), |_| Ok(()))
    }
}

/// Opens the cloud `name` (`None`: `OS_CLOUD` / the `OS_*` environment) with
/// `scs_flavor._openstack.connect`: the console script's connector.
pub(crate) fn connect(name: Option<&str>, failure: &Failure) -> Result<Box<dyn Cloud>, CloudError> {
    Python::attach(|py| {
        let backend = py
            .import(intern!(py, "scs_flavor._openstack"))
            .and_then(|m| m.call_method1(intern!(py, "connect"), (name,)))
            .map_err(|e| from_py(py, e, failure))?;
        let cloud: Box<dyn Cloud> = Box::new(PyCloud::new(backend.unbind(), failure.clone()));
        Ok(cloud)
    })
}

/// `backend.flavors()` (the Python API's `audit` of a connection), with a failure raised as
/// `scs_flavor.CloudError` said to have happened while listing the flavors.
#[pyfunction]
pub(crate) fn _flavors<'py>(backend: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = backend.py();
    backend.call_method0(intern!(py, "flavors")).map_err(|e| {
        let failure = Failure::default();
        let error = from_py(py, e, &failure).during(scs_flavor_audit::LISTING);
        failure.take().unwrap_or_else(|| to_py_err(py, &error))
    })
}

/// Plans the changes for a flavor list: `(plan as data, text, openstack script)`.
#[pyfunction]
#[pyo3(signature = (flavors, recommended = false, recreate = false, prune = false))]
pub(crate) fn _plan<'py>(
    flavors: &Bound<'py, PyAny>,
    recommended: bool,
    recreate: bool,
    prune: bool,
) -> PyResult<(Bound<'py, PyAny>, String, String)> {
    let options = PlanOptions {
        recommended,
        recreate,
        prune,
    };
    let plan = scs_flavor_audit::plan(&cloud(flavors)?, options);
    Ok((
        to_py(flavors.py(), &plan)?,
        plan.to_string(),
        plan.openstack_script(),
    ))
}

/// What `_apply` returns: the plan as `_plan` returns it, and the crate's `Applied` as data
/// and as text.
type Applied<'py> = (Bound<'py, PyAny>, String, String, Bound<'py, PyAny>, String);

/// Plans the changes for the cloud `backend` and carries them out with the crate's `apply`,
/// calling `progress(step)` before each call: the plan as [`_plan`] returns it, and what was
/// applied as data and as text. Raises
/// `scs_flavor.CloudError` if the flavors cannot be listed; a refused step is in the result.
#[pyfunction]
#[pyo3(signature = (backend, recommended = false, recreate = false, prune = false, progress = None))]
pub(crate) fn _apply<'py>(
    backend: &Bound<'py, PyAny>,
    recommended: bool,
    recreate: bool,
    prune: bool,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<Applied<'py>> {
    let py = backend.py();
    let failure = Failure::default();
    let mut cloud = PyCloud::new(backend.clone().unbind(), failure.clone());
    let listed = scs_flavor_audit::list_flavors(&mut cloud);
    if let Some(e) = failure.take() {
        return Err(e);
    }
    let flavors = listed.map_err(|e| to_py_err(py, &e))?;
    let options = PlanOptions {
        recommended,
        recreate,
        prune,
    };
    let plan = scs_flavor_audit::plan(&flavors, options);
    let progress = progress.filter(|p| !p.is_none());
    let mut report = |step: &scs_flavor_audit::Step<'_>| {
        if let Some(p) = &progress {
            if let Err(e) = p.call1((step.what.as_str(),)) {
                failure.keep(e);
            }
        }
    };
    let applied = scs_flavor_audit::apply(&mut cloud, &plan, &mut report);
    if let Some(e) = failure.take() {
        return Err(e);
    }
    Ok((
        to_py(py, &plan)?,
        plan.to_string(),
        plan.openstack_script(),
        to_py(py, &applied)?,
        applied.to_string(),
    ))
}
