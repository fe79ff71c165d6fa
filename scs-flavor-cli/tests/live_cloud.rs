//! The `openstack_sdk` backend of the `cloud` feature (`src/openstack.rs`) against a real
//! Keystone and Nova: the clouds `scs-admin` (the admin role) and `scs-member` (the member
//! role in its own project) of the `clouds.yaml` that `OS_CLIENT_CONFIG_FILE` names, as
//! `scripts/openstack-dev.sh start DIR` writes it.
//!
//! Every test is ignored by default (it needs a real cloud); `.ci/cloud.sh` runs them with
//! `cargo test -p scs-flavor-cli --test live_cloud -- --include-ignored --test-threads=1`.
//! Without `OS_CLIENT_CONFIG_FILE` each test fails, saying so.
//!
//! The backend is tested through the library ([`scs_flavor_cli::openstack::connect`] and the
//! [`Cloud`] calls) and through the built `scs-flavor` binary (exit statuses, `apply`).
//! Expected values come from scs-0103 (the standard flavors and their extra specs), Nova's
//! API reference (what admins and members see, its 403/404/409 answers and policy names) and
//! the documented exit statuses of [`CloudErrorKind::exit_code`]. Flavors get names unique to
//! the test run (`live-…`) and are deleted at the end, also when a test fails; `apply`, which
//! creates standard flavors, is undone from a listing taken before. Tests share the cloud:
//! run them one at a time (`--test-threads=1`).
#![cfg(feature = "cloud")]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use scs_flavor_audit::{Cloud, CloudError, CloudErrorKind, CloudFlavor, NewFlavor};
use scs_flavor_cli::openstack::connect;

/// The cloud with the admin role.
const ADMIN: &str = "scs-admin";
/// The cloud with the member role (as the official SCS tests run).
const MEMBER: &str = "scs-member";

/// The `clouds.yaml` of the control plane; panics (the test fails) without it.
fn clouds_yaml() -> PathBuf {
    match std::env::var_os("OS_CLIENT_CONFIG_FILE") {
        Some(file) if !file.is_empty() => PathBuf::from(file),
        _ => panic!(
            "OS_CLIENT_CONFIG_FILE is not set: these tests need a real cloud with the clouds \
             scs-admin and scs-member; start one with `scripts/openstack-dev.sh start DIR` and \
             `eval \"$(scripts/openstack-dev.sh env DIR)\"`, or run .ci/cloud.sh"
        ),
    }
}

/// Opens `cloud` of the control plane's `clouds.yaml`.
fn open(cloud: &str) -> Box<dyn Cloud> {
    clouds_yaml();
    connect(Some(cloud)).unwrap_or_else(|e| panic!("cannot open cloud {cloud}: {e}"))
}

/// A flavor name no other test run uses.
fn unique(tag: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_nanos();
    format!("live-{tag}-{}-{:x}", std::process::id(), nanos % (1 << 32))
}

/// The figures and public flag of a flavor to create, without extra specs.
fn new_flavor(vcpus: u64, ram_mib: u64, disk_gb: u64, public: bool) -> NewFlavor {
    NewFlavor {
        vcpus,
        ram_mib,
        disk_gb,
        public,
        properties: BTreeMap::new(),
    }
}

/// Extra specs from pairs.
fn specs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

/// The flavors of `listing` named `name`.
fn named<'a>(listing: &'a [CloudFlavor], name: &str) -> Vec<&'a CloudFlavor> {
    listing.iter().filter(|f| f.name == name).collect()
}

/// The one flavor of `listing` named `name`.
fn the<'a>(listing: &'a [CloudFlavor], name: &str) -> &'a CloudFlavor {
    match named(listing, name).as_slice() {
        [f] => f,
        found => panic!("{} flavors named {name} listed: {found:?}", found.len()),
    }
}

/// The admin's listing.
fn admin_listing(admin: &mut dyn Cloud) -> Vec<CloudFlavor> {
    admin.flavors().expect("the admin lists the flavors")
}

/// Asserts that `result` failed with `kind` (whose exit status is `status`) and that its
/// message says each of `facts`.
fn assert_refused<T: std::fmt::Debug>(
    result: Result<T, CloudError>,
    kind: CloudErrorKind,
    status: i32,
    facts: &[&str],
    context: &str,
) {
    let e = result.expect_err(context);
    assert_eq!(e.kind, kind, "{context}: {e}");
    assert_eq!(e.kind.exit_code(), status, "{context}");
    assert!(!e.message.contains('\n'), "{context}: {e:?}");
    for fact in facts {
        assert!(
            e.message.contains(fact),
            "{context}: {e} does not say {fact:?}"
        );
    }
}

/// Deletes (as admin) the flavors it holds when dropped, also when a test fails.
struct Cleanup {
    admin: Box<dyn Cloud>,
    ids: Vec<String>,
}

impl Cleanup {
    fn new() -> Self {
        Cleanup {
            admin: open(ADMIN),
            ids: Vec::new(),
        }
    }

    /// Creates a flavor as admin and holds it.
    fn create(&mut self, name: &str, new: &NewFlavor) -> String {
        let id = self
            .admin
            .create_flavor(name, new)
            .unwrap_or_else(|e| panic!("creating {name}: {e}"));
        self.ids.push(id.clone());
        id
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for id in &self.ids {
            let _ = self.admin.delete_flavor(id);
        }
    }
}

