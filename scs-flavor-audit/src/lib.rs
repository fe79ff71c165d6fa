//! Audit an OpenStack cloud's flavors offline against the [Sovereign Cloud Stack] standards
//! scs-0100 (flavor naming) and scs-0103 (standard flavors), derive the `extra_specs` fixes,
//! and select the flavor that fits given requirements best.
//!
//! The official certification tests (`openstack_test.py`) need a live cloud and crash on some
//! names; this crate reads the flavor list the OpenStack client prints and never panics.
//!
//! ```
//! use scs_flavor_audit::{audit, parse_flavors, select, Gib, Requirements};
//!
//! let cloud = parse_flavors(r#"[
//!   {"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0,
//!    "Properties": {"scs:cpu-type": "shared-core", "scs:name-v1": "SCS-2V:4", "scs:name-v2": "SCS-2V-4"}},
//!   {"Name": "SCS-4V-16-100s", "VCPUs": 4, "RAM": 16000, "Disk": 100, "Properties": {}}
//! ]"#)?;
//! let report = audit(&cloud);
//! assert_eq!(report.tests[0].to_string(), "scs-0100-syntax-check: PASS");
//! assert_eq!(report.tests[1].to_string(), "scs-0100-semantics-check: FAIL");
//! assert!(!report.passed);
//! assert_eq!(
//!     report.fixes[0].command,
//!     "openstack flavor set --property scs:cpu-type=shared-core SCS-4V-16-100s"
//! );
//!
//! let need = Requirements { cpus: 2, ram_gib: Gib::whole(4), ..Requirements::default() };
//! let choice = select(&need, ["SCS-4V-16-100s", "SCS-2V-4", "SCS-2V-8"]);
//! assert_eq!(choice.matches[0].name, "SCS-2V-4");
//! # Ok::<(), scs_flavor_audit::InputError>(())
//! ```
//!
//! [Sovereign Cloud Stack]: https://scs.community
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod audit;
mod cloud;
mod input;
mod lint;
mod plan;
mod requirements;
mod select;

pub use audit::{
    apply_fixes, audit, checker_ram_gib, shell_quote, standard_test_id, Audit, Finding,
    FindingKind, Fix, FixAction, Severity, Status, TestCase, EXTRA_SPECS_CHECK,
    RECOMMENDED_DISK_SIZES, SEMANTICS_CHECK, STRATEGY, SYNTAX_CHECK, UNIQUE_CHECK,
};
pub use cloud::{
    apply, list_flavors, Applied, Cloud, CloudError, CloudErrorKind, Refusal, Step, LISTING,
};
pub use input::{flavors_from_value, parse_flavors, parse_properties, CloudFlavor, InputError};
pub use lint::{
    alternatives, lint_name, lint_unresolved, Alternative, NameLint, ReferenceStatus,
    MAX_ALTERNATIVES,
};
pub use plan::{
    osism_definitions, plan, standard_new_flavor, Change, ChangeKind, NewFlavor, OsismDefinitions,
    OsismField, OsismFlavor, Plan, PlanOptions,
};
pub use requirements::{Arch, Gib, NotGib, RequirementInfo, RequirementKind, Requirements, ARCH};
pub use select::{cost, select, select_flavors, Excess, Extra, Match, Rejection, Selection};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
