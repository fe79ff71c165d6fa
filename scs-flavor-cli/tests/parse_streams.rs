//! `parse` buffers standard output (issue 12) but keeps its lines and those on standard error in
//! the order the names come: both streams are one shared log here, as a terminal shows them.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// One side of a shared log: every write appends to it, tagged with the stream's name.
struct Side {
    log: Rc<RefCell<Vec<(char, u8)>>>,
    tag: char,
}

impl Write for Side {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.log
            .borrow_mut()
            .extend(buf.iter().map(|&b| (self.tag, b)));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The lines of the shared log, each as `"o: …"` (standard output) or `"e: …"`.
fn interleaved(args: &[&str], stdin: &str) -> (i32, Vec<String>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut out = Side {
        log: Rc::clone(&log),
        tag: 'o',
    };
    let mut err = Side {
        log: Rc::clone(&log),
        tag: 'e',
    };
    let mut argv = vec!["scs-flavor"];
    argv.extend_from_slice(args);
    let code = scs_flavor_cli::run(argv, &mut stdin.as_bytes(), &mut out, &mut err);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut tag = None;
    for &(t, b) in log.borrow().iter() {
        // A line is written to one stream only.
        assert!(
            tag.is_none() || tag == Some(t),
            "a line split across streams"
        );
        tag = Some(t);
        if b == b'\n' {
            lines.push(format!("{t}: {line}"));
            line.clear();
            tag = None;
        } else {
            line.push(char::from(b));
        }
    }
    assert!(line.is_empty(), "unterminated line {line:?}");
    (code, lines)
}

#[test]
fn stdout_and_stderr_lines_keep_the_order_of_the_names() {
    let names = "SCS-2V-4\nSCS-04V-8\nm1.large\nSCS-2V-4_i7\nSCS-2V-4-20s\nSCS-4V-8\n";
    let (code, lines) = interleaved(&["-v", "parse", "v3", "-"], names);
    assert_eq!(code, 1);
    let tags: Vec<&str> = lines.iter().map(|l| &l[..1]).collect();
    // OK, warning + OK, not SCS, caret (stderr, several lines) + message, OK, OK.
    assert_eq!(lines[0], "o: OK: SCS-2V-4");
    assert!(lines[1].starts_with("e: WARNING: ") && lines[1].ends_with(": SCS-04V-8"));
    assert_eq!(lines[2], "o: OK: SCS-04V-8");
    assert_eq!(lines[3], "o: NOT an SCS flavor: m1.large");
    let message = lines
        .iter()
        .position(|l| l.starts_with("o: CPU generation 7"))
        .expect("the message of SCS-2V-4_i7");
    assert!(message > 4 && tags[4..message].iter().all(|&t| t == "e"));
    assert_eq!(
        &lines[message + 1..],
        ["o: OK: SCS-2V-4-20s", "o: OK: SCS-4V-8"]
    );
}

#[test]
fn many_names_all_lines_arrive() {
    // More than the 64 KiB output buffer, with a warning every few names.
    let mut names = String::new();
    for n in 1..=20_000 {
        names.push_str(&format!("SCS-{n}V-4\n"));
        if n % 7 == 0 {
            names.push_str("SCS-02V-4\n");
        }
    }
    let (code, lines) = interleaved(&["-v", "parse", "v3", "-"], &names);
    assert_eq!(code, 0);
    let ok: Vec<&String> = lines.iter().filter(|l| l.starts_with("o: OK: ")).collect();
    assert_eq!(ok.len(), 20_000 + 20_000 / 7);
    assert_eq!(ok[0], "o: OK: SCS-1V-4");
    assert_eq!(ok.last().map(|s| s.as_str()), Some("o: OK: SCS-20000V-4"));
    // Each warning comes right before the OK line of its name.
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("e: ") {
            assert_eq!(lines[i + 1], "o: OK: SCS-02V-4");
        }
    }
}
