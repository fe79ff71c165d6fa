//! `serde`: a flavor is its canonical name string (like semver's `Version`).

use core::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Flavor;

impl Serialize for Flavor {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Flavor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FlavorVisitor;

        impl Visitor<'_> for FlavorVisitor {
            type Value = Flavor;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an SCS flavor name such as \"SCS-2V-4-20s\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Flavor, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(FlavorVisitor)
    }
}
