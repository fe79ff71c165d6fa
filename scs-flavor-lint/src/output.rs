//! The findings as text (`FILE:LINE:COL: LEVEL: MESSAGE`, the source line and a caret), as
//! JSON lines, or as a SARIF 2.1.0 log.

use std::io::{self, Write};

use scs_flavor_audit::{ReferenceStatus, Severity};
use serde::{Deserialize, Serialize};
use serde_sarif::sarif;

use crate::{Finding, LoadError, Report};

/// The SARIF rule id of a file that could not be read.
pub const UNREADABLE: &str = "unreadable";

/// The widest source line shown whole; a longer one is cut to a window around the mark.
const MAX_LINE_CHARS: usize = 160;

/// One line of `-o json`: a finding, or (without `name` and `status`) a file that could not
/// be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The file, as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The name as written (the expression, for an unresolved value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ReferenceStatus>,
    /// How much it matters.
    pub level: Severity,
    /// What it means.
    pub message: String,
    /// The name to write instead, where one helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl From<&Finding> for Record {
    fn from(f: &Finding) -> Record {
        Record {
            file: f.file.clone(),
            line: f.line,
            column: f.column,
            name: Some(f.lint.name.clone()),
            status: Some(f.lint.status),
            level: f.lint.level,
            message: f.lint.message.clone(),
            suggestion: f.lint.suggestion.clone(),
        }
    }
}

impl From<&LoadError> for Record {
    fn from(e: &LoadError) -> Record {
        Record {
            file: e.file.clone(),
            line: e.line,
            column: e.column,
            name: None,
            status: None,
            level: Severity::Error,
            message: e.message.clone(),
            suggestion: None,
        }
    }
}

/// The records of a report: the unreadable files first, then the findings.
pub fn records(report: &Report) -> Vec<Record> {
    report
        .errors
        .iter()
        .map(Record::from)
        .chain(report.findings.iter().map(Record::from))
        .collect()
}

/// Writes one JSON object per line (see [`Record`]).
pub fn json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for r in records(report) {
        serde_json::to_writer(&mut *out, &r)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The source line and a caret line under `mark` (start, count in characters), cut to a window
/// around the mark where the line is long; control characters shown as `�`, tabs kept so that
/// the caret lines up.
fn source_and_caret(line: &str, mark: (usize, usize)) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let (start, count) = (mark.0.min(chars.len()), mark.1.max(1));
    let (from, to) = if chars.len() <= MAX_LINE_CHARS {
        (0, chars.len())
    } else {
        let side = MAX_LINE_CHARS / 4;
        let from = start.saturating_sub(side);
        (from, (start + count.min(side) + side).min(chars.len()))
    };
    let mut shown = String::new();
    let mut caret = String::new();
    if from > 0 {
        shown.push('…');
        caret.push(' ');
    }
    for (i, &c) in chars.iter().enumerate().take(to).skip(from) {
        shown.push(match c {
            '\t' => '\t',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        });
        if i < start {
            caret.push(if c == '\t' { '\t' } else { ' ' });
        }
    }
    if to < chars.len() {
        shown.push('…');
    }
    let visible = count.min(to.saturating_sub(start)).max(1);
    caret.extend(std::iter::repeat_n('^', visible));
    (shown, caret)
}

/// Writes each unreadable file as `FILE:LINE:COL: error: MESSAGE`, then each finding as
/// `FILE:LINE:COL: LEVEL: MESSAGE` with its source line, a caret line under the name (under the
/// bad part of an invalid name) and the suggestion, if any.
pub fn text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for e in &report.errors {
        writeln!(out, "{e}")?;
    }
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {}: {}",
            f.file, f.line, f.column, f.lint.level, f.lint.message
        )?;
        let (shown, caret) = source_and_caret(&f.source_line, f.mark);
        writeln!(out, "    {shown}")?;
        writeln!(out, "    {caret}")?;
        if let Some(s) = &f.lint.suggestion {
            writeln!(out, "    suggestion: {s}")?;
        }
    }
    Ok(())
}

/// A one-line summary: `N references: N mandatory, N recommended, …`, and the unreadable files.
pub fn summary(report: &Report) -> String {
    let counts: Vec<String> = report
        .counts()
        .into_iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let mut line = format!(
        "{} flavor references: {}",
        report.findings.len(),
        counts.join(", ")
    );
    if !report.errors.is_empty() {
        line.push_str(&format!("; unreadable files: {}", report.errors.len()));
    }
    line
}

fn sarif_level(level: Severity) -> sarif::ResultLevel {
    match level {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Note => sarif::ResultLevel::Note,
    }
}

