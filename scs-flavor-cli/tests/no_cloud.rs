//! A build without the `cloud` feature (as the Python wheel builds the CLI): every command
//! that would open a live cloud stops with one `config` error line (exit status 3) saying
//! that this build has no cloud support; files are read as usual.
#![cfg(not(feature = "cloud"))]

mod common;
use common::{fixture, run};

#[test]
fn every_live_cloud_is_a_configuration_error() {
    for args in [
        &["audit", "--os-cloud", "prod"][..],
        &["audit"][..],
        &["plan", "--os-cloud", "prod"][..],
        &["apply", "--os-cloud", "prod"][..],
        &["apply"][..],
    ] {
        let (code, out, err) = run(args, "");
        assert_eq!((code, out.as_str()), (3, ""), "{args:?}: {err}");
        assert!(
            err.starts_with("scs-flavor: ") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(err.contains("without cloud support"), "{args:?}: {err}");
    }
    let (code, _, err) = run(&["audit", &fixture("compliant.json")], "");
    assert_eq!((code, err.as_str()), (0, ""));
}
