//! One check result as a serialisable record: the CLI's `-o json` line, the Python and JS
//! `check()` objects. One implementation of that shape, for every wrapper.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::check::Outcome;
use crate::spec::{Spec, SpecValue};
use crate::syntax::Strategy;
use crate::warnings::Warning;

/// The result of checking one name, serialisable (feature `serde`) as
/// `{"input", "status", "tolerated", "name", "short", "v1", "spec", "description",
/// "warnings": [{"kind", "message", "start", "end"}], "error": {"kind", "message", "start",
/// "end"}}` (byte offsets),
/// keys absent where they do not apply (`spec` also where deviation D3 refuses it).
///
/// ```
/// let r = scs_flavor::Report::new("SCS-2V-4", scs_flavor::Strategy::V3);
/// assert_eq!(
///     serde_json::to_string(&r).unwrap(),
///     r#"{"input":"SCS-2V-4","status":"valid","tolerated":false,"name":"SCS-2V-4","short":"SCS-2V-4","v1":"SCS-2V:4","spec":{"cpus":2,"scs:cpu-type":"shared-core","ram":4.0,"scs:name-v1":"SCS-2V:4","scs:name-v2":"SCS-2V-4"},"description":"2 vCPUs, 4 GiB ECC RAM, no root disk (boot from a volume)","warnings":[]}"#
/// );
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    input: &'a str,
    outcome: Outcome<'a>,
}

impl<'a> Report<'a> {
    /// Checks `input` with `strategy`.
    pub fn new(input: &'a str, strategy: Strategy) -> Self {
        Report {
            input,
            outcome: strategy.check(input),
        }
    }

    /// The outcome behind the report.
    pub fn outcome(&self) -> Outcome<'a> {
        self.outcome
    }
}

struct SpecMap(Spec);

impl Serialize for SpecMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            match value {
                SpecValue::Int(n) => map.serialize_entry(&Shown(key), &n)?,
                SpecValue::Float(x) => map.serialize_entry(&Shown(key), &x)?,
                SpecValue::Null => map.serialize_entry(&Shown(key), &())?,
                SpecValue::Str(s) => map.serialize_entry(&Shown(key), s)?,
                SpecValue::Name(n) => map.serialize_entry(&Shown(key), &Shown(n))?,
            }
        }
        map.end()
    }
}

/// Serialises anything `Display` as a string.
struct Shown<T>(T);

impl<T: core::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

struct Warnings(crate::warnings::Warnings);

impl Serialize for Warnings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for w in self.0 {
            seq.serialize_element(&WarningRecord(w))?;
        }
        seq.end()
    }
}

struct WarningRecord(Warning);

impl Serialize for WarningRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Warning", 4)?;
        record.serialize_field("kind", self.0.kind.code())?;
        record.serialize_field("message", &Shown(self.0))?;
        record.serialize_field("start", &self.0.span.start)?;
        record.serialize_field("end", &self.0.span.end)?;
        record.end()
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Report", 10)?;
        map.serialize_field("input", self.input)?;
        map.serialize_field("status", self.outcome.status())?;
        match self.outcome {
            Outcome::NotScs => {}
            Outcome::Invalid(e) => map.serialize_field("error", &e)?,
            Outcome::Valid(p) => {
                let f = p.flavor();
                map.serialize_field("tolerated", &p.is_tolerated())?;
                map.serialize_field("name", &Shown(f))?;
                map.serialize_field("short", &Shown(f.short()))?;
                map.serialize_field("v1", &Shown(f.v1()))?;
                if let Ok(spec) = f.spec() {
                    map.serialize_field("spec", &SpecMap(spec))?;
                }
                map.serialize_field("description", &Shown(f.describe()))?;
                map.serialize_field("warnings", &Warnings(p.warnings()))?;
            }
        }
        map.end()
    }
}
