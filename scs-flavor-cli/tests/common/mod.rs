//! What the CLI test files share.

/// Runs the library entry point with `args` and `stdin`; returns (exit, stdout, stderr).
pub fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("scs-flavor").chain(args.iter().copied());
    let code = scs_flavor_cli::run(argv, &mut stdin.as_bytes(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("utf-8 stdout"),
        String::from_utf8(err).expect("utf-8 stderr"),
    )
}

/// The path of an audit fixture of scs-flavor-audit (not every test file uses it).
#[allow(dead_code)]
pub fn fixture(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../scs-flavor-audit/tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}
