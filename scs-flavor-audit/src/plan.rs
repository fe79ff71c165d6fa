//! The plan: the changes that make a cloud pass every scs-0100 and scs-0103 test case, and
//! their renderings as `openstack` commands and as an openstack-flavor-manager file.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use scs_flavor::{Flavor, Level, Outcome, SpecKey, SpecValue, StandardFlavor, STANDARD_FLAVORS};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::audit::{
    audit, comment, flavor_target, property_commands, shell_quote, Audit, FindingKind,
    SCRIPT_HEADER, STRATEGY,
};
use crate::input::CloudFlavor;

/// What `plan` may do beyond creating mandatory flavors and fixing extra specs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOptions {
    /// Also create the missing recommended standard flavors.
    pub recommended: bool,
    /// Delete and re-create flavors whose vCPUs, RAM or disk contradict their name.
    pub recreate: bool,
    /// Delete public flavors whose `SCS-` name is invalid.
    pub prune: bool,
}

/// What a change does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Create a flavor (a missing standard flavor).
    Create,
    /// Set and unset extra specs of a flavor.
    Properties,
    /// Delete a flavor and create it again under the same name (Nova flavors are immutable).
    Recreate,
    /// Delete a flavor.
    Delete,
    /// Nothing is done: an operator must decide (e.g. without `--recreate` or `--prune`).
    Decide,
}

/// The figures and extra specs of a flavor to create.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFlavor {
    /// Number of vCPUs.
    pub vcpus: u64,
    /// RAM in MiB.
    pub ram_mib: u64,
    /// Root disk in GB.
    pub disk_gb: u64,
    /// Whether every project sees it.
    pub public: bool,
    /// The extra specs.
    pub properties: BTreeMap<String, String>,
}

/// One change of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What it does.
    pub kind: ChangeKind,
    /// The flavor's name.
    pub flavor: String,
    /// The flavor's ID (none for a flavor to create, or when the input has no IDs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is done, in English.
    pub what: String,
    /// Why: the audit's findings that it answers.
    pub why: Vec<String>,
    /// For `create` and `recreate`: the flavor to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<NewFlavor>,
    /// For `properties`: the extra specs to set.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set: BTreeMap<String, String>,
    /// For `properties`: the extra specs to delete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unset: Vec<String>,
}

/// The changes, in order: deletions and re-creations, extra specs, creations, decisions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Every change; empty when nothing is to do.
    pub changes: Vec<Change>,
}

/// The new flavor a standard flavor needs: its table figures and its spec's `scs:*` keys.
pub fn standard_new_flavor(std: &StandardFlavor) -> NewFlavor {
    NewFlavor {
        vcpus: u64::from(std.vcpus),
        ram_mib: u64::from(std.ram_gib) * 1024,
        disk_gb: u64::from(std.disk_gb()),
        public: true,
        properties: std
            .name
            .parse::<Flavor>()
            .ok()
            .map(|f| spec_properties(&f))
            .unwrap_or_default(),
    }
}

/// The `scs:*` extra specs of a name's spec (empty where it has none).
fn spec_properties(f: &Flavor) -> BTreeMap<String, String> {
    let Ok(spec) = f.spec() else {
        return BTreeMap::new();
    };
    spec.filter(|(k, _)| k.is_extra_spec())
        .map(|(k, v)| {
            let v = match v {
                SpecValue::Str(s) => s.to_string(),
                other => other.to_string(),
            };
            (k.to_string(), v)
        })
        .collect()
}

const SIZE_KINDS: &[FindingKind] = &[
    FindingKind::CpuOverpromise,
    FindingKind::RamOverpromise,
    FindingKind::DiskOverpromise,
    FindingKind::StandardFlavorMismatch,
];

