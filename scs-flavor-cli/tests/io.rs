//! Output errors: a reader that stops reading (`scs-flavor … | head`) is no error; any other
//! write error is reported on stderr with a failing exit status.

use std::io::{self, Write};

/// A stdout that fails every write with `kind`.
struct Failing(io::ErrorKind);

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, "simulated"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::new(self.0, "simulated"))
    }
}

fn run(kind: io::ErrorKind) -> (i32, String) {
    let mut err = Vec::new();
    let args = ["scs-flavor", "-v", "parse", "v3", "SCS-2V-4", "SCS-4V-16"];
    let code = scs_flavor_cli::run(args, &mut &b""[..], &mut Failing(kind), &mut err);
    (code, String::from_utf8(err).expect("utf-8 stderr"))
}

#[test]
fn a_closed_pipe_ends_quietly() {
    assert_eq!(run(io::ErrorKind::BrokenPipe), (0, String::new()));
}

#[test]
fn other_write_errors_are_reported() {
    let (code, err) = run(io::ErrorKind::Other);
    assert_ne!(code, 0);
    assert!(
        err.starts_with("scs-flavor: ") && err.contains("simulated"),
        "{err:?}"
    );
}
