//! Benchmarks only: see `benches/hot_path.rs` and `RESULTS.md`.
