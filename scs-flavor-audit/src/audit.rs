//! The checks: scs-0100 syntax and semantics, the `extra_specs`, the scs-0103 standard
//! flavors, and the `extra_specs` fixes.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use scs_flavor::{
    DiskType, Flavor, Level, Outcome, SpecKey, SpecValue, StandardFlavor, Strategy, WarningKind,
    MAX_SPEC_DISKS, STANDARD_FLAVORS,
};
use serde::{Deserialize, Serialize};

use crate::input::CloudFlavor;

/// The official test case for the names' syntax.
pub const SYNTAX_CHECK: &str = "scs-0100-syntax-check";
/// The official test case for names against the flavors' figures.
pub const SEMANTICS_CHECK: &str = "scs-0100-semantics-check";
/// Our test case for the `scs:*` extra specs of every flavor (not run by the official runner:
/// the scs-0103 testing notes list it as still to be done).
pub const EXTRA_SPECS_CHECK: &str = "scs-0103-extra-specs-check";
/// Our test case that no two flavors share a name or claim the same standard flavor (by name
/// or `scs:name-v2`): the official lookup then takes whichever it meets first or last, so the
/// official result depends on the order the API lists them in. Not run by the official runner.
pub const UNIQUE_CHECK: &str = "scs-0103-unique-check";

/// The strategy certification reads names with: v3, v1 tolerated with a warning.
pub const STRATEGY: Strategy = Strategy::V2V1;

/// The official disk sizes (GB) the semantics check recommends; other sizes get a note.
pub const RECOMMENDED_DISK_SIZES: &[u32] = &[
    0, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000,
];

/// How bad a finding is. Only errors make a test case fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The test case fails.
    Error,
    /// Certification passes, but something will bite (e.g. a merely tolerated v1 name, a name
    /// the official checker crashes on).
    Warning,
    /// For information (e.g. a flavor that delivers more than its name promises, a missing
    /// recommended flavor or extra spec).
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// What a finding is about: a stable kebab-case identifier in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingKind {
    /// The name starts with `SCS-` but is not a valid name (syntax check).
    InvalidName,
    /// A v1 name, merely tolerated by certification.
    ToleratedSyntax,
    /// A name the standard allows but the official checker rejects (deviation D2).
    RejectedByOfficialChecker,
    /// Another warning of the core library on a valid name (non-canonical spelling, …).
    NameWarning,
    /// Fewer vCPUs than the name promises.
    CpuOverpromise,
    /// More vCPUs than the name promises.
    CpuUnderpromise,
    /// Less RAM than the name promises.
    RamOverpromise,
    /// More RAM than the name promises.
    RamUnderpromise,
    /// RAM that is not a whole (or, below 10 GiB, half) number of GiB.
    UnevenRam,
    /// A smaller root disk than the name promises.
    DiskOverpromise,
    /// A larger root disk than the name promises.
    DiskUnderpromise,
    /// A disk size outside the recommended steps.
    NonstandardDiskSize,
    /// A name with a disk but no disk size: the official semantics check crashes on it.
    OfficialCheckerAborts,
    /// A `scs:name-vN` extra spec that is not a valid SCS name.
    InvalidExtraSpecName,
    /// A `scs:name-vN` extra spec that names different figures than the flavor's name.
    ContradictingExtraSpecName,
    /// The `scs:name-vN` extra specs promise more than the flavor has.
    ExtraSpecNameOverpromise,
    /// `scs:cpu-type` disagrees with the name.
    CpuTypeMismatch,
    /// `scs:diskN-type` disagrees with the name or is not a disk type.
    DiskTypeMismatch,
    /// `scs:diskN-type` for a disk the name does not have.
    DiskTypeWithoutDisk,
    /// An `scs:*` extra spec that the name implies is not set.
    MissingExtraSpec,
    /// An `scs:*` key that scs-0103 does not define.
    UnknownExtraSpec,
    /// A standard flavor is missing.
    StandardFlavorMissing,
    /// A standard flavor's vCPUs, RAM or disk differ from the table.
    StandardFlavorMismatch,
    /// A standard flavor's `scs:*` extra spec differs from its spec.
    StandardExtraSpecMismatch,
    /// Two or more flavors have the same name.
    DuplicateName,
    /// Two or more flavors claim the same standard flavor (by name or `scs:name-v2`).
    DuplicateClaim,
}

impl FindingKind {
    /// Whether `extra_specs` changes alone can fix it (the fixes cover every such finding).
    pub fn is_extra_specs(self) -> bool {
        matches!(
            self,
            FindingKind::InvalidExtraSpecName
                | FindingKind::ContradictingExtraSpecName
                | FindingKind::ExtraSpecNameOverpromise
                | FindingKind::CpuTypeMismatch
                | FindingKind::DiskTypeMismatch
                | FindingKind::DiskTypeWithoutDisk
                | FindingKind::MissingExtraSpec
                | FindingKind::StandardExtraSpecMismatch
        )
    }
}

/// One reason: which flavor, which test case, how bad, what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The flavor's name (for a missing standard flavor: its standard name).
    pub flavor: String,
    /// The test case it belongs to, e.g. `"scs-0100-semantics-check"`.
    pub test: String,
    /// Error, warning or note.
    pub severity: Severity,
    /// What it is about.
    pub kind: FindingKind,
    /// An English sentence.
    pub message: String,
}

/// `PASS` or `FAIL`, as the official runner prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// No error.
    Pass,
    /// At least one error, or (scs-0103) the flavor is missing.
    Fail,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
        })
    }
}

