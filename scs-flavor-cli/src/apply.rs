//! `scs-flavor apply`: carries the plan out on a live cloud, step by step.

use std::io::Write;

use clap::Args;

use crate::plan::PlanChoices;
use crate::source::{cloud_failure, open};
use crate::Connect;

/// Arguments of `scs-flavor apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// What the plan may change.
    #[command(flatten)]
    pub choices: PlanChoices,
    /// The cloud NAME of clouds.yaml (default: OS_CLOUD, or the OS_* variables); creating and
    /// deleting flavors needs the admin role.
    #[arg(long, value_name = "NAME")]
    pub os_cloud: Option<String>,
}

/// Runs `apply`: exit status 0 when every change was made, else the refusal's cloud error
/// status (3–8).
pub(crate) fn run(
    args: &ApplyArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    connect: &mut Connect<'_>,
) -> std::io::Result<i32> {
    let mut cloud = match open(args.os_cloud.as_deref(), connect, stderr)? {
        Ok(cloud) => cloud,
        Err(code) => return Ok(code),
    };
    let flavors = match scs_flavor_audit::list_flavors(cloud.as_mut()) {
        Ok(flavors) => flavors,
        Err(e) => return cloud_failure(&e, stderr),
    };
    let plan = scs_flavor_audit::plan(&flavors, args.choices.options());
    // Each step is printed (and flushed) before its call, so that an interrupted run shows
    // how far it got.
    let mut written: std::io::Result<()> = Ok(());
    let applied = scs_flavor_audit::apply(cloud.as_mut(), &plan, &mut |step| {
        if written.is_ok() {
            written = writeln!(stdout, "{step}").and_then(|()| stdout.flush());
        }
    });
    written?;
    write!(stdout, "{applied}")?;
    match &applied.failed {
        None => Ok(0),
        Some(refusal) => {
            stdout.flush()?;
            cloud_failure(&refusal.error, stderr)
        }
    }
}
