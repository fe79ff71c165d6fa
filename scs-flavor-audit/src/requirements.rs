//! What a workload needs: [`Requirements`], one typed structure that every front end (Rust,
//! the command line, Python, JavaScript) fills through the same validating `Deserialize`.

use std::fmt;

use scs_flavor::tables::{Entry, Table};
use scs_flavor::{
    CpuType, CpuVendor, DiskType, Error, Field, Flavor, Given, GpuVendor, Hypervisor, RamSize,
    TableValue,
};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A CPU architecture, as the CPU brand extension tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    /// x86-64: Intel (`_i`), AMD (`_z`), or no CPU brand at all (the standard flavors are
    /// x86-64, and a short name keeps the vendor letter only for ARM and RISC-V).
    X86_64,
    /// ARM (`_a`).
    Arm,
    /// RISC-V (`_r`).
    RiscV,
}

/// The architectures: code, name and the further names [the lookup
/// rule](scs_flavor::tables#the-lookup-rule) accepts (`x86_64`, `aarch64`, …).
pub const ARCH: Table = Table {
    id: "arch",
    title: "architecture",
    entries: &[
        Entry {
            code: "x86-64",
            name: "x86-64",
            meaning: "Intel or AMD x86-64 (also a name without CPU brand)",
            aliases: &["amd64", "x86"],
        },
        Entry {
            code: "arm",
            name: "ARM",
            meaning: "ARM v8+ (`_a`)",
            aliases: &["arm64", "aarch64"],
        },
        Entry {
            code: "riscv",
            name: "RISC-V",
            meaning: "RISC-V (`_r`)",
            aliases: &["riscv64"],
        },
    ],
};

impl TableValue for Arch {
    const TABLE: &'static Table = &ARCH;
    const ALL: &'static [Arch] = &[Arch::X86_64, Arch::Arm, Arch::RiscV];

    fn index(self) -> usize {
        self as usize
    }
}

impl Arch {
    /// The architecture a flavor name implies.
    pub fn of(f: &Flavor) -> Arch {
        match f.cpu_brand.map(|b| b.vendor()) {
            None | Some(CpuVendor::Intel) | Some(CpuVendor::Amd) => Arch::X86_64,
            Some(CpuVendor::Arm) => Arch::Arm,
            Some(CpuVendor::RiscV) => Arch::RiscV,
        }
    }

    /// `"x86-64"`, `"arm"` or `"riscv"`: the code of its row in [`ARCH`].
    pub fn code(self) -> &'static str {
        self.entry().code
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// [The lookup rule](scs_flavor::tables#the-lookup-rule) over [`ARCH`].
impl std::str::FromStr for Arch {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Arch::lookup(s)
    }
}

impl Serialize for Arch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// An exact, non-negative amount of GiB (a RAM requirement, or what a flavor has beyond it),
/// held in units of 10⁻¹⁸ GiB: read from its decimal exactly, compared with a flavor's
/// [`RamSize`] (half GiB) and subtracted without rounding, so `8 − 3.7` is `4.3`.
///
/// In JSON (and Python, JS) it is a number; a float is read by its shortest decimal (`3.7`,
/// not the binary value `3.70000000000000017…`). Text is read as a plain decimal (`"3.7"`).
///
/// ```
/// use scs_flavor_audit::Gib;
/// let need: Gib = "3.7".parse().expect("decimal");
/// let have = Gib::from(scs_flavor::RamSize::from_gib(4).expect("4 GiB"));
/// assert_eq!(have.saturating_sub(need).to_string(), "0.3");
/// assert_eq!(Gib::from_f64(0.1 + 0.2).map(|g| g.to_string()), Some("0.30000000000000004".into()));
/// assert!("NaN".parse::<Gib>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Gib(u128);

/// Units of [`Gib`] per GiB.
const UNIT: u128 = 1_000_000_000_000_000_000;
const DECIMALS: usize = 18;