/// One test case and its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestCase {
    /// The test case id, e.g. `"scs-0103-flavor-2v-4-20s"` (the official runner's ids).
    pub id: String,
    /// `PASS` or `FAIL`. A missing recommended flavor fails its test case, as in the official
    /// runner, but only with a note: it does not make the audit fail.
    pub result: Status,
    /// Whether certification requires it (syntax, semantics, mandatory standard flavors).
    pub mandatory: bool,
    /// Whether the official runner has this test case (all but
    /// [`EXTRA_SPECS_CHECK`] and the scs-0103 v1.2 flavors of part 2).
    pub official: bool,
}

impl TestCase {
    /// Whether a failure blocks certification: a mandatory test case of the official suite.
    pub fn blocks_certification(&self) -> bool {
        self.official && self.mandatory
    }

    /// `"mandatory"` (official and mandatory: it blocks certification), `"recommended"`
    /// (official, not mandatory) or `"ours"` (not in the official suite).
    pub fn class(&self) -> &'static str {
        match (self.official, self.mandatory) {
            (true, true) => "mandatory",
            (true, false) => "recommended",
            (false, _) => "ours",
        }
    }
}

/// `ID: PASS` or `ID: FAIL`, the official runner's line.
impl fmt::Display for TestCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id, self.result)
    }
}

/// Set or delete an extra spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAction {
    /// `openstack flavor set --property K=V NAME`
    Set,
    /// `openstack flavor unset --property K NAME`
    Unset,
}

/// One `extra_specs` change, with the ready-to-run command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// The flavor's name.
    pub flavor: String,
    /// The flavor's ID, when the input has IDs: the command addresses the flavor by it. Not
    /// serialized (the command carries it).
    #[serde(skip)]
    pub id: Option<String>,
    /// Set or delete.
    pub action: FixAction,
    /// The extra spec's key, e.g. `"scs:cpu-type"`.
    pub key: String,
    /// The value to set (none for a deletion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The `openstack` command line of this one change, shell-quoted, addressing the flavor by
    /// its ID when known (else by its name). [`Audit::fix_script`] joins the changes of a
    /// flavor into one `set` and one `unset` command.
    pub command: String,
}

impl Fix {
    fn new(flavor: &str, id: Option<&str>, key: &str, value: Option<&str>) -> Self {
        let target = flavor_target(id, flavor);
        let (action, command) = match value {
            Some(v) => (
                FixAction::Set,
                property_commands(&target, [(key, v)], []).join(""),
            ),
            None => (
                FixAction::Unset,
                property_commands(&target, [], [key]).join(""),
            ),
        };
        Fix {
            flavor: flavor.to_string(),
            id: id.map(str::to_string),
            action,
            key: key.to_string(),
            value: value.map(str::to_string),
            command,
        }
    }
}

impl fmt::Display for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.command)
    }
}

/// The first lines of every printed script: a shebang and `set -e` (stop at the first failing
/// command).
pub(crate) const SCRIPT_HEADER: &str = "#!/bin/sh\nset -e\n";

/// How a command addresses a flavor: by its ID when known, else by its name (after `--` if it
/// starts with `-`), shell-quoted.
pub(crate) fn flavor_target(id: Option<&str>, name: &str) -> String {
    match id {
        Some(id) => shell_quote(id),
        None if name.starts_with('-') => format!("-- {}", shell_quote(name)),
        None => shell_quote(name),
    }
}

/// A script comment line naming a flavor (line breaks in the name become spaces).
pub(crate) fn comment(text: &str) -> String {
    format!("# {}", text.replace(['\n', '\r'], " "))
}

/// The commands that delete the extra specs `unset` and set `set` on the flavor `target`
/// (see [`flavor_target`]): one `openstack flavor unset` with every `--property KEY`, then one
/// `openstack flavor set` with every `--property KEY=VALUE` (lines without their `\n`); none
/// for an empty list.
pub(crate) fn property_commands<'a>(
    target: &str,
    set: impl IntoIterator<Item = (&'a str, &'a str)>,
    unset: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut out = Vec::new();
    let unset: String = unset
        .into_iter()
        .map(|k| format!(" --property {}", shell_quote(k)))
        .collect();
    if !unset.is_empty() {
        out.push(format!("openstack flavor unset{unset} {target}"));
    }
    let set: String = set
        .into_iter()
        .map(|(k, v)| format!(" --property {}", shell_quote(&format!("{k}={v}"))))
        .collect();
    if !set.is_empty() {
        out.push(format!("openstack flavor set{set} {target}"));
    }
    out
}

/// Quotes `s` for a POSIX shell: unchanged if it consists of safe characters only, else in
/// single quotes (a quote inside written `'\''`).
///
/// ```
/// use scs_flavor_audit::shell_quote;
/// assert_eq!(shell_quote("scs:name-v1=SCS-2V:4"), "scs:name-v1=SCS-2V:4");
/// assert_eq!(shell_quote("my flavor's"), r"'my flavor'\''s'");
/// assert_eq!(shell_quote(""), "''");
/// ```
pub fn shell_quote(s: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_.:/=+@%,".contains(c);
    if !s.is_empty() && s.chars().all(safe) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The result of [`audit`]: the test cases, the reasons, and the fixes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    /// Whether there is no error at all (missing recommended flavors, warnings and notes do not
    /// count). Stricter than certification, which only [`Audit::blocking`] decides.
    pub passed: bool,
    /// The test cases in order: syntax, semantics, extra specs, uniqueness, then one per
    /// standard flavor in the order of the standard's tables.
    pub tests: Vec<TestCase>,
    /// Every finding: first per flavor in input order, then duplicate names and claims, then
    /// the standard flavors'.
    pub findings: Vec<Finding>,
    /// The `extra_specs` changes that make the flavors pass every check that extra specs can
    /// fix, by flavor in input order, then by key.
    pub fixes: Vec<Fix>,
}

