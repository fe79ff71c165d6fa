//! WebAssembly bindings of [`scs_flavor`] for JavaScript: the raw exports behind the npm
//! package `scs-flavor` (whose `index.js` adds the option objects and the `Error` subclasses).
//!
//! This crate only converts. Names go in as strings. Results go out as plain objects through
//! serde-wasm-bindgen (maps as objects, `None` as `null`): `check` is the core's [`Report`](scs_flavor::Report),
//! the CLI's `-o json` object, so its shape is defined once. Two paths are done by hand for
//! speed and size: a flavor comes out as numbers in a shared buffer ([`Slots`]) that
//! `index.js` unpacks, and a flavor object goes in through a small field reader (serde's
//! derived deserializer would add 40 KB). Errors go out as plain records that `index.js` turns
//! into `FlavorNameError` / `FlavorBuildError`. Parsing, validation, messages and tables all
//! come from the core crate.
//!
//! Offsets (`start`, `end`) handed to JavaScript are UTF-16 code-unit indices into the input
//! string, so that `name.slice(start, end)` is the offending part; the core's byte offsets
//! are the same for ASCII input, which every valid name is.
//!
//! Two features make two modules from this crate (`build.sh` builds both): `names` (default),
//! the name functions of `scs-flavor` ([`check`], [`render`], …, in `src/names.rs`), and
//! `audit`, the audit and selection of `scs-flavor/audit` ([`audit`](mod@audit)), built
//! without `names` into a separate `.wasm` so that neither page nor package pays for the other.
#![deny(missing_docs)]

#[cfg(feature = "audit")]
pub mod audit;
#[cfg(feature = "names")]
mod names;
#[cfg(feature = "names")]
pub use names::*;

/// The serializer every export uses: maps become plain objects, `None` becomes `null`.
#[cfg(any(feature = "names", feature = "audit"))]
fn to_js<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&ser).map_err(wasm_bindgen::JsValue::from)
}
