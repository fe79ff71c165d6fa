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
        use serde::ser::SerializeStruct;
        let mut record = serializer.serialize_struct("Error", 5)?;
        record.serialize_field("kind", self.kind().code())?;
        record.serialize_field("message", &Shown(self))?;
        record.serialize_field("start", &self.start())?;
        record.serialize_field("end", &self.end())?;
        if let Some(field) = self.field() {
            record.serialize_field("field", field)?;
        }
        record.end()
    }
}

struct Shown<T>(T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

// ---------------------------------------------------------------------------------------
// The flavor object: read as given, then checked by the core's rules (one message, kind and
// field for every language).
// ---------------------------------------------------------------------------------------

use crate::given::{given_struct, unknown, Given, Object, Part};

given_struct!(DiskIn {
    count: Given,
    size: Given,
    kind: Given,
});

given_struct!(CpuBrandIn {
    vendor: Given,
    generation: Given,
    frequency: Given,
});

given_struct!(GpuIn {
    kind: Given,
    vendor: Given,
    generation: Given,
    units: Given,
    unit_frequency: Given,
    vram: Given,
    vram_bandwidth: Given,
});

given_struct!(BuilderIn {
    cpus: Given,
    cpu_type: Given,
    cpu_insecure: Given,
    ram_gib: Given,
    ram_no_ecc: Given,
    ram_oversubscribed: Given,
    disk: Part<DiskIn>,
    hypervisor: Given,
    hwv: Given,
    cpu_brand: Part<CpuBrandIn>,
    gpu: Part<GpuIn>,
    ib: Given,
});

fn required<T>(value: Option<T>, path: &'static str) -> Result<T, Error> {
    value.ok_or_else(|| Error::at_field(ErrorKind::MissingField, path))
}

fn part<T>(part: Part<T>, path: &'static str) -> Result<Option<T>, Error> {
    match part {
        Part::Absent => Ok(None),
        Part::Wrong => Err(Error::at_field(ErrorKind::NotObject, path)),
        Part::Given(t, found) => {
            unknown(found, Some(path))?;
            Ok(Some(t))
        }
    }
}

fn frequency(given: &Given, path: &'static str) -> Result<u32, Error> {
    Ok(given.count(Field::Frequency, path)?.unwrap_or(0))
}

impl BuilderIn {
    fn check(self, found: Option<Error>) -> Result<Builder, Error> {
        unknown(found, None)?;
        let cpus = required(self.cpus.count(Field::CpuCount, "cpus")?, "cpus")?;
        let cpu_type = required(self.cpu_type.value::<CpuType>("cpu_type")?, "cpu_type")?;
        let ram_gib = if self.ram_gib.is_absent() {
            return Err(Error::at_field(ErrorKind::MissingField, "ram_gib"));
        } else {
            match self.ram_gib.number() {
                Some(x) => x,
                None => {
                    let kind = ErrorKind::NotWhole { field: Field::Ram };
                    return Err(Error::at_field(kind, "ram_gib"));
                }
            }
        };
        let disk = match part(self.disk, "disk")? {
            None => None,
            Some(d) => Some(DiskSpec {
                count: d.count.count(Field::DiskCount, "disk.count")?.unwrap_or(1),
                size: d.size.count(Field::DiskSize, "disk.size")?,
                kind: d.kind.value::<DiskType>("disk.kind")?,
            }),
        };
        let cpu_brand = match part(self.cpu_brand, "cpu_brand")? {
            None => None,
            Some(b) => {
                let path = "cpu_brand.vendor";
                let vendor = required(b.vendor.value::<CpuVendor>(path)?, path)?;
                let path = "cpu_brand.generation";
                let generation = match b.generation {
                    // A generation by number, or by name ("Ice Lake").
                    Given::Text(_) => {
                        let text = b.generation.text().unwrap_or("");
                        u32::from(
                            vendor
                                .lookup_generation(text)
                                .map_err(|e| e.with_field(path))?,
                        )
                    }
                    ref g => g.count(Field::CpuGeneration, path)?.unwrap_or(0),
                };
                Some(CpuBrandSpec {
                    vendor,
                    generation,
                    frequency: frequency(&b.frequency, "cpu_brand.frequency")?,
                })
            }
        };
        let gpu = match part(self.gpu, "gpu")? {
            None => None,
            Some(g) => {
                let vendor = required(g.vendor.value::<GpuVendor>("gpu.vendor")?, "gpu.vendor")?;
                let path = "gpu.generation";
                let generation = if g.generation.is_absent() || g.generation.text() == Some("") {
                    None
                } else {
                    let table = vendor.generation_table();
                    match g.generation.row(table.entries) {
                        Some(i) => Some(vendor.lookup_generation(table.entries[i].code)?),
                        None => {
                            return Err(Error::at_field(ErrorKind::Unknown { table }, path));
                        }
                    }
                };
                Some(GpuSpec {
                    kind: g
                        .kind
                        .value::<GpuKind>("gpu.kind")?
                        .unwrap_or(GpuKind::PassThrough),
                    vendor,
                    generation,
                    units: g.units.count(Field::GpuUnits, "gpu.units")?,
                    unit_frequency: frequency(&g.unit_frequency, "gpu.unit_frequency")?,
                    vram: g.vram.count(Field::Vram, "gpu.vram")?,
                    vram_bandwidth: frequency(&g.vram_bandwidth, "gpu.vram_bandwidth")?,
                })
            }
        };
        Ok(Builder {
            cpus,
            cpu_type,
            cpu_insecure: self.cpu_insecure.flag("cpu_insecure")?,
            ram_gib,
            ram_no_ecc: self.ram_no_ecc.flag("ram_no_ecc")?,
            ram_oversubscribed: self.ram_oversubscribed.flag("ram_oversubscribed")?,
            disk,
            hypervisor: self.hypervisor.value::<Hypervisor>("hypervisor")?,
            hwv: self.hwv.flag("hwv")?,
            cpu_brand,
            gpu,
            ib: self.ib.flag("ib")?,
        })
    }
}

impl Builder {
    /// Reads the flavor object from any serde deserializer (JSON, a Python dict, a JS object),
    /// keeping the core's errors: the outer `Err` is the format's own (not an object at all,
    /// malformed JSON), the inner one an [`Error`] with its kind and [`field`](Error::field)
    /// (an unknown key, a missing or wrong value). `Deserialize` for `Builder` is this, with
    /// the inner error turned into a message.
    ///
    /// ```
    /// use scs_flavor::Builder;
    /// let mut de = serde_json::Deserializer::from_str(r#"{"cpus": 2.5, "cpu_type": "V", "ram_gib": 4}"#);
    /// let e = Builder::from_deserializer(&mut de)?.unwrap_err();
    /// assert_eq!((e.kind().code(), e.field()), ("not-whole", Some("cpus")));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// # Errors
    /// The deserializer's error when the input is not an object.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Result<Builder, Error>, D::Error> {
        let Object(raw, found) = Object::<BuilderIn>::deserialize(deserializer)?;
        Ok(raw.check(found))
    }
}

