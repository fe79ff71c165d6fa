//! The `scs-flavor` command.

use std::io::{self, Write};

fn main() {
    let stdin = io::stdin();
    let mut stdout = io::stdout().lock();
    let mut stderr = io::stderr().lock();
    let code = scs_flavor_cli::run(
        std::env::args_os(),
        &mut stdin.lock(),
        &mut stdout,
        &mut stderr,
    );
    // Nothing useful can be done if flushing fails (e.g. a closed pipe).
    let _ = stdout.flush();
    std::process::exit(code);
}
