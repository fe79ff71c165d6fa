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

use crate::plan::{Change, ChangeKind, NewFlavor, Plan, PlanFlavor};

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
            message: message.into(),
        }
    }
}

/// The flavor calls of a cloud, as `plan`, `audit` and [`apply`] need them.
pub trait Cloud {
    /// Every flavor the credentials can see (public ones, and private ones the project may
    /// use; all of them for an admin), with IDs, public flags and extra specs, in the
    /// cloud's order.
    ///
    /// # Errors
    /// Any failure of the listing.
    fn flavors(&mut self) -> Result<Vec<PlanFlavor>, CloudError>;

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
            cloud
                .flavors()?
                .into_iter()
                .find(|f| &f.flavor.name == name)
                .and_then(|f| f.id)
                .ok_or_else(|| {
                    CloudError::new(CloudErrorKind::Refused, format!("no flavor named {name}"))
                })?,
        ),
    };
    if let Some(id) = &id {
        if matches!(change.kind, ChangeKind::Delete | ChangeKind::Recreate) {
            progress(&step(format!("delete flavor {name} (ID {id})")));
            cloud.delete_flavor(id)?;
        }
        if change.kind == ChangeKind::Properties {
            if !change.unset.is_empty() {
                progress(&step(format!(
                    "unset {} of flavor {name} (ID {id})",
                    change.unset.join(", ")
                )));
                cloud.unset_properties(id, &change.unset)?;
            }
            if !change.set.is_empty() {
                progress(&step(format!(
                    "set {} of flavor {name} (ID {id})",
                    key_values(&change.set)
                )));
                cloud.set_properties(id, &change.set)?;
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
        let id = cloud.create_flavor(name, new)?;
        if !new.properties.is_empty() {
            progress(&step(format!(
                "set {} of flavor {name} (ID {id})",
                key_values(&new.properties)
            )));
            cloud.set_properties(&id, &new.properties)?;
        }
    }
    Ok(())
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
}
