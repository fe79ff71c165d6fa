//! A live cloud, seen through any OpenStack SDK: the [`Cloud`] calls the plan needs, the one
//! error classification every backend reports with, and [`apply`], the one loop that carries a
//! [`Plan`] out.
//!
//! This crate does no networking. Backends implement [`Cloud`]: the `scs-flavor` command
//! with the Rust `openstack_sdk` crate (its `cloud` feature), the Python package with
//! `openstacksdk`. Both therefore apply a plan in the same order, stop at the same refusal and
//! print the same lines.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::input::CloudFlavor;
use crate::plan::{Change, ChangeKind, NewFlavor, Plan};

/// Why a call to a cloud failed. Each kind has its own exit status ([`Self::exit_code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CloudErrorKind {
    /// The cloud is not configured: no such entry in `clouds.yaml`, no `--os-cloud` and no
    /// `OS_CLOUD`, or missing settings; or this build has no cloud support.
    Config,
    /// The identity or compute endpoint cannot be reached (connection refused, DNS, TLS,
    /// timeout).
    Unreachable,
    /// The credentials were refused (HTTP 401).
    Auth,
    /// The user may not do this (HTTP 403), e.g. create a flavor with the member role.
    Forbidden,
    /// The cloud's service catalog has no compute service.
    NoCompute,
    /// The cloud refused the change for another reason, e.g. a name conflict (HTTP 409).
    Refused,
}

impl CloudErrorKind {
    /// The exit status of a command that stops on this error: 3 config, 4 unreachable, 5 auth,
    /// 6 forbidden, 7 no compute service, 8 refused (0–2 are the commands' own statuses).
    pub fn exit_code(self) -> i32 {
        match self {
            CloudErrorKind::Config => 3,
            CloudErrorKind::Unreachable => 4,
            CloudErrorKind::Auth => 5,
            CloudErrorKind::Forbidden => 6,
            CloudErrorKind::NoCompute => 7,
            CloudErrorKind::Refused => 8,
        }
    }