impl Gib {
    /// No RAM (no requirement).
    pub const ZERO: Gib = Gib(0);
    /// The largest amount: [`RamSize::MAX`], 2147483647.5 GiB.
    pub const MAX: Gib = Gib(u32::MAX as u128 * (UNIT / 2));

    /// `gib` whole GiB.
    pub const fn whole(gib: u32) -> Gib {
        Gib(gib as u128 * UNIT)
    }

    /// The amount a float names by its shortest decimal; `None` for NaN, infinities,
    /// negatives, more than [`Gib::MAX`] or more than 18 decimals.
    pub fn from_f64(gib: f64) -> Option<Gib> {
        if !gib.is_finite() {
            return None;
        }
        // Rust writes a float's shortest round-tripping decimal, never with an exponent.
        format!("{gib}").parse().ok()
    }

    /// The nearest float (what JSON carries).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::MAX)
    }

    /// `self − other`, or zero where `other` is larger.
    pub fn saturating_sub(self, other: Gib) -> Gib {
        Gib(self.0.saturating_sub(other.0))
    }

    /// The amount times `per_gib`, rounded half up: e.g. a cost per GiB.
    pub fn times(self, per_gib: u64) -> u64 {
        let scaled = self.0 * u128::from(per_gib) + UNIT / 2;
        u64::try_from(scaled / UNIT).unwrap_or(u64::MAX)
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl From<RamSize> for Gib {
    fn from(size: RamSize) -> Gib {
        Gib(u128::from(size.half_gib()) * (UNIT / 2))
    }
}

/// Writes the decimal without trailing zeros: `4`, `0.3`, `3.75`.
impl fmt::Display for Gib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0 / UNIT)?;
        let frac = self.0 % UNIT;
        if frac > 0 {
            let digits = format!("{frac:0DECIMALS$}");
            write!(f, ".{}", digits.trim_end_matches('0'))?;
        }
        Ok(())
    }
}

/// Why text is not a [`Gib`] amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NotGib;

impl fmt::Display for NotGib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "RAM must be a number of GiB from 0 to 2147483647.5 with at most 18 decimals, \
             such as `8` or `3.7`",
        )
    }
}

impl std::error::Error for NotGib {}

/// Reads a plain decimal: digits with at most one `.` (`8`, `3.7`, `.5`, `4.`); no sign,
/// no exponent.
impl std::str::FromStr for Gib {
    type Err = NotGib;

    fn from_str(s: &str) -> Result<Gib, NotGib> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.len() + frac.len() == 0 || !digits(int) || !digits(frac) {
            return Err(NotGib);
        }
        let (kept, rest) = frac.split_at(frac.len().min(DECIMALS));
        if rest.bytes().any(|b| b != b'0') {
            return Err(NotGib);
        }
        let mut whole: u128 = 0;
        for b in int.bytes() {
            whole = whole
                .checked_mul(10)
                .and_then(|w| w.checked_add(u128::from(b - b'0')))
                .filter(|w| *w <= u128::from(u32::MAX))
                .ok_or(NotGib)?;
        }
        let mut part: u128 = 0;
        for (i, b) in kept.bytes().enumerate() {
            part += u128::from(b - b'0') * 10u128.pow((DECIMALS - 1 - i) as u32);
        }
        let gib = Gib(whole * UNIT + part);
        if gib > Gib::MAX {
            return Err(NotGib);
        }
        Ok(gib)
    }
}