/// Runs the built `scs-flavor ARGS` with `OS_CLIENT_CONFIG_FILE` = `clouds` (and no
/// `OS_CLOUD`); returns (exit status, stdout, stderr).
fn scs_flavor(args: &[&str], clouds: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scs-flavor"))
        .args(args)
        .env("OS_CLIENT_CONFIG_FILE", clouds)
        .env_remove("OS_CLOUD")
        .output()
        .expect("scs-flavor runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that a run of `scs-flavor` failed with `status` and one `scs-flavor: …` line on
/// stderr, without a panic.
fn assert_one_error(run: &(i32, String, String), status: i32, context: &str) {
    let (code, _, err) = run;
    assert_eq!(*code, status, "{context}: {err}");
    assert!(err.starts_with("scs-flavor: "), "{context}: {err}");
    assert_eq!(err.lines().count(), 1, "{context}: {err}");
    assert!(!err.contains("panicked"), "{context}: {err}");
}

/// A public and a private flavor are created with their figures, listed with their IDs and
/// public flags (all of them for the admin; the member sees the public one only, as Nova
/// shows non-admins public flavors and those their project may use), their extra specs are
/// set (added to, values replaced), unset (keys with `:`) and listed, and they are deleted.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn flavors_are_created_listed_changed_and_deleted() {
    let mut cleanup = Cleanup::new();
    let mut admin = open(ADMIN);
    let public_name = unique("public");
    let private_name = unique("private");
    let public_id = cleanup.create(&public_name, &new_flavor(3, 3072, 7, true));
    let private_id = cleanup.create(&private_name, &new_flavor(1, 512, 0, false));
    assert!(!public_id.is_empty() && public_id != private_id);

    let listing = admin_listing(admin.as_mut());
    let public = the(&listing, &public_name);
    assert_eq!(public.id.as_deref(), Some(public_id.as_str()));
    assert_eq!(
        (public.public, public.vcpus, public.ram_mib, public.disk_gb),
        (true, 3, 3072, 7)
    );
    assert!(public.extra_specs.is_empty(), "{public:?}");
    let private = the(&listing, &private_name);
    assert_eq!(private.id.as_deref(), Some(private_id.as_str()));
    assert_eq!(
        (
            private.public,
            private.vcpus,
            private.ram_mib,
            private.disk_gb
        ),
        (false, 1, 512, 0)
    );
    let member = open(MEMBER)
        .flavors()
        .expect("the member lists the flavors");
    assert_eq!(
        the(&member, &public_name).id.as_deref(),
        Some(public_id.as_str())
    );
    assert!(named(&member, &private_name).is_empty(), "{member:?}");

    // Extra specs: set, set again (adds keys, replaces values), unset two keys.
    let first = specs(&[
        ("scs:cpu-type", "shared-core"),
        ("scs:name-v2", "SCS-3V-3-7"),
        ("hw_rng:allowed", "true"),
    ]);
    admin.set_properties(&public_id, &first).expect("set");
    let listing = admin_listing(admin.as_mut());
    assert_eq!(the(&listing, &public_name).extra_specs, first);
    assert!(the(&listing, &private_name).extra_specs.is_empty());
    admin
        .set_properties(
            &public_id,
            &specs(&[("scs:cpu-type", "crowded-core"), ("live:note", "a b/c")]),
        )
        .expect("set again");
    let listing = admin_listing(admin.as_mut());
    assert_eq!(
        the(&listing, &public_name).extra_specs,
        specs(&[
            ("scs:cpu-type", "crowded-core"),
            ("scs:name-v2", "SCS-3V-3-7"),
            ("hw_rng:allowed", "true"),
            ("live:note", "a b/c"),
        ])
    );
    // The member's listing has the extra specs too (microversion 2.61 lists them).
    let member = open(MEMBER)
        .flavors()
        .expect("the member lists the flavors");
    assert_eq!(
        the(&member, &public_name).extra_specs.get("live:note"),
        Some(&"a b/c".to_string())
    );
    admin
        .unset_properties(
            &public_id,
            &["scs:name-v2".to_string(), "live:note".to_string()],
        )
        .expect("unset");
    admin
        .unset_properties(&public_id, &[])
        .expect("unset nothing");
    let listing = admin_listing(admin.as_mut());
    assert_eq!(
        the(&listing, &public_name).extra_specs,
        specs(&[("scs:cpu-type", "crowded-core"), ("hw_rng:allowed", "true")])
    );
    // The figures did not change.
    let public = the(&listing, &public_name);
    assert_eq!((public.vcpus, public.ram_mib, public.disk_gb), (3, 3072, 7));

    admin
        .delete_flavor(&public_id)
        .expect("delete the public flavor");
    let listing = admin_listing(admin.as_mut());
    assert!(
        named(&listing, &public_name).is_empty(),
        "deleted, still listed"
    );
    assert_eq!(
        the(&listing, &private_name).id.as_deref(),
        Some(private_id.as_str())
    );
    admin
        .delete_flavor(&private_id)
        .expect("delete the private flavor");
    let listing = admin_listing(admin.as_mut());
    assert!(
        named(&listing, &private_name).is_empty(),
        "deleted, still listed"
    );
    cleanup.ids.clear();
}

/// Figures that do not fit Nova's 32-bit integers are refused (8) before any call: nothing
/// is created.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn figures_too_large_for_nova_are_refused() {
    let mut cleanup = Cleanup::new();
    let too_large = u64::try_from(i32::MAX).expect("positive") + 1;
    let names: Vec<String> = ["vcpus", "ram", "disk"]
        .iter()
        .map(|what| unique(&format!("large-{what}")))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let mut figures = [1, 1024, 1];
        figures[i] = too_large;
        let new = new_flavor(figures[0], figures[1], figures[2], true);
        let result = cleanup.admin.create_flavor(name, &new);
        if let Ok(id) = &result {
            cleanup.ids.push(id.clone());
        }
        assert_refused(
            result,
            CloudErrorKind::Refused,
            8,
            &[&too_large.to_string()],
            name,
        );
    }
    let listing = admin_listing(cleanup.admin.as_mut());
    for name in &names {
        assert!(named(&listing, name).is_empty(), "{name} was created");
    }
}

/// The member role may list flavors but not create, change or delete them: each call is
/// forbidden (exit status 6) with Nova's answer (HTTP 403, naming the policy rule of the
/// call), and the flavor stays as it was.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn the_member_role_is_forbidden_to_change_flavors() {
    let mut cleanup = Cleanup::new();
    let mut member = open(MEMBER);
    let mine = unique("member");
    assert_refused(
        member.create_flavor(&mine, &new_flavor(1, 1024, 0, true)),
        CloudErrorKind::Forbidden,
        6,
        &["HTTP 403", "os_compute_api:os-flavor-manage:create"],
        "member creates a flavor",
    );
    let name = unique("guarded");
    let id = cleanup.create(&name, &new_flavor(2, 2048, 0, true));
    cleanup
        .admin
        .set_properties(&id, &specs(&[("live:owner", "admin")]))
        .expect("admin sets a spec");
    assert_refused(
        member.set_properties(&id, &specs(&[("live:owner", "member")])),
        CloudErrorKind::Forbidden,
        6,
        &["HTTP 403", "os_compute_api:os-flavor-extra-specs:create"],
        "member sets an extra spec",
    );
    assert_refused(
        member.unset_properties(&id, &["live:owner".to_string()]),
        CloudErrorKind::Forbidden,
        6,
        &["HTTP 403", "os_compute_api:os-flavor-extra-specs:delete"],
        "member unsets an extra spec",
    );
    assert_refused(
        member.delete_flavor(&id),
        CloudErrorKind::Forbidden,
        6,
        &["HTTP 403", "os_compute_api:os-flavor-manage:delete"],
        "member deletes a flavor",
    );
    let listing = admin_listing(cleanup.admin.as_mut());
    assert!(named(&listing, &mine).is_empty());
    let guarded = the(&listing, &name);
    assert_eq!(guarded.id.as_deref(), Some(id.as_str()));
    assert_eq!(guarded.extra_specs, specs(&[("live:owner", "admin")]));
}

