//! Reading a cloud's flavor list as the OpenStack client prints it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

/// One flavor of a cloud: what Nova stores, and its `extra_specs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CloudFlavor {
    /// Nova's ID (`ID`/`id` in the input), if the input has it: printed commands address the
    /// flavor by it (names need not be unique in a listing, and a name may look like an option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether every project sees it (`Is Public`, `os-flavor-access:is_public` or
    /// `is_public`; public when absent). A private flavor does not satisfy a standard-flavor
    /// test case: see [`crate::audit()`].
    pub public: bool,
    /// The flavor's name (`SCS-2V-4-20s`, `m1.large`, …).
    pub name: String,
    /// Number of vCPUs.
    pub vcpus: u64,
    /// RAM in MiB.
    pub ram_mib: u64,
    /// Root disk in GB (0: no root disk, boot from a volume).
    pub disk_gb: u64,
    /// The `extra_specs` (the client's "Properties"), sorted by key.
    pub extra_specs: BTreeMap<String, String>,
}

impl CloudFlavor {
    /// A flavor without `extra_specs`.
    pub fn new(name: impl Into<String>, vcpus: u64, ram_mib: u64, disk_gb: u64) -> Self {
        CloudFlavor {
            id: None,
            public: true,
            name: name.into(),
            vcpus,
            ram_mib,
            disk_gb,
            extra_specs: BTreeMap::new(),
        }
    }

    /// The same flavor with Nova's ID `id`.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The same flavor, private (`Is Public: false`) or public.
    pub fn with_public(mut self, public: bool) -> Self {
        self.public = public;
        self
    }

    /// The same flavor with one more extra spec.
    pub fn with_spec(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_specs.insert(key.into(), value.into());
        self
    }
}

/// Why a flavor list could not be read: the entry (index from 0, and name when known), the
/// field, and what was wrong.
///
/// ```
/// let err = scs_flavor_audit::parse_flavors(r#"[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": "4096", "Disk": 0}]"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"flavor [0] "SCS-2V-4": field "RAM": expected a non-negative integer (MiB), found the string "4096""#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct InputError {
    /// The index of the offending entry in the list, if the problem is in one entry.
    pub index: Option<usize>,
    /// The entry's name, if it has one.
    pub name: Option<String>,
    /// The offending field, e.g. `"RAM"` or `"Properties"`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.index {
            write!(f, "flavor [{i}]")?;
            if let Some(name) = &self.name {
                write!(f, " {name:?}")?;
            }
            f.write_str(": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "field {field:?}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Reads a flavor list from JSON, as printed by
///
/// - `openstack flavor list --long -f json`: an array of objects with the keys `Name`, `VCPUs`,
///   `RAM` (MiB), `Disk` (GB) and `Properties`, either a mapping or the older string form
///   `k1='v1', k2='v2'`;
/// - `openstack flavor show -f json`, one object or an array of them: lower-case keys `name`,
///   `vcpus`, `ram`, `disk`, `properties`;
/// - the Nova API and openstacksdk (`{"flavors": [...]}` or an array; `extra_specs`).
///
/// `ID`/`id` and `Is Public`/`os-flavor-access:is_public`/`is_public` are read too; other keys
/// (`Ephemeral`, `Swap`, …) are ignored. An entry without a properties field has no
/// `extra_specs`, but a non-empty list in which **no** entry has one is refused: that is what
/// `openstack flavor list -f json` prints without `--long`, and reading it as "no extra specs"
/// would fail every flavor and propose to set every extra spec. Property values that are JSON
/// numbers or booleans are read as their JSON text.
///
/// # Errors
/// [`InputError`] for invalid JSON, a top level that is not a list of flavors, an entry that is
/// not an object, a missing or non-string name, a missing or non-integer or negative
/// `VCPUs`/`RAM`/`Disk`, properties that are neither a mapping of strings nor the string form,
/// or a non-empty list without any properties field (field `Properties`, message "… did you
/// forget `--long` …").
///
/// ```
/// let flavors = scs_flavor_audit::parse_flavors(r#"[
///   {"ID": "1", "Name": "SCS-2V-4", "RAM": 4096, "Disk": 0, "Ephemeral": 0, "VCPUs": 2,
///    "Is Public": true, "Properties": "scs:cpu-type='shared-core', scs:name-v2='SCS-2V-4'"}
/// ]"#)?;
/// assert_eq!(flavors[0].ram_mib, 4096);
/// assert_eq!(flavors[0].extra_specs["scs:name-v2"], "SCS-2V-4");
/// # Ok::<(), scs_flavor_audit::InputError>(())
/// ```
pub fn parse_flavors(json: &str) -> Result<Vec<CloudFlavor>, InputError> {
    let value: Value = serde_json::from_str(json).map_err(|e| InputError {
        index: None,
        name: None,
        field: None,
        message: format!(
            "invalid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        ),
    })?;
    flavors_from_value(&value)
}

/// serde_json appends " at line L column C" to its messages; we say it first.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// Reads a flavor list from an already parsed JSON value: see [`parse_flavors`].
///
/// # Errors
/// As [`parse_flavors`], except for JSON syntax.
pub fn flavors_from_value(value: &Value) -> Result<Vec<CloudFlavor>, InputError> {
    let top_error = |found: &str| InputError {
        index: None,
        name: None,
        field: None,
        message: format!(
            "expected a list of flavors (as `openstack flavor list --long -f json` prints), \
             found {found}"
        ),
    };
    let entries: Vec<(CloudFlavor, bool)> = match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| flavor_from_value(i, item))
            .collect::<Result<_, _>>()?,
        Value::Object(map) => match map.get("flavors") {
            Some(inner @ Value::Array(_)) if !is_flavor(map) => return flavors_from_value(inner),
            _ => vec![flavor_from_value(0, value)?],
        },
        other => return Err(top_error(kind(other))),
    };
    if !entries.is_empty() && !entries.iter().any(|&(_, has_properties)| has_properties) {
        return Err(InputError {
            index: None,
            name: None,
            field: Some("Properties".to_string()),
            message: "no flavor has properties (extra specs): did you forget `--long` \
                      (`openstack flavor list --long -f json`)?"
                .to_string(),
        });
    }
    Ok(entries.into_iter().map(|(f, _)| f).collect())
}

