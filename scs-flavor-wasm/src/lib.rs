//! WebAssembly bindings of [`scs_flavor`] for JavaScript: the raw exports behind the npm
//! package `scs-flavor` (whose `index.js` adds the option objects and the `Error` subclasses).
//!
//! This crate only converts. Names go in as strings; every object goes in and out through the
//! core's serde form (one description per shape): the flavor object is the core's
//! [`Builder`](scs_flavor::Builder) (its `Deserialize` does the lookups, checks and messages),
//! `check` is the core's [`Report`](scs_flavor::Report), errors are the core's
//! [`Error`](scs_flavor::Error), `tables()` is [`scs_flavor::tables::Export`]. The hot calls
//! `parse` and `check` reach `index.js` as that same serde output written flat into this
//! module's memory (`flat.rs`, one call across the boundary instead of one per property); the
//! rest through serde-wasm-bindgen. Errors go out as
//! plain records (not thrown where a call is hot) that `index.js` turns into
//! `FlavorNameError` / `FlavorBuildError`.
//!
//! Offsets (`start`, `end`) handed to JavaScript are UTF-16 code-unit indices into the input
//! string, so that `name.slice(start, end)` is the offending part; the core's byte offsets
//! are the same for ASCII input, which every valid name is.
//!
//! Two features make two modules from this crate (`build.sh` builds both): `names` (default),
//! the name functions of `scs-flavor` (in `src/names.rs`), and `audit`, the audit and
//! selection of `scs-flavor/audit` ([`audit`](mod@audit)), built without `names` into a
//! separate `.wasm` so that neither page nor package pays for the other.
#![deny(missing_docs)]

#[cfg(feature = "audit")]
pub mod audit;
#[cfg(feature = "names")]
mod flat;
#[cfg(feature = "names")]
mod names;
#[cfg(feature = "names")]
pub use names::*;

use wasm_bindgen::JsValue;

/// The one bridge out: a serialisable value as a plain JS value (maps as objects, `None` as
/// `null`).
#[cfg(any(feature = "names", feature = "audit"))]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&ser).map_err(JsValue::from)
}

/// The one bridge in: a plain JS value read by its type's `Deserialize`; the error is the
/// deserializer's message.
#[cfg(feature = "audit")]
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, String> {
    use wasm_bindgen::JsCast;
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        JsValue::from(e)
            .unchecked_into::<js_sys::Error>()
            .message()
            .into()
    })
}
