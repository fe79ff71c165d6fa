//! `scs-flavor select`: the flavors that satisfy requirements, best first, and why the others
//! do not.
//!
//! The requirement options are made from `Requirements::KEYS` (one `--key-name` each, flags
//! for the boolean ones) and their values are handed to `Requirements`' own `Deserialize`
//! as given: the same checks and messages as for JSON, Python and JS.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use scs_flavor_audit::{RequirementKind, Requirements};
use serde_json::{Map, Value};

use crate::audit::Format;

/// Shorter spellings of some options, kept from earlier versions: (key, alias).
const ALIASES: &[(&str, &str)] = &[
    ("secure_cpu", "secure"),
    ("ram_gib", "ram"),
    ("disk_gb", "disk"),
    ("gpu_vram_gib", "vram"),
    ("infiniband", "ib"),
];

/// Arguments of `scs-flavor select`.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub output: Format,
    /// The requirements, one option per requirement key.
    #[command(flatten)]
    pub need: RequirementArgs,
    /// Choose from a cloud's flavor list (`openstack flavor list --long -f json`; `-` for
    /// standard input) instead of names; flavors that deliver less than their names promise
    /// are rejected.
    #[arg(long, value_name = "FILE", conflicts_with = "names")]
    pub flavors: Option<PathBuf>,
    /// Flavor names; `-` reads one name per line from standard input.
    pub names: Vec<String>,
}

/// The requirement options as given: key → text (or `true` for a flag), not yet checked.
#[derive(Clone, Debug, Default)]
pub struct RequirementArgs(Map<String, Value>);

impl RequirementArgs {
    /// The requirements, checked by `Requirements`' `Deserialize`.
    ///
    /// # Errors
    /// Its message, e.g. `cpus: vCPU count must be a whole number from 1 to 4294967295`.
    pub fn requirements(&self) -> Result<Requirements, serde_json::Error> {
        serde_json::from_value(Value::Object(self.0.clone()))
    }
}

impl FromArgMatches for RequirementArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut map = Map::new();
        for info in Requirements::KEYS {
            let value = match info.kind {
                RequirementKind::Flag => m.get_flag(info.key).then_some(Value::Bool(true)),
                _ => m.get_one::<String>(info.key).cloned().map(Value::String),
            };
            if let Some(v) = value {
                map.insert(info.key.to_string(), v);
            }
        }
        Ok(RequirementArgs(map))
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for RequirementArgs {
    fn augment_args(cmd: Command) -> Command {
        Requirements::KEYS.iter().fold(cmd, |cmd, info| {
            let mut arg = Arg::new(info.key)
                .long(info.key.replace('_', "-"))
                .help(info.help);
            for &(_, alias) in ALIASES.iter().filter(|(k, _)| *k == info.key) {
                arg = arg.visible_alias(alias);
            }
            arg = match info.kind {
                RequirementKind::Flag => arg.action(ArgAction::SetTrue),
                // `--cpus -1` is a value to refuse with its message, not an option.
                RequirementKind::Count => arg.value_name("N").allow_hyphen_values(true),
                RequirementKind::Gib => arg.value_name("GIB").allow_hyphen_values(true),
                RequirementKind::Table(t) => {
                    let codes: Vec<&str> = t.entries.iter().map(|e| e.code).collect();
                    arg.value_name(t.id.to_uppercase()).help(format!(
                        "{} ({}, or a name)",
                        info.help,
                        codes.join(", ")
                    ))
                }
            };
            cmd.arg(arg)
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

/// Runs `select`: exit status 0 if some flavor matches, 1 if none does, 2 for unreadable input
/// or requirements.
pub(crate) fn run(
    args: &SelectArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    let req = match args.need.requirements() {
        Ok(req) => req,
        Err(e) => {
            writeln!(stderr, "scs-flavor: {e}")?;
            return Ok(2);
        }
    };
    let selection = match &args.flavors {
        Some(path) => match crate::source::read_file(path, stdin, stderr)? {
            Ok(flavors) => scs_flavor_audit::select_flavors(&req, &flavors),
            Err(code) => return Ok(code),
        },
        None => {
            let mut names = Vec::new();
            crate::for_each_name(&args.names, stdin, |n| {
                names.push(n.to_string());
                Ok(())
            })?;
            scs_flavor_audit::select(&req, &names)
        }
    };
    if args.output == Format::Json {
        serde_json::to_writer_pretty(&mut *stdout, &selection)?;
        writeln!(stdout)?;
    } else {
        write!(stdout, "{selection}")?;
    }
    Ok(if selection.matches.is_empty() { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's update path (`Parser::update_from`) knows the same options and replaces the
    /// requirements with those given.
    #[test]
    fn the_update_path_reads_the_requirements() {
        let cmd = RequirementArgs::augment_args_for_update(Command::new("t"));
        let m = cmd
            .try_get_matches_from(["t", "--cpus", "2", "--ram", "8"])
            .expect("known options");
        let mut args = RequirementArgs(Map::new());
        args.update_from_arg_matches(&m).expect("update");
        let need = args.requirements().expect("valid requirements");
        assert_eq!(need.cpus, 2);
        assert_eq!(need.ram_gib, scs_flavor_audit::Gib::whole(8));
    }
}
