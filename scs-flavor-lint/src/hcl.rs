//! Terraform/OpenTofu files (`.tf`, `.tfvars`) read by `hcl-edit`, which keeps the byte span of
//! every expression.

use hcl_edit::expr::{Expression, ObjectKey, ObjectValue, TraversalOperator};
use hcl_edit::structure::{Attribute, Block, Body, Structure};
use hcl_edit::template::Element;
use hcl_edit::visit::{self, Visit};
use hcl_edit::Span;

use crate::facts::{flavor_key, scs_like, At, Def, Facts, Ref};
use crate::BadInput;

/// Reads an HCL file: `tfvars` for a variable values file.
pub(crate) fn facts(text: &str, tfvars: bool, out: &mut Facts) -> Result<(), BadInput> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| BadInput {
        offset: e.location().offset(),
        message: format!("not valid HCL: {}", e.message()),
    })?;
    let mut r = Reader { text, out };
    if tfvars {
        for a in body.attributes() {
            let key = a.key.as_str();
            r.define(format!("var.{key}"), &a.value);
            if flavor_key(key) {
                r.field(&a.value);
            }
        }
    } else {
        r.body(&body);
    }
    // Every `SCS-` string and every object item with a flavor key, wherever it stands.
    r.visit_body(&body);
    Ok(())
}

struct Reader<'a> {
    text: &'a str,
    out: &'a mut Facts,
}

fn start(e: &impl Span) -> usize {
    e.span().map_or(0, |r| r.start)
}

/// The key a traversal `var.x` / `local.x` (an attribute of either) is followed by.
fn traversal_key(e: &Expression) -> Option<String> {
    let Expression::Traversal(t) = e else {
        return None;
    };
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let root = root.as_str();
    if root != "var" && root != "local" {
        return None;
    }
    match t.operators.first().map(|o| o.value()) {
        Some(TraversalOperator::GetAttr(name)) => Some(format!("{root}.{}", name.as_str())),
        _ => None,
    }
}

/// The key of a Terraform string that is one interpolation of `var.x` or `local.x` and
/// nothing else (`"${var.flavor}"`), read by the HCL template parser.
pub(crate) fn template_variable(text: &str) -> Option<String> {
    let template = hcl_edit::parser::parse_template(text).ok()?;
    let mut elements = template.iter();
    match (elements.next(), elements.next()) {
        (Some(Element::Interpolation(i)), None) => traversal_key(&i.expr),
        _ => None,
    }
}

impl Reader<'_> {
    fn at(&self, e: &impl Span, value: &str) -> At {
        At::locate(self.text, start(e), value)
    }

    fn raw(&self, e: &impl Span) -> String {
        e.span()
            .and_then(|r| self.text.get(r))
            .unwrap_or("")
            .to_string()
    }

    /// A literal that `var.x` / `local.x` may follow.
    fn define(&mut self, key: String, e: &Expression) {
        if let Expression::String(s) = e {
            let at = self.at(e, s.value());
            self.out.defs.push(Def {
                key,
                value: s.value().clone(),
                at,
            });
        }
    }

    /// A value in a flavor field.
    fn field(&mut self, e: &Expression) {
        let r = match e {
            Expression::Null(_) => return,
            Expression::String(s) => Ref::Literal {
                value: s.value().clone(),
                at: self.at(e, s.value()),
            },
            Expression::StringTemplate(t) => {
                let mut elements = t.iter();
                let single = match (elements.next(), elements.next()) {
                    (Some(Element::Interpolation(i)), None) => traversal_key(&i.expr),
                    _ => None,
                };
                self.follow_or_computed(single, e)
            }
            Expression::Parenthesis(p) => return self.field(p.inner()),
            other => self.follow_or_computed(traversal_key(other), e),
        };
        self.out.refs.push(r);
    }

    fn follow_or_computed(&self, key: Option<String>, e: &Expression) -> Ref {
        let expression = self.raw(e);
        // `expression` is the source text at the span: it stands there verbatim.
        let at = At {
            offset: start(e),
            verbatim: e.span().is_some(),
        };
        match key {
            Some(key) => Ref::Follow {
                key,
                expression,
                at,
            },
            None => Ref::Computed { expression, at },
        }
    }

    fn body(&mut self, body: &Body) {
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => self.attribute(a),
                Structure::Block(b) => self.block(b),
            }
        }
    }

    fn attribute(&mut self, a: &Attribute) {
        if flavor_key(a.key.as_str()) {
            self.field(&a.value);
        }
    }

    fn block(&mut self, b: &Block) {
        let label = |i: usize| b.labels.get(i).map(|l| l.as_str());
        match b.ident.as_str() {
            "variable" => {
                let Some(name) = label(0) else { return };
                if let Some(default) = b.body.get_attribute("default") {
                    self.define(format!("var.{name}"), &default.value);
                    if flavor_key(name) {
                        self.field(&default.value);
                    }
                }
            }
            "locals" => {
                for a in b.body.attributes() {
                    self.define(format!("local.{}", a.key.as_str()), &a.value);
                    self.attribute(a);
                }
            }
            "data" if label(0) == Some("openstack_compute_flavor_v2") => {
                if let Some(name) = b.body.get_attribute("name") {
                    self.field(&name.value);
                }
                self.body(&b.body);
            }
            _ => self.body(&b.body),
        }
    }
}

impl Visit for Reader<'_> {
    fn visit_expr(&mut self, e: &Expression) {
        if let Expression::String(s) = e {
            if scs_like(s.value()) {
                let at = self.at(e, s.value());
                self.out.refs.push(Ref::Literal {
                    value: s.value().clone(),
                    at,
                });
            }
        }
        visit::visit_expr(self, e);
    }

    fn visit_object_item(&mut self, key: &ObjectKey, value: &ObjectValue) {
        let name = match key {
            ObjectKey::Ident(i) => Some(i.as_str().to_string()),
            ObjectKey::Expression(Expression::String(s)) => Some(s.value().clone()),
            ObjectKey::Expression(_) => None,
        };
        if name.as_deref().is_some_and(flavor_key) {
            self.field(value.expr());
        }
        visit::visit_object_item(self, key, value);
    }
}
