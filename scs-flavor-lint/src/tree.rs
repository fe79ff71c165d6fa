//! YAML and JSON read into one tree of values with their byte offsets, and the rules that find
//! flavor references in it (Heat, Kubernetes/Cluster API, Helm, Ansible, Terraform JSON).

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::facts::{flavor_key, jinja_variable, scs_like, templated, At, Def, Facts, Ref};
use crate::hcl;
use crate::BadInput;

/// A value with where it starts in the file.
#[derive(Debug)]
pub(crate) enum Node {
    /// A scalar; `string` when it is a JSON string or a quoted or plain YAML scalar that is not
    /// a number, boolean or null.
    Scalar { text: String, at: At, string: bool },
    /// A mapping, keys as scalars.
    Map(Vec<(Node, Node)>),
    /// A sequence.
    Seq(Vec<Node>),
}

impl Node {
    fn as_str(&self) -> Option<&str> {
        match self {
            Node::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(items) => items
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    fn entries(&self) -> &[(Node, Node)] {
        match self {
            Node::Map(items) => items,
            _ => &[],
        }
    }
}

/// The byte offsets where each line starts, to turn YAML marks into offsets.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn mark_offset(text: &str, starts: &[usize], m: &Marker) -> usize {
    let Some(&start) = starts.get(m.line().saturating_sub(1)) else {
        return text.len();
    };
    let line = text.get(start..).unwrap_or("");
    start
        + line
            .char_indices()
            .nth(m.col())
            .map_or(line.len(), |(i, _)| i)
}

fn plain_is_string(text: &str) -> bool {
    !(matches!(
        text,
        "" | "~"
            | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
    ) || text.parse::<f64>().is_ok())
}

/// Reads every document of a YAML stream.
pub(crate) fn yaml(text: &str) -> Result<Vec<Node>, BadInput> {
    let starts = line_starts(text);
    let mut parser = Parser::new_from_str(text);
    let mut docs = Vec::new();
    // Open collections: a map collects (key, value) pairs, a pending key waits for its value.
    enum Open {
        Map(Vec<(Node, Node)>, Option<Node>),
        Seq(Vec<Node>),
    }
    let mut stack: Vec<Open> = Vec::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| BadInput {
            offset: mark_offset(text, &starts, e.marker()),
            message: format!("not valid YAML: {}", e.info()),
        })?;
        let node = match event {
            Event::StreamEnd => break,
            Event::MappingStart(..) | Event::SequenceStart(..)
                if stack.len() >= crate::MAX_DEPTH =>
            {
                return Err(BadInput {
                    offset: mark_offset(text, &starts, &mark),
                    message: format!("nested deeper than {} levels", crate::MAX_DEPTH),
                });
            }
            Event::MappingStart(..) => {
                stack.push(Open::Map(Vec::new(), None));
                continue;
            }
            Event::SequenceStart(..) => {
                stack.push(Open::Seq(Vec::new()));
                continue;
            }
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(items, _)) => Node::Map(items),
                _ => continue,
            },
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(items)) => Node::Seq(items),
                _ => continue,
            },
            Event::Scalar(value, style, _, _) => {
                let string = style != TScalarStyle::Plain || plain_is_string(&value);
                let token = mark_offset(text, &starts, &mark);
                let at = match style {
                    TScalarStyle::Plain
                    | TScalarStyle::SingleQuoted
                    | TScalarStyle::DoubleQuoted => At::locate(text, token, &value),
                    _ => At {
                        offset: token,
                        verbatim: false,
                    },
                };
                Node::Scalar {
                    text: value,
                    at,
                    string,
                }
            }
            // An alias repeats a value defined elsewhere in the file, where it is linted.
            Event::Alias(_) => Node::Seq(Vec::new()),
            _ => continue,
        };
        match stack.last_mut() {
            None => docs.push(node),
            Some(Open::Seq(items)) => items.push(node),
            Some(Open::Map(items, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => items.push((key, node)),
            },
        }
    }
    Ok(docs)
}

/// Reads a JSON document (comments and trailing commas tolerated, as Terraform does).
pub(crate) fn json(text: &str) -> Result<Option<Node>, BadInput> {
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default())
        .map_err(|e| BadInput {
            offset: e.range().start,
            message: format!("not valid JSON: {}", e.kind()),
        })?;
    Ok(parsed.value.as_ref().map(|v| from_json(text, v)))
}

