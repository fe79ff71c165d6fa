//! Read, validate, render, shorten and explain [Sovereign Cloud Stack] flavor names
//! (scs-0100) and derive their scs-0103 spec — exactly as the official SCS checker reads them.
//!
//! ```
//! use scs_flavor::{Flavor, Outcome, Strategy};
//!
//! // Parse (v3 syntax) and look inside.
//! let f: Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".parse()?;
//! assert_eq!(f.cpu.count.get(), 16);
//! assert_eq!(f.short().to_string(), "SCS-16T-64-3x10s_GNa-64_ib");
//! assert_eq!(f.v1().to_string(), "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib");
//!
//! // Check names as certification does: v3, with v1 tolerated.
//! match Strategy::V2V1.check("SCS-2V:4:20s") {
//!     Outcome::Valid(p) => assert!(p.is_tolerated()),
//!     _ => unreachable!(),
//! }
//!
//! // Errors point at the offending part.
//! let err = "SCS-2V-4_hwv_kvm".parse::<Flavor>().unwrap_err();
//! assert_eq!(err.to_string(), "the hypervisor extension must come before the hardware \
//!     virtualisation extension (expected extensions in the order hypervisor, hwv, CPU brand, \
//!     GPU, ib, each once)");
//! assert_eq!((err.start(), err.end()), (12, 16));
//! # Ok::<(), scs_flavor::Error>(())
//! ```
//!
//! Nothing here allocates: parsing, rendering into a buffer, warnings, the spec iterator and
//! the descriptions all work on the stack. With `default-features = false` the crate is
//! `no_std`.
//!
//! Where this library deliberately differs from the official checker (REFERENCE.md D1–D3),
//! it says so in a [`Warning`] or a typed [`Error`]: numbers are bounded (up to
//! 4294967295; RAM exact, up to 2147483647.5 GiB), a GPU without unit count followed by `_ib`
//! is accepted with a warning, and no spec is derived for more than [`MAX_SPEC_DISKS`] disks.
//!
//! [Sovereign Cloud Stack]: https://scs.community
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

mod builder;
mod check;
mod describe;
mod error;
mod model;
mod parse;
mod render;
mod spec;
mod syntax;
pub mod tables;
mod warnings;

#[cfg(feature = "serde")]
mod given;
#[cfg(feature = "serde")]
mod report;
#[cfg(feature = "serde")]
mod serde_impl;

pub use builder::{
    Builder, CpuBrandSpec, DiskSpec, FieldInfo, FieldKind, FieldValue, GpuSpec, FIELDS,
};
pub use check::{parse, Outcome, Parsed, MAX_NAME_LEN};
pub use describe::{Description, Explain, Meaning, Part};
pub use error::{Component, Error, ErrorKind, Expected, Field, Rendered, Snippet};
#[cfg(feature = "serde")]
pub use given::{Given, Text};
pub use model::{
    Cpu, CpuBrand, CpuType, CpuVendor, Disk, DiskType, Flavor, Frequency, Gpu, GpuGeneration,
    GpuKind, GpuVendor, Hypervisor, Ram, RamSize, TableValue,
};
pub use parse::{Span, Spans, PREFIX};
pub use render::{v1_to_v2, v2_to_v1, Convert, Name};
#[cfg(feature = "serde")]
pub use report::Report;
pub use spec::{Spec, SpecKey, SpecValue, UnknownSpecKey, MAX_SPEC_DISKS};
pub use syntax::{Strategy, Syntax};
pub use tables::{Level, StandardDisk, StandardFlavor, STANDARD_FLAVORS};
pub use warnings::{LabelProblem, Undescribed, Warning, WarningKind, Warnings};

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