/// Computes the changes that make `flavors` pass every test case of [`audit`]; non-SCS
/// flavors are never touched, and no change makes two flavors claim the same standard flavor.
///
/// ```
/// use scs_flavor_audit::{plan, CloudFlavor, ChangeKind, PlanOptions};
/// let cloud = [CloudFlavor::new("SCS-2V-4", 2, 4096, 0)];
/// let p = plan(&cloud, PlanOptions::default());
/// assert_eq!(p.changes[0].kind, ChangeKind::Properties);
/// assert_eq!(p.changes[0].set["scs:cpu-type"], "shared-core");
/// assert!(p.changes.iter().any(|c| c.kind == ChangeKind::Create && c.flavor == "SCS-1L-1"));
/// ```
pub fn plan(flavors: &[CloudFlavor], options: PlanOptions) -> Plan {
    let report = audit(flavors);
    let mut changes = Vec::new();
    let mut gone: BTreeSet<usize> = BTreeSet::new();
    let why_of = |report: &Audit, name: &str, kinds: &[FindingKind]| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|x| x.flavor == name && kinds.contains(&x.kind))
            .map(|x| x.message.clone())
            .collect()
    };
    // Invalid names and contradicting sizes.
    for (i, pf) in flavors.iter().enumerate() {
        let name = pf.name.as_str();
        if !name.starts_with("SCS-") {
            continue;
        }
        let invalid = why_of(&report, name, &[FindingKind::InvalidName]);
        if !invalid.is_empty() {
            let prune = options.prune && pf.public;
            changes.push(Change {
                kind: if prune {
                    ChangeKind::Delete
                } else {
                    ChangeKind::Decide
                },
                flavor: name.to_string(),
                id: pf.id.clone(),
                what: if prune {
                    "delete the flavor (its SCS- name is invalid)".to_string()
                } else {
                    "decide: delete it (--prune, public flavors only) or keep failing the syntax check"
                        .to_string()
                },
                why: invalid,
                create: None,
                set: BTreeMap::new(),
                unset: Vec::new(),
            });
            if prune {
                gone.insert(i);
            }
            continue;
        }
        let sizes = why_of(&report, name, SIZE_KINDS);
        if sizes.is_empty() {
            continue;
        }
        let Outcome::Valid(p) = STRATEGY.check(name) else {
            continue;
        };
        let fl = p.flavor();
        if options.recreate {
            let mut properties = pf.extra_specs.clone();
            for (k, v) in properties_fix(&report, name) {
                match v {
                    Some(v) => properties.insert(k, v),
                    None => properties.remove(&k),
                };
            }
            let new = match StandardFlavor::find(&fl.to_string()) {
                Some(std) => {
                    let mut n = standard_new_flavor(std);
                    n.properties.extend(properties);
                    n.properties.extend(standard_new_flavor(std).properties);
                    n
                }
                None => {
                    properties.extend(spec_properties(&fl));
                    NewFlavor {
                        vcpus: u64::from(fl.cpu.count.get()),
                        ram_mib: fl.ram.size.mib(),
                        disk_gb: fl
                            .disk
                            .and_then(|d| d.size)
                            .map_or(0, |s| u64::from(s.get())),
                        public: true,
                        properties,
                    }
                }
            };
            // A standard flavor must be public to count (see `audit`); others keep their flag.
            let new = NewFlavor {
                public: pf.public || StandardFlavor::find(&fl.to_string()).is_some(),
                ..new
            };
            changes.push(Change {
                kind: ChangeKind::Recreate,
                flavor: name.to_string(),
                id: pf.id.clone(),
                what: format!(
                    "delete and re-create with {} vCPUs, {} MiB RAM, {} GB disk",
                    new.vcpus, new.ram_mib, new.disk_gb
                ),
                why: sizes,
                create: Some(new),
                set: BTreeMap::new(),
                unset: Vec::new(),
            });
            gone.insert(i);
        } else {
            changes.push(Change {
                kind: ChangeKind::Decide,
                flavor: name.to_string(),
                id: pf.id.clone(),
                what: "decide: re-create it with the figures its name promises (--recreate)"
                    .to_string(),
                why: sizes,
                create: None,
                set: BTreeMap::new(),
                unset: Vec::new(),
            });
        }
    }
    // Extra specs: one change per flavor, never a second claim of a standard flavor.
    let name_v2 = SpecKey::Name(2).to_string();
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    for (i, pf) in flavors.iter().enumerate() {
        if gone.contains(&i) {
            continue;
        }
        if pf.name.starts_with("SCS-") {
            claimed.insert(pf.name.clone());
        }
        if let Some(v) = pf.extra_specs.get(&name_v2) {
            claimed.insert(v.clone());
        }
    }
    let mut done_names: BTreeSet<&str> = BTreeSet::new();
    for (i, pf) in flavors.iter().enumerate() {
        let name = pf.name.as_str();
        if gone.contains(&i) || !done_names.insert(name) {
            continue;
        }
        let mut set = BTreeMap::new();
        let mut unset = Vec::new();
        for (k, v) in properties_fix(&report, name) {
            match v {
                Some(v) => {
                    // The audit never proposes a scs:name-v2 that another flavor claims.
                    if k == name_v2 {
                        // Now this flavor claims it: no flavor is to be created for it.
                        claimed.insert(v.clone());
                    }
                    set.insert(k, v);
                }
                None => unset.push(k),
            }
        }
        if set.is_empty() && unset.is_empty() {
            continue;
        }
        let why: Vec<String> = report
            .findings
            .iter()
            .filter(|x| x.flavor == name && x.kind.is_extra_specs())
            .map(|x| x.message.clone())
            .collect();
        let mut what = Vec::new();
        if !set.is_empty() {
            let list: Vec<String> = set.iter().map(|(k, v)| format!("{k}={v}")).collect();
            what.push(format!("set {}", list.join(", ")));
        }
        if !unset.is_empty() {
            what.push(format!("unset {}", unset.join(", ")));
        }
        changes.push(Change {
            kind: ChangeKind::Properties,
            flavor: name.to_string(),
            id: pf.id.clone(),
            what: what.join("; "),
            why,
            create: None,
            set,
            unset,
        });
    }
    // Missing standard flavors.
    for std in STANDARD_FLAVORS {
        let wanted = std.level == Level::Mandatory || options.recommended;
        let missing = report
            .findings
            .iter()
            .find(|x| x.flavor == std.name && x.kind == FindingKind::StandardFlavorMissing);
        let (Some(missing), true) = (missing, wanted) else {
            continue;
        };
        if changes
            .iter()
            .any(|c| c.kind == ChangeKind::Recreate && c.flavor == std.name)
        {
            continue;
        }
        if claimed.contains(std.name) {
            // Claimed only by private flavors, which the audit does not count (see `audit`):
            // Nova cannot change a flavor's public flag, so the claimant is re-created public.
            if let Some(change) = publish_private_claim(flavors, &gone, &mut changes, std, options)
            {
                changes.push(change);
            }
            continue;
        }
        let new = standard_new_flavor(std);
        changes.push(Change {
            kind: ChangeKind::Create,
            flavor: std.name.to_string(),
            id: None,
            what: format!(
                "create the {} standard flavor: {} vCPUs, {} MiB RAM, {} GB disk",
                std.level.code(),
                new.vcpus,
                new.ram_mib,
                new.disk_gb
            ),
            why: vec![missing.message.clone()],
            create: Some(new),
            set: BTreeMap::new(),
            unset: Vec::new(),
        });
    }
    let order = |k: ChangeKind| match k {
        ChangeKind::Delete | ChangeKind::Recreate => 0,
        ChangeKind::Properties => 1,
        ChangeKind::Create => 2,
        ChangeKind::Decide => 3,
    };
    changes.sort_by_key(|c| order(c.kind));
    Plan { changes }
}