/// What Nova refuses for other reasons is `refused` (8) with its status: a second flavor
/// of the same name (409), calls on a flavor that does not exist and unsetting a key the
/// flavor lacks (404).
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn conflicts_and_missing_flavors_are_refused() {
    let mut cleanup = Cleanup::new();
    let name = unique("conflict");
    let id = cleanup.create(&name, &new_flavor(1, 1024, 0, true));
    let again = cleanup
        .admin
        .create_flavor(&name, &new_flavor(2, 2048, 0, true));
    if let Ok(id) = &again {
        cleanup.ids.push(id.clone());
    }
    assert_refused(
        again,
        CloudErrorKind::Refused,
        8,
        &["HTTP 409", &name],
        "the same name again",
    );
    assert_refused(
        cleanup
            .admin
            .unset_properties(&id, &["live:absent".to_string()]),
        CloudErrorKind::Refused,
        8,
        &["HTTP 404"],
        "unset a key the flavor lacks",
    );
    cleanup.admin.delete_flavor(&id).expect("delete");
    cleanup.ids.clear();
    assert_refused(
        cleanup.admin.delete_flavor(&id),
        CloudErrorKind::Refused,
        8,
        &["HTTP 404"],
        "delete a deleted flavor",
    );
    assert_refused(
        cleanup
            .admin
            .set_properties(&id, &specs(&[("live:x", "1")])),
        CloudErrorKind::Refused,
        8,
        &["HTTP 404"],
        "set a spec of a deleted flavor",
    );
    let listing = admin_listing(cleanup.admin.as_mut());
    assert!(named(&listing, &name).is_empty(), "{name} still listed");
}

/// The scs-0103 v1.2 standard flavors: recommended name, vCPUs, vCPU type, RAM in GiB, root
/// disk in GB (0: none), whether the disk is `ssd`; the mandatory ones first, then the
/// recommended ones (parts 1 and 2).
const STANDARD: [(&str, u64, &str, u64, u64, bool); 31] = [
    ("SCS-1V-4", 1, "shared-core", 4, 0, false),
    ("SCS-2V-8", 2, "shared-core", 8, 0, false),
    ("SCS-4V-16", 4, "shared-core", 16, 0, false),
    ("SCS-4V-16-100s", 4, "shared-core", 16, 100, true),
    ("SCS-8V-32", 8, "shared-core", 32, 0, false),
    ("SCS-1V-2", 1, "shared-core", 2, 0, false),
    ("SCS-2V-4", 2, "shared-core", 4, 0, false),
    ("SCS-2V-4-20s", 2, "shared-core", 4, 20, true),
    ("SCS-4V-8", 4, "shared-core", 8, 0, false),
    ("SCS-8V-16", 8, "shared-core", 16, 0, false),
    ("SCS-16V-32", 16, "shared-core", 32, 0, false),
    ("SCS-1V-8", 1, "shared-core", 8, 0, false),
    ("SCS-2V-16", 2, "shared-core", 16, 0, false),
    ("SCS-4V-32", 4, "shared-core", 32, 0, false),
    ("SCS-1L-1", 1, "crowded-core", 1, 0, false),
    ("SCS-1V-4-10", 1, "shared-core", 4, 10, false),
    ("SCS-2V-8-20", 2, "shared-core", 8, 20, false),
    ("SCS-4V-16-50", 4, "shared-core", 16, 50, false),
    ("SCS-8V-32-100", 8, "shared-core", 32, 100, false),
    ("SCS-1V-2-5", 1, "shared-core", 2, 5, false),
    ("SCS-2V-4-10", 2, "shared-core", 4, 10, false),
    ("SCS-4V-8-20", 4, "shared-core", 8, 20, false),
    ("SCS-8V-16-50", 8, "shared-core", 16, 50, false),
    ("SCS-16V-32-100", 16, "shared-core", 32, 100, false),
    ("SCS-1V-8-20", 1, "shared-core", 8, 20, false),
    ("SCS-2V-16-50", 2, "shared-core", 16, 50, false),
    ("SCS-4V-32-100", 4, "shared-core", 32, 100, false),
    ("SCS-1L-1-5", 1, "crowded-core", 1, 5, false),
    ("SCS-16V-64", 16, "shared-core", 64, 0, false),
    ("SCS-8V-64", 8, "shared-core", 64, 0, false),
    ("SCS-16V-128", 16, "shared-core", 128, 0, false),
];

/// Puts the cloud back as `before` (the admin's listing): deletes the flavors it lacked and
/// restores the extra specs of the others. Returns what it could not restore.
fn restore(admin: &mut dyn Cloud, before: &[CloudFlavor]) -> Vec<String> {
    let mut problems = Vec::new();
    let now = match admin.flavors() {
        Ok(now) => now,
        Err(e) => return vec![format!("listing: {e}")],
    };
    for flavor in &now {
        let Some(id) = flavor.id.as_deref() else {
            problems.push(format!("{} has no ID", flavor.name));
            continue;
        };
        match before.iter().find(|b| b.id == flavor.id) {
            None => {
                if let Err(e) = admin.delete_flavor(id) {
                    problems.push(format!("deleting {}: {e}", flavor.name));
                }
            }
            Some(old) if old.extra_specs != flavor.extra_specs => {
                let added: Vec<String> = flavor
                    .extra_specs
                    .keys()
                    .filter(|k| !old.extra_specs.contains_key(*k))
                    .cloned()
                    .collect();
                if let Err(e) = admin.unset_properties(id, &added) {
                    problems.push(format!("unsetting specs of {}: {e}", flavor.name));
                }
                if !old.extra_specs.is_empty() {
                    if let Err(e) = admin.set_properties(id, &old.extra_specs) {
                        problems.push(format!("setting specs of {}: {e}", flavor.name));
                    }
                }
            }
            Some(_) => {}
        }
    }
    for old in before {
        if !now.iter().any(|f| f.id == old.id) {
            problems.push(format!("{} ({:?}) was deleted", old.name, old.id));
        }
    }
    problems
}

/// Undoes an `apply` when dropped: [`restore`] from the listing taken before.
struct Restore {
    admin: Box<dyn Cloud>,
    before: Vec<CloudFlavor>,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let problems = restore(self.admin.as_mut(), &self.before);
        if !problems.is_empty() && !std::thread::panicking() {
            panic!("the cloud could not be restored: {problems:?}");
        }
    }
}