impl Audit {
    /// The findings grouped by flavor, flavors in order of their first finding.
    pub fn by_flavor(&self) -> Vec<(&str, Vec<&Finding>)> {
        let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
        for f in &self.findings {
            match groups.iter_mut().find(|(name, _)| *name == f.flavor) {
                Some((_, list)) => list.push(f),
                None => groups.push((&f.flavor, vec![f])),
            }
        }
        groups
    }

    /// The fixes as a shell script (empty when there is nothing to fix): `#!/bin/sh`,
    /// `set -e`, then per flavor a comment with its name and one `openstack flavor unset` with
    /// all its `--property KEY` options and one `openstack flavor set` with all its `--property
    /// KEY=VALUE` options, addressing the flavor by ID when the input has IDs.
    pub fn fix_script(&self) -> String {
        if self.fixes.is_empty() {
            return String::new();
        }
        let mut out = String::from(SCRIPT_HEADER);
        let mut rest = self.fixes.as_slice();
        while let Some(first) = rest.first() {
            let n = rest
                .iter()
                .take_while(|f| f.flavor == first.flavor && f.id == first.id)
                .count();
            let (group, tail) = rest.split_at(n);
            rest = tail;
            out.push('\n');
            out.push_str(&comment(&first.flavor));
            out.push('\n');
            let set = group
                .iter()
                .filter_map(|f| Some((f.key.as_str(), f.value.as_deref()?)));
            let unset = group
                .iter()
                .filter(|f| f.value.is_none())
                .map(|f| f.key.as_str());
            let target = flavor_target(first.id.as_deref(), &first.flavor);
            for line in property_commands(&target, set, unset) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }

    /// The failed test cases that block certification (official and mandatory), in order.
    pub fn blocking(&self) -> Vec<&TestCase> {
        self.tests
            .iter()
            .filter(|t| t.result == Status::Fail && t.blocks_certification())
            .collect()
    }

    /// The exit status of an audit: 0 when every mandatory test case of the official suite
    /// passes, 1 when one fails. Failed recommended test cases, failures of our own test
    /// cases (not in the official suite), warnings and notes do not count: they are in the
    /// report, not in the status.
    pub fn exit_status(&self) -> i32 {
        i32::from(!self.blocking().is_empty())
    }

    /// One line: whether certification's mandatory test cases pass (and which fail), and how
    /// many recommended and own test cases fail without blocking it.
    pub fn summary(&self) -> String {
        let mandatory = self
            .tests
            .iter()
            .filter(|t| t.blocks_certification())
            .count();
        let blocking = self.blocking();
        let mut line = if blocking.is_empty() {
            format!(
                "summary: PASS: all {mandatory} mandatory test cases of the official suite pass"
            )
        } else {
            let ids: Vec<&str> = blocking.iter().map(|t| t.id.as_str()).collect();
            format!(
                "summary: FAIL: {} of {mandatory} mandatory test cases of the official suite \
                 fail ({}): certification fails",
                blocking.len(),
                ids.join(", ")
            )
        };
        let failed = |class: &str| {
            self.tests
                .iter()
                .filter(|t| t.result == Status::Fail && t.class() == class)
                .count()
        };
        let (recommended, ours) = (failed("recommended"), failed("ours"));
        if recommended + ours > 0 {
            line.push_str(&format!(
                "; not blocking: {recommended} recommended and {ours} of ours fail"
            ));
        }
        line
    }
}

/// One line per test case with its class (`scs-0100-syntax-check: PASS (mandatory)`; the
/// official runner's line, then `mandatory`, `recommended` or `ours`: see [`TestCase::class`]),
/// then, after a blank line each, the findings grouped by flavor (`NAME:` and indented
/// `error [TEST]: MESSAGE` lines), and last, after a blank line, [`Audit::summary`].
impl fmt::Display for Audit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.tests {
            writeln!(f, "{t} ({})", t.class())?;
        }
        for (name, findings) in self.by_flavor() {
            writeln!(f)?;
            writeln!(f, "{name}:")?;
            for x in findings {
                writeln!(f, "  {} [{}]: {}", x.severity, x.test, x.message)?;
            }
        }
        writeln!(f)?;
        writeln!(f, "{}", self.summary())
    }
}

/// The test case id of a standard flavor, as the official runner names it:
/// `SCS-2V-4-20s` → `scs-0103-flavor-2v-4-20s`.
pub fn standard_test_id(name: &str) -> String {
    format!(
        "scs-0103-flavor-{}",
        name.strip_prefix("SCS-").unwrap_or(name).to_lowercase()
    )
}