    /// The kind's name as in JSON (`config`, `unreachable`, `auth`, `forbidden`,
    /// `no-compute`, `refused`).
    pub fn as_str(self) -> &'static str {
        match self {
            CloudErrorKind::Config => "config",
            CloudErrorKind::Unreachable => "unreachable",
            CloudErrorKind::Auth => "auth",
            CloudErrorKind::Forbidden => "forbidden",
            CloudErrorKind::NoCompute => "no-compute",
            CloudErrorKind::Refused => "refused",
        }
    }

    /// Reads a kind from its name ([`Self::as_str`]).
    pub fn from_name(name: &str) -> Option<Self> {
        [
            CloudErrorKind::Config,
            CloudErrorKind::Unreachable,
            CloudErrorKind::Auth,
            CloudErrorKind::Forbidden,
            CloudErrorKind::NoCompute,
            CloudErrorKind::Refused,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// A failed call to a cloud: its kind and one line saying what happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct CloudError {
    /// Why it failed.
    pub kind: CloudErrorKind,
    /// One line, without a trailing period, e.g. `cannot reach http://…: connection refused`.
    pub message: String,
}

impl CloudError {
    /// A new error.
    pub fn new(kind: CloudErrorKind, message: impl Into<String>) -> Self {
        CloudError {
            kind,
            message: one_line(&message.into()),
        }
    }

    /// `config`: neither a cloud name (`--os-cloud`, `OS_CLOUD`) nor `OS_AUTH_URL`.
    pub fn no_cloud_given() -> Self {
        CloudError::new(
            CloudErrorKind::Config,
            "no cloud given: name one with --os-cloud or OS_CLOUD (clouds.yaml), or set \
             OS_AUTH_URL and the other OS_* variables",
        )
    }

    /// `config`: `clouds.yaml` has no cloud `name`; `config_file` is `OS_CLIENT_CONFIG_FILE`
    /// if set (searched besides the default places).
    pub fn no_such_cloud(name: &str, config_file: Option<&str>) -> Self {
        let searched = match config_file {
            Some(file) => format!("{file} (OS_CLIENT_CONFIG_FILE) or the default places"),
            None => {
                "clouds.yaml (., ~/.config/openstack, /etc/openstack; or OS_CLIENT_CONFIG_FILE)"
                    .to_string()
            }
        };
        CloudError::new(
            CloudErrorKind::Config,
            format!("no cloud named {name:?} in {searched}"),
        )
    }

    /// `config`: the cloud's settings (`clouds.yaml`, the `OS_*` environment) are unusable,
    /// as the SDK's `cause` says.
    pub fn bad_config(source: &str, cause: &str) -> Self {
        CloudError::new(CloudErrorKind::Config, format!("{source}: {cause}"))
    }

    /// `config`: the SDK cannot start a session with cloud `cloud` (`None`: the one of the
    /// `OS_*` environment), e.g. for a missing auth setting.
    pub fn cannot_connect(cloud: Option<&str>, cause: &str) -> Self {
        CloudError::new(
            CloudErrorKind::Config,
            format!("cannot connect to cloud {}: {cause}", label(cloud)),
        )
    }

    /// `config`: the backend needs an SDK that is not installed; `install` says how to get it.
    pub fn sdk_missing(sdk: &str, install: &str) -> Self {
        CloudError::new(
            CloudErrorKind::Config,
            format!("live clouds need {sdk}, which is not installed: {install}"),
        )
    }

    /// `auth`: the identity service at `auth_url` refused the credentials of `cloud` (HTTP
    /// 401).
    pub fn credentials_refused(cloud: Option<&str>, auth_url: &str) -> Self {
        CloudError::new(
            CloudErrorKind::Auth,
            format!(
                "the credentials of cloud {} were refused ({auth_url}: HTTP 401)",
                label(cloud)
            ),
        )
    }

    /// The identity service of `cloud` answered the authentication with HTTP `status` (not
    /// 401: see [`Self::credentials_refused`]); the kind as [`Self::http`] chooses it.
    pub fn authentication_refused(cloud: Option<&str>, status: u16, server_text: &str) -> Self {
        let e = CloudError::http(status, server_text);
        CloudError::new(
            e.kind,
            format!(
                "cloud {} refused the authentication: {}",
                label(cloud),
                e.message
            ),
        )
    }

    /// `unreachable`: the identity endpoint `auth_url` of `cloud` cannot be reached; `cause`
    /// is the innermost error (e.g. `Connection refused (os error 111)`).
    pub fn unreachable(cloud: Option<&str>, auth_url: &str, cause: &str) -> Self {
        CloudError::new(
            CloudErrorKind::Unreachable,
            format!("cannot reach cloud {} at {auth_url}: {cause}", label(cloud)),
        )
    }

    /// `no-compute`: the catalog of `cloud` has no compute endpoint for `region` (`None`:
    /// any) and `interface` (`None`: public).
    pub fn no_compute(cloud: Option<&str>, region: Option<&str>, interface: Option<&str>) -> Self {
        CloudError::new(
            CloudErrorKind::NoCompute,
            format!(
                "cloud {} has no compute service in its catalog (region {}, interface {})",
                label(cloud),
                region.filter(|r| !r.is_empty()).unwrap_or("any"),
                interface.filter(|i| !i.is_empty()).unwrap_or("public")
            ),
        )
    }

    /// A call answered with HTTP `status` and the server's text (may be empty): `auth` for
    /// 401, `forbidden` for 403, else `refused`; e.g. `forbidden (HTTP 403): Policy doesn't
    /// allow …`.
    pub fn http(status: u16, server_text: &str) -> Self {
        let (kind, word) = match status {
            401 => (CloudErrorKind::Auth, "not authenticated"),
            403 => (CloudErrorKind::Forbidden, "forbidden"),
            _ => (CloudErrorKind::Refused, "refused"),
        };
        let text = one_line(server_text);
        let message = if text.is_empty() {
            format!("{word} (HTTP {status})")
        } else {
            format!("{word} (HTTP {status}): {text}")
        };
        CloudError::new(kind, message)
    }

    /// `unreachable`: a call lost its connection; `cause` is the innermost error.
    pub fn connection_failed(cause: &str) -> Self {
        CloudError::new(CloudErrorKind::Unreachable, cause)
    }

    /// `refused`: a call failed for another reason the SDK states in `cause` (e.g. an
    /// answer without an ID).
    pub fn failed(cause: &str) -> Self {
        CloudError::new(CloudErrorKind::Refused, cause)
    }

    /// The same error, said to have happened while doing `what` (e.g. `creating flavor
    /// SCS-1L-1`): `what: message`. [`apply`] and [`list_flavors`] add this; backends do not.
    #[must_use]
    pub fn during(self, what: &str) -> Self {
        CloudError {
            kind: self.kind,
            message: format!("{what}: {}", self.message),
        }
    }
}

/// `cloud` for messages: its name, or `from the OS_* environment`.
fn label(cloud: Option<&str>) -> &str {
    cloud
        .filter(|c| !c.is_empty())
        .unwrap_or("from the OS_* environment")
}

/// `text` with every run of white space (SDK messages have tabs and newlines) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the callers of [`Cloud::flavors`] say they were doing.
pub const LISTING: &str = "listing the flavors";

/// `cloud.flavors()`, with an error said to have happened while [`LISTING`]: what the
/// commands and bindings call instead of [`Cloud::flavors`].
///
/// # Errors
/// The listing's error.
pub fn list_flavors(cloud: &mut dyn Cloud) -> Result<Vec<CloudFlavor>, CloudError> {
    cloud.flavors().map_err(|e| e.during(LISTING))
}

/// The flavor calls of a cloud, as `plan`, `audit` and [`apply`] need them.
pub trait Cloud {
    /// Every flavor the credentials can see (public ones, and private ones the project may
    /// use; all of them for an admin), with IDs, public flags and extra specs, in the
    /// cloud's order.
    ///
    /// # Errors
    /// Any failure of the listing.
    fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError>;

    /// Creates the flavor `name` with `new`'s figures and public flag (not its properties:
    /// [`apply`] sets those next) and returns its ID.
    ///
    /// # Errors
    /// Any refusal (e.g. [`CloudErrorKind::Forbidden`], [`CloudErrorKind::Refused`] for a
    /// name conflict).
    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError>;

    /// Sets these extra specs of the flavor `id`.
    ///
    /// # Errors
    /// Any refusal.
    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError>;

    /// Deletes these extra specs of the flavor `id`.
    ///
    /// # Errors
    /// Any refusal.
    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError>;

    /// Deletes the flavor `id`.
    ///
    /// # Errors
    /// Any refusal.
    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError>;
}

/// One call [`apply`] made or is about to make, for progress output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step<'a> {
    /// The change it belongs to.
    pub change: &'a Change,
    /// What the call does, in English, e.g. `delete flavor SCS-2V-4 (ID 7)`.
    pub what: String,
}

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