/// `apply --recommended` as admin creates every scs-0103 standard flavor, public, with its
/// figures and the extra specs the standard requires (`scs:name-v1` with the dashes after
/// the first as colons, `scs:name-v2`, `scs:cpu-type`, `scs:disk0-type` exactly when there is
/// a root disk, `ssd` for the `s` ones); a second apply makes no change (exit status 0
/// both); on a cloud that had no SCS flavors, the member's audit then passes (0). The cloud
/// is restored afterwards.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn apply_as_admin_creates_the_standard_flavors() {
    let clouds = clouds_yaml();
    let mut admin = open(ADMIN);
    let before = admin_listing(admin.as_mut());
    let had_scs = before
        .iter()
        .any(|f| f.name.starts_with("SCS-") || f.extra_specs.keys().any(|k| k.starts_with("scs:")));
    let _restore = Restore {
        admin: open(ADMIN),
        before,
    };

    let (code, out, err) = scs_flavor(&["apply", "--recommended", "--os-cloud", ADMIN], &clouds);
    assert_eq!((code, err.as_str()), (0, ""), "apply: {out}");
    let listing = admin_listing(admin.as_mut());
    for (name, vcpus, cpu_type, ram_gib, disk_gb, ssd) in STANDARD {
        // The flavor the standard's lookup finds: `scs:name-v2` names it.
        let found: Vec<&CloudFlavor> = listing
            .iter()
            .filter(|f| f.extra_specs.get("scs:name-v2").map(String::as_str) == Some(name))
            .collect();
        let [flavor] = found.as_slice() else {
            panic!("{} flavors with scs:name-v2={name}: {found:?}", found.len());
        };
        assert!(flavor.public, "{flavor:?}");
        assert_eq!(
            (flavor.vcpus, flavor.ram_mib, flavor.disk_gb),
            (vcpus, ram_gib * 1024, disk_gb),
            "{name}"
        );
        let (prefix, rest) = name.split_at(4);
        let v1 = format!("{prefix}{}", rest.replace('-', ":"));
        let spec = |key: &str| flavor.extra_specs.get(key).map(String::as_str);
        assert_eq!(spec("scs:name-v1"), Some(v1.as_str()), "{flavor:?}");
        assert_eq!(spec("scs:cpu-type"), Some(cpu_type), "{flavor:?}");
        match (disk_gb, ssd) {
            (0, _) => assert_eq!(spec("scs:disk0-type"), None, "{flavor:?}"),
            (_, true) => assert_eq!(spec("scs:disk0-type"), Some("ssd"), "{flavor:?}"),
            (_, false) => assert!(spec("scs:disk0-type").is_some(), "{flavor:?}"),
        }
    }

    // A second apply makes no call (it prints each before making it): `nothing to do`, or
    // `done: 0 changes` and what is left to decide (flavors the test did not make).
    let (code, out, err) = scs_flavor(&["apply", "--recommended", "--os-cloud", ADMIN], &clouds);
    assert_eq!((code, err.as_str()), (0, ""), "second apply: {out}");
    assert!(
        out == "nothing to do\n" || out.starts_with("done: 0 changes\nleft to decide: "),
        "second apply: {out}"
    );
    if !had_scs {
        let (code, out, err) = scs_flavor(&["audit", "--os-cloud", MEMBER], &clouds);
        assert_eq!(code, 0, "the member's audit after apply: {out}{err}");
    }
}

/// `apply` as the member user stops at the first call, forbidden (exit status 6, one error
/// line), says what was not done, and changes nothing. The plan has at least one change: a
/// public flavor with an invalid `SCS-` name to `--prune`.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn apply_as_member_is_forbidden_and_changes_nothing() {
    let clouds = clouds_yaml();
    let mut cleanup = Cleanup::new();
    let name = format!("SCS-{}", unique("invalid"));
    cleanup.create(&name, &new_flavor(1, 1024, 0, true));
    let before = admin_listing(cleanup.admin.as_mut());
    let run = scs_flavor(
        &["apply", "--recommended", "--prune", "--os-cloud", MEMBER],
        &clouds,
    );
    assert_one_error(&run, 6, "apply as member");
    assert!(
        run.1.lines().any(|l| l.starts_with("not done: ")),
        "{}",
        run.1
    );
    let after = admin_listing(cleanup.admin.as_mut());
    assert_eq!(before, after, "apply as member changed the cloud");
}

/// The `clouds.yaml` entry `base` changed by `change`, as cloud `name`, in a file of its own
/// (with the control plane's clouds).
fn variant(base: &str, name: &str, change: impl FnOnce(&mut serde_norway::Mapping)) -> PathBuf {
    let file = clouds_yaml();
    let text = std::fs::read_to_string(&file).expect("clouds.yaml readable");
    let mut yaml: serde_norway::Value = serde_norway::from_str(&text).expect("clouds.yaml");
    let clouds = yaml
        .get_mut("clouds")
        .and_then(serde_norway::Value::as_mapping_mut)
        .expect("clouds: in clouds.yaml");
    let mut member = clouds
        .get(base)
        .and_then(serde_norway::Value::as_mapping)
        .cloned()
        .expect("the base cloud");
    change(&mut member);
    clouds.insert(name.into(), serde_norway::Value::Mapping(member));
    let dir = std::env::temp_dir().join(format!("scs-flavor-live-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let out = dir.join(format!("{name}.yaml"));
    std::fs::write(&out, serde_norway::to_string(&yaml).expect("yaml")).expect("write");
    out
}

/// The commands that open a cloud.
const COMMANDS: [&str; 3] = ["audit", "plan", "apply"];

/// A wrong password is `auth` (exit status 5) for each command: one line naming the cloud,
/// nothing on stdout.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn a_wrong_password_is_refused_credentials() {
    let file = variant(MEMBER, "bad-password", |cloud| {
        let auth = cloud
            .get_mut("auth")
            .and_then(serde_norway::Value::as_mapping_mut)
            .expect("auth:");
        auth.insert("password".into(), "not-the-password".into());
    });
    for command in COMMANDS {
        let run = scs_flavor(&[command, "--os-cloud", "bad-password"], &file);
        assert_one_error(&run, 5, command);
        assert!(run.2.contains("bad-password"), "{command}: {}", run.2);
        assert_eq!(run.1, "", "{command}");
    }
}

/// A region without a compute endpoint in the catalog is `no-compute` (exit status 7) for
/// each command: one line naming the cloud and the region, nothing on stdout.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn a_region_without_compute_is_no_compute() {
    let file = variant(MEMBER, "no-compute", |cloud| {
        cloud.insert("region_name".into(), "RegionTwo".into());
    });
    for command in COMMANDS {
        let run = scs_flavor(&[command, "--os-cloud", "no-compute"], &file);
        assert_one_error(&run, 7, command);
        assert!(
            run.2.contains("no-compute") && run.2.contains("RegionTwo"),
            "{command}: {}",
            run.2
        );
        assert_eq!(run.1, "", "{command}");
    }
}

