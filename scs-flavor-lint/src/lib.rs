//! Find the flavor names in infrastructure-as-code files and say whether every SCS cloud offers
//! them: Terraform/OpenTofu (`.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`), Heat templates,
//! Kubernetes / Cluster API manifests, Helm values and cluster-stack configs, Ansible (YAML).
//!
//! Each file is read by a real parser that keeps positions (`hcl-edit`, `yaml-rust2`,
//! `jsonc-parser`); each reference is classified by [`scs_flavor_audit::lint_name`] (mandatory,
//! recommended, non-standard, invalid, not-scs) or, for a computed value that no literal in the
//! same folder defines, reported as unresolved. [`output`] writes the findings as text, JSON
//! lines or SARIF 2.1.0.
//!
//! ```
//! use scs_flavor_lint::{lint_sources, Format, Source};
//! use scs_flavor_audit::ReferenceStatus;
//!
//! let tf = r#"
//! resource "openstack_compute_instance_v2" "web" {
//!   flavor_name = "SCS-2V-4-20s"
//! }
//! "#;
//! let report = lint_sources(&[Source::new("main.tf", tf, Format::Terraform)], Default::default());
//! let f = &report.findings[0];
//! assert_eq!((f.line, f.column, f.lint.status), (3, 18, ReferenceStatus::Mandatory));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use scs_flavor::Strategy;
use scs_flavor_audit::{lint_name, lint_unresolved, NameLint, ReferenceStatus};

mod facts;
mod hcl;
pub mod output;
mod tree;

use facts::{At, Facts, Ref};

/// The deepest nesting of brackets or YAML collections read; deeper input is refused with a
/// [`LoadError`] instead of exhausting the stack.
pub const MAX_DEPTH: usize = 128;

/// The largest file read, in bytes: 8 MiB.
pub const MAX_FILE_BYTES: u64 = 8 << 20;

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// HCL: `.tf`.
    Terraform,
    /// HCL variable values: `.tfvars`.
    Tfvars,
    /// Terraform JSON syntax: `.tf.json`, and any other `.json` file.
    TerraformJson,
    /// Variable values in JSON: `.tfvars.json`.
    TfvarsJson,
    /// YAML (`.yaml`, `.yml`): Heat, Kubernetes/Cluster API, Helm, Ansible; several documents.
    Yaml,
}

impl Format {
    /// The format of a file by its name, `None` for files that are not linted.
    pub fn of_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        Some(if name.ends_with(".tfvars.json") {
            Format::TfvarsJson
        } else if name.ends_with(".json") {
            Format::TerraformJson
        } else if name.ends_with(".tf") {
            Format::Terraform
        } else if name.ends_with(".tfvars") {
            Format::Tfvars
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            Format::Yaml
        } else {
            return None;
        })
    }
}

/// Reads `tf` (HCL: `.tf` and `.tfvars`), `yaml` or `json` (Terraform JSON), as `--format`
/// takes them for standard input.
impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "tf" | "hcl" | "tfvars" => Ok(Format::Terraform),
            "yaml" | "yml" => Ok(Format::Yaml),
            "json" => Ok(Format::TerraformJson),
            _ => Err(format!("unknown format `{s}` (expected tf, yaml or json)")),
        }
    }
}

/// One file's text, its name (as reported) and format.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name reported for it (a path, or `-` for standard input).
    pub file: String,
    /// Its text.
    pub text: String,
    /// How to read it.
    pub format: Format,
}

impl Source {
    /// A source from its parts.
    pub fn new(file: impl Into<String>, text: impl Into<String>, format: Format) -> Source {
        Source {
            file: file.into(),
            text: text.into(),
            format,
        }
    }
}

/// Where a finding stands: 1-based line, and 1-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
}

/// A flavor reference found in a file, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The file, as given.
    pub file: String,
    /// 1-based line of the value.
    pub line: usize,
    /// 1-based column (in characters) of the value's first character (inside quotes).
    pub column: usize,
    /// The source line (without its line break).
    pub source_line: String,
    /// Characters of [`source_line`](Finding::source_line) to underline: start (0-based) and
    /// count (at least 1): the error's span in an invalid name, else the name.
    pub mark: (usize, usize),
    /// What the name is.
    pub lint: NameLint,
}

/// A file that could not be read or parsed: one error with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as given.
    pub file: String,
    /// 1-based line (1 where no position applies).
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// A parse error at a byte offset of a file's text.
#[derive(Debug)]
pub(crate) struct BadInput {
    pub offset: usize,
    pub message: String,
}

