//! The `openstack_sdk` connector of the `cloud` feature, where no cloud is needed to judge it:
//! how the cloud is chosen (`--os-cloud`, `OS_CLOUD`, the `OS_*` environment, a
//! `clouds.yaml` named by `OS_CLIENT_CONFIG_FILE`), and the configuration (3) and unreachable
//! (4) errors, each one line on stderr with its kind's exit status and nothing on stdout. The
//! endpoint is a closed port on 127.0.0.1. Answers of a real Keystone and Nova (credentials,
//! permissions, the catalog, the flavor calls) are tested in `.ci/cloud.sh`.
//!
//! The built `scs-flavor` binary runs in an empty environment with its own home and working
//! directory, so that no `clouds.yaml` of the machine is read.
#![cfg(feature = "cloud")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("scs-flavor-connect-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// Runs `scs-flavor ARGS` in `dir` with only `env` set (and HOME = `dir`); returns (exit
/// status, stdout, stderr).
fn scs_flavor(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scs-flavor"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .envs(env.iter().copied())
        .output()
        .expect("scs-flavor runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The commands that open a cloud.
const COMMANDS: [&[&str]; 3] = [&["audit"], &["plan"], &["apply"]];

/// Asserts one error line `scs-flavor: …` stating `facts`, the status, and empty stdout.
fn assert_error(run: (i32, String, String), status: i32, facts: &[&str], context: &str) {
    let (code, out, err) = run;
    assert_eq!(code, status, "{context}: {err}");
    assert_eq!(out, "", "{context}");
    assert!(err.starts_with("scs-flavor: "), "{context}: {err}");
    assert!(
        err.ends_with('\n') && err.lines().count() == 1,
        "{context}: {err}"
    );
    for fact in facts {
        assert!(
            err.contains(fact),
            "{context}: {err:?} does not say {fact:?}"
        );
    }
}

/// `clouds.yaml` with the cloud `name` whose identity endpoint is `auth_url`.
fn clouds_yaml(dir: &Path, name: &str, auth_url: &str) -> PathBuf {
    let file = dir.join("my-clouds.yaml");
    std::fs::write(
        &file,
        format!(
            "clouds:\n  {name}:\n    auth:\n      auth_url: {auth_url}\n      username: u\n      \
             password: p\n      project_name: p\n      user_domain_name: Default\n      \
             project_domain_name: Default\n    region_name: RegionOne\n"
        ),
    )
    .expect("clouds.yaml");
    file
}

#[test]
fn without_a_cloud_name_or_os_auth_url_no_cloud_is_given() {
    let dir = scratch("none");
    for command in COMMANDS {
        for env in [&[][..], &[("OS_CLOUD", "")][..]] {
            assert_error(
                scs_flavor(&dir, command, env),
                3,
                &["no cloud given", "--os-cloud", "OS_CLOUD", "OS_AUTH_URL"],
                &format!("{command:?} {env:?}"),
            );
        }
    }
}

/// `--os-cloud NAME` and `OS_CLOUD=NAME` name a cloud of clouds.yaml; one it does not have
/// is named in the error, with the file `OS_CLIENT_CONFIG_FILE` names.
#[test]
fn an_unknown_cloud_is_named_with_the_file_searched() {
    let dir = scratch("unknown");
    let file = clouds_yaml(&dir, "other", "http://127.0.0.1:1/v3");
    let file = file.to_str().expect("utf-8 path");
    for command in COMMANDS {
        let by_option: Vec<&str> = command
            .iter()
            .copied()
            .chain(["--os-cloud", "prod"])
            .collect();
        for (args, env) in [
            (by_option.as_slice(), vec![("OS_CLIENT_CONFIG_FILE", file)]),
            (
                command,
                vec![("OS_CLIENT_CONFIG_FILE", file), ("OS_CLOUD", "prod")],
            ),
        ] {
            assert_error(
                scs_flavor(&dir, args, &env),
                3,
                &["no cloud named \"prod\"", file, "OS_CLIENT_CONFIG_FILE"],
                &format!("{args:?} {env:?}"),
            );
        }
        // Without OS_CLIENT_CONFIG_FILE, the default places are named.
        assert_error(
            scs_flavor(&dir, &by_option, &[]),
            3,
            &[
                "no cloud named \"prod\"",
                "clouds.yaml",
                "~/.config/openstack",
            ],
            &format!("{by_option:?}"),
        );
    }
}

/// A clouds.yaml that is not YAML is a configuration error that says it is about clouds.yaml;
/// so is an OS_CLIENT_CONFIG_FILE that does not exist.
#[test]
fn an_unreadable_clouds_yaml_is_a_configuration_error() {
    let dir = scratch("unreadable");
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "clouds: [unclosed\n  - {\n").expect("write");
    let missing = dir.join("missing.yaml");
    for file in [&bad, &missing] {
        let env = [("OS_CLIENT_CONFIG_FILE", file.to_str().expect("utf-8"))];
        assert_error(
            scs_flavor(&dir, &["audit", "--os-cloud", "prod"], &env),
            3,
            &["clouds.yaml: "],
            &format!("{file:?}"),
        );
    }
}

/// Asserts that `err` says why after `endpoint: ` (the SDK's words, so only that it does).
fn assert_cause_after(err: &str, endpoint: &str) {
    let cause = err
        .split_once(&format!("{endpoint}: "))
        .map_or("", |(_, cause)| cause.trim());
    assert!(!cause.is_empty(), "no cause after {endpoint}: {err}");
}

/// A cloud whose identity endpoint does not answer: `unreachable` (4), naming the cloud, the
/// endpoint and, after it, the cause (worded by the SDK); the same through the `OS_*` environment, named as such.
#[test]
fn an_endpoint_that_does_not_answer_is_unreachable() {
    let dir = scratch("closed");
    let auth_url = format!("http://127.0.0.1:{}/v3", closed_port());
    let file = clouds_yaml(&dir, "closed", &auth_url);
    let file = file.to_str().expect("utf-8 path");
    for command in COMMANDS {
        let args: Vec<&str> = command
            .iter()
            .copied()
            .chain(["--os-cloud", "closed"])
            .collect();
        let run = scs_flavor(&dir, &args, &[("OS_CLIENT_CONFIG_FILE", file)]);
        assert_cause_after(&run.2, &auth_url);
        assert_error(
            run,
            4,
            &["cannot reach cloud closed", &format!("{auth_url}: ")],
            &format!("{args:?}"),
        );
        let env = [
            ("OS_AUTH_URL", auth_url.as_str()),
            ("OS_USERNAME", "u"),
            ("OS_PASSWORD", "p"),
            ("OS_PROJECT_NAME", "p"),
            ("OS_USER_DOMAIN_NAME", "Default"),
            ("OS_PROJECT_DOMAIN_NAME", "Default"),
        ];
        let run = scs_flavor(&dir, command, &env);
        assert_cause_after(&run.2, &auth_url);
        assert_error(
            run,
            4,
            &[
                "cannot reach cloud from the OS_* environment",
                &format!("{auth_url}: "),
            ],
            &format!("{command:?} OS_*"),
        );
    }
}

/// A file argument never opens a cloud, even with OS_CLOUD set.
#[test]
fn a_file_is_read_without_a_cloud() {
    let dir = scratch("file");
    std::fs::write(dir.join("empty.json"), "[]").expect("write");
    let (code, _, err) = scs_flavor(&dir, &["plan", "empty.json"], &[("OS_CLOUD", "prod")]);
    assert_eq!((code, err.as_str()), (0, ""));
}
