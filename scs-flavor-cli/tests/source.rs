//! Where `audit` and `plan` read a flavor list from when it is not a live cloud: an input that
//! cannot be read is one error line with exit status 2 and nothing on stdout; the line names
//! the file and the reason, and for standard input (`-`, which is no file) the reason alone.
//! The reasons are the operating system's, taken here from `std` itself.

/// Runs the command line with `stdin` as bytes; returns (exit, stdout, stderr).
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("scs-flavor").chain(args.iter().copied());
    let code = scs_flavor_cli::run(argv, &mut &stdin[..], &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("utf-8 stdout"),
        String::from_utf8(err).expect("utf-8 stderr"),
    )
}

#[test]
fn unreadable_standard_input_is_one_line_with_the_reason() {
    let not_utf8: &[u8] = b"[{\"Name\": \"SCS-2V-4\xff\"}]";
    let reason = std::io::read_to_string(not_utf8)
        .expect_err("not UTF-8")
        .to_string();
    for command in ["audit", "plan"] {
        let (code, out, err) = run(&[command, "-"], not_utf8);
        assert_eq!(
            (code, out.as_str(), err),
            (2, "", format!("scs-flavor: {reason}\n")),
            "{command}"
        );
    }
}

#[test]
fn an_unreadable_file_is_named_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("scs-flavor-source-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let missing = dir.join("missing.json");
    let not_utf8 = dir.join("latin1.json");
    std::fs::write(&not_utf8, b"[\xff]").expect("write");
    for path in [&missing, &not_utf8, &dir] {
        let reason = std::fs::read_to_string(path)
            .expect_err("unreadable")
            .to_string();
        let name = path.to_str().expect("utf-8 path");
        for command in ["audit", "plan"] {
            let (code, out, err) = run(&[command, name], b"");
            assert_eq!(
                (code, out.as_str(), err),
                (2, "", format!("scs-flavor: {name}: {reason}\n")),
                "{command} {name}"
            );
        }
    }
}
