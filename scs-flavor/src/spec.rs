//! The scs-0103 spec of a name (REFERENCE.md §5), as an allocation-free iterator.

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, ErrorKind};
use crate::model::Flavor;
use crate::render::Name;

/// The most disks for which a spec is derived (deviation D3): the checker writes one
/// `scs:diskN-type` key per disk without bound; beyond this count a name is valid but its spec
/// is refused with [`ErrorKind::TooManyDisks`] (and the name gets a warning).
pub const MAX_SPEC_DISKS: u32 = 64;

/// A key of the spec. `Display` writes it as the checker and Nova's extra specs do; `FromStr`
/// reads that back (`"scs:disk2-type"` → `DiskType(2)`).
///
/// ```
/// use scs_flavor::SpecKey;
/// assert_eq!("scs:disk2-type".parse(), Ok(SpecKey::DiskType(2)));
/// assert_eq!(SpecKey::CpuType.to_string(), "scs:cpu-type");
/// assert!("scs:disk-type".parse::<SpecKey>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SpecKey {
    /// `cpus`
    Cpus,
    /// `scs:cpu-type`
    CpuType,
    /// `ram`
    Ram,
    /// `disk`
    Disk,
    /// `scs:disk{N}-type`
    DiskType(u32),
    /// `scs:name-v{N}` (N from 1: name variant N, not a version of the standard)
    Name(u8),
}

impl fmt::Display for SpecKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecKey::Cpus => f.write_str("cpus"),
            SpecKey::CpuType => f.write_str("scs:cpu-type"),
            SpecKey::Ram => f.write_str("ram"),
            SpecKey::Disk => f.write_str("disk"),
            SpecKey::DiskType(n) => write!(f, "scs:disk{n}-type"),
            SpecKey::Name(n) => write!(f, "scs:name-v{n}"),
        }
    }
}

impl SpecKey {
    /// The prefix of every extra spec that scs-0103 defines (`scs:cpu-type`, `scs:name-v1`, …):
    /// a key with it that [`SpecKey::from_str`] refuses is not one the standard defines.
    pub const NAMESPACE: &'static str = "scs:";

    /// Whether the key is an `extra_specs` key of Nova (`scs:…`), not a flavor field.
    pub fn is_extra_spec(self) -> bool {
        !matches!(self, SpecKey::Cpus | SpecKey::Ram | SpecKey::Disk)
    }
}

/// The error of [`SpecKey::from_str`]: not a key the spec writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a key of the scs-0103 spec")]
pub struct UnknownSpecKey;

impl FromStr for SpecKey {
    type Err = UnknownSpecKey;

    fn from_str(s: &str) -> Result<Self, UnknownSpecKey> {
        // A number as the spec writes it: decimal digits without a sign or leading zero.
        fn number<T: FromStr>(digits: &str) -> Option<T> {
            let canonical = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            canonical.then(|| digits.parse().ok()).flatten()
        }
        let key = match s {
            "cpus" => SpecKey::Cpus,
            "scs:cpu-type" => SpecKey::CpuType,
            "ram" => SpecKey::Ram,
            "disk" => SpecKey::Disk,
            _ => {
                if let Some(n) = s
                    .strip_prefix("scs:disk")
                    .and_then(|r| r.strip_suffix("-type"))
                {
                    SpecKey::DiskType(number(n).ok_or(UnknownSpecKey)?)
                } else if let Some(n) = s.strip_prefix("scs:name-v") {
                    match number(n) {
                        Some(n) if n >= 1 => SpecKey::Name(n),
                        _ => return Err(UnknownSpecKey),
                    }
                } else {
                    return Err(UnknownSpecKey);
                }
            }
        };
        Ok(key)
    }
}

/// A value of the spec: an integer, the RAM in GiB as a float, null, a word or a name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SpecValue {
    /// `cpus`, `disk`
    Int(u32),
    /// `ram` in GiB (the checker's float: `4.0`, `0.5`)
    Float(f64),
    /// `disk` when the size is left to the cloud
    Null,
    /// `scs:cpu-type`, `scs:diskN-type`
    Str(&'static str),
    /// `scs:name-vN`
    Name(Name),
}

