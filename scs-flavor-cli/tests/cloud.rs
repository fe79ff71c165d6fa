//! The CLI's live-cloud wiring (`--os-cloud`, `OS_CLOUD`, `apply`, error lines and exit
//! statuses) with an in-memory stand-in for the SDK: it stores flavors and answers the five
//! calls, nothing else; planning, applying and printing are the real code. The real cloud is
//! `.ci/cloud.sh`.

mod common;
use common::{fixture, run};

use std::collections::BTreeMap;

use scs_flavor_audit::{parse_flavors, Cloud, CloudError, CloudErrorKind, CloudFlavor, NewFlavor};

/// Flavors in memory; `refuse` makes every change fail with that kind.
#[derive(Clone, Default)]
struct Memory {
    flavors: Vec<CloudFlavor>,
    next_id: u32,
    refuse: Option<CloudErrorKind>,
}

impl Memory {
    fn from_fixture(name: &str) -> Self {
        let text = std::fs::read_to_string(fixture(name)).expect("fixture");
        Memory {
            flavors: parse_flavors(&text).expect("fixture parses"),
            ..Memory::default()
        }
    }

    fn refused(&self, what: &str) -> Result<(), CloudError> {
        match self.refuse {
            Some(kind) => Err(CloudError::new(kind, format!("{what}: no"))),
            None => Ok(()),
        }
    }

    fn find(&mut self, id: &str) -> Result<&mut CloudFlavor, CloudError> {
        self.flavors
            .iter_mut()
            .find(|f| f.id.as_deref() == Some(id))
            .ok_or_else(|| CloudError::new(CloudErrorKind::Refused, format!("no flavor {id}")))
    }
}

impl Cloud for Memory {
    fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError> {
        Ok(self.flavors.clone())
    }

    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError> {
        self.refused("creating")?;
        self.next_id += 1;
        let id = format!("new-{}", self.next_id);
        self.flavors.push(
            CloudFlavor::new(name, new.vcpus, new.ram_mib, new.disk_gb)
                .with_id(id.clone())
                .with_public(new.public),
        );
        Ok(id)
    }

    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError> {
        self.refused("setting")?;
        let f = self.find(id)?;
        f.extra_specs.extend(properties.clone());
        Ok(())
    }

    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
        self.refused("unsetting")?;
        let f = self.find(id)?;
        for k in keys {
            f.extra_specs.remove(k);
        }
        Ok(())
    }

    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
        self.refused("deleting")?;
        let before = self.flavors.len();
        self.flavors.retain(|f| f.id.as_deref() != Some(id));
        if self.flavors.len() == before {
            return Err(CloudError::new(CloudErrorKind::Refused, "no such flavor"));
        }
        Ok(())
    }
}

/// A `Cloud` that hands out one shared `Memory` (so that a test sees what a run changed).
struct Shared(std::rc::Rc<std::cell::RefCell<Memory>>);

impl Cloud for Shared {
    fn flavors(&mut self) -> Result<Vec<CloudFlavor>, CloudError> {
        self.0.borrow_mut().flavors()
    }
    fn create_flavor(&mut self, name: &str, new: &NewFlavor) -> Result<String, CloudError> {
        self.0.borrow_mut().create_flavor(name, new)
    }
    fn set_properties(
        &mut self,
        id: &str,
        properties: &BTreeMap<String, String>,
    ) -> Result<(), CloudError> {
        self.0.borrow_mut().set_properties(id, properties)
    }
    fn unset_properties(&mut self, id: &str, keys: &[String]) -> Result<(), CloudError> {
        self.0.borrow_mut().unset_properties(id, keys)
    }
    fn delete_flavor(&mut self, id: &str) -> Result<(), CloudError> {
        self.0.borrow_mut().delete_flavor(id)
    }
}