/// Nova's `[api] max_limit` of the control plane (the most flavors one answer lists; Nova's
/// default 1000), from `NOVA_MAX_LIMIT`.
fn page_size() -> usize {
    std::env::var("NOVA_MAX_LIMIT")
        .ok()
        .filter(|v| !v.is_empty())
        .map_or(1000, |v| v.parse().expect("NOVA_MAX_LIMIT is a number"))
}

/// A listing longer than Nova's page (`NOVA_MAX_LIMIT`, default 1000: set it to a small
/// `max_limit` of the control plane, or this test creates a thousand flavors) is read page
/// by page to the end: every flavor once.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn listings_longer_than_a_page_are_read_to_the_end() {
    let mut cleanup = Cleanup::new();
    let before = admin_listing(cleanup.admin.as_mut());
    let count = (page_size() + 2).saturating_sub(before.len()).max(2);
    let tag = unique("page");
    let names: Vec<String> = (0..count).map(|i| format!("{tag}-{i:04}")).collect();
    for name in &names {
        cleanup.create(name, &new_flavor(1, 512, 0, false));
    }
    let listing = admin_listing(cleanup.admin.as_mut());
    assert_eq!(listing.len(), before.len() + count);
    assert!(listing.len() > page_size(), "not longer than a page");
    let mut ids: Vec<&str> = listing.iter().filter_map(|f| f.id.as_deref()).collect();
    assert_eq!(ids.len(), listing.len(), "a flavor without ID");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), listing.len(), "a flavor listed twice");
    for (name, id) in names.iter().zip(&cleanup.ids) {
        assert_eq!(the(&listing, name).id.as_deref(), Some(id.as_str()));
    }
}

/// One HTTP/1.1 message: its start line and headers, and its body.
#[derive(Clone)]
struct Message {
    head: Vec<String>,
    body: Vec<u8>,
}

impl Message {
    /// The value of header `name`.
    fn header(&self, name: &str) -> Option<&str> {
        self.head.iter().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    /// Reads a message (a body by `Content-Length` or chunked); `None` at the end.
    fn read(reader: &mut impl BufRead) -> std::io::Result<Option<Message>> {
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            head.push(line.to_string());
        }
        let mut message = Message {
            head,
            body: Vec::new(),
        };
        if let Some(length) = message.header("content-length") {
            let length = length.parse().map_err(std::io::Error::other)?;
            message.body.resize(length, 0);
            reader.read_exact(&mut message.body)?;
        } else if message
            .header("transfer-encoding")
            .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
        {
            loop {
                let mut size = String::new();
                reader.read_line(&mut size)?;
                let size = size.trim().split(';').next().unwrap_or("0");
                let size = usize::from_str_radix(size, 16).map_err(std::io::Error::other)?;
                let mut chunk = vec![0; size + 2];
                if size == 0 {
                    reader.read_line(&mut String::new())?;
                    break;
                }
                reader.read_exact(&mut chunk)?;
                message.body.extend_from_slice(&chunk[..size]);
            }
        }
        Ok(Some(message))
    }

    /// Writes the message with its `Content-Length` and `Connection: close`.
    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let skip = ["content-length", "transfer-encoding", "connection"];
        for (i, line) in self.head.iter().enumerate() {
            let key = line.split_once(':').map_or("", |(k, _)| k.trim());
            if i == 0 || !skip.iter().any(|s| key.eq_ignore_ascii_case(s)) {
                write!(out, "{line}\r\n")?;
            }
        }
        write!(
            out,
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        )?;
        out.write_all(&self.body)?;
        out.flush()
    }
}

/// Sends `request` to `host` (`127.0.0.1:PORT`) and reads the answer.
fn exchange(host: &str, request: &Message) -> std::io::Result<Message> {
    let mut stream = TcpStream::connect(host)?;
    request.write(&mut stream)?;
    Message::read(&mut BufReader::new(stream))?.ok_or_else(|| std::io::Error::other("no answer"))
}

/// `http://HOST/PATH` split into `HOST` and `/PATH`.
fn split_url(url: &str) -> (String, String) {
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    match rest.split_once('/') {
        Some((host, path)) => (host.to_string(), format!("/{path}")),
        None => (rest.to_string(), "/".to_string()),
    }
}

/// Keystone as the user of `cloud`, through plain HTTP (to change the catalog, which the
/// backend under test cannot): its identity endpoint, a token and the token's catalog.
struct Keystone {
    host: String,
    path: String,
    token: String,
    catalog: serde_json::Value,
}

impl Keystone {
    /// Authenticates as the user of `cloud` (password, project scope).
    fn login(cloud: &str) -> Keystone {
        let text = std::fs::read_to_string(clouds_yaml()).expect("clouds.yaml readable");
        let yaml: serde_norway::Value = serde_norway::from_str(&text).expect("clouds.yaml");
        let auth = &yaml["clouds"][cloud]["auth"];
        let field = |key: &str| auth[key].as_str().expect("an auth field").to_string();
        let body = serde_json::json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": field("username"), "password": field("password"),
                "domain": {"name": field("user_domain_name")}}}},
            "scope": {"project": {"name": field("project_name"),
                "domain": {"name": field("project_domain_name")}}}}});
        let (host, path) = split_url(&field("auth_url"));
        let path = path.trim_end_matches('/').to_string();
        let mut keystone = Keystone {
            host,
            path,
            token: String::new(),
            catalog: serde_json::Value::Null,
        };
        let answer = keystone.call("POST", "/auth/tokens", Some(&body));
        keystone.token = answer
            .header("x-subject-token")
            .expect("a token")
            .to_string();
        let token: serde_json::Value = serde_json::from_slice(&answer.body).expect("JSON token");
        keystone.catalog = token["token"]["catalog"].clone();
        keystone
    }

    /// `METHOD PATH` (below the identity endpoint) with the token and a JSON `body`.
    fn call(&self, method: &str, path: &str, body: Option<&serde_json::Value>) -> Message {
        let mut head = vec![
            format!("{method} {}{path} HTTP/1.1", self.path),
            format!("Host: {}", self.host),
            "Content-Type: application/json".to_string(),
        ];
        if !self.token.is_empty() {
            head.push(format!("X-Auth-Token: {}", self.token));
        }
        let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        let answer = exchange(&self.host, &Message { head, body }).expect("Keystone answers");
        let status = answer.head[0].split(' ').nth(1).unwrap_or_default();
        assert!(
            status.starts_with('2'),
            "{method} {path}: {}",
            answer.head[0]
        );
        answer
    }

    /// The compute service's ID and its public endpoint in `RegionOne`.
    fn compute(&self) -> (String, String) {
        let service = self
            .catalog
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["type"] == "compute")
            .expect("a compute service in the catalog");
        let url = service["endpoints"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|e| e["interface"] == "public" && e["region_id"] == "RegionOne")
            .and_then(|e| e["url"].as_str())
            .expect("a public compute endpoint in RegionOne");
        let id = service["id"].as_str().expect("the service's ID");
        (id.to_string(), url.to_string())
    }
}