/// A file path as a relative URI reference: `/` separators, and every byte outside the
/// unreserved characters percent-encoded.
pub fn path_uri(path: &str) -> String {
    let mut uri = String::new();
    for part in path.split(['/', '\\']).enumerate() {
        if part.0 > 0 {
            uri.push('/');
        }
        for b in part.1.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                uri.push(char::from(b));
            } else {
                uri.push_str(&format!("%{b:02X}"));
            }
        }
    }
    uri
}

fn location(file: &str, line: usize, column: usize, end_column: usize) -> sarif::Location {
    let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(
                    sarif::ArtifactLocation::builder()
                        .uri(path_uri(file))
                        .build(),
                )
                .region(
                    sarif::Region::builder()
                        .start_line(as_i64(line))
                        .start_column(as_i64(column))
                        .end_column(as_i64(end_column.max(column + 1)))
                        .build(),
                )
                .build(),
        )
        .build()
}

fn rule(id: &str, description: &str) -> sarif::ReportingDescriptor {
    sarif::ReportingDescriptor::builder()
        .id(id)
        .short_description(
            sarif::MultiformatMessageString::builder()
                .text(description)
                .build(),
        )
        .build()
}

/// The report as a SARIF 2.1.0 log: one run of the tool `scs-flavor-lint`, one rule per
/// [`ReferenceStatus`] (id = its code) and [`UNREADABLE`], one result per finding and
/// unreadable file; columns count Unicode code points.
pub fn sarif(report: &Report) -> sarif::Sarif {
    let rules: Vec<sarif::ReportingDescriptor> = ReferenceStatus::ALL
        .iter()
        .map(|s| rule(s.code(), s.description()))
        .chain([rule(
            UNREADABLE,
            "A file that could not be read or parsed as its format.",
        )])
        .collect();
    let rule_index = |id: &str| {
        rules
            .iter()
            .position(|r| r.id == id)
            .and_then(|i| i64::try_from(i).ok())
            .unwrap_or(0)
    };
    let mut results: Vec<sarif::Result> = report
        .errors
        .iter()
        .map(|e| {
            sarif::Result::builder()
                .rule_id(UNREADABLE)
                .rule_index(rule_index(UNREADABLE))
                .level(sarif::ResultLevel::Error)
                .message(sarif::Message::builder().text(e.message.clone()).build())
                .locations(vec![location(&e.file, e.line, e.column, e.column + 1)])
                .build()
        })
        .collect();
    results.extend(report.findings.iter().map(|f| {
        let mut message = f.lint.message.clone();
        if let Some(s) = &f.lint.suggestion {
            message.push_str(&format!(" (suggestion: {s})"));
        }
        let code = f.lint.status.code();
        let width = f.lint.name.chars().count().max(1);
        sarif::Result::builder()
            .rule_id(code)
            .rule_index(rule_index(code))
            .level(sarif_level(f.lint.level))
            .message(sarif::Message::builder().text(message).build())
            .locations(vec![location(&f.file, f.line, f.column, f.column + width)])
            .build()
    }));
    let driver = sarif::ToolComponent::builder()
        .name("scs-flavor-lint")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(env!("CARGO_PKG_HOMEPAGE"))
        .rules(rules)
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .results(results)
        .build();
    sarif::Sarif::builder()
        .schema(SCHEMA_URI)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// The `$schema` written into SARIF logs: the OASIS SARIF 2.1.0 schema.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_mark() {
        let (s, c) = source_and_caret("  flavor: SCS-2V-4_i7", (19, 2));
        assert_eq!(s, "  flavor: SCS-2V-4_i7");
        assert_eq!(c, "                   ^^");
        let (s, c) = source_and_caret("\tx: y", (4, 1));
        assert_eq!((s.as_str(), c.as_str()), ("\tx: y", "\t   ^"));
    }

    #[test]
    fn long_lines_are_cut() {
        let line = format!("{}SCS-2V-4{}", "a".repeat(1000), "b".repeat(1000));
        let (s, c) = source_and_caret(&line, (1000, 8));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= MAX_LINE_CHARS);
        let at = c.find('^').map(|i| s.chars().take(i).count());
        assert_eq!(
            s.chars().skip(at.unwrap_or(0)).take(8).collect::<String>(),
            "SCS-2V-4"
        );
    }

    #[test]
    fn uris() {
        assert_eq!(path_uri("infra/main.tf"), "infra/main.tf");
        assert_eq!(path_uri("my dir\\a#b.tf"), "my%20dir/a%23b.tf");
    }
}
