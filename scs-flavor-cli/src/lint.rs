//! `scs-flavor lint`: the flavor references of Terraform/OpenTofu, Heat, Kubernetes/Cluster
//! API, Helm and Ansible files, and whether every SCS cloud offers them (`scs-flavor-lint`).

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use scs_flavor::Strategy;
use scs_flavor_lint::{lint_paths, lint_sources, output, text_of, Format, Options, Source};

/// Output format of `lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LintOutput {
    /// `FILE:LINE:COL: LEVEL: MESSAGE`, the source line and a caret (a summary on stderr).
    Text,
    /// One JSON object per line: file, line, column, name, status, level, message, suggestion.
    Json,
    /// A SARIF 2.1.0 log, for code-scanning UIs.
    Sarif,
}

/// The format of standard input (`-`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    /// Terraform/OpenTofu HCL (`.tf`, `.tfvars`).
    Tf,
    /// YAML (Heat, Kubernetes, Helm, Ansible).
    Yaml,
    /// Terraform JSON (`.tf.json`).
    Json,
}

/// Arguments of `scs-flavor lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = LintOutput::Text)]
    pub output: LintOutput,
    /// Also fail (exit 1) for names some SCS cloud may lack: recommended, non-standard and
    /// not-scs.
    #[arg(long)]
    pub strict: bool,
    /// The strategy names are read with: v1, v1/v2, v2/v1 (the default, as certification
    /// reads them), v2, v3 or latest.
    #[arg(long = "version", value_name = "STRATEGY", value_parser = super::parse_strategy)]
    pub strategy: Option<Strategy>,
    /// The format of standard input (`-`): tf, yaml or json.
    #[arg(long, value_enum)]
    pub format: Option<StdinFormat>,
    /// Files and folders (recursive); `-` reads standard input (with --format).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Runs `scs-flavor lint`: exit status 0, 1 for an invalid reference (with `--strict` also for
/// recommended, non-standard and not-scs ones), 2 for unreadable input.
pub(crate) fn run(
    args: &LintArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<i32> {
    let options = Options {
        strategy: args.strategy,
    };
    let (stdin_paths, paths): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let mut report = lint_paths(&paths, options);
    if !stdin_paths.is_empty() {
        let Some(format) = args.format else {
            writeln!(
                stderr,
                "scs-flavor lint: `-` needs --format tf, yaml or json"
            )?;
            return Ok(2);
        };
        let format = match format {
            StdinFormat::Tf => Format::Terraform,
            StdinFormat::Yaml => Format::Yaml,
            StdinFormat::Json => Format::TerraformJson,
        };
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut *stdin, scs_flavor_lint::MAX_FILE_BYTES + 1),
            &mut bytes,
        )?;
        let piped = if bytes.len() as u64 > scs_flavor_lint::MAX_FILE_BYTES {
            Err(format!(
                "larger than the {} bytes read",
                scs_flavor_lint::MAX_FILE_BYTES
            ))
        } else {
            text_of(bytes).map_err(|(_, message)| message)
        };
        match piped {
            Ok(text) => {
                let more = lint_sources(&[Source::new("-", text, format)], options);
                report.findings.extend(more.findings);
                report.errors.extend(more.errors);
            }
            Err(message) => report.errors.push(scs_flavor_lint::LoadError {
                file: "-".to_string(),
                line: 1,
                column: 1,
                message,
            }),
        }
    }
    match args.output {
        LintOutput::Text => {
            output::text(&report, stdout)?;
            writeln!(stderr, "{}", output::summary(&report))?;
        }
        LintOutput::Json => output::json(&report, stdout)?,
        LintOutput::Sarif => {
            serde_json::to_writer_pretty(&mut *stdout, &output::sarif(&report))?;
            writeln!(stdout)?;
        }
    }
    Ok(report.exit_code(args.strict))
}
