//! The live-cloud contract of `cloud.rs`, pinned from what it documents (the `Cloud` trait,
//! `CloudErrorKind`, `apply`, `Applied`): exit statuses 3–8 by kind and the kinds' JSON
//! names; `apply` announces each call before making it, makes one call per extra spec to
//! delete, sets a created flavor's extra specs under the ID the cloud gave it, finds a flavor
//! without an ID by its name, stops at the first refused call and splits the changes into
//! done, failed and not done; the summary counts and lists them as its documentation says.
//!
//! The cloud here is a test double of the trait: it records the calls it receives and
//! refuses the one it is told to. The real clouds (Keystone + Nova through `openstack_sdk`
//! and `openstacksdk`) are tested in `.ci/cloud.sh`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use scs_flavor_audit::{
    apply, list_flavors, Applied, Change, ChangeKind, Cloud, CloudError, CloudErrorKind,
    CloudFlavor, NewFlavor, Plan, Refusal, Step, LISTING,
};

/// What `Cloud::flavors` lists.
type Listed = CloudFlavor;

/// A listed flavor with Nova's ID.
fn listed(name: &str, id: &str) -> Listed {
    CloudFlavor::new(name, 2, 4096, 20).with_id(id)
}

/// Every kind with the exit status and JSON name the contract gives it.
const KINDS: [(CloudErrorKind, i32, &str); 6] = [
    (CloudErrorKind::Config, 3, "config"),
    (CloudErrorKind::Unreachable, 4, "unreachable"),
    (CloudErrorKind::Auth, 5, "auth"),
    (CloudErrorKind::Forbidden, 6, "forbidden"),
    (CloudErrorKind::NoCompute, 7, "no-compute"),
    (CloudErrorKind::Refused, 8, "refused"),
];

/// A cloud that records each call (`call …`) in a log it shares with the progress callback
/// (`step …`), and refuses the first call whose record starts with `refuse`'s prefix.
#[derive(Default)]
struct Recorder {
    log: Rc<RefCell<Vec<String>>>,
    listing: Vec<Listed>,
    refuse: Option<(String, CloudError)>,
    created: u32,
}

impl Recorder {
    fn refusing(prefix: &str, error: CloudError) -> Self {
        Recorder {
            refuse: Some((prefix.to_string(), error)),
            ..Recorder::default()
        }
    }

    fn call(&mut self, call: String) -> Result<(), CloudError> {
        let refused = match &self.refuse {
            Some((prefix, error)) if call.starts_with(prefix.as_str()) => Some(error.clone()),
            _ => None,
        };
        self.log.borrow_mut().push(format!("call {call}"));
        if let Some(error) = refused {
            self.refuse = None;
            return Err(error);
        }
        Ok(())
    }
}

fn key_values(map: &BTreeMap<String, String>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

impl Cloud for Recorder {
    fn flavors(&mut self) -> Result<Vec<Listed>, CloudError> {
        self.call("list".to_string())?;
        Ok(self.listing.clone())
    }

    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError> {
        let public = if new.public { "public" } else { "private" };
        self.call(format!(
            "create {name} {} {} {} {public}",
            new.vcpus, new.ram_mib, new.disk_gb
        ))?;
        self.created += 1;
        Ok(format!("new-{}", self.created))
    }

    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError> {
        self.call(format!("set {id} {}", key_values(properties)))
    }

    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
        self.call(format!("unset {id} {}", keys.join(",")))
    }

    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
        self.call(format!("delete {id}"))
    }
}

fn specs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn change(kind: ChangeKind, flavor: &str, id: Option<&str>) -> Change {
    Change {
        kind,
        flavor: flavor.to_string(),
        id: id.map(str::to_string),
        what: format!("the change of {flavor}"),
        why: Vec::new(),
        create: None,
        set: BTreeMap::new(),
        unset: Vec::new(),
    }
}

fn new_flavor(public: bool, properties: &[(&str, &str)]) -> NewFlavor {
    NewFlavor {
        vcpus: 2,
        ram_mib: 4096,
        disk_gb: 20,
        public,
        properties: specs(properties),
    }
}