/// Audits a cloud's flavors offline, as the official `openstack_test.py` test cases
/// `scs-0100-syntax-check`, `scs-0100-semantics-check` and `scs-0103-flavor-*` do (without
/// ever crashing), plus our [`EXTRA_SPECS_CHECK`] of every flavor's `scs:*` extra specs, and
/// derives the `extra_specs` fixes.
///
/// - **Syntax**: names starting with `SCS-` are read with v3, v1 tolerated with a warning.
/// - **Semantics**: vCPUs, RAM and root disk against the name; less than promised is an error,
///   more a note; RAM in GiB as the checker computes it, `int((MiB + 51) / 102.4) / 10`; a name
///   without disk size counts as 0 GB (the official checker crashes there: a warning says so).
/// - **Extra specs**: every `scs:name-vN` is a valid name with the same CPU, RAM and disk as the
///   flavor's name (or, for a flavor without an SCS name, promises no more than it has);
///   `scs:cpu-type` and `scs:diskN-type` agree with the name; implied keys that are missing get
///   a note.
/// - **Uniqueness** (ours, [`UNIQUE_CHECK`]): no two flavors share a name or claim the same
///   standard flavor (by name or `scs:name-v2`). No fix ever sets `scs:name-v2` to a name that
///   another flavor claims.
/// - **scs-0103**: each standard flavor, looked up among the **public** flavors by
///   `scs:name-v2`, else by name, matches its table row exactly (vCPUs, RAM = 1024 × GiB MiB,
///   disk, every `scs:*` key of its spec). A private flavor does not count: the official suite
///   runs as a member of a project, which sees a private flavor only if the operator gave that
///   project access, and a standard flavor is for every user. (A listing a member made simply
///   contains what that member sees.)
///
/// Only failed official mandatory test cases block certification: see [`Audit::blocking`]
/// and [`Audit::exit_status`].
///
/// ```
/// use scs_flavor_audit::{audit, CloudFlavor};
/// let cloud = [CloudFlavor::new("SCS-2V-4", 2, 3900, 0)];
/// let report = audit(&cloud);
/// assert!(!report.passed);
/// assert_eq!(report.tests[1].id, "scs-0100-semantics-check");
/// assert_eq!(report.findings[1].message, "the name promises 4 GiB RAM, the flavor has 3.8 GiB (3900 MiB)");
/// ```
pub fn audit(flavors: &[CloudFlavor]) -> Audit {
    let mut cx = Context::new(flavors);
    let primaries: Vec<Option<Flavor>> = flavors
        .iter()
        .enumerate()
        .map(|(i, f)| cx.flavor(i, f))
        .collect();
    let lookup = lookup(flavors);
    cx.duplicates(&lookup);
    let mut tests = vec![
        test_case(SYNTAX_CHECK, true, true),
        test_case(SEMANTICS_CHECK, true, true),
        test_case(EXTRA_SPECS_CHECK, false, false),
        test_case(UNIQUE_CHECK, false, false),
    ];
    for std in STANDARD_FLAVORS {
        let id = standard_test_id(std.name);
        let missing = cx.standard(std, &id, lookup.get(std.name).copied(), flavors, &primaries);
        let mut t = test_case(&id, std.level == Level::Mandatory, std.is_official());
        if missing {
            t.result = Status::Fail;
        }
        tests.push(t);
    }
    for t in &mut tests {
        if cx
            .findings
            .iter()
            .any(|f| f.test == t.id && f.severity == Severity::Error)
        {
            t.result = Status::Fail;
        }
    }
    let fixes = cx
        .fixes
        .iter()
        .flat_map(|(&i, changes)| {
            let f = &flavors[i];
            changes
                .iter()
                .map(move |(key, value)| Fix::new(&f.name, f.id.as_deref(), key, value.as_deref()))
        })
        .collect();
    Audit {
        passed: !cx.findings.iter().any(|f| f.severity == Severity::Error),
        tests,
        findings: cx.findings,
        fixes,
    }
}

/// Applies `fixes` to `flavors` (matching by ID where the fix has one, else by name): what
/// running the commands would do.
pub fn apply_fixes(flavors: &mut [CloudFlavor], fixes: &[Fix]) {
    for fix in fixes {
        let target = |f: &&mut CloudFlavor| match &fix.id {
            Some(id) => f.id.as_ref() == Some(id),
            None => f.name == fix.flavor,
        };
        for f in flavors.iter_mut().filter(target) {
            match &fix.value {
                Some(v) => {
                    f.extra_specs.insert(fix.key.clone(), v.clone());
                }
                None => {
                    f.extra_specs.remove(&fix.key);
                }
            }
        }
    }
}

fn test_case(id: &str, mandatory: bool, official: bool) -> TestCase {
    TestCase {
        id: id.to_string(),
        result: Status::Pass,
        mandatory,
        official,
    }
}

/// The official lookup, among the public flavors: by the `scs:name-v2` extra spec (a later
/// flavor wins), then, for names not yet taken, by the flavor's own name if it starts with
/// `SCS-` (the first wins).
///
/// Private flavors are left out: the official suite runs as a member of a project, which sees
/// a private flavor only where the operator gave that project access; a flavor shared with
/// some projects is not a standard flavor every user can rely on.
fn lookup(flavors: &[CloudFlavor]) -> HashMap<&str, usize> {
    let mut map = HashMap::new();
    let name_v2 = SpecKey::Name(2).to_string();
    for (i, f) in flavors.iter().enumerate().filter(|(_, f)| f.public) {
        if let Some(v) = f.extra_specs.get(&name_v2) {
            map.insert(v.as_str(), i);
        }
    }
    for (i, f) in flavors.iter().enumerate().filter(|(_, f)| f.public) {
        if f.name.starts_with("SCS-") {
            map.entry(f.name.as_str()).or_insert(i);
        }
    }
    map
}

/// The `scs:name-vN` extra specs of a flavor as `(key, value)`, in order of N.
pub(crate) fn name_keys(f: &CloudFlavor) -> Vec<(&str, &str)> {
    let mut names: Vec<(u8, &str, &str)> = f
        .extra_specs
        .iter()
        .filter_map(|(k, v)| match k.parse() {
            Ok(SpecKey::Name(n)) => Some((n, k.as_str(), v.as_str())),
            _ => None,
        })
        .collect();
    names.sort_unstable();
    names.into_iter().map(|(_, k, v)| (k, v)).collect()
}

/// RAM in GiB exactly as the official semantics check computes it from MiB.
pub fn checker_ram_gib(mib: u64) -> f64 {
    ((u128::from(mib) + 51) as f64 / 102.4).trunc() / 10.0
}

