//! `scs-flavor audit`: the official test case lines, the reasons by flavor, the fixes.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Output format of `audit` and `select`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines for people (and the official runner's `ID: PASS|FAIL` lines).
    Text,
    /// One JSON document.
    Json,
}

/// Arguments of `scs-flavor audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub output: Format,
    /// Print only the `openstack flavor set/unset --property` commands that fix the
    /// extra_specs (a shell script); the exit status still reports the audit. With `-o json`
    /// the fixes are part of the JSON document instead.
    #[arg(long)]
    pub fix: bool,
    /// The output of `openstack flavor list --long -f json` (or a list of `openstack flavor
    /// show -f json` objects); `-` reads standard input.
    pub file: PathBuf,
}

/// Reads `path`, or standard input for `-`.
pub(crate) fn read_input(path: &PathBuf, stdin: &mut dyn BufRead) -> std::io::Result<String> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        stdin.read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    }
    Ok(text)
}

/// Runs `audit`: exit status 0 if nothing fails, 1 if something does, 2 for unreadable input.
pub(crate) fn run(
    args: &AuditArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    let text = match read_input(&args.file, stdin) {
        Ok(text) => text,
        Err(e) => {
            writeln!(stderr, "scs-flavor: {e}")?;
            return Ok(2);
        }
    };
    let flavors = match scs_flavor_audit::parse_flavors(&text) {
        Ok(f) => f,
        Err(e) => {
            writeln!(stderr, "scs-flavor: {}: {e}", args.file.display())?;
            return Ok(2);
        }
    };
    let report = scs_flavor_audit::audit(&flavors);
    if args.output == Format::Json {
        serde_json::to_writer_pretty(&mut *stdout, &report)?;
        writeln!(stdout)?;
    } else if args.fix {
        write!(stdout, "{}", report.fix_script())?;
    } else {
        write!(stdout, "{report}")?;
    }
    Ok(if report.passed { 0 } else { 1 })
}
