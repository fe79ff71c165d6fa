//! `serde`: a flavor is its canonical name string (like semver's `Version`).

use core::fmt;

use serde::de::{self, Visitor};
use serde::ser::SerializeMap;
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

// ---------------------------------------------------------------------------------------
// Table values as their codes; read back by the lookup rule.
// ---------------------------------------------------------------------------------------

use crate::builder::{Builder, CpuBrandSpec, DiskSpec, GpuSpec};
use crate::error::{Error, ErrorKind, Field};
use crate::model::{
    CpuType, CpuVendor, DiskType, GpuGeneration, GpuKind, GpuVendor, Hypervisor, TableValue,
};
use crate::syntax::Strategy;
use crate::tables::Level;

macro_rules! serde_by_code {
    ($($t:ty),*) => {$(
        /// Serialises as the code (`"V"`, `"bms"`); deserialises by the lookup rule.
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(TableValue::entry(*self).code)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(LookupVisitor::<$t>(core::marker::PhantomData))
            }
        }
    )*};
}

serde_by_code!(CpuType, DiskType, Hypervisor, CpuVendor, GpuKind, GpuVendor, Strategy, Level);

struct LookupVisitor<T>(core::marker::PhantomData<T>);

impl<T: TableValue> Visitor<'_> for LookupVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} as a string", T::TABLE.title)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::lookup(v).map_err(E::custom)
    }
}

impl Serialize for GpuGeneration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Serialises as `{kind, message, start, end, field}` (`field` only for a property).
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind().code())?;
        map.serialize_entry("message", &Shown(self))?;
        map.serialize_entry("start", &self.start())?;
        map.serialize_entry("end", &self.end())?;
        if let Some(field) = self.field() {
            map.serialize_entry("field", field)?;
        }
        map.end()
    }
}

struct Shown<T>(T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

// ---------------------------------------------------------------------------------------
// Numbers: one message from the core for every language.
// ---------------------------------------------------------------------------------------

/// A whole number from 0 to 2^32−1, given as any JSON/Python/JS number that is one.
struct Whole {
    field: Field,
    path: &'static str,
}

impl Whole {
    fn fail<E: de::Error>(&self) -> E {
        E::custom(Error::at_field(
            ErrorKind::NotWhole { field: self.field },
            self.path,
        ))
    }
}

impl Visitor<'_> for Whole {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| self.fail())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| self.fail())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        if v.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&v) {
            Ok(v as u32)
        } else {
            Err(self.fail())
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<u32, E> {
        Err(self.fail())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<u32, E> {
        Err(self.fail())
    }

    fn visit_unit<E: de::Error>(self) -> Result<u32, E> {
        Err(self.fail())
    }
}

fn whole<'de, D: Deserializer<'de>>(
    d: D,
    field: Field,
    path: &'static str,
) -> Result<u32, D::Error> {
    d.deserialize_any(Whole { field, path })
}

/// RAM in GiB: any number; the builder checks it is a positive multiple of 0.5.
struct Gib;

impl Visitor<'_> for Gib {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of GiB")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<f64, E> {
        Err(E::custom(Error::at_field(
            ErrorKind::NotWhole { field: Field::Ram },
            "ram_gib",
        )))
    }
}

macro_rules! number_fields {
    ($($name:ident: $field:expr, $path:literal;)*) => {$(
        fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
            whole(d, $field, $path)
        }
    )*};
}

number_fields! {
    cpus: Field::CpuCount, "cpus";
    disk_count: Field::DiskCount, "disk.count";
    cpu_generation: Field::CpuGeneration, "cpu_brand.generation";
    cpu_frequency: Field::Frequency, "cpu_brand.frequency";
    gpu_unit_frequency: Field::Frequency, "gpu.unit_frequency";
    gpu_vram_bandwidth: Field::Frequency, "gpu.vram_bandwidth";
}