fn properties(flavor: &str, id: Option<&str>, unset: &[&str], set: &[(&str, &str)]) -> Change {
    Change {
        unset: unset.iter().map(|k| k.to_string()).collect(),
        set: specs(set),
        ..change(ChangeKind::Properties, flavor, id)
    }
}

fn create(flavor: &str, public: bool, properties: &[(&str, &str)]) -> Change {
    Change {
        create: Some(new_flavor(public, properties)),
        ..change(ChangeKind::Create, flavor, None)
    }
}

fn recreate(flavor: &str, id: &str, properties: &[(&str, &str)]) -> Change {
    Change {
        create: Some(new_flavor(true, properties)),
        ..change(ChangeKind::Recreate, flavor, Some(id))
    }
}

/// What one run of `apply` did and showed.
struct Run {
    applied: Applied,
    /// The steps and calls in the order they happened.
    log: Vec<String>,
    /// Each step's change.
    step_changes: Vec<Change>,
}

fn apply_plan(cloud: &mut Recorder, changes: &[Change]) -> Run {
    let plan = Plan {
        changes: changes.to_vec(),
    };
    let log = cloud.log.clone();
    let mut step_changes = Vec::new();
    let applied = apply(cloud, &plan, &mut |step: &Step<'_>| {
        // A step prints as what it does.
        assert_eq!(step.to_string(), step.what);
        step_changes.push(step.change.clone());
        log.borrow_mut().push(format!("step {}", step.what));
    });
    let log = cloud.log.borrow().clone();
    Run {
        applied,
        log,
        step_changes,
    }
}

/// An expected log entry: a step that states these facts, or this exact call.
enum Entry<'a> {
    Step(&'a [&'a str]),
    Call(&'a str),
}

