//! The fast bridge out for hot calls (`parse`, `check`): a value's serde form written as a flat
//! list of numbers into this module's memory, which `index.js` (`decode`) reads through a
//! `Float64Array` and turns into the same plain object that serde-wasm-bindgen would make —
//! one call across the boundary instead of one per property, and no field list in JS: the shape
//! comes from the core's `Serialize`, as before.
//!
//! Layout at the address returned: `[count, text_address, text_bytes, tokens…]`, `count` the
//! number of `f64` slots that follow the header. Tokens:
//! `0` null · `1 x` number · `2` false · `3` true · `4 id` a static string (struct keys and
//! unit variants: fetched once by id with `__flatKey`, then cached in JS) · `5 a b` a string,
//! the UTF-16 units `a..b` of the text (every other string of the value, written one after the
//! other as UTF-8, decoded once per call) · `6 n` an object of `n` pairs of key and value
//! tokens · `7 n` an array of `n` values.

use std::cell::RefCell;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

const NULL: f64 = 0.0;
const NUMBER: f64 = 1.0;
const FALSE: f64 = 2.0;
const TRUE: f64 = 3.0;
const KEY: f64 = 4.0;
const TEXT: f64 = 5.0;
const OBJECT: f64 = 6.0;
const ARRAY: f64 = 7.0;
const HEADER: usize = 3;

/// The buffers of the last value written (reused: no allocation once they are large enough).
#[derive(Default)]
struct Flat {
    tokens: Vec<f64>,
    text: Vec<u8>,
    /// UTF-16 length of `text`.
    units: usize,
    keys: Vec<&'static str>,
    /// Where the last key was found: keys come in the same order call after call.
    hint: usize,
}

thread_local! {
    static FLAT: RefCell<Flat> = RefCell::new(Flat::default());
}

/// The error of a value the flat form cannot hold (none of the values sent this way).
#[derive(Debug)]
struct Unsupported(String);

impl core::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: core::fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// Writes `value` and returns the address of its header for `index.js`'s `decode`.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    FLAT.with(|flat| {
        let mut flat = flat.borrow_mut();
        flat.tokens.clear();
        flat.tokens.extend_from_slice(&[0.0; HEADER]);
        flat.text.clear();
        flat.units = 0;
        value
            .serialize(&mut *flat)
            .map_err(|e| JsValue::from_str(&e.0))?;
        let count = flat.tokens.len() - HEADER;
        let text = flat.text.as_ptr() as usize;
        let bytes = flat.text.len();
        flat.tokens[..HEADER].copy_from_slice(&[count as f64, text as f64, bytes as f64]);
        Ok(JsValue::from(flat.tokens.as_ptr() as usize as f64))
    })
}

/// The static string `id` of the flat form (a key or a variant name), for `index.js`'s cache.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__flatKey")]
pub fn flat_key(id: usize) -> Option<String> {
    FLAT.with(|flat| flat.borrow().keys.get(id).map(|k| (*k).to_owned()))
}

impl Flat {
    fn number(&mut self, x: f64) {
        self.tokens.extend_from_slice(&[NUMBER, x]);
    }

    fn key(&mut self, key: &'static str) {
        let found = self.keys[self.hint..]
            .iter()
            .position(|k| core::ptr::eq(*k, key))
            .map(|i| i + self.hint)
            .or_else(|| self.keys.iter().position(|k| *k == key));
        let id = found.unwrap_or_else(|| {
            self.keys.push(key);
            self.keys.len() - 1
        });
        self.hint = id + 1;
        self.tokens.extend_from_slice(&[KEY, id as f64]);
    }

    fn text(&mut self, s: &str) {
        let start = self.units;
        self.text.extend_from_slice(s.as_bytes());
        self.units += if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.tokens
            .extend_from_slice(&[TEXT, start as f64, self.units as f64]);
    }

    /// Opens an object or array: the count is filled in by [`Flat::close`].
    fn open(&mut self, kind: f64) -> usize {
        self.tokens.extend_from_slice(&[kind, 0.0]);
        self.tokens.len() - 1
    }
}

/// An open object or array: where its count goes, and the count so far.
struct Open<'a> {
    flat: &'a mut Flat,
    at: usize,
    count: usize,
}

impl Open<'_> {
    fn close(self) -> Result<(), Unsupported> {
        self.flat.tokens[self.at] = self.count as f64;
        Ok(())
    }
}

macro_rules! numbers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Unsupported> {
            self.number(v as f64);
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Flat {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Open<'a>;
    type SerializeTuple = Open<'a>;
    type SerializeTupleStruct = Open<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Open<'a>;
    type SerializeStruct = Open<'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_f32: f32, serialize_f64: f64);

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.tokens.push(if v { TRUE } else { FALSE });
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.text(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported("bytes".into()))
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        self.tokens.push(NULL);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.tokens.push(NULL);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.key(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        let at = self.open(OBJECT);
        self.key(variant);
        value.serialize(&mut *self)?;
        self.tokens[at] = 1.0;
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'a>, Unsupported> {
        let at = self.open(ARRAY);
        Ok(Open {
            flat: self,
            at,
            count: 0,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported("tuple variant".into()))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Open<'a>, Unsupported> {
        let at = self.open(OBJECT);
        Ok(Open {
            flat: self,
            at,
            count: 0,
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Open<'a>, Unsupported> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported("struct variant".into()))
    }
}

impl ser::SerializeSeq for Open<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.count += 1;
        value.serialize(&mut *self.flat)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeTuple for Open<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.count += 1;
        key.serialize(&mut *self.flat)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.flat)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.count += 1;
        self.flat.key(key);
        value.serialize(&mut *self.flat)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}