fn opt_whole<'de, D: Deserializer<'de>>(
    d: D,
    field: Field,
    path: &'static str,
) -> Result<Option<u32>, D::Error> {
    struct Opt(Field, &'static str);
    impl<'de> Visitor<'de> for Opt {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<u32>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u32>, D::Error> {
            whole(d, self.0, self.1).map(Some)
        }
    }
    d.deserialize_option(Opt(field, path))
}

fn disk_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    opt_whole(d, Field::DiskSize, "disk.size")
}

fn gpu_units<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    opt_whole(d, Field::GpuUnits, "gpu.units")
}

fn gpu_vram<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    opt_whole(d, Field::Vram, "gpu.vram")
}

fn ram_gib<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(Gib)
}

fn one<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    disk_count(d)
}

const fn default_one() -> u32 {
    1
}

/// A GPU generation code or name as given, up to 32 bytes (no allocation): resolved against
/// the vendor once the whole GPU object is read.
#[derive(Clone, Copy)]
struct GenerationText {
    bytes: [u8; 32],
    len: usize,
}

impl GenerationText {
    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl<'de> Deserialize<'de> for GenerationText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = GenerationText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GPU generation code or name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<GenerationText, E> {
                let mut t = GenerationText {
                    bytes: [0; 32],
                    len: 0,
                };
                // A longer text names no generation: keep a marker that matches none.
                let kept = if v.len() <= 32 { v } else { "\u{0}" };
                t.bytes[..kept.len()].copy_from_slice(kept.as_bytes());
                t.len = kept.len();
                Ok(t)
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "DiskSpec", deny_unknown_fields)]
struct DiskSpecDef {
    #[serde(default = "default_one", deserialize_with = "one")]
    count: u32,
    #[serde(default, deserialize_with = "disk_size")]
    size: Option<u32>,
    #[serde(default)]
    kind: Option<DiskType>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "CpuBrandSpec", deny_unknown_fields)]
struct CpuBrandSpecDef {
    vendor: CpuVendor,
    #[serde(default, deserialize_with = "cpu_generation")]
    generation: u32,
    #[serde(default, deserialize_with = "cpu_frequency")]
    frequency: u32,
}

#[derive(Serialize)]
#[serde(remote = "GpuSpec")]
struct GpuSpecDef {
    kind: GpuKind,
    vendor: GpuVendor,
    generation: Option<GpuGeneration>,
    units: Option<u32>,
    unit_frequency: u32,
    vram: Option<u32>,
    vram_bandwidth: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GpuSpecIn {
    #[serde(default = "pass_through")]
    kind: GpuKind,
    vendor: GpuVendor,
    #[serde(default)]
    generation: Option<GenerationText>,
    #[serde(default, deserialize_with = "gpu_units")]
    units: Option<u32>,
    #[serde(default, deserialize_with = "gpu_unit_frequency")]
    unit_frequency: u32,
    #[serde(default, deserialize_with = "gpu_vram")]
    vram: Option<u32>,
    #[serde(default, deserialize_with = "gpu_vram_bandwidth")]
    vram_bandwidth: u32,
}

const fn pass_through() -> GpuKind {
    GpuKind::PassThrough
}

impl GpuSpecDef {
    fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<GpuSpec, D::Error> {
        let g = GpuSpecIn::deserialize(d)?;
        let generation = match g.generation {
            None => None,
            Some(text) if text.len == 0 => None,
            Some(text) => Some(
                g.vendor
                    .lookup_generation(text.as_str())
                    .map_err(|e| de::Error::custom(e.with_field("gpu.generation")))?,
            ),
        };
        Ok(GpuSpec {
            kind: g.kind,
            vendor: g.vendor,
            generation,
            units: g.units,
            unit_frequency: g.unit_frequency,
            vram: g.vram,
            vram_bandwidth: g.vram_bandwidth,
        })
    }
}

fn opt_disk<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DiskSpec>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(with = "DiskSpecDef")] DiskSpec);
    Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
}

fn opt_cpu_brand<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CpuBrandSpec>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(with = "CpuBrandSpecDef")] CpuBrandSpec);
    Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
}

fn opt_gpu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<GpuSpec>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(deserialize_with = "GpuSpecDef::deserialize")] GpuSpec);
    Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
}