fn assert_log(log: &[String], expected: &[Entry<'_>]) {
    assert_eq!(log.len(), expected.len(), "{log:#?}");
    for (entry, expected) in log.iter().zip(expected) {
        match expected {
            Entry::Step(facts) => {
                let what = entry
                    .strip_prefix("step ")
                    .unwrap_or_else(|| panic!("a step expected, not {entry:?}: {log:#?}"));
                for fact in *facts {
                    assert!(what.contains(fact), "step {what:?} does not say {fact:?}");
                }
            }
            Entry::Call(call) => assert_eq!(entry, &format!("call {call}"), "{log:#?}"),
        }
    }
}

#[test]
fn each_kind_has_its_documented_exit_status_and_name() {
    for (kind, status, name) in KINDS {
        assert_eq!(kind.exit_code(), status, "{kind:?}");
        assert_eq!(kind.as_str(), name, "{kind:?}");
        assert_eq!(CloudErrorKind::from_name(name), Some(kind));
        assert_eq!(
            serde_json::from_value::<CloudErrorKind>(serde_json::Value::from(name)).ok(),
            Some(kind)
        );
    }
    for name in ["", "Config", "no_compute", "http"] {
        assert_eq!(CloudErrorKind::from_name(name), None, "{name}");
    }
}

#[test]
fn an_error_is_one_line_and_keeps_its_kind_when_said_where_it_happened() {
    for (kind, _, _) in KINDS {
        let e = CloudError::new(kind, "the server\n\tsaid  no").during("doing x");
        assert_eq!(e.kind, kind);
        assert_eq!(e.to_string(), "doing x: the server said no");
    }
}

/// Every kind of change, in order: a progress line before each call, the calls a change
/// needs (a re-creation deletes first; one call per extra spec to delete; the extra specs of
/// a new flavor are set under the ID the cloud returned), and nothing for a decision.
#[test]
fn each_call_is_announced_before_it_is_made() {
    let changes = [
        change(ChangeKind::Delete, "SCS-1V-2", Some("1")),
        recreate("SCS-2V-4", "2", &[("scs:cpu-type", "shared-core")]),
        properties(
            "SCS-4V-8",
            Some("3"),
            &["hw:a", "hw:b"],
            &[("scs:cpu-type", "shared-core"), ("scs:name-v2", "SCS-4V-8")],
        ),
        properties("SCS-4V-16", Some("4"), &["hw:c"], &[]),
        properties("SCS-8V-16", Some("5"), &[], &[("scs:name-v1", "SCS-8V:16")]),
        change(ChangeKind::Decide, "SCS-2V-3", Some("6")),
        create("SCS-1L-1", true, &[("scs:name-v2", "SCS-1L-1")]),
        create("SCS-16V-32", false, &[]),
    ];
    let mut cloud = Recorder::default();
    let run = apply_plan(&mut cloud, &changes);
    assert_log(
        &run.log,
        &[
            Entry::Step(&["delete", "SCS-1V-2", "1"]),
            Entry::Call("delete 1"),
            Entry::Step(&["delete", "SCS-2V-4", "2"]),
            Entry::Call("delete 2"),
            Entry::Step(&[
                "create", "SCS-2V-4", "2 vCPUs", "4096 MiB", "20 GB", "public",
            ]),
            Entry::Call("create SCS-2V-4 2 4096 20 public"),
            Entry::Step(&["SCS-2V-4", "new-1", "scs:cpu-type=shared-core"]),
            Entry::Call("set new-1 scs:cpu-type=shared-core"),
            Entry::Step(&["unset", "SCS-4V-8", "3", "hw:a", "hw:b"]),
            Entry::Call("unset 3 hw:a"),
            Entry::Call("unset 3 hw:b"),
            Entry::Step(&[
                "set",
                "SCS-4V-8",
                "3",
                "scs:cpu-type=shared-core",
                "scs:name-v2=SCS-4V-8",
            ]),
            Entry::Call("set 3 scs:cpu-type=shared-core,scs:name-v2=SCS-4V-8"),
            Entry::Step(&["unset", "SCS-4V-16", "4", "hw:c"]),
            Entry::Call("unset 4 hw:c"),
            Entry::Step(&["set", "SCS-8V-16", "5", "scs:name-v1=SCS-8V:16"]),
            Entry::Call("set 5 scs:name-v1=SCS-8V:16"),
            Entry::Step(&["create", "SCS-1L-1", "public"]),
            Entry::Call("create SCS-1L-1 2 4096 20 public"),
            Entry::Step(&["SCS-1L-1", "new-2", "scs:name-v2=SCS-1L-1"]),
            Entry::Call("set new-2 scs:name-v2=SCS-1L-1"),
            Entry::Step(&["create", "SCS-16V-32", "private"]),
            Entry::Call("create SCS-16V-32 2 4096 20 private"),
        ],
    );
    // Each step belongs to the change it carries out.
    let step_flavors: Vec<&str> = run.step_changes.iter().map(|c| c.flavor.as_str()).collect();
    assert_eq!(
        step_flavors,
        [
            "SCS-1V-2",
            "SCS-2V-4",
            "SCS-2V-4",
            "SCS-2V-4",
            "SCS-4V-8",
            "SCS-4V-8",
            "SCS-4V-16",
            "SCS-8V-16",
            "SCS-1L-1",
            "SCS-1L-1",
            "SCS-16V-32",
        ]
    );
    for c in &run.step_changes {
        assert!(changes.contains(c), "{c:?}");
    }
    assert_eq!(
        run.applied,
        Applied {
            done: changes.to_vec(),
            failed: None,
            not_done: Vec::new(),
        }
    );
}

/// A plan made from a file without IDs: the flavor is found by its name in the cloud's
/// listing; a creation needs no lookup.
#[test]
fn a_change_without_an_id_finds_its_flavor_by_name() {
    let mut cloud = Recorder {
        listing: vec![
            listed("SCS-1V-2", "1"),
            listed("SCS-2V-4", "2"),
            listed("SCS-4V-8", "3"),
        ],
        ..Recorder::default()
    };
    let changes = [
        properties("SCS-2V-4", None, &["hw:a"], &[]),
        change(ChangeKind::Delete, "SCS-4V-8", None),
        create("SCS-1L-1", true, &[]),
    ];
    let run = apply_plan(&mut cloud, &changes);
    assert_log(
        &run.log,
        &[
            Entry::Call("list"),
            Entry::Step(&["unset", "SCS-2V-4", "2", "hw:a"]),
            Entry::Call("unset 2 hw:a"),
            Entry::Call("list"),
            Entry::Step(&["delete", "SCS-4V-8", "3"]),
            Entry::Call("delete 3"),
            Entry::Step(&["create", "SCS-1L-1"]),
            Entry::Call("create SCS-1L-1 2 4096 20 public"),
        ],
    );
    assert_eq!(run.applied.done, changes);
    assert_eq!(run.applied.failed, None);
}

/// A flavor the listing does not have cannot be changed: a refusal that names it; a failed
/// listing is said to have failed while listing, with its own kind.
#[test]
fn a_flavor_that_cannot_be_found_is_a_refusal() {
    let mut cloud = Recorder {
        listing: vec![listed("SCS-1V-2", "1")],
        ..Recorder::default()
    };
    let missing = change(ChangeKind::Delete, "SCS-2V-4", None);
    let run = apply_plan(&mut cloud, std::slice::from_ref(&missing));
    assert_log(&run.log, &[Entry::Call("list")]);
    let refusal = run.applied.failed.expect("refused");
    assert_eq!(refusal.change, missing);
    assert_eq!(refusal.error.kind, CloudErrorKind::Refused);
    assert!(refusal.error.message.contains("SCS-2V-4"), "{refusal:?}");

    for (kind, _, _) in KINDS {
        let error = CloudError::new(kind, "it failed");
        let mut cloud = Recorder::refusing("list", error.clone());
        let run = apply_plan(&mut cloud, std::slice::from_ref(&missing));
        let refusal = run.applied.failed.expect("refused");
        assert_eq!(refusal.error, error.clone().during(LISTING));
        assert!(refusal.error.message.starts_with(LISTING));
        let mut cloud = Recorder::refusing("list", error.clone());
        assert_eq!(list_flavors(&mut cloud), Err(error.during(LISTING)));
    }
    let mut cloud = Recorder {
        listing: vec![listed("SCS-1V-2", "1")],
        ..Recorder::default()
    };
    assert_eq!(list_flavors(&mut cloud), Ok(vec![listed("SCS-1V-2", "1")]));
}

/// The first refused call ends the run: nothing is called after it; the changes before it
/// are done, the refused one failed with the call's kind (the command's exit status), the
/// rest are not done, in the plan's order. The error says which call failed.
#[test]
fn apply_stops_at_the_first_refused_call() {
    let changes = [
        properties("SCS-1V-2", Some("1"), &["hw:a"], &[]),
        change(ChangeKind::Decide, "SCS-2V-3", Some("9")),
        properties(
            "SCS-2V-4",
            Some("2"),
            &["hw:a", "hw:b", "hw:c"],
            &[("k", "v")],
        ),
        create("SCS-1L-1", true, &[("scs:name-v2", "SCS-1L-1")]),
        change(ChangeKind::Decide, "SCS-4V-7", Some("8")),
        change(ChangeKind::Delete, "SCS-4V-8", Some("3")),
    ];
    for (kind, _, _) in KINDS {
        // The second key's deletion is refused: the first was deleted, the third and the set
        // are not attempted.
        let error = CloudError::new(kind, "no");
        let mut cloud = Recorder::refusing("unset 2 hw:b", error.clone());
        let run = apply_plan(&mut cloud, &changes);
        assert_log(
            &run.log,
            &[
                Entry::Step(&["SCS-1V-2", "hw:a"]),
                Entry::Call("unset 1 hw:a"),
                Entry::Step(&["SCS-2V-4", "hw:a", "hw:b", "hw:c"]),
                Entry::Call("unset 2 hw:a"),
                Entry::Call("unset 2 hw:b"),
            ],
        );
        let Applied {
            done,
            failed,
            not_done,
        } = run.applied;
        assert_eq!(done, changes[..2]);
        let Some(Refusal { change, error: e }) = failed else {
            panic!("not refused")
        };
        assert_eq!(change, changes[2]);
        assert_eq!(e.kind, kind);
        assert!(e.message.ends_with(": no"), "{e:?}");
        for fact in ["hw:b", "2"] {
            assert!(e.message.contains(fact), "{e:?} does not name {fact}");
        }
        assert_eq!(not_done, changes[3..]);
    }

    // A refused creation sets no extra specs; a refused setting names the new flavor's ID.
    for (refuse, log_end, facts) in [
        (
            "create",
            "create SCS-1L-1 2 4096 20 public",
            ["SCS-1L-1", "creat"],
        ),
        (
            "set new-1",
            "set new-1 scs:name-v2=SCS-1L-1",
            ["new-1", "set"],
        ),
        ("set 2", "set 2 k=v", ["2", "set"]),
        ("delete 3", "delete 3", ["3", "delet"]),
    ] {
        let mut cloud = Recorder::refusing(refuse, CloudError::http(403, "Policy says no"));
        let run = apply_plan(&mut cloud, &changes);
        assert_eq!(
            run.log.last().map(String::as_str),
            Some(&*format!("call {log_end}"))
        );
        let refusal = run.applied.failed.expect("refused");
        assert_eq!(refusal.error.kind, CloudErrorKind::Forbidden);
        for fact in facts {
            assert!(
                refusal.error.message.contains(fact),
                "{refusal:?} does not say {fact}"
            );
        }
        assert!(refusal.error.message.ends_with("Policy says no"));
        let at = changes
            .iter()
            .position(|c| *c == refusal.change)
            .expect("a change of the plan");
        assert_eq!(run.applied.done, changes[..at]);
        assert_eq!(run.applied.not_done, changes[at + 1..]);
    }
}

/// The summary: `nothing to do`; else how many changes were made (decisions are not
/// changes), and after a refusal which were made, which were not (the refused one first,
/// marked as possibly partly done, with its kind), and the decisions left, done or not.
#[test]
fn the_summary_says_what_was_done_and_what_was_not() {
    assert_eq!(Applied::default().to_string(), "nothing to do\n");
    let p = properties("SCS-1V-2", Some("1"), &["hw:a"], &[]);
    let c = create("SCS-1L-1", true, &[]);
    let d = change(ChangeKind::Delete, "SCS-4V-8", Some("3"));
    let r = recreate("SCS-2V-4", "2", &[]);
    let decide_a = change(ChangeKind::Decide, "SCS-2V-3", Some("9"));
    let decide_b = change(ChangeKind::Decide, "SCS-4V-7", Some("8"));

    // Only decisions: nothing was to be made, but they are left to decide.
    let only_decisions = Applied {
        done: vec![decide_a.clone()],
        ..Applied::default()
    };
    assert_eq!(
        only_decisions.to_string(),
        "done: 0 changes\n\
         left to decide: 1 flavors\n  decide SCS-2V-3: the change of SCS-2V-3\n"
    );

    // Everything made: the count of changes (not the decision), then the decision.
    let all_done = Applied {
        done: vec![p.clone(), decide_a.clone(), c.clone()],
        ..Applied::default()
    };
    assert_eq!(
        all_done.to_string(),
        "done: 2 changes\n\
         left to decide: 1 flavors\n  decide SCS-2V-3: the change of SCS-2V-3\n"
    );

    // Refused: what was made, then the refused change and the rest, then every decision.
    for (kind, _, name) in KINDS {
        let refused = Applied {
            done: vec![p.clone(), decide_a.clone()],
            failed: Some(Refusal {
                change: r.clone(),
                error: CloudError::new(kind, "deleting flavor 2: no"),
            }),
            not_done: vec![c.clone(), decide_b.clone(), d.clone()],
        };
        assert_eq!(
            refused.to_string(),
            format!(
                "done: 1 changes\n  properties SCS-1V-2: the change of SCS-1V-2\n\
                 not done: 3 changes\n  recreate SCS-2V-4: the change of SCS-2V-4 (refused, \
                 possibly in part: {name})\n  create SCS-1L-1: the change of SCS-1L-1\n  \
                 delete SCS-4V-8: the change of SCS-4V-8\n\
                 left to decide: 2 flavors\n  decide SCS-2V-3: the change of SCS-2V-3\n  \
                 decide SCS-4V-7: the change of SCS-4V-7\n"
            )
        );
    }

    // The very first change refused: nothing made, the refused one is not done.
    let first_refused = Applied {
        done: Vec::new(),
        failed: Some(Refusal {
            change: d.clone(),
            error: CloudError::http(403, "no"),
        }),
        not_done: Vec::new(),
    };
    assert_eq!(
        first_refused.to_string(),
        "done: 0 changes\nnot done: 1 changes\n  delete SCS-4V-8: the change of SCS-4V-8 \
         (refused, possibly in part: forbidden)\n"
    );
}
