//! `scs-flavor plan`: the changes that make a cloud pass every scs-0100 and scs-0103 test case.

use clap::{Args, ValueEnum};
use scs_flavor_audit::PlanOptions;
use std::io::{BufRead, Write};

use crate::source::{self, SourceArgs};
use crate::Connect;

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

/// What `plan` and `apply` may change beyond creating mandatory flavors and fixing extra
/// specs.
#[derive(Debug, Args)]
pub struct PlanChoices {
    /// Also create the missing recommended standard flavors.
    #[arg(long)]
    pub recommended: bool,
    /// Delete and re-create flavors whose vCPUs, RAM or disk contradict their name.
    #[arg(long)]
    pub recreate: bool,
    /// Delete public flavors whose `SCS-` name is invalid.
    #[arg(long)]
    pub prune: bool,
}

impl PlanChoices {
    /// The audit crate's options.
    pub(crate) fn options(&self) -> PlanOptions {
        PlanOptions {
            recommended: self.recommended,
            recreate: self.recreate,
            prune: self.prune,
        }
    }
}

/// Arguments of `scs-flavor plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// What the plan may change.
    #[command(flatten)]
    pub choices: PlanChoices,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = PlanFormat::Text)]
    pub output: PlanFormat,
    /// Where the flavors come from.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Runs `plan`: exit status 0, 2 for unreadable input, a cloud error's status (3–8) for a
/// live cloud that cannot be read.
pub(crate) fn run(
    args: &PlanArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    connect: &mut Connect<'_>,
) -> std::io::Result<i32> {
    if args.output == PlanFormat::Osism {
        let yaml = serde_norway::to_string(&scs_flavor_audit::osism_definitions())
            .map_err(std::io::Error::other)?;
        write!(stdout, "---\n{yaml}")?;
        return Ok(0);
    }
    let flavors = match source::read(&args.source, stdin, connect, stderr)? {
        Ok(flavors) => flavors,
        Err(code) => return Ok(code),
    };
    let plan = scs_flavor_audit::plan(&flavors, args.choices.options());
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
