//! The two syntaxes (v1 and v2/v3) and the checker's five strategies.

use core::fmt;
use core::str::FromStr;

use crate::error::Error;
use crate::model::TableValue;
use crate::tables;

/// A syntax of the standard. v2 and v3 share one syntax; v1 used `:` where v2 has `-` and `-`
/// where v2 has `_`, and has no `chy` hypervisor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// `SCS-2V:4:20s-kvm`
    V1,
    /// `SCS-2V-4-20s_kvm` (also the v3 syntax)
    V2,
}

impl Syntax {
    /// `"v1"` or `"v2"`.
    pub fn code(self) -> &'static str {
        match self {
            Syntax::V1 => "v1",
            Syntax::V2 => "v2",
        }
    }

    pub(crate) fn table(self) -> &'static Table {
        match self {
            Syntax::V1 => &V1_TABLE,
            Syntax::V2 => &V2_TABLE,
        }
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The separators and words that make one syntax: data handed to the one parser.
#[derive(Debug)]
pub(crate) struct Table {
    /// Between CPU and RAM, and before the disk.
    pub(crate) dash: u8,
    /// Before each extension.
    pub(crate) ext: u8,
    /// Whether `chy` is a hypervisor.
    pub(crate) chy: bool,
}

static V1_TABLE: Table = Table {
    dash: b':',
    ext: b'-',
    chy: false,
};

static V2_TABLE: Table = Table {
    dash: b'-',
    ext: b'_',
    chy: true,
};

/// Which syntaxes a check accepts: the `VERSION` argument of the checker's `cli.py parse`.
///
/// | strategy | accepts | tolerates (with a warning) | rejects as "non-tolerable" |
/// |---|---|---|---|
/// | `v1` | v1 | — | v2 |
/// | `v1/v2` | v1 | v2 | — |
/// | `v2/v1` | v2 | v1 | — |
/// | `v2`, `v3`, `latest` | v2 | — | v1 |
///
/// The rows of [`tables::STRATEGIES`] describe them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strategy {
    /// `v1`
    V1,
    /// `v1/v2`
    V1V2,
    /// `v2/v1`: what certification effectively does (v1 tolerated with a warning).
    V2V1,
    /// `v2`
    V2,
    /// `v3` (also `latest`); the default.
    #[default]
    V3,
}

impl Strategy {
    /// Every strategy, in the order the checker lists them.
    pub const ALL: &'static [Strategy] = &[
        Strategy::V1,
        Strategy::V1V2,
        Strategy::V2V1,
        Strategy::V2,
        Strategy::V3,
    ];

    /// `"v1"`, `"v1/v2"`, `"v2/v1"`, `"v2"` or `"v3"`: the code of its row in
    /// [`tables::STRATEGIES`].
    pub fn code(self) -> &'static str {
        tables::STRATEGIES[self as usize].code
    }

    /// The syntax this strategy accepts.
    pub fn main(self) -> Syntax {
        match self {
            Strategy::V1 | Strategy::V1V2 => Syntax::V1,
            _ => Syntax::V2,
        }
    }

    /// The syntax this strategy tolerates with a warning, if any.
    pub fn tolerated(self) -> Option<Syntax> {
        match self {
            Strategy::V1V2 => Some(Syntax::V2),
            Strategy::V2V1 => Some(Syntax::V1),
            _ => None,
        }
    }

    /// The syntax this strategy recognises only to reject it ("non-tolerable"), if any.
    pub fn rejected(self) -> Option<Syntax> {
        match self {
            Strategy::V1 => Some(Syntax::V2),
            Strategy::V2 | Strategy::V3 => Some(Syntax::V1),
            _ => None,
        }
    }
}

impl TableValue for Strategy {
    const TABLE: &'static tables::Table = &tables::STRATEGY;
    const ALL: &'static [Strategy] = Strategy::ALL;

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Strategy {
    type Err = Error;

    /// Reads `v1`, `v1/v2`, `v2/v1`, `v2`, `v3` or `latest` (= `v3`), ignoring ASCII case
    /// as the checker does ([the lookup rule](crate::tables#the-lookup-rule)).
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`](crate::ErrorKind::Unknown) for anything else, e.g. `"v4"`, `""`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Strategy::lookup(s)
    }
}
