//! `scs-flavor lint -`: standard input is read up to `scs_flavor_lint::MAX_FILE_BYTES`, like a
//! file: an input of exactly that size is linted whole, one byte more is refused as too large
//! (exit status 2), naming `-` and the limit.

mod common;
use common::run;

use scs_flavor_lint::MAX_FILE_BYTES;

/// A Terraform file of exactly `size` bytes: a comment, then a server whose flavor reference
/// is the last thing in the file.
fn terraform_of_size(size: usize) -> String {
    let server =
        "resource \"openstack_compute_instance_v2\" \"a\" {\n  flavor_name = \"SCS-2V-4-20s\"\n}\n";
    let padding = size - server.len() - "#\n".len();
    format!("#{}\n{server}", "x".repeat(padding))
}

#[test]
fn standard_input_up_to_the_limit_is_linted_whole() {
    let limit = usize::try_from(MAX_FILE_BYTES).expect("limit fits");
    let text = terraform_of_size(limit);
    assert_eq!(text.len(), limit);
    let (code, out, err) = run(&["lint", "-o", "json", "--format", "tf", "-"], &text);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let finding: serde_json::Value = serde_json::from_str(out.trim_end()).expect("one finding");
    assert_eq!(finding["file"], "-");
    assert_eq!(finding["line"], 3);
    assert_eq!(finding["name"], "SCS-2V-4-20s");
}

#[test]
fn one_byte_more_is_refused() {
    let limit = usize::try_from(MAX_FILE_BYTES).expect("limit fits");
    let text = terraform_of_size(limit + 1);
    let (code, out, _) = run(&["lint", "-o", "json", "--format", "tf", "-"], &text);
    assert_eq!(code, 2, "{out}");
    let error: serde_json::Value = serde_json::from_str(out.trim_end()).expect("one error");
    assert_eq!(error["file"], "-");
    assert_eq!(error["level"], "error");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains(&MAX_FILE_BYTES.to_string()), "{message}");
    assert!(out.lines().count() == 1, "{out}");
}