/// Serialises as the flavor object: [`Builder`]'s fields, letters as codes, absent parts
/// `null`.
#[derive(Serialize)]
#[serde(remote = "DiskSpec")]
struct DiskSpecDef {
    count: u32,
    size: Option<u32>,
    kind: Option<DiskType>,
}

#[derive(Serialize)]
#[serde(remote = "CpuBrandSpec")]
struct CpuBrandSpecDef {
    vendor: CpuVendor,
    generation: u32,
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

#[derive(Serialize)]
#[serde(remote = "Builder")]
struct BuilderDef {
    cpus: u32,
    cpu_type: CpuType,
    cpu_insecure: bool,
    ram_gib: f64,
    ram_no_ecc: bool,
    ram_oversubscribed: bool,
    #[serde(serialize_with = "ser_disk")]
    disk: Option<DiskSpec>,
    hypervisor: Option<Hypervisor>,
    hwv: bool,
    #[serde(serialize_with = "ser_cpu_brand")]
    cpu_brand: Option<CpuBrandSpec>,
    #[serde(serialize_with = "ser_gpu")]
    gpu: Option<GpuSpec>,
    ib: bool,
}

/// The flavor object of every binding: [`Builder`]'s fields, letters as codes (read back by
/// the lookup rule), absent parts `null`. Reading refuses unknown keys and bad values with the
/// core's message (`"cpus: vCPU count must be a whole number from 1 to 4294967295"`); see
/// [`Builder::from_deserializer`] to keep the error's kind and field.
impl Serialize for Builder {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        BuilderDef::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Builder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Builder::from_deserializer(deserializer)?.map_err(de::Error::custom)
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
            FieldKind::Frequency { max, table } => {
                map.serialize_entry("kind", "frequency")?;
                map.serialize_entry("max", &max)?;
                map.serialize_entry("table", table.id)?;
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