impl Serialize for Gib {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Gib {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Gib, D::Error> {
        gib(&Given::deserialize(d)?).map_err(de::Error::custom)
    }
}

/// An amount of GiB as given (the core's [`Given`]): a number, or a decimal as text (read
/// exactly); absent or null is 0.
fn gib(given: &Given) -> Result<Gib, NotGib> {
    match *given {
        Given::Missing | Given::Null => Ok(Gib::ZERO),
        Given::Int(n) => n.to_string().parse(),
        Given::Float(x) => Gib::from_f64(x).ok_or(NotGib),
        Given::Text(_) => given.text().ok_or(NotGib)?.trim().parse(),
        Given::Bool(_) | Given::Other => Err(NotGib),
    }
}

/// What a workload needs. Every field's default means "no requirement".
///
/// # The requirement keys
///
/// One structure for every front end: Rust fills the fields; JSON, the Python `select(**kw)`
/// or dict, the JS object and the command line's `--flags` all go through its
/// `Deserialize`, which checks every value (one message per mistake) and refuses unknown keys.
/// Absent keys and `null` mean no requirement.
///
/// | key | value | requirement |
/// |---|---|---|
/// | `cpus` | whole number | at least this many vCPUs |
/// | `cpu_type` | [`CpuType`] | at least this CPU type (`L` < `V` < `T` < `C`) |
/// | `secure_cpu` | bool | vCPUs protected against CPU vulnerabilities (no `i`) |
/// | `ram_gib` | number ([`Gib`], exact) | at least this much RAM |
/// | `ecc` | bool | ECC RAM (no `u`) |
/// | `no_oversubscription` | bool | RAM not oversubscribed (no `o`) |
/// | `disk_gb` | whole number | a root disk of at least this many GB (all disks together) |
/// | `disk_type` | [`DiskType`] | a root disk of at least this type (network < hdd < ssd < nvme); a type the name leaves open counts as [`DiskType::SPEC_DEFAULT`] |
/// | `no_disk` | bool | no root disk (boot from a volume); contradicts `disk_gb`, `disk_type` |
/// | `arch` | [`Arch`] | this architecture (a name without CPU brand is x86-64) |
/// | `cpu_vendor` | [`CpuVendor`] | this CPU vendor (the name must state it) |
/// | `hypervisor` | [`Hypervisor`] | this hypervisor (the name must state it) |
/// | `gpu` | bool | a GPU (implied by the other GPU keys) |
/// | `gpu_vendor` | [`GpuVendor`] | a GPU of this vendor |
/// | `gpu_units` | whole number | a GPU with at least this many SMs / CUs / EUs (stated in the name) |
/// | `gpu_vram_gib` | whole number | a GPU with at least this much VRAM in GiB (stated in the name) |
/// | `infiniband` | bool | Infiniband (`_ib`) |
/// | `bare_metal` | bool | bare metal (`_bms`) |
/// | `hwv` | bool | hardware (nested) virtualisation (`_hwv`) |
///
/// Values of a table (CPU type, disk type, architecture, vendors, hypervisor) are text read by
/// [the core's lookup rule](scs_flavor::tables#the-lookup-rule): the code exactly (`"V"`,
/// `"s"`, `"bms"`), or the name or an alias ignoring case, spaces, `-` and `_`
/// (`"shared-core"`, `"SSD"`, `"bare metal"`, `"aarch64"`). Whole numbers may be JSON numbers
/// (`2`, `2.0`) or decimal text (`"2"`); RAM is read exactly from its decimal. Mistakes are
/// refused with one message each: `cpus: vCPU count must be a whole number from 1 to
/// 4294967295` (for `2.5`, `-1`, NaN, `"two"`), `unknown property `cores`: expected one of …`,
/// `cpu_type: unknown CPU type: expected one of L, V, T, C or a name: …`.
///
/// Serialised, every key is present (defaults included), table values as codes, RAM as a
/// number: `{"cpus":2,"cpu_type":null,"secure_cpu":false,"ram_gib":8.0,…}`; that reads back to
/// the same requirements.
///
/// ```
/// use scs_flavor_audit::{Gib, Requirements};
/// use scs_flavor::DiskType;
/// // 2 vCPUs, 8 GiB, a local SSD root disk, AMD or Intel alike.
/// let need: Requirements = serde_json::from_value(serde_json::json!(
///     {"cpus": 2, "ram_gib": 8, "disk_type": "ssd"}))?;
/// assert_eq!(need, Requirements { cpus: 2, ram_gib: Gib::whole(8), disk_type: Some(DiskType::Ssd), ..Requirements::default() });
/// assert!(need.check(&"SCS-2V-8-20s".parse()?).is_empty());
/// assert_eq!(need.check(&"SCS-2V-8-20".parse()?), ["disk type unspecified (counted as network), need at least ssd"]);
/// let e = serde_json::from_value::<Requirements>(serde_json::json!({"cpus": 2.5})).unwrap_err();
/// assert_eq!(e.to_string(), "cpus: vCPU count must be a whole number from 1 to 4294967295");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Requirements {
    /// At least this many vCPUs (0: no requirement).
    pub cpus: u32,
    /// At least this CPU type.
    pub cpu_type: Option<CpuType>,
    /// vCPUs protected against CPU vulnerabilities (no `i`).
    pub secure_cpu: bool,
    /// At least this much RAM (zero: no requirement).
    pub ram_gib: Gib,
    /// ECC RAM (no `u`).
    pub ecc: bool,
    /// RAM not oversubscribed (no `o`).
    pub no_oversubscription: bool,
    /// A root disk of at least this many GB (0: no size requirement).
    pub disk_gb: u32,
    /// A root disk of at least this type.
    pub disk_type: Option<DiskType>,
    /// No root disk at all (boot from a volume).
    pub no_disk: bool,
    /// This CPU architecture.
    pub arch: Option<Arch>,
    /// This CPU vendor (the name must state it).
    pub cpu_vendor: Option<CpuVendor>,
    /// This hypervisor (the name must state it).
    pub hypervisor: Option<Hypervisor>,
    /// A GPU (implied by the other GPU fields).
    pub gpu: bool,
    /// A GPU of this vendor.
    pub gpu_vendor: Option<GpuVendor>,
    /// A GPU with at least this many SMs / CUs / EUs (the name must state them).
    pub gpu_units: u32,
    /// A GPU with at least this much VRAM in GiB (the name must state it).
    pub gpu_vram_gib: u32,
    /// Infiniband (`_ib`).
    pub infiniband: bool,
    /// Bare metal (`_bms`).
    pub bare_metal: bool,
    /// Hardware (nested) virtualisation (`_hwv`).
    pub hwv: bool,
}