/// What a name promises against what the flavor has, as the official semantics check
/// compares them: `(severity, kind, message)` for each difference, and notes on uneven RAM and
/// non-standard disk sizes.
pub(crate) fn promises(f: &CloudFlavor, name: &Flavor) -> Vec<(Severity, FindingKind, String)> {
    let mut out = Vec::new();
    let cpus = u64::from(name.cpu.count.get());
    if f.vcpus < cpus {
        out.push((
            Severity::Error,
            FindingKind::CpuOverpromise,
            format!(
                "the name promises {}, the flavor has {}",
                vcpus(cpus),
                f.vcpus
            ),
        ));
    } else if f.vcpus > cpus {
        out.push((
            Severity::Note,
            FindingKind::CpuUnderpromise,
            format!(
                "the flavor has {} vCPUs, more than the {cpus} the name promises",
                f.vcpus
            ),
        ));
    }
    let have = checker_ram_gib(f.ram_mib);
    let want = name.ram.size.gib();
    if (have >= 10.0 && have != have.trunc()) || have * 2.0 != (have * 2.0).trunc() {
        out.push((
            Severity::Note,
            FindingKind::UnevenRam,
            format!(
                "the flavor has a discouraged uneven amount of RAM: {have:.1} GiB ({} MiB)",
                f.ram_mib
            ),
        ));
    }
    if have < want {
        out.push((
            Severity::Error,
            FindingKind::RamOverpromise,
            format!(
                "the name promises {} GiB RAM, the flavor has {have:.1} GiB ({} MiB)",
                name.ram.size, f.ram_mib
            ),
        ));
    } else if have > want {
        out.push((
            Severity::Note,
            FindingKind::RamUnderpromise,
            format!(
                "the flavor has {have:.1} GiB RAM ({} MiB), more than the {} GiB the name promises",
                f.ram_mib, name.ram.size
            ),
        ));
    }
    let size = name.disk.and_then(|d| d.size).map_or(0, |s| s.get());
    if !RECOMMENDED_DISK_SIZES.contains(&size) {
        out.push((
            Severity::Note,
            FindingKind::NonstandardDiskSize,
            format!(
                "non-standard disk size {size} GB: the standard recommends 5, 10, 20, 50, 100, 200, 500, 1000, …"
            ),
        ));
    }
    let size = u64::from(size);
    if f.disk_gb < size {
        out.push((
            Severity::Error,
            FindingKind::DiskOverpromise,
            format!(
                "the name promises a {size} GB root disk, the flavor has {}",
                disk_words(f.disk_gb)
            ),
        ));
    } else if f.disk_gb > size {
        out.push((
            Severity::Note,
            FindingKind::DiskUnderpromise,
            format!(
                "the flavor has a {} GB root disk, more than the name promises ({})",
                f.disk_gb,
                match name.disk {
                    None => "none".to_string(),
                    Some(_) if size == 0 => "a size left open, counted as 0 GB".to_string(),
                    Some(_) => format!("{size} GB"),
                }
            ),
        ));
    }
    out
}

fn vcpus(n: u64) -> String {
    match n {
        1 => "1 vCPU".to_string(),
        n => format!("{n} vCPUs"),
    }
}

fn disk_words(gb: u64) -> String {
    if gb == 0 {
        "no root disk (0 GB)".to_string()
    } else {
        format!("{gb} GB")
    }
}

/// Differences between two names in what they say about CPU, RAM and disk.
fn core_diff(a: &Flavor, b: &Flavor) -> Vec<String> {
    let mut out = Vec::new();
    if a.cpu.count != b.cpu.count {
        out.push(format!("{} vCPUs, not {}", a.cpu.count, b.cpu.count));
    }
    if a.cpu.kind != b.cpu.kind {
        out.push(format!("CPU type {}, not {}", a.cpu.kind, b.cpu.kind));
    }
    if a.cpu.insecure != b.cpu.insecure {
        out.push("a different insecure-CPU flag (`i`)".to_string());
    }
    if a.ram.size != b.ram.size {
        out.push(format!("{} GiB RAM, not {}", a.ram.size, b.ram.size));
    }
    if a.ram.no_ecc != b.ram.no_ecc || a.ram.oversubscribed != b.ram.oversubscribed {
        out.push("different RAM flags (`u`, `o`)".to_string());
    }
    if a.disk != b.disk {
        let words = |f: &Flavor| match f.disk {
            None => "no disk".to_string(),
            Some(_) => format!("disk `{}`", disk_part(f)),
        };
        out.push(format!("{}, not {}", words(a), words(b)));
    }
    out
}

/// The disk component as a name writes it (`20s`, `3x10`, `n`, or empty).
fn disk_part(f: &Flavor) -> String {
    let Some(d) = f.disk else {
        return String::new();
    };
    let mut out = String::new();
    if d.count.get() != 1 {
        out.push_str(&format!("{}x", d.count));
    }
    if let Some(size) = d.size {
        out.push_str(&size.to_string());
    }
    if let Some(kind) = d.kind {
        out.push_str(kind.code());
    }
    out
}

/// Which flavors claim each SCS name: their own `SCS-` name or their `scs:name-v2` (each flavor
/// once per name, in input order).
fn claims(flavors: &[CloudFlavor]) -> HashMap<&str, Vec<usize>> {
    let name_v2 = SpecKey::Name(2).to_string();
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in flavors.iter().enumerate() {
        if f.name.starts_with("SCS-") {
            map.entry(f.name.as_str()).or_default().push(i);
        }
        if let Some(v) = f.extra_specs.get(&name_v2).filter(|v| **v != f.name) {
            map.entry(v.as_str()).or_default().push(i);
        }
    }
    map
}

struct Context<'a> {
    flavors: &'a [CloudFlavor],
    claims: HashMap<&'a str, Vec<usize>>,
    findings: Vec<Finding>,
    /// Per flavor index: key → value to set, or `None` to delete.
    fixes: BTreeMap<usize, BTreeMap<String, Option<String>>>,
}