/// The result of a lint run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Every reference found, by file (in the order given) and position.
    pub findings: Vec<Finding>,
    /// Every file that could not be read.
    pub errors: Vec<LoadError>,
}

impl Report {
    /// The exit status of `scs-flavor lint`: 2 if a file could not be read, else 1 if a
    /// reference fails (see [`ReferenceStatus::fails`]), else 0.
    pub fn exit_code(&self, strict: bool) -> i32 {
        if !self.errors.is_empty() {
            2
        } else if self.findings.iter().any(|f| f.lint.status.fails(strict)) {
            1
        } else {
            0
        }
    }

    /// How many findings have each status, in the order of [`ReferenceStatus::ALL`].
    pub fn counts(&self) -> Vec<(ReferenceStatus, usize)> {
        ReferenceStatus::ALL
            .iter()
            .map(|&s| {
                (
                    s,
                    self.findings.iter().filter(|f| f.lint.status == s).count(),
                )
            })
            .collect()
    }
}

/// Options of a lint run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The strategy names are read with; `None` for certification's (`v2/v1`).
    pub strategy: Option<Strategy>,
}

impl From<Strategy> for Options {
    fn from(strategy: Strategy) -> Options {
        Options {
            strategy: Some(strategy),
        }
    }
}

/// The deepest bracket nesting of a text (`{[(` against `)]}`), counting brackets inside
/// strings and comments too: an upper bound, checked before a recursive parser runs.
fn bracket_depth(text: &str) -> (usize, usize) {
    let mut depth = 0usize;
    let mut max = (0, 0);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > max.0 {
                    max = (depth, i);
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn read(source: &Source, scope: &str, out: &mut Facts) -> Result<(), BadInput> {
    let text = source.text.as_str();
    if source.format != Format::Yaml {
        let (depth, at) = bracket_depth(text);
        if depth > MAX_DEPTH {
            return Err(BadInput {
                offset: at,
                message: format!("nested deeper than {MAX_DEPTH} levels"),
            });
        }
    }
    match source.format {
        Format::Terraform => hcl::facts(text, false, out),
        Format::Tfvars => hcl::facts(text, true, out),
        Format::TerraformJson | Format::TfvarsJson => {
            let dialect = if source.format == Format::TfvarsJson {
                tree::Dialect::TfvarsJson
            } else {
                tree::Dialect::TerraformJson
            };
            if let Some(doc) = tree::json(text)? {
                tree::facts(&doc, dialect, scope, out);
            }
            Ok(())
        }
        Format::Yaml => {
            for doc in tree::yaml(text)? {
                tree::facts(&doc, tree::Dialect::Yaml, scope, out);
            }
            Ok(())
        }
    }
}

/// Line starts of a text, to turn byte offsets into lines and columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Position { line, column }
    }

    fn line(&self, line: usize) -> &'a str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let rest = self.text.get(start..).unwrap_or("");
        let end = rest.find('\n').unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }
}

fn finding(source: &Source, lines: &Lines<'_>, at: At, lint: NameLint) -> Finding {
    let pos = lines.position(at.offset);
    let source_line = lines.line(pos.line).to_string();
    let chars = |s: &str| s.chars().count();
    let mark = if at.verbatim {
        let name = &lint.name;
        let before = name.get(..lint.start).map_or(0, chars);
        let len = name.get(lint.start..lint.end).map_or(0, chars);
        (pos.column - 1 + before, len.max(1))
    } else {
        (pos.column - 1, 1)
    };
    Finding {
        file: source.file.clone(),
        line: pos.line,
        column: pos.column,
        source_line,
        mark,
        lint,
    }
}

