//! What the readers of each format find in a file: flavor references (literal, followed or
//! computed) and literal definitions that references may follow.

/// Where a value stands: the byte offset of its first character in the file, and whether the
/// name as read stands there verbatim (so that offsets inside the name map to the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct At {
    pub offset: usize,
    pub verbatim: bool,
}

impl At {
    /// The position of `value` read from the token that starts at byte `token` of `text`:
    /// past an opening quote, and verbatim where the source spells the value as read.
    pub fn locate(text: &str, token: usize, value: &str) -> At {
        let token = token.min(text.len());
        let rest = text.get(token..).unwrap_or("");
        let inner = match rest.as_bytes().first() {
            Some(b'"' | b'\'') => token + 1,
            _ => token,
        };
        let verbatim = text.get(inner..).is_some_and(|s| s.starts_with(value));
        At {
            offset: if verbatim { inner } else { token },
            verbatim,
        }
    }
}

/// A flavor reference found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ref {
    /// A literal name.
    Literal { value: String, at: At },
    /// A value to follow to the definitions named `key` (`var.flavor`, `local.x`,
    /// `jinja:flavor`, `heat:FILE:param`); `expression` as written.
    Follow {
        key: String,
        expression: String,
        at: At,
    },
    /// A computed value that cannot be followed.
    Computed { expression: String, at: At },
}

/// A literal value that a [`Ref::Follow`] with the same key leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Def {
    pub key: String,
    pub value: String,
    pub at: At,
}

/// Everything found in one file.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub refs: Vec<Ref>,
    pub defs: Vec<Def>,
}

/// Whether a key names a flavor: ignoring case, `_` and `-`, it ends with `flavor` or
/// `flavorname` (`flavor`, `flavor_name`, `controlPlaneFlavor`, `worker-flavor`), not
/// `flavor_id`.
pub(crate) fn flavor_key(key: &str) -> bool {
    let k: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    k.ends_with("flavor") || k.ends_with("flavorname")
}

/// Whether a string value anywhere is taken as a flavor name: it starts with `SCS-` and has
/// no whitespace (a sentence like "SCS-compliant cluster" is not a name).
pub(crate) fn scs_like(value: &str) -> bool {
    value.starts_with(scs_flavor::PREFIX) && !value.chars().any(char::is_whitespace)
}

/// The variable of a Jinja2 expression that is nothing but one variable (`{{ flavor }}`).
pub(crate) fn jinja_variable(value: &str) -> Option<&str> {
    let inner = value.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let mut chars = inner.chars();
    let first = chars.next()?;
    let ident = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ident.then_some(inner)
}

/// Whether a value is computed by a template language (Jinja2 `{{ … }}`/`{% … %}`, Terraform
/// and shell `${…}`).
pub(crate) fn templated(value: &str) -> bool {
    value.contains("{{") || value.contains("{%") || value.contains("${")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flavor_keys() {
        for k in [
            "flavor",
            "flavor_name",
            "flavorName",
            "controlPlaneFlavor",
            "worker-flavor",
            "FLAVOR",
        ] {
            assert!(flavor_key(k), "{k}");
        }
        for k in ["flavor_id", "flavorID", "flavors", "name", "image", ""] {
            assert!(!flavor_key(k), "{k}");
        }
    }

    #[test]
    fn jinja() {
        assert_eq!(jinja_variable("{{ worker_flavor }}"), Some("worker_flavor"));
        assert_eq!(jinja_variable("{{x}}"), Some("x"));
        assert_eq!(jinja_variable("{{ x | default('a') }}"), None);
        assert_eq!(jinja_variable("{{ 1x }}"), None);
        assert_eq!(jinja_variable("x"), None);
    }

    #[test]
    fn locate() {
        let text = r#"a = "SCS-2V-4""#;
        assert_eq!(
            At::locate(text, 4, "SCS-2V-4"),
            At {
                offset: 5,
                verbatim: true
            }
        );
        let text = r#"a = "SCS\u002d2V""#;
        assert_eq!(
            At::locate(text, 4, "SCS-2V"),
            At {
                offset: 4,
                verbatim: false
            }
        );
    }
}