/// A region of the catalog whose only endpoint is a compute endpoint at `url`; deleted with
/// its endpoint when dropped.
struct Region {
    keystone: Keystone,
    id: String,
    endpoint: String,
}

impl Region {
    fn new(keystone: Keystone, url: &str) -> Region {
        let id = unique("region");
        let (service, _) = keystone.compute();
        keystone.call(
            "POST",
            "/regions",
            Some(&serde_json::json!({"region": {"id": id}})),
        );
        let mut region = Region {
            keystone,
            id,
            endpoint: String::new(),
        };
        let endpoint = serde_json::json!({"endpoint": {"service_id": service,
            "interface": "public", "url": url, "region_id": region.id}});
        let answer = region.keystone.call("POST", "/endpoints", Some(&endpoint));
        let answer: serde_json::Value = serde_json::from_slice(&answer.body).expect("JSON");
        region.endpoint = answer["endpoint"]["id"]
            .as_str()
            .expect("the endpoint's ID")
            .to_string();
        region
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        if !self.endpoint.is_empty() {
            self.keystone
                .call("DELETE", &format!("/endpoints/{}", self.endpoint), None);
        }
        self.keystone
            .call("DELETE", &format!("/regions/{}", self.id), None);
    }
}

/// The requests a proxy saw: (path, microversion header) of each.
type Seen = std::sync::Arc<std::sync::Mutex<Vec<(String, Option<String>)>>>;

/// An answer a proxy gives, instead of the service's, to requests whose path contains a text
/// (`None`: it closes the connection without an answer).
type Canned = std::sync::Arc<std::sync::Mutex<Option<(String, Option<Message>)>>>;

/// A proxy on 127.0.0.1 in front of a service of the control plane (Nova, or Keystone). It
/// records each request's path and microversion; with a newest microversion `max` it acts as
/// a Nova that old: its version documents say so, and a request for a newer one is refused
/// with 406 as Nova does; while `down`, it closes each connection without an answer; with a
/// `canned` answer, it gives that answer to the requests it is for.
struct Proxy {
    /// The proxy's compute endpoint (`http://127.0.0.1:PORT/v2.1`).
    url: String,
    /// (path, microversion header) of each request.
    requests: Seen,
    /// Whether it closes connections without an answer.
    down: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// (part of a path, answer): the answer to requests whose path contains the part (`None`:
    /// none, the connection is closed).
    canned: Canned,
}

/// The newest microversion of a Nova that lists flavors without extra specs (2.61 added them).
const OLD_MAX: (u32, u32) = (2, 60);

impl Proxy {
    fn start(nova: &str, max: Option<(u32, u32)>) -> Proxy {
        let (nova_host, nova_path) = split_url(nova);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let proxy_host = listener.local_addr().expect("address").to_string();
        let requests = Seen::default();
        let seen = std::sync::Arc::clone(&requests);
        let down = std::sync::Arc::<std::sync::atomic::AtomicBool>::default();
        let is_down = std::sync::Arc::clone(&down);
        let canned = Canned::default();
        let answers = std::sync::Arc::clone(&canned);
        let (from, to) = (
            format!("http://{nova_host}"),
            format!("http://{proxy_host}"),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if is_down.load(std::sync::atomic::Ordering::SeqCst) {
                    continue;
                }
                let seen = std::sync::Arc::clone(&seen);
                let answers = std::sync::Arc::clone(&answers);
                let (nova_host, from, to) = (nova_host.clone(), from.clone(), to.clone());
                std::thread::spawn(move || {
                    let _ = Proxy::serve(stream, &nova_host, (&from, &to), max, &seen, &answers);
                });
            }
        });
        Proxy {
            url: format!("http://{proxy_host}{nova_path}"),
            requests,
            down,
            canned,
        }
    }

    /// Answers the requests of one connection.
    fn serve(
        stream: TcpStream,
        nova_host: &str,
        (from, to): (&str, &str),
        max: Option<(u32, u32)>,
        seen: &std::sync::Mutex<Vec<(String, Option<String>)>>,
        canned: &Canned,
    ) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut out = stream;
        let Some(mut request) = Message::read(&mut reader)? else {
            return Ok(());
        };
        let version = request
            .header("openstack-api-version")
            .and_then(|v| v.strip_prefix("compute "))
            .or_else(|| request.header("x-openstack-nova-api-version"))
            .map(str::to_string);
        let path = request.head[0]
            .split(' ')
            .nth(1)
            .unwrap_or_default()
            .to_string();
        seen.lock()
            .expect("lock")
            .push((path.clone(), version.clone()));
        if let Some((part, answer)) = canned.lock().expect("lock").as_ref() {
            if path.contains(part.as_str()) {
                return answer
                    .as_ref()
                    .map_or(Ok(()), |answer| answer.write(&mut out));
            }
        }
        let too_new = max.is_some_and(|max| {
            version
                .as_deref()
                .is_some_and(|v| microversion(v).is_none_or(|v| v > max))
        });
        if too_new {
            let v = version.unwrap_or_default();
            let body = format!(
                "{{\"computeFault\": {{\"code\": 406, \"message\": \"Version {v} is not \
                 supported by the API. Minimum is 2.1 and maximum is {}.{}.\"}}}}",
                OLD_MAX.0, OLD_MAX.1
            );
            let answer = Message {
                head: vec![
                    "HTTP/1.1 406 Not Acceptable".to_string(),
                    "Content-Type: application/json".to_string(),
                ],
                body: body.into_bytes(),
            };
            return answer.write(&mut out);
        }
        for line in request.head.iter_mut().skip(1) {
            if line.to_ascii_lowercase().starts_with("host:") {
                *line = format!("Host: {nova_host}");
            }
        }
        let mut answer = exchange(nova_host, &request)?;
        let text = String::from_utf8_lossy(&answer.body).replace(from, to);
        answer.body = match (max, serde_json::from_str::<serde_json::Value>(&text)) {
            (Some(max), Ok(mut json)) => {
                let old = format!("{}.{}", max.0, max.1);
                let versions: Vec<&mut serde_json::Value> = if json.get("version").is_some() {
                    json.get_mut("version").into_iter().collect()
                } else {
                    match json.get_mut("versions") {
                        Some(serde_json::Value::Array(vs)) => vs.iter_mut().collect(),
                        _ => Vec::new(),
                    }
                };
                for v in versions {
                    if v.get("version")
                        .and_then(|s| s.as_str())
                        .is_some_and(|s| !s.is_empty())
                    {
                        v["version"] = old.clone().into();
                    }
                }
                json.to_string().into_bytes()
            }
            _ => text.into_bytes(),
        };
        answer.write(&mut out)
    }
}