fn is_flavor(map: &Map<String, Value>) -> bool {
    map.contains_key("name") || map.contains_key("Name")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn found(value: &Value) -> String {
    match value {
        Value::String(s) => format!("the string {s:?}"),
        Value::Number(n) => format!("{n}"),
        other => kind(other).to_string(),
    }
}

/// The first of `keys` present in `map`, with the key found.
fn field<'a>(
    map: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, &'a Value)> {
    keys.iter().find_map(|&k| map.get(k).map(|v| (k, v)))
}

/// One entry, and whether it has a properties field (even `null`).
fn flavor_from_value(index: usize, value: &Value) -> Result<(CloudFlavor, bool), InputError> {
    let err = |name: Option<&str>, field: Option<&str>, message: String| InputError {
        index: Some(index),
        name: name.map(str::to_string),
        field: field.map(str::to_string),
        message,
    };
    let Value::Object(map) = value else {
        return Err(err(
            None,
            None,
            format!("expected a flavor object, found {}", found(value)),
        ));
    };
    let name = match field(map, &["Name", "name"]) {
        Some((_, Value::String(s))) => s.as_str(),
        Some((key, other)) => {
            return Err(err(
                None,
                Some(key),
                format!("expected a string, found {}", found(other)),
            ))
        }
        None => {
            return Err(err(
                None,
                None,
                "missing field \"Name\" (or \"name\")".to_string(),
            ))
        }
    };
    let number = |keys: &[&'static str], unit: &str| -> Result<u64, InputError> {
        match field(map, keys) {
            Some((key, v)) => v.as_u64().ok_or_else(|| {
                err(
                    Some(name),
                    Some(key),
                    format!(
                        "expected a non-negative integer ({unit}), found {}",
                        found(v)
                    ),
                )
            }),
            None => Err(err(
                Some(name),
                None,
                format!("missing field {:?} (or {:?})", keys[0], keys[1]),
            )),
        }
    };
    let vcpus = number(&["VCPUs", "vcpus"], "vCPUs")?;
    let ram_mib = number(&["RAM", "ram"], "MiB")?;
    let disk_gb = number(&["Disk", "disk"], "GB")?;
    let id = match field(map, &["ID", "id"]) {
        None | Some((_, Value::Null)) => None,
        Some((_, Value::String(s))) => Some(s.clone()),
        Some((_, Value::Number(n))) => Some(n.to_string()),
        Some((key, other)) => {
            return Err(err(
                Some(name),
                Some(key),
                format!("expected a string, found {}", found(other)),
            ))
        }
    };
    let public = match field(
        map,
        &["Is Public", "os-flavor-access:is_public", "is_public"],
    ) {
        None | Some((_, Value::Null)) => true,
        Some((_, Value::Bool(b))) => *b,
        Some((key, other)) => {
            return Err(err(
                Some(name),
                Some(key),
                format!("expected true or false, found {}", found(other)),
            ))
        }
    };
    let properties = field(map, &["Properties", "properties", "extra_specs"]);
    let has_properties = properties.is_some();
    let extra_specs = match properties {
        None | Some((_, Value::Null)) => BTreeMap::new(),
        Some((key, Value::Object(props))) => {
            let mut specs = BTreeMap::new();
            for (k, v) in props {
                let text = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    other => {
                        return Err(err(
                            Some(name),
                            Some(key),
                            format!("property {k:?}: expected a string, found {}", found(other)),
                        ))
                    }
                };
                specs.insert(k.clone(), text);
            }
            specs
        }
        Some((key, Value::String(s))) => {
            parse_properties(s).map_err(|m| err(Some(name), Some(key), m))?
        }
        Some((key, other)) => {
            return Err(err(
                Some(name),
                Some(key),
                format!(
                    "expected a mapping or the string form k='v', found {}",
                    found(other)
                ),
            ))
        }
    };
    let flavor = CloudFlavor {
        id,
        public,
        name: name.to_string(),
        vcpus,
        ram_mib,
        disk_gb,
        extra_specs,
    };
    Ok((flavor, has_properties))
}