/// The change [`apply`] stopped at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// The change.
    pub change: Change,
    /// The refused call's error.
    pub error: CloudError,
}

/// What [`apply`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// The changes carried out completely.
    pub done: Vec<Change>,
    /// The change that was refused (it may be partly done), and why.
    pub failed: Option<Refusal>,
    /// The changes not attempted after the refusal.
    pub not_done: Vec<Change>,
}

/// What `scs-flavor apply` prints after the steps: `nothing to do`, or how many changes were
/// made, which were not (after a refusal: the refused one first, marked as possibly partly
/// done), and which are left to decide.
///
/// ```
/// use scs_flavor_audit::Applied;
/// assert_eq!(Applied::default().to_string(), "nothing to do\n");
/// ```
impl fmt::Display for Applied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, c: &Change| {
            writeln!(f, "  {} {}: {}", kind_name(c.kind), c.flavor, c.what)
        };
        let made: Vec<&Change> = self
            .done
            .iter()
            .filter(|c| c.kind != ChangeKind::Decide)
            .collect();
        let decide: Vec<&Change> = self
            .done
            .iter()
            .chain(&self.not_done)
            .filter(|c| c.kind == ChangeKind::Decide)
            .collect();
        let not_done: Vec<&Change> = self
            .not_done
            .iter()
            .filter(|c| c.kind != ChangeKind::Decide)
            .collect();
        if made.is_empty() && decide.is_empty() && self.failed.is_none() {
            return writeln!(f, "nothing to do");
        }
        match &self.failed {
            None => writeln!(f, "done: {} changes", made.len())?,
            Some(_) => {
                writeln!(f, "done: {} changes", made.len())?;
                for c in &made {
                    line(f, c)?;
                }
            }
        }
        if let Some(refusal) = &self.failed {
            writeln!(f, "not done: {} changes", not_done.len() + 1)?;
            let c = &refusal.change;
            writeln!(
                f,
                "  {} {}: {} (refused, possibly in part: {})",
                kind_name(c.kind),
                c.flavor,
                c.what,
                refusal.error.kind.as_str()
            )?;
            for c in &not_done {
                line(f, c)?;
            }
        }
        if !decide.is_empty() {
            writeln!(f, "left to decide: {} flavors", decide.len())?;
            for c in &decide {
                line(f, c)?;
            }
        }
        Ok(())
    }
}