/// What kind of value a requirement key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementKind {
    /// A whole number (0: no requirement).
    Count,
    /// An amount of GiB ([`Gib`]).
    Gib,
    /// `true` or `false`.
    Flag,
    /// A value of this table, by the lookup rule.
    Table(&'static Table),
}

/// One requirement key, for front ends that list them (command-line options, forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequirementInfo {
    /// The key, as in [`Requirements`]' table.
    pub key: &'static str,
    /// What value it takes.
    pub kind: RequirementKind,
    /// One line of help.
    pub help: &'static str,
}

const fn req(key: &'static str, kind: RequirementKind, help: &'static str) -> RequirementInfo {
    RequirementInfo { key, kind, help }
}

use RequirementKind::{Count, Flag, Table as In};

impl Requirements {
    /// Every requirement key in the order of the fields, with its kind and a line of help.
    pub const KEYS: &'static [RequirementInfo] = &[
        req("cpus", Count, "at least this many vCPUs"),
        req(
            "cpu_type",
            In(CpuType::TABLE),
            "at least this CPU type, in the order L < V < T < C",
        ),
        req(
            "secure_cpu",
            Flag,
            "vCPUs protected against CPU vulnerabilities (no `i`)",
        ),
        req(
            "ram_gib",
            RequirementKind::Gib,
            "at least this much RAM in GiB",
        ),
        req("ecc", Flag, "ECC RAM (no `u`)"),
        req(
            "no_oversubscription",
            Flag,
            "RAM not oversubscribed (no `o`)",
        ),
        req("disk_gb", Count, "a root disk of at least this many GB"),
        req(
            "disk_type",
            In(DiskType::TABLE),
            "a root disk of at least this type, in the order n < h < s < p",
        ),
        req("no_disk", Flag, "no root disk (boot from a volume)"),
        req("arch", In(&ARCH), "this CPU architecture"),
        req("cpu_vendor", In(CpuVendor::TABLE), "this CPU vendor"),
        req("hypervisor", In(Hypervisor::TABLE), "this hypervisor"),
        req("gpu", Flag, "a GPU"),
        req("gpu_vendor", In(GpuVendor::TABLE), "a GPU of this vendor"),
        req(
            "gpu_units",
            Count,
            "a GPU with at least this many compute units",
        ),
        req(
            "gpu_vram_gib",
            Count,
            "a GPU with at least this much VRAM in GiB",
        ),
        req("infiniband", Flag, "Infiniband (`_ib`)"),
        req("bare_metal", Flag, "bare metal (`_bms`)"),
        req("hwv", Flag, "hardware (nested) virtualisation (`_hwv`)"),
    ];

    /// Sets the requirement at `Requirements::KEYS[index]` from a given value.
    fn apply(&mut self, index: usize, given: Given) -> Result<(), String> {
        let key = Self::KEYS[index].key;
        let e = |e: Error| e.to_string();
        let count = |field| given.count(field, key).map(|n| n.unwrap_or(0)).map_err(e);
        let flag = || given.flag(key).map_err(e);
        match index {
            0 => self.cpus = count(Field::CpuCount)?,
            1 => self.cpu_type = given.value(key).map_err(e)?,
            2 => self.secure_cpu = flag()?,
            3 => self.ram_gib = gib(&given).map_err(|m| format!("{key}: {m}"))?,
            4 => self.ecc = flag()?,
            5 => self.no_oversubscription = flag()?,
            6 => self.disk_gb = count(Field::DiskSize)?,
            7 => self.disk_type = given.value(key).map_err(e)?,
            8 => self.no_disk = flag()?,
            9 => self.arch = given.value(key).map_err(e)?,
            10 => self.cpu_vendor = given.value(key).map_err(e)?,
            11 => self.hypervisor = given.value(key).map_err(e)?,
            12 => self.gpu = flag()?,
            13 => self.gpu_vendor = given.value(key).map_err(e)?,
            14 => self.gpu_units = count(Field::GpuUnits)?,
            15 => self.gpu_vram_gib = count(Field::Vram)?,
            16 => self.infiniband = flag()?,
            17 => self.bare_metal = flag()?,
            _ => self.hwv = flag()?,
        }
        Ok(())
    }

    /// Whether a root disk is required (a size or a type is asked for).
    pub fn needs_disk(&self) -> bool {
        self.disk_gb > 0 || self.disk_type.is_some()
    }

    /// Whether a GPU is required.
    pub fn needs_gpu(&self) -> bool {
        self.gpu || self.gpu_vendor.is_some() || self.gpu_units > 0 || self.gpu_vram_gib > 0
    }

    /// Whether bare metal is required (`bare_metal`, or `hypervisor` bms).
    pub fn needs_bare_metal(&self) -> bool {
        self.bare_metal || self.hypervisor == Some(Hypervisor::BareMetal)
    }
}

/// Reads an object of requirement keys (see [`Requirements`]); checks every value.
impl<'de> Deserialize<'de> for Requirements {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Requirements, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Requirements;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of requirements such as {\"cpus\": 2, \"ram_gib\": 8}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Requirements, A::Error> {
                const NAMES: &[&str] = &{
                    let mut names = [""; Requirements::KEYS.len()];
                    let mut i = 0;
                    while i < names.len() {
                        names[i] = Requirements::KEYS[i].key;
                        i += 1;
                    }
                    names
                };
                let mut req = Requirements::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let Some(index) = NAMES.iter().position(|k| *k == key) else {
                        return Err(de::Error::custom(Error::unknown_field(&key, &NAMES)));
                    };
                    let given = map.next_value::<Given>()?;
                    req.apply(index, given).map_err(de::Error::custom)?;
                }
                if req.no_disk && req.needs_disk() {
                    return Err(de::Error::custom(
                        "no_disk: contradicts disk_gb and disk_type, which require a root disk",
                    ));
                }
                Ok(req)
            }
        }
        d.deserialize_map(V)
    }
}