/// Reads the older client's string form of properties: `k1='v1', k2='v2'` (the empty string
/// for none). A value ends at the quote that is followed by the end of the string or by `, `
/// and the next `key='`; so values may themselves contain quotes and commas.
///
/// # Errors
/// A message naming the position, e.g. for `scs:cpu-type=shared-core` (value not quoted) or
/// `='x'` (empty key).
///
/// ```
/// let p = scs_flavor_audit::parse_properties("scs:cpu-type='shared-core', note='a, b'")?;
/// assert_eq!(p["note"], "a, b");
/// # Ok::<(), String>(())
/// ```
pub fn parse_properties(s: &str) -> Result<BTreeMap<String, String>, String> {
    let mut specs = BTreeMap::new();
    let s = s.trim_end();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let at = s.len() - rest.len();
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("expected key='value' at byte {at}, found {rest:?}"))?;
        let key = rest[..eq].trim();
        if key.is_empty() || key.contains(['\'', ',']) {
            return Err(format!("invalid property key {key:?} at byte {at}"));
        }
        let after = &rest[eq + 1..];
        let Some(value_start) = after.strip_prefix('\'') else {
            return Err(format!(
                "the value of property {key:?} must be in single quotes (key='value')"
            ));
        };
        let end = value_end(value_start)
            .ok_or_else(|| format!("the value of property {key:?} has no closing quote"))?;
        specs.insert(key.to_string(), value_start[..end].to_string());
        rest = value_start[end + 1..]
            .trim_start()
            .trim_start_matches(',')
            .trim_start();
    }
    Ok(specs)
}