/// Writes integers and words plainly, the float as Python would (`4.0`), null as `null`.
impl fmt::Display for SpecValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecValue::Int(n) => write!(f, "{n}"),
            SpecValue::Float(x) => write!(f, "{x:?}"),
            SpecValue::Null => f.write_str("null"),
            SpecValue::Str(s) => f.write_str(s),
            SpecValue::Name(n) => write!(f, "{n}"),
        }
    }
}

/// The scs-0103 spec of a flavor: `(key, value)` pairs in the checker's order — `cpus`,
/// `scs:cpu-type`, `ram`, then (with a disk) `disk` and one `scs:diskN-type` per disk, then the
/// distinct name variants longest first.
///
/// ```
/// let f: scs_flavor::Flavor = "SCS-2V-4-20s".parse()?;
/// let spec: Vec<String> = f.spec()?.map(|(k, v)| format!("{k}={v}")).collect();
/// assert_eq!(spec, [
///     "cpus=2", "scs:cpu-type=shared-core", "ram=4.0", "disk=20", "scs:disk0-type=ssd",
///     "scs:name-v1=SCS-2V:4:20s", "scs:name-v2=SCS-2V-4-20s",
/// ]);
/// # Ok::<(), scs_flavor::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    flavor: Flavor,
    names: [Name; 4],
    name_count: u8,
    step: u32,
}

impl Flavor {
    /// The scs-0103 spec of this flavor.
    ///
    /// # Errors
    /// [`ErrorKind::TooManyDisks`] when the name has more than [`MAX_SPEC_DISKS`] disks
    /// (`SCS-2V-4-99999999x10`).
    pub fn spec(&self) -> Result<Spec, Error> {
        if let Some(d) = self.disk {
            if d.count.get() > MAX_SPEC_DISKS {
                let count = d.count.get();
                return Err(Error::new(ErrorKind::TooManyDisks { count }, 0, 0));
            }
        }
        // The distinct strings among canonical v1, canonical v2, short v1 and short v2, longest
        // first, ties in that order. A v1 and a v2 form have the same length and always differ
        // (`:`), the short forms are shorter unless they equal the canonical ones, and writing
        // is injective: so comparing flavors is enough.
        let short = self.short();
        let names = [self.v1(), self.v2(), short.v1(), short.v2()];
        let count = if short == *self { 2 } else { 4 };
        Ok(Spec {
            flavor: *self,
            names,
            name_count: count as u8,
            step: 0,
        })
    }
}

impl Spec {
    fn disks(&self) -> u32 {
        self.flavor.disk.map_or(0, |d| d.count.get())
    }

    fn total(&self) -> u32 {
        let disk = match self.flavor.disk {
            Some(_) => 1 + self.disks(),
            None => 0,
        };
        3 + disk + u32::from(self.name_count)
    }
}

impl Iterator for Spec {
    type Item = (SpecKey, SpecValue);

    fn next(&mut self) -> Option<Self::Item> {
        let f = &self.flavor;
        let step = self.step;
        if step >= self.total() {
            return None;
        }
        self.step += 1;
        let item = match step {
            0 => (SpecKey::Cpus, SpecValue::Int(f.cpu.count.get())),
            1 => (SpecKey::CpuType, SpecValue::Str(f.cpu.kind.entry().name)),
            2 => (SpecKey::Ram, SpecValue::Float(f.ram.size.gib())),
            _ => {
                let rest = step - 3;
                match f.disk {
                    Some(d) if rest == 0 => (
                        SpecKey::Disk,
                        d.size.map_or(SpecValue::Null, |s| SpecValue::Int(s.get())),
                    ),
                    Some(d) if rest <= self.disks() => (
                        SpecKey::DiskType(rest - 1),
                        SpecValue::Str(d.spec_type().entry().name),
                    ),
                    _ => {
                        let disk_keys = f.disk.map_or(0, |_| 1 + self.disks());
                        let n = (rest - disk_keys) as usize;
                        (SpecKey::Name(n as u8 + 1), SpecValue::Name(self.names[n]))
                    }
                }
            }
        };
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.total() - self.step) as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Spec {}
