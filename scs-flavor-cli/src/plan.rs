//! `scs-flavor plan`: the changes that make a cloud pass every scs-0100 and scs-0103 test case.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use scs_flavor_audit::PlanOptions;

use crate::audit::read_input;

/// Output format of `plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// One line per change and its reasons.
    Text,
    /// A shell script of `openstack flavor create/set/unset/delete` commands.
    Openstack,
    /// The openstack-flavor-manager definition file of the standard flavors.
    Osism,
    /// `{"changes": [...]}`.
    Json,
}

/// Arguments of `scs-flavor plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Also create the missing recommended standard flavors.
    #[arg(long)]
    pub recommended: bool,
    /// Delete and re-create flavors whose vCPUs, RAM or disk contradict their name.
    #[arg(long)]
    pub recreate: bool,
    /// Delete public flavors whose `SCS-` name is invalid.
    #[arg(long)]
    pub prune: bool,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = PlanFormat::Text)]
    pub output: PlanFormat,
    /// The output of `openstack flavor list --long -f json`; `-` reads standard input.
    pub file: PathBuf,
}

/// Runs `plan`: exit status 0, or 2 for unreadable input.
pub(crate) fn run(
    args: &PlanArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    if args.output == PlanFormat::Osism {
        let yaml = serde_norway::to_string(&scs_flavor_audit::osism_definitions())
            .map_err(std::io::Error::other)?;
        write!(stdout, "---\n{yaml}")?;
        return Ok(0);
    }
    let text = match read_input(&args.file, stdin) {
        Ok(text) => text,
        Err(e) => {
            writeln!(stderr, "scs-flavor: {e}")?;
            return Ok(2);
        }
    };
    let flavors = match scs_flavor_audit::parse_plan_input(&text) {
        Ok(f) => f,
        Err(e) => {
            writeln!(stderr, "scs-flavor: {}: {e}", args.file.display())?;
            return Ok(2);
        }
    };
    let options = PlanOptions {
        recommended: args.recommended,
        recreate: args.recreate,
        prune: args.prune,
    };
    let plan = scs_flavor_audit::plan(&flavors, options);
    match args.output {
        PlanFormat::Json => {
            serde_json::to_writer_pretty(&mut *stdout, &plan)?;
            writeln!(stdout)?;
        }
        PlanFormat::Openstack => write!(stdout, "{}", plan.openstack_script())?,
        _ => write!(stdout, "{plan}")?,
    }
    Ok(0)
}