/// The audit's extra-spec fixes of the flavor `name`: key → value, or `None` to delete.
fn properties_fix(report: &Audit, name: &str) -> BTreeMap<String, Option<String>> {
    report
        .fixes
        .iter()
        .filter(|f| f.flavor == name)
        .map(|f| (f.key.clone(), f.value.clone()))
        .collect()
}

impl Plan {
    /// What carrying out the plan does to `flavors` (new flavors get no ID): for tests and
    /// previews.
    pub fn apply_to(&self, flavors: &mut Vec<CloudFlavor>) {
        for c in &self.changes {
            let find = |flavors: &Vec<CloudFlavor>| {
                flavors.iter().position(|f| match &c.id {
                    Some(id) => f.id.as_deref() == Some(id),
                    None => f.name == c.flavor,
                })
            };
            match c.kind {
                ChangeKind::Decide => {}
                ChangeKind::Delete | ChangeKind::Recreate => {
                    if let Some(i) = find(flavors) {
                        flavors.remove(i);
                    }
                }
                ChangeKind::Properties => {
                    if let Some(i) = find(flavors) {
                        let specs = &mut flavors[i].extra_specs;
                        for k in &c.unset {
                            specs.remove(k);
                        }
                        specs.extend(c.set.clone());
                    }
                }
                ChangeKind::Create => {}
            }
            if let Some(new) = &c.create {
                flavors.push(CloudFlavor {
                    id: None,
                    public: new.public,
                    name: c.flavor.clone(),
                    vcpus: new.vcpus,
                    ram_mib: new.ram_mib,
                    disk_gb: new.disk_gb,
                    extra_specs: new.properties.clone(),
                });
            }
        }
    }

