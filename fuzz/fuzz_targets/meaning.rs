//! The description, explanation, spec and warnings of any valid name never panic and stay
//! bounded in size.
#![no_main]

use core::fmt::Write;

use libfuzzer_sys::fuzz_target;
use scs_flavor::{Outcome, Strategy, MAX_SPEC_DISKS};

/// Counts what is written, failing past a bound instead of growing.
struct Bounded {
    len: usize,
    max: usize,
}

impl Write for Bounded {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.len += s.len();
        if self.len > self.max {
            return Err(core::fmt::Error);
        }
        Ok(())
    }
}

fn bounded(max: usize, what: impl core::fmt::Display) -> usize {
    let mut w = Bounded { len: 0, max };
    write!(w, "{what}").unwrap_or_else(|_| panic!("more than {max} bytes: {what}"));
    w.len
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else {
        return;
    };
    for &strategy in Strategy::ALL {
        let Outcome::Valid(p) = strategy.check(input) else {
            continue;
        };
        let f = p.flavor();
        bounded(1024, f.describe());
        let mut parts = 0;
        for part in p.explain() {
            parts += 1;
            assert_eq!(Some(part.text), input.get(part.span.start..part.span.end));
            bounded(512, part.meaning);
        }
        assert!((2..=8).contains(&parts), "{parts} parts");
        let mut warnings = 0;
        for w in p.warnings() {
            warnings += 1;
            assert!(w.span.start <= w.span.end && w.span.end <= input.len());
            bounded(512, w);
        }
        assert!(warnings <= 16);
        match f.spec() {
            Ok(spec) => {
                let n = spec.len();
                assert!(n <= 3 + 1 + MAX_SPEC_DISKS as usize + 4, "{n} spec keys");
                let mut seen = 0;
                for (key, value) in spec {
                    seen += 1;
                    bounded(32, key);
                    bounded(256, value);
                }
                assert_eq!(seen, n);
            }
            Err(e) => {
                assert!(f.disk.is_some_and(|d| d.count.get() > MAX_SPEC_DISKS));
                bounded(256, e);
            }
        }
    }
});
