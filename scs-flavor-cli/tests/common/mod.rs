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
