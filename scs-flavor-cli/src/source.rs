//! Where `audit` and `plan` read a cloud's flavors from: a file, standard input, or a live
//! cloud (`--os-cloud NAME`, or `OS_CLOUD` / the `OS_*` environment when no FILE is given).

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use scs_flavor_audit::{Cloud, CloudError, CloudFlavor};

use crate::Connect;

/// The flavor source of `audit` and `plan`.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Read the flavors from the cloud NAME of clouds.yaml (as `openstack --os-cloud NAME`
    /// does; OS_CLIENT_CONFIG_FILE names another clouds.yaml). Without FILE and without this
    /// option, OS_CLOUD (or the OS_* variables) names the cloud.
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    pub os_cloud: Option<String>,
    /// The output of `openstack flavor list --long -f json` (or a list of `openstack flavor
    /// show -f json` objects); `-` reads standard input.
    pub file: Option<PathBuf>,
}

/// Opens the live cloud `name` (`None`: `OS_CLOUD` or the `OS_*` environment); on failure
/// prints the one error line and returns the kind's exit status.
pub(crate) fn open(
    name: Option<&str>,
    connect: &mut Connect<'_>,
    stderr: &mut dyn Write,
) -> std::io::Result<Result<Box<dyn Cloud>, i32>> {
    match connect(name) {
        Ok(cloud) => Ok(Ok(cloud)),
        Err(e) => cloud_failure(&e, stderr).map(Err),
    }
}

/// Prints a cloud error's one line and returns its exit status.
pub(crate) fn cloud_failure(e: &CloudError, stderr: &mut dyn Write) -> std::io::Result<i32> {
    writeln!(stderr, "scs-flavor: {}", e.message)?;
    Ok(e.kind.exit_code())
}

/// Reads the source's flavors; on failure prints the one error line and returns the exit
/// status (2 for an unreadable file, the cloud error kind's status for a live cloud).
pub(crate) fn read(
    args: &SourceArgs,
    stdin: &mut dyn BufRead,
    connect: &mut Connect<'_>,
    stderr: &mut dyn Write,
) -> std::io::Result<Result<Vec<CloudFlavor>, i32>> {
    match (&args.file, &args.os_cloud) {
        (Some(file), None) => read_file(file, stdin, stderr),
        (_, name) => {
            let mut cloud = match open(name.as_deref(), connect, stderr)? {
                Ok(cloud) => cloud,
                Err(code) => return Ok(Err(code)),
            };
            match scs_flavor_audit::list_flavors(cloud.as_mut()) {
                Ok(flavors) => Ok(Ok(flavors)),
                Err(e) => cloud_failure(&e, stderr).map(Err),
            }
        }
    }
}

/// Reads the flavor list in `file` (`-`: standard input) with the audit crate's one reader
/// ([`scs_flavor_audit::parse_flavors`]); on failure prints the one error line and returns
/// exit status 2.
pub(crate) fn read_file(
    file: &Path,
    stdin: &mut dyn BufRead,
    stderr: &mut dyn Write,
) -> std::io::Result<Result<Vec<CloudFlavor>, i32>> {
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        stdin.read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    if let Err(e) = read {
        if file.as_os_str() == "-" {
            writeln!(stderr, "scs-flavor: {e}")?;
        } else {
            writeln!(stderr, "scs-flavor: {}: {e}", file.display())?;
        }
        return Ok(Err(2));
    }
    match scs_flavor_audit::parse_flavors(&text) {
        Ok(flavors) => Ok(Ok(flavors)),
        Err(e) => {
            writeln!(stderr, "scs-flavor: {}: {e}", file.display())?;
            Ok(Err(2))
        }
    }
}