/// Runs `args` against `memory`; returns (exit, stdout, stderr, the names asked for).
fn run_on(
    memory: &std::rc::Rc<std::cell::RefCell<Memory>>,
    args: &[&str],
) -> (i32, String, String, Vec<Option<String>>) {
    let mut names = Vec::new();
    let mut connect = |name: Option<&str>| -> Result<Box<dyn Cloud>, CloudError> {
        names.push(name.map(str::to_string));
        Ok(Box::new(Shared(memory.clone())))
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("scs-flavor").chain(args.iter().copied());
    let code = scs_flavor_cli::run_with(argv, &mut "".as_bytes(), &mut out, &mut err, &mut connect);
    (
        code,
        String::from_utf8(out).expect("utf-8"),
        String::from_utf8(err).expect("utf-8"),
        names,
    )
}

fn shared(memory: Memory) -> std::rc::Rc<std::cell::RefCell<Memory>> {
    std::rc::Rc::new(std::cell::RefCell::new(memory))
}

#[test]
fn audit_and_plan_of_a_live_cloud_print_what_they_print_for_its_file() {
    for name in [
        "contradicting-specs.json",
        "missing-mandatory.json",
        "plan/duplicate-claim.json",
    ] {
        let memory = shared(Memory::from_fixture(name));
        for args in [
            vec!["audit"],
            vec!["audit", "-o", "json"],
            vec!["audit", "--fix"],
            vec!["plan", "--recreate", "--prune", "-o", "json"],
            vec!["plan", "-o", "openstack"],
        ] {
            let file = fixture(name);
            let from_file: Vec<&str> = args.iter().copied().chain([file.as_str()]).collect();
            let live: Vec<&str> = args.iter().copied().chain(["--os-cloud", "c"]).collect();
            let (code, out, err) = run(&from_file, "");
            let (live_code, live_out, live_err, names) = run_on(&memory, &live);
            assert_eq!(
                (live_code, live_out, live_err),
                (code, out, err),
                "{name} {args:?}"
            );
            assert_eq!(names, [Some("c".to_string())]);
        }
    }
}

#[test]
fn without_file_or_os_cloud_the_connector_picks_the_cloud() {
    let memory = shared(Memory::from_fixture("compliant.json"));
    let (code, _, err, names) = run_on(&memory, &["audit"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(names, [None]);
}

#[test]
fn file_and_os_cloud_exclude_each_other() {
    let memory = shared(Memory::default());
    let (code, _, err, names) = run_on(&memory, &["audit", "--os-cloud", "c", "x.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(names.is_empty());
}

#[test]
fn apply_makes_the_audit_pass_and_a_second_apply_does_nothing() {
    let memory = shared(Memory::from_fixture("plan/duplicate-claim.json"));
    let all = ["--recommended", "--recreate", "--prune", "--os-cloud", "c"];
    let args: Vec<&str> = ["apply"].into_iter().chain(all).collect();
    let (code, out, err, _) = run_on(&memory, &args);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("\ndelete flavor SCS-2Q-4 (ID a4)\n"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("create flavor SCS-1L-1 (")),
        "{out}"
    );
    assert!(out.ends_with("changes\n"), "{out}");
    let (code, out, err, _) = run_on(&memory, &["audit", "--os-cloud", "c"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let (code, out, err, _) = run_on(&memory, &args);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "nothing to do\n", "")
    );
    let plan: Vec<&str> = ["plan", "-o", "json"].into_iter().chain(all).collect();
    let (_, out, _, _) = run_on(&memory, &plan);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v, serde_json::json!({"changes": []}));
}

#[test]
fn a_refused_apply_says_what_was_not_done_and_exits_with_the_kind() {
    for kind in [CloudErrorKind::Forbidden, CloudErrorKind::Refused] {
        let memory = shared(Memory {
            refuse: Some(kind),
            ..Memory::from_fixture("missing-mandatory.json")
        });
        let before = memory.borrow().flavors.clone();
        let (code, out, err, _) = run_on(&memory, &["apply", "--os-cloud", "c"]);
        assert_eq!(code, kind.exit_code());
        assert!(
            err.starts_with("scs-flavor: creating flavor SCS-")
                && err.ends_with(": creating: no\n"),
            "{err}"
        );
        assert!(out.contains("\ndone: 0 changes\nnot done: "), "{out}");
        assert!(
            out.contains(&format!("(refused, possibly in part: {})", kind.as_str())),
            "{out}"
        );
        assert_eq!(memory.borrow().flavors, before);
    }
}

#[test]
fn connection_errors_are_one_line_with_the_kind_s_status() {
    for kind in [
        CloudErrorKind::Config,
        CloudErrorKind::Unreachable,
        CloudErrorKind::Auth,
        CloudErrorKind::NoCompute,
    ] {
        for command in ["audit", "plan", "apply"] {
            let mut connect = |_: Option<&str>| -> Result<Box<dyn Cloud>, CloudError> {
                Err(CloudError::new(kind, "it failed"))
            };
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let argv = ["scs-flavor", command, "--os-cloud", "c"];
            let code = scs_flavor_cli::run_with(
                argv,
                &mut "".as_bytes(),
                &mut out,
                &mut err,
                &mut connect,
            );
            assert_eq!(code, kind.exit_code(), "{command}");
            assert_eq!(String::from_utf8_lossy(&err), "scs-flavor: it failed\n");
            assert!(out.is_empty());
        }
    }
}