fn from_json(text: &str, v: &Value<'_>) -> Node {
    let scalar = |s: String, start: usize, string: bool| Node::Scalar {
        at: At::locate(text, start, &s),
        text: s,
        string,
    };
    match v {
        Value::StringLit(s) => scalar(s.value.to_string(), s.range.start, true),
        Value::Object(o) => Node::Map(
            o.properties
                .iter()
                .map(|p| {
                    let key = match &p.name {
                        ObjectPropName::String(s) => {
                            scalar(s.value.to_string(), s.range.start, true)
                        }
                        ObjectPropName::Word(w) => scalar(w.value.to_string(), w.range.start, true),
                    };
                    (key, from_json(text, &p.value))
                })
                .collect(),
        ),
        Value::Array(a) => Node::Seq(a.elements.iter().map(|e| from_json(text, e)).collect()),
        other => {
            let r = other.range();
            let raw = text.get(r.start..r.end).unwrap_or("").to_string();
            scalar(raw, r.start, false)
        }
    }
}

/// Which rules apply to a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// YAML: Heat, Kubernetes, Helm, Ansible (`{{ … }}` followed to variables).
    Yaml,
    /// Terraform JSON syntax (`.tf.json`): `${…}` followed to variables and locals.
    TerraformJson,
    /// Terraform variable values in JSON (`.tfvars.json`).
    TfvarsJson,
}

/// Finds the references and definitions in one document. `scope` makes Heat parameter keys
/// unique to their file.
pub(crate) fn facts(doc: &Node, dialect: Dialect, scope: &str, out: &mut Facts) {
    let mut w = Walker {
        dialect,
        scope,
        out,
    };
    match dialect {
        Dialect::Yaml if doc.get("heat_template_version").is_some() => w.heat(doc),
        Dialect::TerraformJson => w.terraform(doc),
        Dialect::TfvarsJson => {
            for (k, v) in doc.entries() {
                if let (Some(k), Node::Scalar { text, at, .. }) = (k.as_str(), v) {
                    w.def(format!("var.{k}"), text, *at);
                }
            }
        }
        Dialect::Yaml => {}
    }
    w.walk(doc, 0);
}

struct Walker<'a> {
    dialect: Dialect,
    scope: &'a str,
    out: &'a mut Facts,
}

