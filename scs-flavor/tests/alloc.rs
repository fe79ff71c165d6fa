//! Nothing on the hot path allocates: parsing (every strategy, valid and invalid names, the
//! whole shared vector file), rendering into a buffer, short names, the spec, warnings,
//! explanations and descriptions formatted into a fixed buffer. A counting global allocator
//! counts the allocations of the current thread only, so that tests running beside it do not
//! disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write};

use scs_flavor::{Flavor, Outcome, Strategy, Syntax, MAX_NAME_LEN};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// A `fmt::Write` into a fixed buffer that never allocates.
struct Buf {
    bytes: [u8; 4096],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; 4096],
            len: 0,
        }
    }
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Every name of the shared vector file (read before anything is counted).
fn vector_names() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/vectors/reference-labels.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("shared vectors beside the checkout");
    text.lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            row["name"].as_str().expect("name").to_owned()
        })
        .collect()
}

const EXAMPLES: &[&str] = &[
    "SCS-2V-4",
    "SCS-4V-16-100s",
    "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib",
    "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib",
    "SCS-2V-4_GNa_ib",
    "SCS-2V-4-99999999x10",
    "SCS-04V-8-1x10",
    "SCS-2V-4_hwv_kvm",
    "SCS-2v-4",
    "m1.large",
];

#[test]
fn parsing_every_vector_under_every_strategy_does_not_allocate() {
    let names = vector_names();
    let (mut valid, mut invalid) = (0, 0);
    let n = allocations(|| {
        for name in names
            .iter()
            .map(String::as_str)
            .chain(EXAMPLES.iter().copied())
        {
            for &strategy in Strategy::ALL {
                match std::hint::black_box(strategy.check(name)) {
                    Outcome::Valid(_) => valid += 1,
                    Outcome::Invalid(_) => invalid += 1,
                    Outcome::NotScs => {}
                }
                let _ = std::hint::black_box(strategy.parse(name));
            }
            let _ = std::hint::black_box(name.parse::<Flavor>());
        }
    });
    assert_eq!(n, 0, "parsing allocated {n} times");
    assert!(
        valid > 1000 && invalid > 1000,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn rendering_shortening_spec_warnings_and_explanations_do_not_allocate() {
    let names = vector_names();
    let mut checked = 0;
    let n = allocations(|| {
        let mut buf = [0u8; MAX_NAME_LEN];
        let mut text = Buf::new();
        for name in names
            .iter()
            .map(String::as_str)
            .chain(EXAMPLES.iter().copied())
        {
            for &strategy in Strategy::ALL {
                let Outcome::Valid(p) = strategy.check(name) else {
                    continue;
                };
                checked += 1;
                let f = p.flavor();
                for syntax in [Syntax::V1, Syntax::V2] {
                    f.write_to(syntax, &mut buf).expect("fits");
                    f.short().write_to(syntax, &mut buf).expect("fits");
                }
                text.len = 0;
                write!(text, "{f} {} {} {}", f.v1(), f.short(), f.short().v1()).expect("fits");
                if let Ok(spec) = f.spec() {
                    for (key, value) in spec {
                        text.len = 0;
                        write!(text, "{key}: {value}").expect("fits");
                    }
                }
                for w in p.warnings() {
                    text.len = 0;
                    write!(text, "{w} ({})", w.kind.code()).expect("fits");
                }
                for part in p.explain() {
                    text.len = 0;
                    write!(text, "{} {}: {}", part.component, part.text, part.meaning)
                        .expect("fits");
                }
                text.len = 0;
                write!(text, "{}", f.describe()).expect("fits");
            }
        }
    });
    assert_eq!(n, 0, "allocated {n} times");
    assert!(checked > 1000, "only {checked} valid names");
}

#[test]
fn errors_format_without_allocating() {
    let names = vector_names();
    let n = allocations(|| {
        let mut text = Buf::new();
        for name in names
            .iter()
            .map(String::as_str)
            .chain(EXAMPLES.iter().copied())
        {
            if let Err(e) = Strategy::V3.parse(name) {
                text.len = 0;
                write!(text, "{e}: {}", e.kind().expected()).expect("fits");
                text.len = 0;
                write!(text, "{}", e.render(name)).expect("fits");
            }
        }
    });
    assert_eq!(n, 0, "allocated {n} times");
}

#[test]
fn the_counter_counts() {
    let n = allocations(|| {
        std::hint::black_box(Vec::<u8>::with_capacity(8));
        std::hint::black_box(format!("{}", std::hint::black_box(42)));
    });
    assert_eq!(n, 2);
}
