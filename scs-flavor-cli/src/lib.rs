//! The `scs-flavor` command line, as a library so that the Python package's console script
//! runs this very code.
//!
//! `scs-flavor parse [-v] [-o none|prose|yaml|json] VERSION NAME...` is a drop-in for the
//! official checker's `cli.py parse`: the same lines (`OK: NAME` with `-v`,
//! `NOT an SCS flavor: NAME`, `MESSAGE: NAME`), warnings on stderr, and an exit status that is
//! the number of invalid names (capped at 255). `NAME` may be `-` to read one name per line
//! from standard input.
//!
//! `scs-flavor audit FILE|-` audits a cloud's flavor list offline (`--os-cloud NAME` reads
//! it from a live cloud), `scs-flavor plan` computes the changes that make it pass,
//! `scs-flavor apply --os-cloud NAME` makes them, and `scs-flavor select` picks the flavors
//! that fit requirements: see the `scs-flavor-audit` crate. Live clouds need the (default)
//! `cloud` feature.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::ffi::OsString;
use std::io::{BufRead, Write};

use clap::{Parser, Subcommand, ValueEnum};
use scs_flavor::{Outcome, Report, Strategy};
use scs_flavor_audit::{Cloud, CloudError};

mod apply;
mod audit;
mod lint;
#[cfg(feature = "cloud")]
pub mod openstack;
mod plan;
mod select;
mod source;
mod yaml;

/// Output format of `parse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Only the checker's lines.
    None,
    /// An English description of each valid name.
    Prose,
    /// The scs-0103 spec of each valid name as a YAML document (as the checker prints it).
    Yaml,
    /// One JSON object per name (valid, invalid or not SCS).
    Json,
}

#[derive(Debug, Parser)]
#[command(
    name = "scs-flavor",
    version,
    about = "Check, describe and explain SCS flavor names (scs-0100, scs-0103)"
)]
struct Cli {
    /// Also print `OK: NAME` for valid names (and the caret line under errors on stderr).
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate flavor names, optionally describe them or print their spec.
    ///
    /// VERSION selects the syntax: v1, v1/v2 (v2 tolerated with a warning), v2/v1 (v1
    /// tolerated), v2, v3 or latest (= v3). The exit status is the number of invalid names.
    Parse {
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = Output::None)]
        output: Output,
        /// v1, v1/v2, v2/v1, v2, v3 or latest.
        #[arg(value_parser = parse_strategy)]
        version: Strategy,
        /// Flavor names; `-` reads one name per line from standard input.
        names: Vec<String>,
    },
    /// Audit a cloud's flavor list offline (scs-0100 syntax and semantics, scs-0103 standard
    /// flavors, extra_specs) as the official test cases do; `--fix` prints the commands.
    ///
    /// The text report marks each test case mandatory (official and required: it blocks
    /// certification), recommended (official) or ours (not in the official suite), and ends
    /// with a summary line; `-o json` keeps every test case and finding.
    ///
    /// Exit status: 0 if every mandatory test case of the official suite passes (failed
    /// recommended or own test cases, warnings and notes do not count), 1 if one fails, 2 for
    /// unreadable input (e.g. `openstack flavor list` without `--long`); 3–8 for a live cloud
    /// that cannot be read (see `apply`).
    Audit(audit::AuditArgs),
    /// Select the flavors that satisfy requirements, least over-provisioned first, and say why
    /// the others do not.
    ///
    /// Exit status: 0 if some flavor matches, 1 if none does, 2 for unreadable input or bad
    /// requirements.
    Select(select::SelectArgs),
    /// Plan the changes that make a cloud pass every scs-0100 and scs-0103 test case:
    /// create missing standard flavors, fix extra specs, re-create or delete flavors.
    ///
    /// Exit status: 0, or 2 for unreadable input (3–8 for a live cloud: see `apply`).
    Plan(plan::PlanArgs),
    /// Carry the plan out on a live cloud (`--os-cloud NAME`), printing each step; a second
    /// run changes nothing. Stops at the first refused call and says what was done and what
    /// was not.
    ///
    /// Exit status: 0; for a cloud error 3 configuration, 4 unreachable, 5 credentials
    /// refused, 6 forbidden (e.g. the member role), 7 no compute service, 8 refused.
    Apply(apply::ApplyArgs),
    /// Find the flavor names in Terraform/OpenTofu, Heat, Kubernetes/Cluster API, Helm and
    /// Ansible files and say whether every SCS cloud offers them.
    ///
    /// Exit status: 0, 1 if a reference is invalid (with --strict also recommended,
    /// non-standard or not-scs), 2 for unreadable input.
    Lint(lint::LintArgs),
}

fn parse_strategy(s: &str) -> Result<Strategy, String> {
    s.parse().map_err(|e: scs_flavor::Error| e.to_string())
}

/// Opens a live cloud by its `clouds.yaml` name (`None`: `OS_CLOUD` or the `OS_*`
/// environment), for `--os-cloud` and `apply`.
pub type Connect<'a> = dyn FnMut(Option<&str>) -> Result<Box<dyn Cloud>, CloudError> + 'a;