/// Lints sources read already. References are followed (`var.x`, `local.x`, `{{ x }}`,
/// `get_param`) to literal values in the sources of the same folder.
pub fn lint_sources(sources: &[Source], options: Options) -> Report {
    let strategy = options.strategy.unwrap_or(scs_flavor_audit::STRATEGY);
    let mut report = Report::default();
    let folder = |s: &Source| {
        Path::new(&s.file)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    // Read every file; definitions are collected by folder.
    let mut read_facts: Vec<Option<Facts>> = Vec::new();
    let mut defs: HashMap<(String, String), Vec<(usize, facts::Def)>> = HashMap::new();
    for (i, source) in sources.iter().enumerate() {
        let mut f = Facts::default();
        match read(source, &i.to_string(), &mut f) {
            Ok(()) => {
                for d in f.defs.drain(..) {
                    defs.entry((folder(source), d.key.clone()))
                        .or_default()
                        .push((i, d));
                }
                read_facts.push(Some(f));
            }
            Err(e) => {
                let pos = Lines::new(&source.text).position(e.offset);
                report.errors.push(LoadError {
                    file: source.file.clone(),
                    line: pos.line,
                    column: pos.column,
                    message: e.message,
                });
                read_facts.push(None);
            }
        }
    }
    // Resolve: each literal once, at its own position.
    let mut per_file: Vec<Vec<(At, NameLint)>> = vec![Vec::new(); sources.len()];
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut unresolved: HashSet<(usize, String)> = HashSet::new();
    for (i, f) in read_facts.iter().enumerate() {
        let Some(f) = f else { continue };
        for r in &f.refs {
            match r {
                Ref::Literal { value, at } => {
                    if seen.insert((i, at.offset)) {
                        per_file[i].push((*at, lint_name(value, strategy)));
                    }
                }
                Ref::Follow {
                    key,
                    expression,
                    at,
                } => match defs.get(&(folder(&sources[i]), key.clone())) {
                    Some(found) => {
                        for (j, d) in found {
                            if seen.insert((*j, d.at.offset)) {
                                per_file[*j].push((d.at, lint_name(&d.value, strategy)));
                            }
                        }
                    }
                    None => {
                        if unresolved.insert((i, expression.clone())) {
                            per_file[i].push((*at, lint_unresolved(expression)));
                        }
                    }
                },
                Ref::Computed { expression, at } => {
                    if unresolved.insert((i, expression.clone())) {
                        per_file[i].push((*at, lint_unresolved(expression)));
                    }
                }
            }
        }
    }
    for (i, mut found) in per_file.into_iter().enumerate() {
        if found.is_empty() {
            continue;
        }
        found.sort_by_key(|(at, _)| at.offset);
        let source = &sources[i];
        let lines = Lines::new(&source.text);
        for (at, lint) in found {
            report.findings.push(finding(source, &lines, at, lint));
        }
    }
    report
}

/// Reads a file for linting: text up to [`MAX_FILE_BYTES`], UTF-8.
fn load(path: &Path, format: Format) -> Result<Source, LoadError> {
    let file = path.to_string_lossy().into_owned();
    let error = |message: String| LoadError {
        file: file.clone(),
        line: 1,
        column: 1,
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| error(format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(error(format!(
            "{} bytes: larger than the {} bytes read",
            meta.len(),
            MAX_FILE_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
    let text = text_of(bytes).map_err(|(_, message)| error(message))?;
    Ok(Source { file, text, format })
}

/// The text of a file's bytes: UTF-8 without NUL bytes (else binary), or the byte offset and
/// why not.
pub fn text_of(bytes: Vec<u8>) -> Result<String, (usize, String)> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err((i, format!("binary file (a NUL byte at byte {i})")));
    }
    String::from_utf8(bytes).map_err(|e| {
        let i = e.utf8_error().valid_up_to();
        (i, format!("not UTF-8 text (at byte {i})"))
    })
}

/// The files to lint under `paths`: each file as given (by its name's format, else an error),
/// each folder recursively (files of a known format, hidden folders and `.terraform` skipped),
/// in sorted order.
pub fn collect(paths: &[PathBuf]) -> (Vec<(PathBuf, Format)>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walk = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0
                        || !e.file_type().is_dir()
                        || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if let Some(format) = Format::of_path(e.path()) {
                            files.push((e.into_path(), format));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(LoadError {
                        file: e.path().map_or_else(
                            || path.display().to_string(),
                            |p| p.display().to_string(),
                        ),
                        line: 1,
                        column: 1,
                        message: format!("cannot read: {e}"),
                    }),
                }
            }
        } else {
            match Format::of_path(path) {
                Some(format) => files.push((path.clone(), format)),
                None => errors.push(LoadError {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: "unknown format (expected .tf, .tfvars, .tf.json, .tfvars.json, \
                              .json, .yaml or .yml)"
                        .to_string(),
                }),
            }
        }
    }
    (files, errors)
}

/// Lints files and folders (see [`collect`] and [`lint_sources`]); a file that cannot be read
/// or parsed is one [`LoadError`], and the others are still linted.
pub fn lint_paths(paths: &[PathBuf], options: Options) -> Report {
    let (files, mut errors) = collect(paths);
    let mut sources = Vec::new();
    for (path, format) in files {
        match load(&path, format) {
            Ok(s) => sources.push(s),
            Err(e) => errors.push(e),
        }
    }
    let mut report = lint_sources(&sources, options);
    errors.append(&mut report.errors);
    report.errors = errors;
    report
}

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