/// A microversion `MAJOR.MINOR` as numbers.
fn microversion(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// Opens `cloud` of the `clouds.yaml` `file` (the connector reads `OS_CLIENT_CONFIG_FILE`:
/// set for the call, then put back; the tests run one at a time).
fn open_from(file: &Path, cloud: &str) -> Box<dyn Cloud> {
    let original = clouds_yaml();
    std::env::set_var("OS_CLIENT_CONFIG_FILE", file);
    let result = connect(Some(cloud));
    std::env::set_var("OS_CLIENT_CONFIG_FILE", original);
    result.unwrap_or_else(|e| panic!("cannot open cloud {cloud}: {e}"))
}

/// A Nova older than microversion 2.61 (Rocky) refuses the listing at 2.61 (406) and lists
/// flavors without their extra specs at older microversions: the listing then reads each
/// flavor's extra specs on its own, and gives the same flavors with the same extra specs as
/// the real Nova.
///
/// Fails with `openstack_sdk` 0.22.8 unless `flavors()` also falls back on HTTP 406: the SDK
/// reads no maximum microversion from Nova's version document (Nova says `version`, the SDK
/// reads `max_version`), so it never reports `MicroversionIncompatible` for Nova.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn a_nova_older_than_2_61_lists_the_extra_specs_flavor_by_flavor() {
    let (proxy, _region, file) = proxied(Some(OLD_MAX));
    let mut cleanup = Cleanup::new();
    let public_name = unique("old-public");
    let private_name = unique("old-private");
    let public_id = cleanup.create(&public_name, &new_flavor(2, 2048, 10, true));
    let private_id = cleanup.create(&private_name, &new_flavor(1, 1024, 0, false));
    let public_specs = specs(&[("scs:cpu-type", "shared-core"), ("live:era", "rocky")]);
    let private_specs = specs(&[("live:era", "queens")]);
    cleanup
        .admin
        .set_properties(&public_id, &public_specs)
        .expect("set");
    cleanup
        .admin
        .set_properties(&private_id, &private_specs)
        .expect("set");

    let mut old = open_from(&file, "proxied");
    let listing = old.flavors().unwrap_or_else(|e| {
        let requests = proxy.requests.lock().expect("lock").clone();
        panic!("the listing through the old Nova: {e}; requests: {requests:?}")
    });
    let public = the(&listing, &public_name);
    assert_eq!(public.id.as_deref(), Some(public_id.as_str()));
    assert_eq!(
        (public.public, public.vcpus, public.ram_mib, public.disk_gb),
        (true, 2, 2048, 10)
    );
    assert_eq!(public.extra_specs, public_specs);
    let private = the(&listing, &private_name);
    assert_eq!(
        (private.public, &private.extra_specs),
        (false, &private_specs)
    );
    assert_eq!(listing, admin_listing(cleanup.admin.as_mut()));

    let requests = proxy.requests.lock().expect("lock").clone();
    assert!(
        requests.iter().any(|(path, _)| path
            .split('?')
            .next()
            .is_some_and(|p| p.ends_with(&format!("/flavors/{public_id}/os-extra_specs")))),
        "the extra specs were not read flavor by flavor: {requests:?}"
    );
}

/// The admin's cloud with a [`Proxy`] (newest microversion `max`) as the compute endpoint
/// of a region of its own: (proxy, region, `clouds.yaml` with the cloud `proxied`). The SDK
/// discovers the microversions of the catalog's endpoints (not of an endpoint override).
fn proxied(max: Option<(u32, u32)>) -> (Proxy, Region, PathBuf) {
    let keystone = Keystone::login(ADMIN);
    let proxy = Proxy::start(&keystone.compute().1, max);
    let region = Region::new(keystone, &proxy.url);
    let region_id = region.id.clone();
    let file = variant(ADMIN, "proxied", move |cloud| {
        cloud.insert("region_name".into(), region_id.into());
    });
    (proxy, region, file)
}

/// On a current Nova the listing asks for microversion 2.61 or newer, which lists each
/// flavor's extra specs: one request a page of `NOVA_MAX_LIMIT` flavors (Nova links a next
/// page when a page is full), none for a flavor's extra specs.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn the_listing_reads_the_extra_specs_page_by_page() {
    let (proxy, _region, file) = proxied(None);
    let mut cleanup = Cleanup::new();
    let name = unique("paged-specs");
    let id = cleanup.create(&name, &new_flavor(1, 2048, 0, true));
    let flavor_specs = specs(&[("live:page", "one")]);
    cleanup
        .admin
        .set_properties(&id, &flavor_specs)
        .expect("set");
    let mut cloud = open_from(&file, "proxied");
    proxy.requests.lock().expect("lock").clear();
    let listing = cloud.flavors().expect("the listing through the proxy");
    assert_eq!(the(&listing, &name).extra_specs, flavor_specs);
    assert_eq!(listing, admin_listing(cleanup.admin.as_mut()));
    let requests = proxy.requests.lock().expect("lock").clone();
    let pages: Vec<&Option<String>> = requests
        .iter()
        .filter(|(path, _)| path.contains("/flavors/detail"))
        .map(|(_, version)| version)
        .collect();
    assert_eq!(
        pages.len(),
        listing.len() / page_size() + 1,
        "{} flavors: {requests:?}",
        listing.len()
    );
    for version in pages {
        let version = version.as_deref().and_then(microversion);
        assert!(version >= Some((2, 61)), "{version:?}: {requests:?}");
    }
    assert!(
        !requests
            .iter()
            .any(|(path, _)| path.contains("os-extra_specs")),
        "{requests:?}"
    );
}

/// A call whose connection to Nova breaks (after the cloud was opened) is `unreachable` (4),
/// for the listing and for a change; nothing is created.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn a_call_that_loses_the_connection_is_unreachable() {
    let (proxy, _region, file) = proxied(None);
    let mut cloud = open_from(&file, "proxied");
    proxy.down.store(true, std::sync::atomic::Ordering::SeqCst);
    assert_refused(
        cloud.flavors(),
        CloudErrorKind::Unreachable,
        4,
        &[],
        "listing",
    );
    let name = unique("unreachable");
    assert_refused(
        cloud.create_flavor(&name, &new_flavor(1, 1024, 0, true)),
        CloudErrorKind::Unreachable,
        4,
        &[],
        "creating",
    );
    let mut admin = open(ADMIN);
    assert!(named(&admin_listing(admin.as_mut()), &name).is_empty());
}

