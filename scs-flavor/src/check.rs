//! Entry points: a strategy reads a name to one of three outcomes.

use core::str::FromStr;

use crate::error::{Component, Error, ErrorKind};
use crate::model::Flavor;
use crate::parse::{self, Span, Spans, PREFIX};
use crate::syntax::{Strategy, Syntax};

/// A name read successfully: the flavor, the syntax it was written in, where each component
/// stands, and whether the strategy merely tolerated it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Parsed<'a> {
    input: &'a str,
    flavor: Flavor,
    syntax: Syntax,
    strategy: Strategy,
    tolerated: bool,
    spans: Spans,
}

impl<'a> Parsed<'a> {
    /// The name as given.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The flavor it names.
    pub fn flavor(&self) -> Flavor {
        self.flavor
    }

    /// The syntax the name is written in.
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The strategy it was read with.
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// Whether only the strategy's tolerated syntax matched (a warning is due).
    pub fn is_tolerated(&self) -> bool {
        self.tolerated
    }

    /// Where each component stands in the input.
    pub fn spans(&self) -> Spans {
        self.spans
    }

    /// The span of one component, if the name has it.
    pub fn span(&self, component: Component) -> Option<Span> {
        self.spans.get(component)
    }
}

/// What a strategy makes of a name: the checker's three outcomes.
// `Valid` is large, but boxing it would allocate, which nothing in this crate does.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome<'a> {
    /// The name does not start with `SCS-`: the standard does not govern it.
    NotScs,
    /// A valid SCS flavor name (possibly only tolerated: see [`Parsed::is_tolerated`]).
    Valid(Parsed<'a>),
    /// A name that starts with `SCS-` but breaks the standard.
    Invalid(Error),
}

impl<'a> Outcome<'a> {
    /// A stable identifier: `"valid"`, `"invalid"` or `"not-scs"`.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::NotScs => "not-scs",
            Outcome::Valid(_) => "valid",
            Outcome::Invalid(_) => "invalid",
        }
    }

    /// The outcome as a `Result`, with not-SCS names as an error of kind
    /// [`ErrorKind::NotScs`].
    ///
    /// # Errors
    /// For invalid and not-SCS names.
    pub fn into_result(self) -> Result<Parsed<'a>, Error> {
        match self {
            Outcome::Valid(p) => Ok(p),
            Outcome::Invalid(e) => Err(e),
            Outcome::NotScs => Err(Error::new(ErrorKind::NotScs, 0, 0)),
        }
    }
}

impl Strategy {
    /// Reads `input` as the official checker's `cli.py parse VERSION` does (REFERENCE.md §6).
    ///
    /// ```
    /// use scs_flavor::{Outcome, Strategy};
    /// assert!(matches!(Strategy::V3.check("SCS-2V-4-20s"), Outcome::Valid(_)));
    /// assert!(matches!(Strategy::V3.check("SCS-2V:4:20s"), Outcome::Invalid(_)));
    /// assert!(matches!(Strategy::V2V1.check("SCS-2V:4:20s"), Outcome::Valid(p) if p.is_tolerated()));
    /// assert!(matches!(Strategy::V3.check("m1.large"), Outcome::NotScs));
    /// ```
    pub fn check(self, input: &str) -> Outcome<'_> {
        if !input.starts_with(PREFIX) {
            return Outcome::NotScs;
        }
        let valid = |(flavor, spans), syntax, tolerated| {
            Outcome::Valid(Parsed {
                input,
                flavor,
                syntax,
                strategy: self,
                tolerated,
                spans,
            })
        };
        let main = self.main();
        let first = match parse::parse(input, main) {
            Ok(ok) => return valid(ok, main, false),
            Err(e) => e,
        };
        self.fallback(input, first, valid)
    }

    #[cold]
    fn fallback<'a>(
        self,
        input: &'a str,
        first: Error,
        valid: impl Fn((Flavor, Spans), Syntax, bool) -> Outcome<'a>,
    ) -> Outcome<'a> {
        let mut first = first;
        if let Some(tolerated) = self.tolerated() {
            match parse::parse(input, tolerated) {
                Ok(ok) => return valid(ok, tolerated, true),
                // Report the tolerated syntax's error where the main syntax did not even
                // recognise the CPU/RAM part, or where it got further into the name.
                Err(e) => {
                    let mismatch =
                        |e: Error| matches!(e.kind(), ErrorKind::ExpectedRamSeparator { .. });
                    if mismatch(first) || (!mismatch(e) && e.start() > first.start()) {
                        first = e;
                    }
                }
            }
        }
        if let Some(rejected) = self.rejected() {
            if parse::parse(input, rejected).is_ok() {
                return Outcome::Invalid(Error::new(
                    ErrorKind::WrongSyntax {
                        found: rejected,
                        strategy: self,
                    },
                    first.start(),
                    first.end(),
                ));
            }
        }
        Outcome::Invalid(first)
    }

    /// Like [`Strategy::check`], with a not-SCS name as an error of kind
    /// [`ErrorKind::NotScs`].
    ///
    /// # Errors
    /// Any [`ErrorKind`]: e.g. `"m1.large"` (not-scs), `"SCS-2V-3.25"` (ram-not-half),
    /// `"SCS-2V:4"` under `v3` (wrong-syntax), `"SCS-2V-4_i7"` (cpu-generation).
    pub fn parse(self, input: &str) -> Result<Parsed<'_>, Error> {
        self.check(input).into_result()
    }
}

/// Parses a name in the v3 syntax (strategy `v3`).
///
/// # Errors
/// Any [`ErrorKind`]: e.g. `"m1.large"` (not-scs), `"SCS-2v-4"` (expected-cpu-type),
/// `"SCS-0V-4"` (zero), `"SCS-2V-4_hwv_kvm"` (out-of-order), `"SCS-2V:4"` (wrong-syntax).
pub fn parse(input: &str) -> Result<Flavor, Error> {
    Strategy::V3.parse(input).map(|p| p.flavor)
}

impl FromStr for Flavor {
    type Err = Error;

    /// Parses a name in the v3 syntax: see [`parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// The length of the longest name this library writes, in bytes: enough for any
/// [`Flavor::write_to`] buffer.
pub const MAX_NAME_LEN: usize = 128;