/// Where the value that starts `s` ends: the first `'` followed by the end, or by `,` and the
/// start of another `key='`.
fn value_end(s: &str) -> Option<usize> {
    s.match_indices('\'').map(|(i, _)| i).find(|&i| {
        let after = s[i + 1..].trim_start();
        if after.is_empty() {
            return true;
        }
        let Some(next) = after.strip_prefix(',') else {
            return false;
        };
        let next = next.trim_start();
        match next.find('=') {
            Some(eq) => {
                let key = &next[..eq];
                !key.is_empty()
                    && !key.contains(['\'', ',', ' '])
                    && next[eq + 1..].starts_with('\'')
            }
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_strings() {
        let p = parse_properties("").expect("empty");
        assert!(p.is_empty());
        let p = parse_properties("a='1', b:c='x=y', d='it''s', e='p, q', f=''").expect("ok");
        assert_eq!(p["a"], "1");
        assert_eq!(p["b:c"], "x=y");
        assert_eq!(p["d"], "it''s");
        assert_eq!(p["e"], "p, q");
        assert_eq!(p["f"], "");
        assert!(parse_properties("a=1").is_err());
        assert!(parse_properties("a='1").is_err());
        assert!(parse_properties("='1'").is_err());
        assert!(parse_properties("a").is_err());
    }

    #[test]
    fn one_show_object_and_the_nova_api_form() {
        let one = parse_flavors(
            r#"{"name": "SCS-2V-4", "vcpus": 2, "ram": 4096, "disk": 0,
                "properties": {"scs:cpu-type": "shared-core", "quota:cpu_shares": 1024, "x": true}}"#,
        )
        .expect("show");
        assert_eq!(
            one,
            [CloudFlavor::new("SCS-2V-4", 2, 4096, 0)
                .with_spec("scs:cpu-type", "shared-core")
                .with_spec("quota:cpu_shares", "1024")
                .with_spec("x", "true")]
        );
        let api = parse_flavors(
            r#"{"flavors": [{"name": "SCS-1L-1", "vcpus": 1, "ram": 1024, "disk": 0,
                "extra_specs": {"scs:cpu-type": "crowded-core"}}]}"#,
        )
        .expect("api");
        assert_eq!(api[0].extra_specs["scs:cpu-type"], "crowded-core");
        let none = parse_flavors(
            r#"[{"Name": "a", "VCPUs": 1, "RAM": 1, "Disk": 0, "Properties": null}]"#,
        )
        .expect("null properties");
        assert!(none[0].extra_specs.is_empty());
        let e = parse_flavors(
            r#"[{"Name": "a", "VCPUs": 1, "RAM": 1, "Disk": 0, "Properties": {"k": [1]}}]"#,
        )
        .expect_err("list value");
        assert_eq!(
            e.to_string(),
            r#"flavor [0] "a": field "Properties": property "k": expected a string, found a list"#
        );
    }

    #[test]
    fn errors_name_entry_and_field() {
        let e = parse_flavors("[1]").expect_err("not an object");
        assert_eq!(
            e.to_string(),
            "flavor [0]: expected a flavor object, found 1"
        );
        let e = parse_flavors(r#"[{"name": "x", "vcpus": -1, "ram": 1, "disk": 0}]"#)
            .expect_err("negative");
        assert_eq!(
            e.to_string(),
            r#"flavor [0] "x": field "vcpus": expected a non-negative integer (vCPUs), found -1"#
        );
        let e = parse_flavors(r#"[{"Name": "x", "VCPUs": 1, "RAM": 1}]"#).expect_err("no disk");
        assert_eq!(
            e.to_string(),
            r#"flavor [0] "x": missing field "Disk" (or "disk")"#
        );
        let e = parse_flavors("{\"flavors\": 3}").expect_err("no name");
        assert_eq!(
            e.to_string(),
            r#"flavor [0]: missing field "Name" (or "name")"#
        );
        let e = parse_flavors("\"x\"").expect_err("string");
        assert!(
            e.to_string().starts_with("expected a list of flavors"),
            "{e}"
        );
        let e = parse_flavors("[{]").expect_err("json");
        assert!(
            e.to_string()
                .starts_with("invalid JSON at line 1, column 3: "),
            "{e}"
        );
    }
}