fn kind_name(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Create => "create",
        ChangeKind::Properties => "properties",
        ChangeKind::Recreate => "recreate",
        ChangeKind::Delete => "delete",
        ChangeKind::Decide => "decide",
    }
}

/// Carries `plan` out on `cloud`, change by change in the plan's order, calling `progress`
/// before each call; stops at the first refused call. `decide` changes do nothing.
///
/// A change without an ID (a plan made from a file without IDs) addresses its flavor by
/// name: the flavor is looked up in `cloud.flavors()` first.
pub fn apply(cloud: &mut dyn Cloud, plan: &Plan, progress: &mut dyn FnMut(&Step<'_>)) -> Applied {
    let mut applied = Applied::default();
    let mut changes = plan.changes.iter();
    for change in changes.by_ref() {
        match apply_change(cloud, change, progress) {
            Ok(()) => applied.done.push(change.clone()),
            Err(e) => {
                applied.failed = Some(Refusal {
                    change: change.clone(),
                    error: e,
                });
                break;
            }
        }
    }
    applied.not_done = changes.cloned().collect();
    applied
}

fn apply_change(
    cloud: &mut dyn Cloud,
    change: &Change,
    progress: &mut dyn FnMut(&Step<'_>),
) -> Result<(), CloudError> {
    let step = |what: String| Step { change, what };
    let name = &change.flavor;
    if change.kind == ChangeKind::Decide {
        return Ok(());
    }
    let id = match (&change.id, change.kind) {
        (_, ChangeKind::Create) => None,
        (Some(id), _) => Some(id.clone()),
        (None, _) => Some(
            list_flavors(cloud)?
                .into_iter()
                .find(|f| &f.name == name)
                .and_then(|f| f.id)
                .ok_or_else(|| {
                    CloudError::new(CloudErrorKind::Refused, format!("no flavor named {name}"))
                })?,
        ),
    };
    if let Some(id) = &id {
        if matches!(change.kind, ChangeKind::Delete | ChangeKind::Recreate) {
            progress(&step(format!("delete flavor {name} (ID {id})")));
            cloud
                .delete_flavor(id)
                .map_err(|e| e.during(&format!("deleting flavor {id}")))?;
        }
        if change.kind == ChangeKind::Properties {
            if !change.unset.is_empty() {
                progress(&step(format!(
                    "unset {} of flavor {name} (ID {id})",
                    change.unset.join(", ")
                )));
                // One call per key, so that a refusal names its key.
                for key in &change.unset {
                    cloud
                        .unset_properties(id, std::slice::from_ref(key))
                        .map_err(|e| {
                            e.during(&format!("deleting extra spec {key} of flavor {id}"))
                        })?;
                }
            }
            if !change.set.is_empty() {
                progress(&step(format!(
                    "set {} of flavor {name} (ID {id})",
                    key_values(&change.set)
                )));
                set_properties(cloud, id, &change.set)?;
            }
        }
    }
    if let Some(new) = &change.create {
        progress(&step(format!(
            "create flavor {name} ({} vCPUs, {} MiB RAM, {} GB disk, {})",
            new.vcpus,
            new.ram_mib,
            new.disk_gb,
            if new.public { "public" } else { "private" }
        )));
        let id = cloud
            .create_flavor(name, new)
            .map_err(|e| e.during(&format!("creating flavor {name}")))?;
        if !new.properties.is_empty() {
            progress(&step(format!(
                "set {} of flavor {name} (ID {id})",
                key_values(&new.properties)
            )));
            set_properties(cloud, &id, &new.properties)?;
        }
    }
    Ok(())
}

fn set_properties(
    cloud: &mut dyn Cloud,
    id: &str,
    properties: &BTreeMap<String, String>,
) -> Result<(), CloudError> {
    cloud
        .set_properties(id, properties)
        .map_err(|e| e.during(&format!("setting extra specs of flavor {id}")))
}

fn key_values(map: &BTreeMap<String, String>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_distinct_and_names_read_back() {
        let kinds = [
            CloudErrorKind::Config,
            CloudErrorKind::Unreachable,
            CloudErrorKind::Auth,
            CloudErrorKind::Forbidden,
            CloudErrorKind::NoCompute,
            CloudErrorKind::Refused,
        ];
        let codes: std::collections::BTreeSet<i32> = kinds.iter().map(|k| k.exit_code()).collect();
        assert_eq!(codes, (3..=8).collect());
        for k in kinds {
            assert_eq!(CloudErrorKind::from_name(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::Value::from(k.as_str()))
            );
        }
        assert_eq!(CloudErrorKind::from_name("nope"), None);
    }

    #[test]
    fn situations_are_worded_once() {
        let cases = [
            (
                CloudError::no_cloud_given(),
                CloudErrorKind::Config,
                "no cloud given: name one with --os-cloud or OS_CLOUD (clouds.yaml), or set OS_AUTH_URL and the other OS_* variables",
            ),
            (
                CloudError::no_such_cloud("prod", None),
                CloudErrorKind::Config,
                "no cloud named \"prod\" in clouds.yaml (., ~/.config/openstack, /etc/openstack; or OS_CLIENT_CONFIG_FILE)",
            ),
            (
                CloudError::no_such_cloud("prod", Some("/tmp/c.yaml")),
                CloudErrorKind::Config,
                "no cloud named \"prod\" in /tmp/c.yaml (OS_CLIENT_CONFIG_FILE) or the default places",
            ),
            (
                CloudError::bad_config("clouds.yaml", "bad\n  indent"),
                CloudErrorKind::Config,
                "clouds.yaml: bad indent",
            ),
            (
                CloudError::cannot_connect(Some("prod"), "no auth_url"),
                CloudErrorKind::Config,
                "cannot connect to cloud prod: no auth_url",
            ),
            (
                CloudError::sdk_missing("openstacksdk", "pip install x"),
                CloudErrorKind::Config,
                "live clouds need openstacksdk, which is not installed: pip install x",
            ),
            (
                CloudError::credentials_refused(Some("prod"), "http://k/v3"),
                CloudErrorKind::Auth,
                "the credentials of cloud prod were refused (http://k/v3: HTTP 401)",
            ),
            (
                CloudError::credentials_refused(None, "http://k/v3"),
                CloudErrorKind::Auth,
                "the credentials of cloud from the OS_* environment were refused (http://k/v3: HTTP 401)",
            ),
            (
                CloudError::authentication_refused(Some("prod"), 403, "no"),
                CloudErrorKind::Forbidden,
                "cloud prod refused the authentication: forbidden (HTTP 403): no",
            ),
            (
                CloudError::unreachable(Some("prod"), "http://k/v3", "Connection refused"),
                CloudErrorKind::Unreachable,
                "cannot reach cloud prod at http://k/v3: Connection refused",
            ),
            (
                CloudError::no_compute(Some("prod"), None, Some("")),
                CloudErrorKind::NoCompute,
                "cloud prod has no compute service in its catalog (region any, interface public)",
            ),
            (
                CloudError::no_compute(Some("prod"), Some("RegionTwo"), Some("internal")),
                CloudErrorKind::NoCompute,
                "cloud prod has no compute service in its catalog (region RegionTwo, interface internal)",
            ),
            (
                CloudError::http(401, ""),
                CloudErrorKind::Auth,
                "not authenticated (HTTP 401)",
            ),
            (
                CloudError::http(403, "Policy doesn't allow\n os_compute_api:os-flavor-manage:create."),
                CloudErrorKind::Forbidden,
                "forbidden (HTTP 403): Policy doesn't allow os_compute_api:os-flavor-manage:create.",
            ),
            (
                CloudError::http(409, "Flavor with name x already exists."),
                CloudErrorKind::Refused,
                "refused (HTTP 409): Flavor with name x already exists.",
            ),
            (
                CloudError::http(500, "  "),
                CloudErrorKind::Refused,
                "refused (HTTP 500)",
            ),
            (
                CloudError::connection_failed("Connection refused (os error 111)"),
                CloudErrorKind::Unreachable,
                "Connection refused (os error 111)",
            ),
            (
                CloudError::failed("the answer has no ID"),
                CloudErrorKind::Refused,
                "the answer has no ID",
            ),
            (
                CloudError::http(403, "no").during("creating flavor SCS-1L-1"),
                CloudErrorKind::Forbidden,
                "creating flavor SCS-1L-1: forbidden (HTTP 403): no",
            ),
        ];
        for (error, kind, message) in cases {
            assert_eq!((error.kind, error.message.as_str()), (kind, message));
        }
    }

    /// A cloud that refuses every call with HTTP 403, counting the calls.
    #[derive(Default)]
    struct Refusing {
        calls: Vec<String>,
    }

    impl Cloud for Refusing {
        fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError> {
            Err(CloudError::http(403, "no"))
        }
        fn create_flavor(&mut self, name: &str, _: &NewFlavor) -> Result<String, CloudError> {
            self.calls.push(format!("create {name}"));
            Err(CloudError::http(403, "no"))
        }
        fn set_properties(
            &mut self,
            id: &str,
            _: &BTreeMap<String, String>,
        ) -> Result<(), CloudError> {
            self.calls.push(format!("set {id}"));
            Err(CloudError::http(403, "no"))
        }
        fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
            self.calls.push(format!("unset {id} {}", keys.join(",")));
            Err(CloudError::http(403, "no"))
        }
        fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
            self.calls.push(format!("delete {id}"));
            Err(CloudError::http(403, "no"))
        }
    }

    fn change(kind: ChangeKind, id: Option<&str>) -> Change {
        Change {
            kind,
            flavor: "SCS-1L-1".to_string(),
            id: id.map(str::to_string),
            what: String::new(),
            why: Vec::new(),
            create: None,
            set: BTreeMap::new(),
            unset: vec!["a".to_string(), "b".to_string()],
        }
    }

    #[test]
    fn apply_says_which_call_was_refused() {
        let cases = [
            (
                change(ChangeKind::Delete, Some("7")),
                "deleting flavor 7: forbidden (HTTP 403): no",
            ),
            (
                change(ChangeKind::Properties, Some("7")),
                "deleting extra spec a of flavor 7: forbidden (HTTP 403): no",
            ),
            (
                change(ChangeKind::Delete, None),
                "listing the flavors: forbidden (HTTP 403): no",
            ),
        ];
        for (c, message) in cases {
            let mut plan = Plan::default();
            plan.changes.push(c);
            let applied = apply(&mut Refusing::default(), &plan, &mut |_| {});
            let error = applied.failed.map(|r| r.error);
            assert_eq!(error.map(|e| e.message), Some(message.to_string()));
        }
        assert_eq!(
            list_flavors(&mut Refusing::default()).map_err(|e| e.message),
            Err("listing the flavors: forbidden (HTTP 403): no".to_string())
        );
    }

    #[test]
    fn change_kinds_are_named_as_in_json() {
        for kind in [
            ChangeKind::Create,
            ChangeKind::Properties,
            ChangeKind::Recreate,
            ChangeKind::Delete,
            ChangeKind::Decide,
        ] {
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::from(kind_name(kind)))
            );
        }
    }
}