/// An answer with the status line's `status` (`502 Bad Gateway`), `headers` and `body`.
fn answer(status: &str, headers: &[&str], body: &str) -> Message {
    let mut head = vec![format!("HTTP/1.1 {status}")];
    head.extend(headers.iter().map(|h| (*h).to_string()));
    Message {
        head,
        body: body.as_bytes().to_vec(),
    }
}

/// The member's cloud with a [`Proxy`] in front of Keystone as its `auth_url`: (proxy,
/// `clouds.yaml` with the cloud `keystone-proxied`).
fn keystone_proxied() -> (Proxy, PathBuf) {
    let text = std::fs::read_to_string(clouds_yaml()).expect("clouds.yaml readable");
    let yaml: serde_norway::Value = serde_norway::from_str(&text).expect("clouds.yaml");
    let auth_url = yaml["clouds"][MEMBER]["auth"]["auth_url"]
        .as_str()
        .expect("the member's auth_url");
    let proxy = Proxy::start(auth_url, None);
    let url = proxy.url.clone();
    let file = variant(MEMBER, "keystone-proxied", move |cloud| {
        let auth = cloud
            .get_mut("auth")
            .and_then(serde_norway::Value::as_mapping_mut)
            .expect("auth:");
        auth.insert("auth_url".into(), url.into());
    });
    (proxy, file)
}

/// Keystone's answer when a second authentication factor is required: 401 with a receipt
/// (the `Openstack-Auth-Receipt` header and the receipt's body, as Keystone's API reference
/// shows them for multi-factor authentication).
const RECEIPT: &str = r#"{"receipt": {"methods": ["password"],
  "user": {"domain": {"id": "default", "name": "Default"}, "id": "ee4dfb6e5540447cb3741905149d9b6e",
    "name": "member", "password_expires_at": null},
  "expires_at": "2026-12-05T16:00:00.000000Z", "issued_at": "2026-12-05T15:55:00.000000Z"},
  "required_auth_methods": [["password", "totp"]]}"#;

/// An authentication that Keystone (or a proxy before it) answers with an error other than
/// refused credentials is reported with the answer's status and text, for each command: a
/// 502 with a plain-text body and Keystone's JSON 500 are `refused` (8). A 401 asking for a
/// second factor makes the SDK ask its interactive auth helper, which a command line tool run
/// without a terminal does not have: `config` (3), as for other settings the SDK cannot start
/// with (use an application credential for such a user). A connection closed without an
/// answer is `unreachable` (4), naming the identity endpoint. Nothing on stdout.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn keystone_error_answers_are_reported_with_their_status() {
    let (proxy, file) = keystone_proxied();
    // Without a canned answer, the proxy is a working Keystone.
    open_from(&file, "keystone-proxied");
    let cases: [(Message, i32, &[&str]); 3] = [
        (
            answer(
                "502 Bad Gateway",
                &["Content-Type: text/plain"],
                "upstream timeout",
            ),
            8,
            &["keystone-proxied", "refused (HTTP 502): upstream timeout"],
        ),
        (
            answer(
                "500 Internal Server Error",
                &["Content-Type: application/json"],
                r#"{"error": {"code": 500, "title": "Internal Server Error",
                   "message": "An unexpected error prevented the server from fulfilling your request."}}"#,
            ),
            8,
            &[
                "keystone-proxied",
                "refused (HTTP 500): An unexpected error prevented the server",
            ],
        ),
        (
            answer(
                "401 Unauthorized",
                &[
                    "Content-Type: application/json",
                    "Openstack-Auth-Receipt: 8f6bd0c4d73c4d8a9ac5a4de2e1c3f3a",
                ],
                RECEIPT,
            ),
            3,
            &["cannot connect to cloud keystone-proxied"],
        ),
    ];
    let cases = cases.map(|(canned, status, facts)| (Some(canned), status, facts));
    // The connection closed while authenticating (after the version discovery): `unreachable`.
    let dropped: (Option<Message>, i32, &[&str]) = (None, 4, &["keystone-proxied", &proxy.url]);
    for (canned, status, facts) in cases.into_iter().chain([dropped]) {
        *proxy.canned.lock().expect("lock") = Some(("/auth/tokens".to_string(), canned));
        for command in COMMANDS {
            let run = scs_flavor(&[command, "--os-cloud", "keystone-proxied"], &file);
            assert_one_error(&run, status, command);
            for fact in facts {
                assert!(run.2.contains(fact), "{command}: {} lacks {fact:?}", run.2);
            }
            assert_eq!(run.1, "", "{command}");
        }
    }
}

/// Calls that Nova (or a proxy before it) answers with an error page that is not JSON are
/// `refused` (8) with the answer's status, and its text when it is short plain text; a token
/// that Nova refuses during a call (after the SDK authenticated again) is `auth` (5). Nothing
/// is created.
#[test]
#[ignore = "needs a real cloud: run by .ci/cloud.sh"]
fn nova_error_answers_are_reported_with_their_status() {
    let (proxy, _region, file) = proxied(None);
    let mut cloud = open_from(&file, "proxied");
    let page = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to \
                handle this request.\n</body></html>";
    *proxy.canned.lock().expect("lock") = Some((
        "/flavors".to_string(),
        Some(answer(
            "503 Service Unavailable",
            &["Content-Type: text/html"],
            page,
        )),
    ));
    let e = cloud.flavors().expect_err("a listing answered 503");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (CloudErrorKind::Refused, "refused (HTTP 503)")
    );
    *proxy.canned.lock().expect("lock") = Some((
        "/flavors".to_string(),
        Some(answer(
            "502 Bad Gateway",
            &["Content-Type: text/plain"],
            "Bad Gateway",
        )),
    ));
    let name = unique("nova-errors");
    assert_refused(
        cloud.create_flavor(&name, &new_flavor(1, 1024, 0, true)),
        CloudErrorKind::Refused,
        8,
        &["refused (HTTP 502): Bad Gateway"],
        "creating",
    );
    // keystonemiddleware's answer to a token it does not accept.
    let unauthorized = r#"{"error": {"code": 401, "title": "Unauthorized",
        "message": "The request you have made requires authentication."}}"#;
    *proxy.canned.lock().expect("lock") = Some((
        "/flavors".to_string(),
        Some(answer(
            "401 Unauthorized",
            &["Content-Type: application/json"],
            unauthorized,
        )),
    ));
    assert_refused(
        cloud.flavors(),
        CloudErrorKind::Auth,
        5,
        &["HTTP 401"],
        "listing with a refused token",
    );
    let mut admin = open(ADMIN);
    assert!(named(&admin_listing(admin.as_mut()), &name).is_empty());
}