    /// The plan as a shell script of `openstack` commands: a shebang, `set -e`, flavors
    /// addressed by ID where known (the name in a comment), every word shell-quoted.
    pub fn openstack_script(&self) -> String {
        let mut out = String::from(SCRIPT_HEADER);
        for c in &self.changes {
            let target = flavor_target(c.id.as_deref(), &c.flavor);
            let _ = writeln!(out, "\n{}", comment(&format!("{}: {}", c.flavor, c.what)));
            if c.kind == ChangeKind::Decide {
                for why in &c.why {
                    let _ = writeln!(out, "{}", comment(&format!("  {why}")));
                }
                continue;
            }
            if matches!(c.kind, ChangeKind::Delete | ChangeKind::Recreate) {
                let _ = writeln!(out, "openstack flavor delete {target}");
            }
            if c.kind == ChangeKind::Properties {
                let set = c.set.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                for line in property_commands(&target, set, c.unset.iter().map(String::as_str)) {
                    let _ = writeln!(out, "{line}");
                }
            }
            if let Some(new) = &c.create {
                let mut line = format!(
                    "openstack flavor create --vcpus {} --ram {} --disk {} {}",
                    new.vcpus,
                    new.ram_mib,
                    new.disk_gb,
                    if new.public { "--public" } else { "--private" }
                );
                for (k, v) in &new.properties {
                    let _ = write!(line, " --property {}", shell_quote(&format!("{k}={v}")));
                }
                let _ = writeln!(out, "{line} {}", flavor_target(None, &c.flavor));
            }
        }
        out
    }
}

/// One line per change: `KIND FLAVOR: WHAT`, then its reasons indented.
impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return writeln!(f, "nothing to do");
        }
        for c in &self.changes {
            let kind = serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            writeln!(f, "{kind} {}: {}", c.flavor, c.what)?;
            for why in &c.why {
                writeln!(f, "  because {why}")?;
            }
        }
        Ok(())
    }
}

/// One flavor of an openstack-flavor-manager definition file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OsismFlavor {
    /// The name.
    pub name: String,
    /// vCPUs.
    pub cpus: u64,
    /// RAM in MiB.
    pub ram: u64,
    /// Root disk in GB.
    pub disk: u64,
    /// The `scs:*` extra specs.
    #[serde(flatten)]
    pub properties: BTreeMap<String, String>,
}

/// One `reference` entry of an openstack-flavor-manager definition file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OsismField {
    /// The field (`name`, `cpus`, `ram`, `disk`, `public`, `disabled` or an extra spec).
    pub field: String,
    /// Its default, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// The prefix every name must have (for `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory_prefix: Option<String>,
}

/// An openstack-flavor-manager definition file: what the standards' `generate_flavors_yaml.py`
/// produces, from the core's table of standard flavors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OsismDefinitions {
    /// The fields and their defaults.
    pub reference: Vec<OsismField>,
    /// The mandatory standard flavors.
    pub mandatory: Vec<OsismFlavor>,
    /// The recommended standard flavors.
    pub recommended: Vec<OsismFlavor>,
}

