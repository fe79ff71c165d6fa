//! The hot path: parsing, rendering, the spec and descriptions, against a plain scan of the
//! same bytes. Ids are stable (`group/function`) so that runs can be compared; see
//! `RESULTS.md` for the numbers and how they were taken.

use core::fmt::{self, Write};
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use scs_flavor::{Flavor, Strategy, Syntax, MAX_NAME_LEN};

const SHORT: &str = "SCS-2V-4";
const TYPICAL: &str = "SCS-4V-16-100s";
const LONG: &str = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib";
/// A v1 name, read by `v2/v1`: the v2 syntax fails, then v1 is tolerated.
const V1_TOLERATED: &str = "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib";
/// Fails at the CPU type, four bytes in.
const INVALID_EARLY: &str = "SCS-2v-4";
/// Fails at the last extension (a repeated hypervisor), after the whole name was read.
const INVALID_LATE: &str = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib_kvm";
const NOT_SCS: &str = "m1.large";

/// The shared reference vectors: every name, in file order.
fn corpus() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/vectors/reference-labels.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("shared/vectors beside the checkout");
    text.lines()
        .map(|line| {
            // Each line starts with {"name": "<json string>", …; names have no escapes
            // but `\"` and `\\`, which we undo.
            let rest = line.strip_prefix("{\"name\": \"").expect("a name first");
            let mut name = String::new();
            let mut chars = rest.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('u') => {
                            let hex: String = chars.by_ref().take(4).collect();
                            let code = u32::from_str_radix(&hex, 16).expect("\\u escape");
                            name.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        Some('n') => name.push('\n'),
                        Some('t') => name.push('\t'),
                        Some(c) => name.push(c),
                        None => break,
                    },
                    c => name.push(c),
                }
            }
            name
        })
        .collect()
}

/// A `fmt::Write` into a fixed buffer: no allocation.
struct Buf {
    bytes: [u8; 1024],
    len: usize,
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

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    let cases = [
        ("short", Strategy::V3, SHORT),
        ("typical", Strategy::V3, TYPICAL),
        ("long", Strategy::V3, LONG),
        ("v1_tolerated", Strategy::V2V1, V1_TOLERATED),
        ("invalid_early", Strategy::V3, INVALID_EARLY),
        ("invalid_late", Strategy::V3, INVALID_LATE),
        ("not_scs", Strategy::V3, NOT_SCS),
    ];
    for (id, strategy, name) in cases {
        g.throughput(Throughput::Bytes(name.len() as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                let outcome = black_box(strategy).check(black_box(name));
                // By reference: the whole outcome must be in memory, but the harness does not
                // copy its 136 bytes again (see RESULTS.md).
                black_box(&outcome);
            })
        });
    }
    g.finish();
}

fn corpus_parse_all(c: &mut Criterion) {
    let names = corpus();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("parse_all", |b| {
        b.iter(|| {
            for name in &names {
                let outcome = Strategy::V3.check(black_box(name));
                black_box(&outcome);
            }
        })
    });
    g.finish();
}

fn render(c: &mut Criterion) {
    let f: Flavor = LONG.parse().expect("a valid name");
    let short = f.short();
    let mut g = c.benchmark_group("render");
    let mut buf = [0u8; MAX_NAME_LEN];
    for (id, flavor, syntax) in [
        ("canonical_long", f, Syntax::V2),
        ("v1_long", f, Syntax::V1),
        ("short_long", short, Syntax::V2),
    ] {
        let len = flavor.write_to(syntax, &mut buf).expect("fits").len();
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                let written = black_box(flavor)
                    .write_to(black_box(syntax), &mut buf)
                    .expect("fits");
                black_box(written.len())
            })
        });
    }
    g.finish();
}

fn spec(c: &mut Criterion) {
    let f: Flavor = LONG.parse().expect("a valid name");
    let mut g = c.benchmark_group("spec");
    g.throughput(Throughput::Bytes(LONG.len() as u64));
    g.bench_function("long", |b| {
        b.iter(|| {
            for item in black_box(f).spec().expect("few disks") {
                black_box(item);
            }
        })
    });
    g.finish();
}

fn describe(c: &mut Criterion) {
    let f: Flavor = LONG.parse().expect("a valid name");
    let mut g = c.benchmark_group("describe");
    g.throughput(Throughput::Bytes(LONG.len() as u64));
    g.bench_function("long", |b| {
        b.iter(|| {
            let mut buf = Buf {
                bytes: [0; 1024],
                len: 0,
            };
            write!(buf, "{}", black_box(f).describe()).expect("fits");
            black_box(buf.len)
        })
    });
    g.finish();
}

/// The baseline: one plain pass over the same bytes.
fn scan(c: &mut Criterion) {
    let mut g = c.benchmark_group("scan");
    for (id, name) in [("short", SHORT), ("long", LONG)] {
        g.throughput(Throughput::Bytes(name.len() as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                black_box(name)
                    .bytes()
                    .fold(0u32, |sum, byte| sum.wrapping_add(u32::from(byte)))
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    parse,
    corpus_parse_all,
    render,
    spec,
    describe,
    scan
);
criterion_main!(benches);
