//! The console script: `scs_flavor_cli::run` with Python's standard streams.
//!
//! Names are read from `stdin` a line at a time (so `-` works interactively and in pipes) and
//! output is handed to Python's `stdout` / `stderr` a line at a time, as `str`, so that
//! redirections made in Python (pytest's capture, `contextlib.redirect_stdout`) see it. A
//! Python exception raised by a stream ends the run and is raised again afterwards, except a
//! `BrokenPipeError` on output, which the CLI treats as the end of its reader. Live clouds
//! are opened with `scs_flavor._openstack` (openstacksdk): see `cloud.rs`.

use std::cell::RefCell;
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, Read, Write};

use pyo3::exceptions::PyBrokenPipeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The first Python exception a stream raised.
type Failure = RefCell<Option<PyErr>>;

fn failed(py: Python<'_>, slot: &Failure, e: PyErr) -> io::Error {
    let kind = if e.is_instance_of::<PyBrokenPipeError>(py) {
        io::ErrorKind::BrokenPipe
    } else {
        io::ErrorKind::Other
    };
    let err = io::Error::new(kind, e.to_string());
    let mut slot = slot.borrow_mut();
    if slot.is_none() {
        *slot = Some(e);
    }
    err
}

/// Reads lines from a Python text or binary stream (`None`: nothing to read).
struct Reader<'a, 'py> {
    stream: Option<Bound<'py, PyAny>>,
    pending: Vec<u8>,
    at: usize,
    failure: &'a Failure,
}

impl Read for Reader<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at >= self.pending.len() {
            let Some(stream) = &self.stream else {
                return Ok(0);
            };
            let py = stream.py();
            let line = match stream.call_method0(intern!(py, "readline")) {
                Ok(line) => line,
                Err(e) => return Err(failed(py, self.failure, e)),
            };
            self.pending.clear();
            self.at = 0;
            if let Ok(b) = line.cast::<PyBytes>() {
                self.pending.extend_from_slice(b.as_bytes());
            } else if let Ok(s) = line.cast::<PyString>() {
                self.pending
                    .extend_from_slice(s.to_string_lossy().as_bytes());
            }
            if self.pending.is_empty() {
                return Ok(0);
            }
        }
        let rest = &self.pending[self.at..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.at += n;
        Ok(n)
    }
}

/// Writes complete lines to a Python text stream as `str`.
struct Writer<'a, 'py> {
    stream: Option<Bound<'py, PyAny>>,
    buf: Vec<u8>,
    failure: &'a Failure,
}

impl Writer<'_, '_> {
    fn emit(&mut self, upto: usize) -> io::Result<()> {
        let Some(stream) = &self.stream else {
            self.buf.drain(..upto);
            return Ok(());
        };
        let py = stream.py();
        let text = String::from_utf8_lossy(&self.buf[..upto]).into_owned();
        self.buf.drain(..upto);
        match stream.call_method1(intern!(py, "write"), (text,)) {
            Ok(_) => Ok(()),
            Err(e) => Err(failed(py, self.failure, e)),
        }
    }
}

impl Write for Writer<'_, '_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if let Some(last) = self.buf.iter().rposition(|&b| b == b'\n') {
            self.emit(last + 1)?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.emit(self.buf.len())?;
        }
        let Some(stream) = &self.stream else {
            return Ok(());
        };
        let py = stream.py();
        match stream.call_method0(intern!(py, "flush")) {
            Ok(_) => Ok(()),
            Err(e) => Err(failed(py, self.failure, e)),
        }
    }
}

/// Runs the `scs-flavor` command line `argv` (program name first) with these streams
/// (`None` for a missing one) and returns its exit status.
#[pyfunction]
pub(crate) fn _run_cli(
    argv: Vec<OsString>,
    stdin: Option<Bound<'_, PyAny>>,
    stdout: Option<Bound<'_, PyAny>>,
    stderr: Option<Bound<'_, PyAny>>,
) -> PyResult<i32> {
    let failure = Failure::default();
    let mut input = BufReader::new(Reader {
        stream: stdin.filter(|s| !s.is_none()),
        pending: Vec::new(),
        at: 0,
        failure: &failure,
    });
    let mut out = Writer {
        stream: stdout.filter(|s| !s.is_none()),
        buf: Vec::new(),
        failure: &failure,
    };
    let mut err = Writer {
        stream: stderr.filter(|s| !s.is_none()),
        buf: Vec::new(),
        failure: &failure,
    };
    // Live clouds (`--os-cloud`, `apply`) through `scs_flavor._openstack` (openstacksdk).
    let cloud_failure = crate::cloud::Failure::default();
    let mut connect = |name: Option<&str>| crate::cloud::connect(name, &cloud_failure);
    let code = scs_flavor_cli::run_with(
        argv,
        &mut input as &mut dyn BufRead,
        &mut out,
        &mut err,
        &mut connect,
    );
    // Errors here are recorded in `failure` and handled below.
    let _ = out.flush();
    let _ = err.flush();
    drop((input, out, err));
    match failure.into_inner().or_else(|| cloud_failure.take()) {
        Some(e) => Err(e),
        None => Ok(code),
    }
}