impl<'a> Context<'a> {
    fn new(flavors: &'a [CloudFlavor]) -> Self {
        Context {
            flavors,
            claims: claims(flavors),
            findings: Vec::new(),
            fixes: BTreeMap::new(),
        }
    }

    /// A flavor in a message: its name, and its ID when known.
    fn describe(&self, index: usize) -> String {
        let f = &self.flavors[index];
        match &f.id {
            Some(id) => format!("{} (ID {id})", f.name),
            None => f.name.clone(),
        }
    }

    /// Another flavor than `index` that claims the SCS name `name`.
    fn other_claimant(&self, name: &str, index: usize) -> Option<usize> {
        self.claims.get(name)?.iter().copied().find(|&j| j != index)
    }

    /// Flavors sharing a name, and standard flavors claimed by more than one flavor.
    fn duplicates(&mut self, lookup: &HashMap<&str, usize>) {
        let mut names: Vec<(&str, Vec<usize>)> = Vec::new();
        for (i, f) in self.flavors.iter().enumerate() {
            match names.iter_mut().find(|(n, _)| *n == f.name) {
                Some((_, list)) => list.push(i),
                None => names.push((&f.name, vec![i])),
            }
        }
        for (name, list) in names.into_iter().filter(|(_, l)| l.len() > 1) {
            let who: Vec<String> = list.iter().map(|&j| self.describe(j)).collect();
            self.find(
                name,
                UNIQUE_CHECK,
                Severity::Error,
                FindingKind::DuplicateName,
                format!(
                    "{} flavors have this name ({}): a lookup by name takes whichever it meets \
                     first, and commands must address them by ID; Nova cannot rename a flavor: \
                     delete the ones that are not meant",
                    list.len(),
                    who.join(", ")
                ),
            );
        }
        let name_v2 = SpecKey::Name(2).to_string();
        for std in STANDARD_FLAVORS {
            let Some(list) = self.claims.get(std.name).filter(|l| l.len() > 1) else {
                continue;
            };
            let who: Vec<String> = list
                .iter()
                .map(|&j| {
                    let how = if self.flavors[j]
                        .extra_specs
                        .get(&name_v2)
                        .map(String::as_str)
                        == Some(std.name)
                    {
                        "scs:name-v2"
                    } else {
                        "its name"
                    };
                    format!("{} by {how}", self.describe(j))
                })
                .collect();
            let taken = match lookup.get(std.name) {
                Some(&j) => format!("here {}", self.describe(j)),
                None => "here none, as they are private".to_string(),
            };
            self.find(
                std.name,
                UNIQUE_CHECK,
                Severity::Error,
                FindingKind::DuplicateClaim,
                format!(
                    "{} flavors claim the standard flavor {}: {}; the official lookup takes \
                     whichever it meets (by scs:name-v2 the last listed, else by name the first), \
                     {taken}: unset scs:name-v2 on the others or delete them",
                    list.len(),
                    std.name,
                    who.join(", ")
                ),
            );
        }
    }

    fn find(
        &mut self,
        flavor: &str,
        test: &str,
        severity: Severity,
        kind: FindingKind,
        message: String,
    ) {
        self.findings.push(Finding {
            flavor: flavor.to_string(),
            test: test.to_string(),
            severity,
            kind,
            message,
        });
    }

    /// Records a fix, unless it sets `scs:name-v2` to a name that another flavor claims (it
    /// would make two flavors claim it): then returns false.
    fn fix(&mut self, index: usize, key: &str, value: Option<&str>) -> bool {
        if let Some(v) = value {
            if key == SpecKey::Name(2).to_string() && self.other_claimant(v, index).is_some() {
                return false;
            }
        }
        self.fixes
            .entry(index)
            .or_default()
            .insert(key.to_string(), value.map(str::to_string));
        true
    }