/// The connector of this build: the `openstack_sdk` backend ([`openstack::connect`]) with
/// the `cloud` feature, else a `config` error.
#[cfg(feature = "cloud")]
pub fn default_connect(cloud: Option<&str>) -> Result<Box<dyn Cloud>, CloudError> {
    openstack::connect(cloud)
}

/// The connector of this build: the `openstack_sdk` backend with the `cloud` feature, else
/// (as here) a `config` error.
#[cfg(not(feature = "cloud"))]
pub fn default_connect(_cloud: Option<&str>) -> Result<Box<dyn Cloud>, CloudError> {
    Err(CloudError::new(
        scs_flavor_audit::CloudErrorKind::Config,
        "this scs-flavor was built without cloud support (the `cloud` feature)",
    ))
}

/// Runs the command line `args` (with the program name first), reading names from `stdin`
/// where a `-` asks for it, and returns the exit status. Live clouds are opened with
/// [`default_connect`].
pub fn run<I, T>(
    args: I,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(args, stdin, stdout, stderr, &mut default_connect)
}

/// As [`run`], opening live clouds with `connect` (the Python package passes one built on
/// `openstacksdk`).
pub fn run_with<I, T>(
    args: I,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    connect: &mut Connect<'_>,
) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let out: &mut dyn Write = if e.use_stderr() { stderr } else { stdout };
            // Reporting a usage error cannot itself be reported anywhere.
            let _ = write!(out, "{}", e.render());
            return e.exit_code();
        }
    };
    let result = match cli.command {
        Command::Parse {
            output,
            version,
            names,
        } => parse(cli.verbose, output, version, &names, stdin, stdout, stderr),
        Command::Audit(args) => audit::run(&args, stdin, stdout, stderr, connect),
        Command::Select(args) => select::run(&args, stdin, stdout, stderr),
        Command::Plan(args) => plan::run(&args, stdin, stdout, stderr, connect),
        Command::Apply(args) => apply::run(&args, stdout, stderr, connect),
        Command::Lint(args) => lint::run(&args, stdin, stdout, stderr),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`| head`) is a normal way for the reader to stop.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(stderr, "scs-flavor: {e}");
            255
        }
    }
}

/// Calls `each` for every name, expanding `-` into the lines of `stdin` (blank lines skipped).
fn for_each_name(
    names: &[String],
    stdin: &mut dyn BufRead,
    mut each: impl FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for name in names {
        if name != "-" {
            each(name)?;
            continue;
        }
        let mut line = String::new();
        loop {
            line.clear();
            if stdin.read_line(&mut line)? == 0 {
                break;
            }
            let name = line.trim_end_matches(['\n', '\r']);
            if !name.is_empty() {
                each(name)?;
            }
        }
    }
    Ok(())
}

fn parse(
    verbose: bool,
    output: Output,
    strategy: Strategy,
    names: &[String],
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    // Standard output is line-buffered (a write per line); gather the lines instead, and flush
    // them before anything goes to standard error so that the two streams keep their order. A
    // line for standard error is put together first and written at once (it is unbuffered).
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout);
    let mut line: Vec<u8> = Vec::new();
    let mut to_stderr = |out: &mut std::io::BufWriter<&mut dyn Write>, line: &[u8]| {
        out.flush()?;
        stderr.write_all(line)
    };
    let mut invalid: i32 = 0;
    for_each_name(names, stdin, |name| {
        let report = Report::new(name, strategy);
        let outcome = report.outcome();
        if let Outcome::Invalid(_) = outcome {
            invalid = invalid.saturating_add(1);
        }
        if output == Output::Json {
            // Written straight from the core's `Serialize`: no intermediate tree.
            serde_json::to_writer(&mut out, &report)?;
            return out.write_all(b"\n");
        }
        match outcome {
            Outcome::NotScs => {
                out.write_all(b"NOT an SCS flavor: ")?;
                out.write_all(name.as_bytes())?;
                out.write_all(b"\n")
            }
            Outcome::Invalid(e) => {
                if verbose {
                    line.clear();
                    writeln!(line, "{}", e.render(name))?;
                    to_stderr(&mut out, &line)?;
                }
                writeln!(out, "{e}: {name}")
            }
            Outcome::Valid(p) => {
                for w in p.warnings() {
                    line.clear();
                    writeln!(line, "WARNING: {w}: {name}")?;
                    to_stderr(&mut out, &line)?;
                }
                let f = p.flavor();
                match output {
                    Output::Prose if verbose => writeln!(out, "{name}: {}", f.describe()),
                    Output::Prose => writeln!(out, "{}", f.describe()),
                    Output::Yaml => match yaml::document(name, strategy) {
                        Some(doc) => writeln!(out, "{doc}"),
                        // The warning above already says why there is no spec.
                        None => Ok(()),
                    },
                    _ if verbose => {
                        out.write_all(b"OK: ")?;
                        out.write_all(name.as_bytes())?;
                        out.write_all(b"\n")
                    }
                    _ => Ok(()),
                }
            }
        }
    })?;
    out.flush()?;
    Ok(invalid.min(255))
}

/// The repository README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
