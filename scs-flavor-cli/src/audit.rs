//! `scs-flavor audit`: the official test case lines, the reasons by flavor, the fixes.

use std::io::{BufRead, Write};

use clap::{Args, ValueEnum};

use crate::source::{self, SourceArgs};
use crate::Connect;

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
    /// Print only the commands that fix the extra_specs: a shell script (`#!/bin/sh`, `set -e`;
    /// per flavor one `openstack flavor unset` and one `openstack flavor set` with all its
    /// `--property` options, addressing it by ID when the input has IDs). The exit status still
    /// reports the audit. With `-o json` the fixes are part of the JSON document instead.
    #[arg(long)]
    pub fix: bool,
    /// Where the flavors come from.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Runs `audit`: exit status 0 if every mandatory test case of the official suite passes, 1 if
/// one fails ([`scs_flavor_audit::Audit::exit_status`]), 2 for unreadable input,
/// a cloud error's status (3–8) for a live cloud that cannot be read.
pub(crate) fn run(
    args: &AuditArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    connect: &mut Connect<'_>,
) -> std::io::Result<i32> {
    let flavors = match source::read(&args.source, stdin, connect, stderr)? {
        Ok(flavors) => flavors,
        Err(code) => return Ok(code),
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
    // The audit crate decides what blocks certification: failed official mandatory test cases.
    Ok(report.exit_status())
}