    /// Checks one flavor's name and extra specs; returns the name its extra specs must agree
    /// with (its own valid SCS name, else its first valid `scs:name-vN`).
    fn flavor(&mut self, index: usize, f: &CloudFlavor) -> Option<Flavor> {
        let name = f.name.as_str();
        let own = if name.starts_with("SCS-") {
            self.own_name(f)
        } else {
            None
        };
        let mut valid: Vec<(&str, &str, Flavor)> = Vec::new();
        for (key, value) in name_keys(f) {
            match STRATEGY.check(value) {
                Outcome::Valid(p) => valid.push((key, value, p.flavor())),
                Outcome::Invalid(e) => {
                    self.find(
                        name,
                        EXTRA_SPECS_CHECK,
                        Severity::Error,
                        FindingKind::InvalidExtraSpecName,
                        format!("{key}={value} is not a valid SCS flavor name: {e}"),
                    );
                    self.fix(index, key, None);
                }
                Outcome::NotScs => {
                    self.find(
                        name,
                        EXTRA_SPECS_CHECK,
                        Severity::Error,
                        FindingKind::InvalidExtraSpecName,
                        format!(
                            "{key}={value} is not an SCS flavor name (it must start with `SCS-`)"
                        ),
                    );
                    self.fix(index, key, None);
                }
            }
        }
        let mut primary = own.or_else(|| valid.first().map(|&(_, _, fl)| fl));
        let mut agreeing = 0;
        if let Some(p) = primary {
            let basis = match own {
                Some(_) => format!("the flavor's name {name}"),
                None => match valid.first() {
                    Some((k, v, _)) => format!("{k}={v}"),
                    None => String::new(),
                },
            };
            for &(key, value, fl) in &valid {
                let diff = core_diff(&fl, &p);
                if diff.is_empty() {
                    agreeing += 1;
                    continue;
                }
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Error,
                    FindingKind::ContradictingExtraSpecName,
                    format!("{key}={value} contradicts {basis}: {}", diff.join(", ")),
                );
                self.fix(index, key, None);
            }
            if own.is_none() {
                // No SCS name of its own: the extra specs' names must hold by themselves.
                let broken: Vec<String> = promises(f, &p)
                    .into_iter()
                    .filter(|(s, _, _)| *s == Severity::Error)
                    .map(|(_, _, m)| m)
                    .collect();
                if !broken.is_empty() {
                    self.find(
                        name,
                        EXTRA_SPECS_CHECK,
                        Severity::Error,
                        FindingKind::ExtraSpecNameOverpromise,
                        format!("{basis}: {}", broken.join("; ")),
                    );
                    for (key, _, _) in &valid {
                        self.fix(index, key, None);
                    }
                    for key in f.extra_specs.keys() {
                        if matches!(key.parse(), Ok(SpecKey::CpuType | SpecKey::DiskType(_))) {
                            self.fix(index, key, None);
                        }
                    }
                    primary = None;
                }
            }
        }
        if let Some(p) = primary {
            self.implied_specs(index, f, &p, agreeing == 0);
        }
        for key in f.extra_specs.keys() {
            let defined = key.parse().is_ok_and(SpecKey::is_extra_spec);
            if key.starts_with(SpecKey::NAMESPACE) && !defined {
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Warning,
                    FindingKind::UnknownExtraSpec,
                    format!("{key} is not an extra spec that scs-0103 defines"),
                );
            }
        }
        primary
    }

    /// Syntax and semantics of a name starting with `SCS-`.
    fn own_name(&mut self, f: &CloudFlavor) -> Option<Flavor> {
        let name = f.name.as_str();
        let p = match STRATEGY.check(name) {
            Outcome::Valid(p) => p,
            Outcome::Invalid(e) => {
                self.find(
                    name,
                    SYNTAX_CHECK,
                    Severity::Error,
                    FindingKind::InvalidName,
                    format!("not a valid SCS flavor name: {e}"),
                );
                return None;
            }
            Outcome::NotScs => return None,
        };
        let fl = p.flavor();
        for w in p.warnings() {
            match w.kind {
                WarningKind::Tolerated { .. } => {
                    // Nova cannot rename a flavor: say what can be done.
                    let v3 = fl.to_string();
                    let advice = if self.flavors.iter().any(|g| g.name == v3) {
                        format!("{v3} (its v3 name) exists already: move users to it, then delete this one")
                    } else {
                        format!(
                            "create {v3} (its v3 name) with the same figures and extra specs, move \
                             users to it, then delete this one"
                        )
                    };
                    self.find(
                        name,
                        SYNTAX_CHECK,
                        Severity::Warning,
                        FindingKind::ToleratedSyntax,
                        format!(
                            "a v1 name, merely tolerated by certification; Nova cannot rename a \
                             flavor: {advice}"
                        ),
                    )
                }
                WarningKind::RejectedByOfficialChecker => self.find(
                    name,
                    SYNTAX_CHECK,
                    Severity::Error,
                    FindingKind::RejectedByOfficialChecker,
                    w.to_string(),
                ),
                WarningKind::NotKubernetesLabel(_) => {}
                _ => self.find(
                    name,
                    SYNTAX_CHECK,
                    Severity::Note,
                    FindingKind::NameWarning,
                    w.to_string(),
                ),
            }
        }
        if fl.disk.is_some_and(|d| d.size.is_none()) {
            self.find(
                name,
                SEMANTICS_CHECK,
                Severity::Warning,
                FindingKind::OfficialCheckerAborts,
                "the name leaves the disk size open: the official semantics check crashes on \
                 such a name (comparing an int with None), so certification reports \
                 scs-0100-semantics-check as ABORT; this audit counts the size as 0 GB"
                    .to_string(),
            );
        }
        for (severity, kind, message) in promises(f, &fl) {
            self.find(name, SEMANTICS_CHECK, severity, kind, message);
        }
        Some(fl)
    }

    /// `scs:cpu-type`, `scs:diskN-type` and (if `set_names`) `scs:name-vN` against the name.
    fn implied_specs(&mut self, index: usize, f: &CloudFlavor, p: &Flavor, set_names: bool) {
        let name = f.name.as_str();
        let cpu_key = SpecKey::CpuType.to_string();
        let cpu_type = p.cpu.kind.entry().name;
        match f.extra_specs.get(&cpu_key) {
            Some(v) if v == cpu_type => {}
            Some(v) => {
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Error,
                    FindingKind::CpuTypeMismatch,
                    format!("{cpu_key}={v} contradicts the name, which says {cpu_type}"),
                );
                self.fix(index, &cpu_key, Some(cpu_type));
            }
            None => {
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Note,
                    FindingKind::MissingExtraSpec,
                    format!("{cpu_key} is not set (the name says {cpu_type})"),
                );
                self.fix(index, &cpu_key, Some(cpu_type));
            }
        }
        let disks = p.disk.map_or(0, |d| d.count.get());
        // The spec's value for every disk: the name's type, else the spec default.
        let wanted = p.disk.map(|d| d.spec_type().entry().name);
        let stated = p.disk.and_then(|d| d.kind).map(|k| k.entry().name);
        for (key, value) in &f.extra_specs {
            let Ok(SpecKey::DiskType(n)) = key.parse() else {
                continue;
            };
            let Some(wanted) = wanted.filter(|_| n < disks) else {
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Error,
                    FindingKind::DiskTypeWithoutDisk,
                    match disks {
                        0 => format!("{key}={value}, but the name has no disk"),
                        _ => format!("{key}={value}, but the name has only {disks} disk(s)"),
                    },
                );
                self.fix(index, key, None);
                continue;
            };
            let message = match stated {
                Some(k) if value != k => {
                    format!("{key}={value} contradicts the name, which says {k}")
                }
                None if !DiskType::ALL.iter().any(|t| t.entry().name == value) => {
                    let names: Vec<&str> = DiskType::ALL.iter().map(|t| t.entry().name).collect();
                    let (last, rest) = names.split_last().unwrap_or((&"", &[]));
                    format!(
                        "{key}={value} is not a disk type ({} or {last})",
                        rest.join(", ")
                    )
                }
                _ => continue,
            };
            self.find(
                name,
                EXTRA_SPECS_CHECK,
                Severity::Error,
                FindingKind::DiskTypeMismatch,
                message,
            );
            self.fix(index, key, Some(wanted));
        }
        if let Some(wanted) = wanted.filter(|_| disks <= MAX_SPEC_DISKS) {
            for n in 0..disks {
                let key = SpecKey::DiskType(n).to_string();
                if !f.extra_specs.contains_key(&key) {
                    let why = match stated {
                        Some(k) => format!("the name says {k}"),
                        None => format!(
                            "the name leaves the type open, which the spec writes as {wanted}"
                        ),
                    };
                    self.find(
                        name,
                        EXTRA_SPECS_CHECK,
                        Severity::Note,
                        FindingKind::MissingExtraSpec,
                        format!("{key} is not set ({why})"),
                    );
                    self.fix(index, &key, Some(wanted));
                }
            }
        }
        if set_names {
            if let Ok(spec) = p.spec() {
                let names: Vec<(String, String)> = spec
                    .filter(|(k, _)| matches!(k, SpecKey::Name(_)))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                let list: Vec<String> = names.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let name_v2 = SpecKey::Name(2).to_string();
                let taken = names.iter().find_map(|(k, v)| {
                    let other = self.other_claimant(v, index).filter(|_| *k == name_v2)?;
                    Some(format!(
                        "; {k}={v} is not proposed: {} claims {v} already",
                        self.describe(other)
                    ))
                });
                self.find(
                    name,
                    EXTRA_SPECS_CHECK,
                    Severity::Note,
                    FindingKind::MissingExtraSpec,
                    format!(
                        "no scs:name-vN is set (the spec has {}){}",
                        list.join(", "),
                        taken.unwrap_or_default()
                    ),
                );
                for (k, v) in &names {
                    self.fix(index, k, Some(v));
                }
            }
        }
    }

    /// One standard flavor; returns whether it is missing.
    fn standard(
        &mut self,
        std: &StandardFlavor,
        id: &str,
        found: Option<usize>,
        flavors: &[CloudFlavor],
        primaries: &[Option<Flavor>],
    ) -> bool {
        let Some(i) = found else {
            let severity = match std.level {
                Level::Mandatory => Severity::Error,
                Level::Recommended => Severity::Note,
            };
            let level = std.level.code();
            let private: Vec<String> = self
                .claims
                .get(std.name)
                .into_iter()
                .flatten()
                .filter(|&&j| !self.flavors[j].public)
                .map(|&j| self.describe(j))
                .collect();
            let private = match private.as_slice() {
                [] => String::new(),
                list => format!(
                    "; {} claims it but is private: the official suite runs as a member of a \
                     project, which sees a private flavor only if given access, so it does not \
                     count; Nova cannot make a flavor public: delete it and create it again as \
                     public",
                    list.join(", ")
                ),
            };
            self.find(
                std.name,
                id,
                severity,
                FindingKind::StandardFlavorMissing,
                format!(
                    "the {level} standard flavor {} is missing (looked up by scs:name-v2, then by name){private}",
                    std.name
                ),
            );
            return true;
        };
        let f = &flavors[i];
        let Ok(want) = std.name.parse::<Flavor>() else {
            return false;
        };
        let as_found = if f.name == std.name {
            String::new()
        } else {
            format!(" (standard flavor {}, found by scs:name-v2)", std.name)
        };
        let figures = [
            ("vCPUs", f.vcpus, u64::from(std.vcpus), ""),
            ("RAM", f.ram_mib, u64::from(std.ram_gib) * 1024, " MiB"),
            ("disk", f.disk_gb, u64::from(std.disk_gb()), " GB"),
        ];
        for (what, have, need, unit) in figures {
            if have != need {
                self.find(
                    &f.name,
                    id,
                    Severity::Error,
                    FindingKind::StandardFlavorMismatch,
                    format!("{what} is {have}{unit}, the standard requires exactly {need}{unit}{as_found}"),
                );
            }
        }
        let Ok(spec) = want.spec() else { return false };
        // Extra specs can only be fixed where the flavor really is this standard flavor.
        let fixable = primaries[i].is_some_and(|p| core_diff(&p, &want).is_empty());
        for (key, value) in spec {
            if !key.is_extra_spec() {
                continue;
            }
            let open = if std.disk.is_some_and(|d| d.kind.is_none()) && key == SpecKey::DiskType(0)
            {
                format!(
                    " (the official check demands `{}` where the standard leaves the disk type open)",
                    DiskType::SPEC_DEFAULT.entry().name
                )
            } else {
                String::new()
            };
            let key = key.to_string();
            let value = match value {
                SpecValue::Str(s) => s.to_string(),
                other => other.to_string(),
            };
            let have = f.extra_specs.get(&key);
            if have == Some(&value) {
                continue;
            }
            let message = match have {
                Some(v) => format!("{key}={v}, the standard requires {value}{open}{as_found}"),
                None => format!("{key} is not set, the standard requires {value}{open}{as_found}"),
            };
            self.find(
                &f.name,
                id,
                Severity::Error,
                FindingKind::StandardExtraSpecMismatch,
                message,
            );
            if fixable {
                self.fix(i, &key, Some(&value));
            }
        }
        false
    }
}
