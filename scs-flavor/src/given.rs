//! Values as a caller gives them — a flavor object from JSON, Python or JS, a requirement —
//! read without judging them, then checked by one set of rules with the core's errors (kind,
//! field, message). Nothing allocates: text is kept up to [`Given::TEXT_LEN`] bytes.

use core::fmt;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::{Error, ErrorKind, Field};
use crate::model::TableValue;

/// Text as given, up to [`Given::TEXT_LEN`] bytes; longer text is kept as cut (it then names
/// nothing and is no number).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text {
    bytes: [u8; Given::TEXT_LEN],
    len: u8,
    cut: bool,
}

impl Text {
    fn new(text: &str) -> Self {
        let mut len = text.len().min(Given::TEXT_LEN);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; Given::TEXT_LEN];
        bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        Text {
            bytes,
            len: len as u8,
            cut: len < text.len(),
        }
    }

    /// The text, `None` if it was cut.
    pub fn get(&self) -> Option<&str> {
        if self.cut {
            return None;
        }
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).ok()
    }

    /// The kept part (for messages).
    fn kept(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.kept(), f)
    }
}

/// One value of a flavor object or a requirement as given, before validation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Given {
    /// The key is absent.
    #[default]
    Missing,
    /// `null` / `None` / `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A number with a fraction or exponent.
    Float(f64),
    /// A string.
    Text(Text),
    /// An object or a list (where a scalar was expected).
    Other,
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Given, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Given;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Given, E> {
                Ok(Given::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given, E> {
                Ok(Given::Int(i128::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given, E> {
                Ok(Given::Int(i128::from(v)))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Given, E> {
                Ok(Given::Int(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Given, E> {
                Ok(Given::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Given, E> {
                Ok(Given::Text(Text::new(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
                Ok(Given::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Given, E> {
                Ok(Given::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Given, D::Error> {
                Given::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Given::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Given::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Given {
    /// The longest text kept.
    pub const TEXT_LEN: usize = 48;

    /// Whether the key is absent or `null`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Given::Missing | Given::Null)
    }

    /// The text of a string, if it is one (and was not cut).
    pub fn text(&self) -> Option<&str> {
        match self {
            Given::Text(t) => t.get(),
            _ => None,
        }
    }

    /// The value as a number: an integer, a float, or a string holding a decimal number.
    pub fn number(&self) -> Option<f64> {
        match *self {
            Given::Int(n) => Some(n as f64),
            Given::Float(x) => Some(x),
            Given::Text(t) => t.get().and_then(|s| decimal(s.trim())),
            _ => None,
        }
    }

    /// A whole number from 0 to 2^32−1 (an integer, a float without fraction, or such a number
    /// as text); `None` when absent.
    ///
    /// # Errors
    /// [`ErrorKind::NotWhole`] for `2.5`, `-1`, `NaN`, `true`, `"two"`, a list…
    pub fn count(&self, field: Field, path: &'static str) -> Result<Option<u32>, Error> {
        if self.is_absent() {
            return Ok(None);
        }
        let whole = match *self {
            Given::Int(n) => u32::try_from(n).ok(),
            _ => self
                .number()
                .filter(|x| x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(x))
                .map(|x| x as u32),
        };
        match whole {
            Some(n) => Ok(Some(n)),
            None => Err(Error::at_field(ErrorKind::NotWhole { field }, path)),
        }
    }

    /// `true` or `false`; absent is `false`.
    ///
    /// # Errors
    /// [`ErrorKind::NotBool`] for anything else (`1`, `"yes"`).
    pub fn flag(&self, path: &'static str) -> Result<bool, Error> {
        match *self {
            Given::Missing | Given::Null => Ok(false),
            Given::Bool(b) => Ok(b),
            _ => Err(Error::at_field(ErrorKind::NotBool, path)),
        }
    }

    /// A value of `T`'s table by [the lookup rule](crate::tables#the-lookup-rule); `None`
    /// when absent.
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] (with the field) for text in no row, or a value that is no text.
    pub fn value<T: TableValue>(&self, path: &'static str) -> Result<Option<T>, Error> {
        if self.is_absent() {
            return Ok(None);
        }
        match self.text() {
            Some(text) => T::lookup(text).map(Some).map_err(|e| e.with_field(path)),
            None => Err(Error::at_field(
                ErrorKind::Unknown { table: T::TABLE },
                path,
            )),
        }
    }

    /// The row of `table` this value names: text by [the lookup
    /// rule](crate::tables#the-lookup-rule), a number by the value of a numeric code, so that
    /// `"generation": 3.1` finds AMD's `3.1` and `1` finds `1`.
    pub(crate) fn row(&self, table: &[crate::tables::Entry]) -> Option<usize> {
        match *self {
            Given::Text(t) => crate::tables::lookup(table, t.get()?),
            Given::Int(_) | Given::Float(_) => {
                let x = self.number()?;
                table.iter().position(|e| decimal(e.code) == Some(x))
            }
            _ => None,
        }
    }
}

/// A plain decimal (`4`, `-1`, `3.5`, `.5`, `4.`) as the nearest `f64` for up to 15 digits,
/// without the code size of the standard library's float parser; `None` for anything else.
fn decimal(s: &str) -> Option<f64> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = int.len() + frac.len();
    if digits == 0 || digits > 15 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits as one integer below 10^15 (exact in f64), divided once by 10^k: correctly
    // rounded, so `3.1` is the same float as the literal.
    let mut n: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        n = n * 10 + u64::from(b - b'0');
    }
    let mut scale = 1.0;
    for _ in 0..frac.len() {
        scale *= 10.0;
    }
    let x = n as f64 / scale;
    Some(if negative { -x } else { x })
}

/// An object read key by key into `Given` fields; the first unknown key is kept.
pub(crate) trait FromMap: Default {
    /// The keys of the object.
    const KEYS: &'static [&'static str];

    /// Sets the field named `key` (as given), or returns false for an unknown key.
    fn set<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// A part of the flavor object (`disk`, `cpu_brand`, `gpu`): absent or null, an object, or
/// something else (an error).
#[derive(Default)]
pub(crate) enum Part<T> {
    #[default]
    Absent,
    Given(T, Option<Error>),
    Wrong,
}

/// An object read into `T`, with the error for its first unknown key.
pub(crate) struct Object<T>(pub(crate) T, pub(crate) Option<Error>);

fn read_map<'de, T: FromMap, A: MapAccess<'de>>(mut map: A) -> Result<Object<T>, A::Error> {
    let mut out = T::default();
    let mut unknown = None;
    while let Some(key) = map.next_key::<Given>()? {
        let known = match key.text() {
            Some(k) => out.set(k, &mut map)?,
            None => false,
        };
        if !known {
            map.next_value::<IgnoredAny>()?;
            let text = match &key {
                Given::Text(t) => t.kept(),
                _ => "?",
            };
            unknown.get_or_insert(Error::unknown_field(text, &T::KEYS));
        }
    }
    Ok(Object(out, unknown))
}

impl<'de, T: FromMap> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(core::marker::PhantomData<T>);
        impl<'de, T: FromMap> Visitor<'de> for V<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                read_map(map)
            }
        }
        d.deserialize_map(V(core::marker::PhantomData))
    }
}

impl<'de, T: FromMap> Deserialize<'de> for Part<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(core::marker::PhantomData<T>);
        impl<'de, T: FromMap> Visitor<'de> for V<T> {
            type Value = Part<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or null")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Part<T>, A::Error> {
                read_map(map).map(|Object(t, unknown)| Part::Given(t, unknown))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Part<T>, E> {
                Ok(Part::Absent)
            }
            fn visit_none<E: de::Error>(self) -> Result<Part<T>, E> {
                Ok(Part::Absent)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Part<T>, D::Error> {
                Part::deserialize(d)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Part<T>, E> {
                Ok(Part::Wrong)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Part<T>, E> {
                Ok(Part::Wrong)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Part<T>, E> {
                Ok(Part::Wrong)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Part<T>, E> {
                Ok(Part::Wrong)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Part<T>, E> {
                Ok(Part::Wrong)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Part<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Part::Wrong)
            }
        }
        d.deserialize_any(V(core::marker::PhantomData))
    }
}

/// Declares a struct of `Given` (or `Part`) fields read by key from an object.
macro_rules! given_struct {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Default)]
        pub(crate) struct $name {
            $(pub(crate) $field: $ty,)*
        }

        impl crate::given::FromMap for $name {
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn set<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $(stringify!($field) => self.$field = map.next_value()?,)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }
    };
}

pub(crate) use given_struct;

/// The error for the first unknown key of an object at `path` (`None` at the top).
pub(crate) fn unknown(found: Option<Error>, path: Option<&'static str>) -> Result<(), Error> {
    match (found, path) {
        (None, _) => Ok(()),
        (Some(e), None) => Err(e),
        (Some(e), Some(path)) => Err(e.with_field(path)),
    }
}