fn ser_disk<S: Serializer>(v: &Option<DiskSpec>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct W<'a>(#[serde(with = "DiskSpecDef")] &'a DiskSpec);
    v.as_ref().map(W).serialize(s)
}

fn ser_cpu_brand<S: Serializer>(v: &Option<CpuBrandSpec>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct W<'a>(#[serde(with = "CpuBrandSpecDef")] &'a CpuBrandSpec);
    v.as_ref().map(W).serialize(s)
}

fn ser_gpu<S: Serializer>(v: &Option<GpuSpec>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct W<'a>(#[serde(with = "GpuSpecDef")] &'a GpuSpec);
    v.as_ref().map(W).serialize(s)
}

/// The flavor object of every binding: [`Builder`]'s fields, letters as codes (read back by
/// the lookup rule), absent parts `null`; unknown keys and bad numbers are refused with the
/// core's message (`"cpus: vCPU count must be a whole number from 1 to 4294967295"`).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Builder", deny_unknown_fields)]
struct BuilderDef {
    #[serde(deserialize_with = "cpus")]
    cpus: u32,
    cpu_type: CpuType,
    #[serde(default)]
    cpu_insecure: bool,
    #[serde(deserialize_with = "ram_gib")]
    ram_gib: f64,
    #[serde(default)]
    ram_no_ecc: bool,
    #[serde(default)]
    ram_oversubscribed: bool,
    #[serde(default, deserialize_with = "opt_disk", serialize_with = "ser_disk")]
    disk: Option<DiskSpec>,
    #[serde(default)]
    hypervisor: Option<Hypervisor>,
    #[serde(default)]
    hwv: bool,
    #[serde(
        default,
        deserialize_with = "opt_cpu_brand",
        serialize_with = "ser_cpu_brand"
    )]
    cpu_brand: Option<CpuBrandSpec>,
    #[serde(default, deserialize_with = "opt_gpu", serialize_with = "ser_gpu")]
    gpu: Option<GpuSpec>,
    #[serde(default)]
    ib: bool,
}

impl Serialize for Builder {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        BuilderDef::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Builder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BuilderDef::deserialize(deserializer)
    }
}

// ---------------------------------------------------------------------------------------
// The tables export.
// ---------------------------------------------------------------------------------------

use crate::builder::{FieldInfo, FieldKind, FIELDS};
use crate::tables::{Entry, Export, StandardDisk, StandardFlavor, Table, STANDARD_FLAVORS, TABLES};

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("code", self.code)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("meaning", self.meaning)?;
        map.serialize_entry("aliases", self.aliases)?;
        map.end()
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("entries", self.entries)?;
        map.end()
    }
}

impl Serialize for StandardDisk {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("size_gb", &self.size_gb)?;
        map.serialize_entry("kind", &self.kind)?;
        map.end()
    }
}

impl Serialize for StandardFlavor {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("level", &self.level)?;
        map.serialize_entry("vcpus", &self.vcpus)?;
        map.serialize_entry("cpu_type", &self.cpu_type)?;
        map.serialize_entry("ram_gib", &self.ram_gib)?;
        map.serialize_entry("disk", &self.disk)?;
        map.serialize_entry("table", &self.table)?;
        map.end()
    }
}

impl Serialize for FieldInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", self.path)?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("optional", &self.optional)?;
        match self.kind {
            FieldKind::Count => map.serialize_entry("kind", "count")?,
            FieldKind::HalfGib => map.serialize_entry("kind", "half-gib")?,
            FieldKind::Flag => map.serialize_entry("kind", "flag")?,
            FieldKind::Frequency { max } => {
                map.serialize_entry("kind", "frequency")?;
                map.serialize_entry("max", &max)?;
            }
            FieldKind::Table(t) => {
                map.serialize_entry("kind", "table")?;
                map.serialize_entry("table", t.id)?;
            }
            FieldKind::Generation => map.serialize_entry("kind", "generation")?,
        }
        map.end()
    }
}

impl Serialize for Export {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("tables", TABLES)?;
        map.serialize_entry("standard_flavors", STANDARD_FLAVORS)?;
        map.serialize_entry("fields", FIELDS)?;
        map.end()
    }
}