/// The openstack-flavor-manager definitions of every standard flavor (mandatory, recommended).
pub fn osism_definitions() -> OsismDefinitions {
    let field = |name: &str, default: Option<Value>| OsismField {
        field: name.to_string(),
        default,
        mandatory_prefix: None,
    };
    let mut reference = vec![OsismField {
        mandatory_prefix: Some("SCS-".to_string()),
        ..field("name", None)
    }];
    reference.push(field("public", Some(Value::Bool(true))));
    reference.push(field("disabled", Some(Value::Bool(false))));
    for k in ["cpus", "ram", "disk"] {
        reference.push(field(k, None));
    }
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let (mut mandatory, mut recommended) = (Vec::new(), Vec::new());
    for std in STANDARD_FLAVORS {
        let new = standard_new_flavor(std);
        keys.extend(new.properties.keys().cloned());
        let f = OsismFlavor {
            name: std.name.to_string(),
            cpus: new.vcpus,
            ram: new.ram_mib,
            disk: new.disk_gb,
            properties: new.properties,
        };
        match std.level {
            Level::Mandatory => mandatory.push(f),
            Level::Recommended => recommended.push(f),
        }
    }
    reference.extend(keys.iter().map(|k| field(k, None)));
    OsismDefinitions {
        reference,
        mandatory,
        recommended,
    }
}

/// For a standard flavor claimed (by name or `scs:name-v2`, present or planned) only by
/// private flavors: re-create the first claimant as a public flavor with the standard figures
/// and its corrected extra specs (with `--recreate`; its `properties` change is then dropped),
/// or a `decide` change. `None` when a public flavor claims it.
fn publish_private_claim(
    flavors: &[CloudFlavor],
    gone: &BTreeSet<usize>,
    changes: &mut Vec<Change>,
    std: &StandardFlavor,
    options: PlanOptions,
) -> Option<Change> {
    let name_v2 = SpecKey::Name(2).to_string();
    let claims = |pf: &CloudFlavor| {
        let planned = changes
            .iter()
            .find(|c| c.kind == ChangeKind::Properties && c.flavor == pf.name)
            .and_then(|c| c.set.get(&name_v2));
        pf.name == std.name
            || pf.extra_specs.get(&name_v2).map(String::as_str) == Some(std.name)
            || planned.map(String::as_str) == Some(std.name)
    };
    let claimants: Vec<&CloudFlavor> = flavors
        .iter()
        .enumerate()
        .filter(|(i, pf)| !gone.contains(i) && claims(pf))
        .map(|(_, pf)| pf)
        .collect();
    let first = *claimants.first()?;
    if claimants.iter().any(|pf| pf.public) {
        return None;
    }
    let why = vec![format!(
        "{} is private: the official test cases run as a member and count only flavors every \
         project sees",
        first.name
    )];
    if !options.recreate {
        return Some(Change {
            kind: ChangeKind::Decide,
            flavor: first.name.clone(),
            id: first.id.clone(),
            what: format!(
                "decide: re-create it as a public flavor (--recreate) to provide {}",
                std.name
            ),
            why,
            create: None,
            set: BTreeMap::new(),
            unset: Vec::new(),
        });
    }
    let mut properties = first.extra_specs.clone();
    if let Some(i) = changes
        .iter()
        .position(|c| c.kind == ChangeKind::Properties && c.flavor == first.name)
    {
        let fix = changes.remove(i);
        for k in &fix.unset {
            properties.remove(k);
        }
        properties.extend(fix.set);
    }
    let mut new = standard_new_flavor(std);
    new.properties.extend(properties);
    new.properties.extend(standard_new_flavor(std).properties);
    new.public = true;
    Some(Change {
        kind: ChangeKind::Recreate,
        flavor: first.name.clone(),
        id: first.id.clone(),
        what: format!(
            "delete and re-create as a public flavor with {} vCPUs, {} MiB RAM, {} GB disk",
            new.vcpus, new.ram_mib, new.disk_gb
        ),
        why,
        create: Some(new),
        set: BTreeMap::new(),
        unset: Vec::new(),
    })
}