impl Walker<'_> {
    fn def(&mut self, key: String, value: &str, at: At) {
        self.out.defs.push(Def {
            key,
            value: value.to_string(),
            at,
        });
    }

    fn heat_key(&self, param: &str) -> String {
        format!("heat:{}:{param}", self.scope)
    }

    /// A value in a flavor field.
    fn field(&mut self, v: &Node) {
        match v {
            Node::Scalar {
                text, at, string, ..
            } => {
                if !string && text.is_empty() {
                    return; // null: no value given
                }
                self.value(text, *at);
            }
            Node::Map(_) => {
                // Heat: `flavor: {get_param: name}` (or `[name]`).
                if let Some(p) = v.get("get_param") {
                    let param = match p {
                        Node::Seq(items) => items.first().and_then(Node::as_str),
                        other => other.as_str(),
                    };
                    if let Some(param) = param {
                        let key = self.heat_key(param);
                        self.out.refs.push(Ref::Follow {
                            key,
                            expression: format!("get_param: {param}"),
                            at: first_at(v),
                        });
                        return;
                    }
                }
                // Helm/cluster-stack: `flavor: {name: …}`.
                if let Some(name @ Node::Scalar { .. }) = v.get("name") {
                    self.field(name);
                }
            }
            Node::Seq(_) => {}
        }
    }

    /// A scalar flavor value: literal, followed, or computed.
    fn value(&mut self, text: &str, at: At) {
        let r = if let Some(var) = jinja_variable(text) {
            Ref::Follow {
                key: format!("jinja:{var}"),
                expression: text.to_string(),
                at,
            }
        } else if let Some(key) = (self.dialect != Dialect::Yaml)
            .then(|| hcl::template_variable(text))
            .flatten()
        {
            Ref::Follow {
                key,
                expression: text.to_string(),
                at,
            }
        } else if templated(text) {
            Ref::Computed {
                expression: text.to_string(),
                at,
            }
        } else {
            Ref::Literal {
                value: text.to_string(),
                at,
            }
        };
        self.out.refs.push(r);
    }

    /// Every mapping entry and string: flavor keys, `SCS-` strings, and (YAML) variables that
    /// `{{ name }}` may follow.
    fn walk(&mut self, node: &Node, depth: usize) {
        if depth > crate::MAX_DEPTH {
            return;
        }
        match node {
            Node::Scalar {
                text, at, string, ..
            } => {
                if *string && scs_like(text) {
                    self.out.refs.push(Ref::Literal {
                        value: text.clone(),
                        at: *at,
                    });
                }
            }
            Node::Seq(items) => {
                for item in items {
                    self.walk(item, depth + 1);
                }
            }
            Node::Map(items) => {
                for (k, v) in items {
                    if let Some(key) = k.as_str() {
                        if flavor_key(key) {
                            self.field(v);
                        }
                        if let (Dialect::Yaml, Node::Scalar { text, at, .. }) = (self.dialect, v) {
                            self.def(format!("jinja:{key}"), text, *at);
                        }
                    }
                    self.walk(k, depth + 1);
                    self.walk(v, depth + 1);
                }
            }
        }
    }

    /// Heat: parameters with the `nova.flavor` constraint (or a flavor name) are flavor fields;
    /// every parameter default is what `get_param` follows. `OS::Nova::Server` flavors are
    /// flavor keys, found by [`Walker::walk`].
    fn heat(&mut self, doc: &Node) {
        let Some(params) = doc.get("parameters") else {
            return;
        };
        for (name, p) in params.entries() {
            let Some(name) = name.as_str() else { continue };
            let Some(default) = p.get("default") else {
                continue;
            };
            let constrained = match p.get("constraints") {
                Some(Node::Seq(cs)) => cs.iter().any(|c| {
                    c.get("custom_constraint").and_then(Node::as_str) == Some("nova.flavor")
                }),
                _ => false,
            };
            if constrained || flavor_key(name) {
                self.field(default);
            }
            if let Node::Scalar { text, at, .. } = default {
                let key = self.heat_key(name);
                self.def(key, text, *at);
            }
        }
    }

    /// Terraform JSON: variable defaults and locals are definitions; a variable's default is a
    /// flavor field when its name says flavor; `name` of an `openstack_compute_flavor_v2`
    /// data source is one.
    fn terraform(&mut self, doc: &Node) {
        for vars in blocks(doc.get("variable")) {
            for (name, body) in vars.entries() {
                let Some(name) = name.as_str() else { continue };
                let Some(default) = body.get("default") else {
                    continue;
                };
                if flavor_key(name) {
                    self.field(default);
                }
                if let Node::Scalar { text, at, .. } = default {
                    self.def(format!("var.{name}"), text, *at);
                }
            }
        }
        for locals in blocks(doc.get("locals")) {
            for (name, v) in locals.entries() {
                if let (Some(name), Node::Scalar { text, at, .. }) = (name.as_str(), v) {
                    self.def(format!("local.{name}"), text, *at);
                }
            }
        }
        for data in blocks(doc.get("data")) {
            if let Some(sources) = data.get("openstack_compute_flavor_v2") {
                for (_, body) in sources.entries() {
                    for b in blocks(Some(body)) {
                        if let Some(name) = b.get("name") {
                            self.field(name);
                        }
                    }
                }
            }
        }
    }
}

/// Terraform JSON allows a block type as an object or as an array of objects.
fn blocks(v: Option<&Node>) -> Vec<&Node> {
    match v {
        Some(Node::Seq(items)) => items.iter().collect(),
        Some(n @ Node::Map(_)) => vec![n],
        _ => Vec::new(),
    }
}

/// Where a value starts: its first scalar (for a map, its first key).
fn first_at(n: &Node) -> At {
    match n {
        Node::Scalar { at, .. } => *at,
        Node::Map(items) => items.first().map_or(
            At {
                offset: 0,
                verbatim: false,
            },
            |(k, _)| first_at(k),
        ),
        Node::Seq(items) => items.first().map_or(
            At {
                offset: 0,
                verbatim: false,
            },
            first_at,
        ),
    }
}
