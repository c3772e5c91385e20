//! Rendering: walks the node tree with Liquid 4's error handling (errors are caught at the
//! innermost node and printed inline unless the render raises), blank-block output
//! suppression, and `break`/`continue` interrupts.

use super::ast::*;
use super::context::{Context, Interrupt};
use super::drops::{as_method_literal, ForloopDrop, TablerowloopDrop};
use super::error::{ErrorKind, LResult, LiquidError};
use super::ruby;
use super::Template;
use crate::value::{DropRef, Value};
use std::sync::atomic::AtomicI64;
use std::sync::Arc;

/// How deeply bodies may nest while rendering (blocks inside includes inside blocks...).
const MAX_RENDER_DEPTH: usize = 200;

impl Context {
    pub(crate) fn render_body(&mut self, body: &Body, out: &mut String) -> LResult<()> {
        // Nested blocks and includes each add a level; bound them so that no template
        // (an include that includes itself, say) can exhaust the thread's stack.
        if self.depth >= MAX_RENDER_DEPTH {
            return Err(LiquidError::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        self.depth += 1;
        let r = self.render_nodes(body, out);
        self.depth -= 1;
        r
    }

    fn render_nodes(&mut self, body: &Body, out: &mut String) -> LResult<()> {
        for node in &body.nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Output(o) => {
                    let start = out.len();
                    let r = self.render_output(o, out);
                    self.finish_node(r, o.line, start, false, out)?;
                }
                Node::Tag(t) => {
                    match t.kind {
                        TagKind::Break => {
                            self.interrupts.push(Interrupt::Break);
                            break;
                        }
                        TagKind::Continue => {
                            self.interrupts.push(Interrupt::Continue);
                            break;
                        }
                        _ => {}
                    }
                    let start = out.len();
                    let r = self.render_tag(t, out);
                    let skip = t.is_block() && t.blank;
                    self.finish_node(r, t.line, start, skip, out)?;
                    if !self.interrupts.is_empty() {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// `render_node_to_output`'s rescue: record the error and print it (or re-raise).
    fn finish_node(
        &mut self,
        r: LResult<()>,
        line: usize,
        start: usize,
        skip: bool,
        out: &mut String,
    ) -> LResult<()> {
        match r {
            Ok(()) => {
                if skip {
                    out.truncate(start);
                }
                Ok(())
            }
            Err(mut e) => {
                out.truncate(start);
                if e.template_name.is_none() {
                    e.template_name = self.template_name.clone();
                }
                let e = e.with_line(line);
                if self.rethrow {
                    return Err(e);
                }
                if !matches!(
                    e.kind,
                    ErrorKind::UndefinedVariable
                        | ErrorKind::UndefinedFilter
                        | ErrorKind::UndefinedDropMethod
                ) {
                    out.push_str(&e.to_ruby_string());
                }
                self.errors.push(e);
                Ok(())
            }
        }
    }

    pub(crate) fn eval_output(&mut self, o: &Output) -> LResult<Value> {
        let mut v = self.evaluate(&o.expr)?;
        for f in &o.filters {
            if f.args.is_empty() && f.kwargs.is_empty() {
                // `| upcase`: no argument list to build.
                v = self.apply_filter(f, &v, &[])?;
                continue;
            }
            // The argument list reuses one buffer across calls (a filter that renders
            // further outputs finds it taken and starts its own).
            let mut args = std::mem::take(&mut self.filter_args);
            args.clear();
            let r = self
                .eval_filter_args(f, &mut args)
                .and_then(|()| self.apply_filter(f, &v, &args));
            args.clear();
            self.filter_args = args;
            v = r?;
        }
        Ok(v)
    }

    fn eval_filter_args(&self, f: &FilterCall, args: &mut Vec<Value>) -> LResult<()> {
        for a in &f.args {
            args.push(self.evaluate(a)?);
        }
        if !f.kwargs.is_empty() {
            let mut h = crate::value::Hash::new();
            for (k, e) in &f.kwargs {
                h.insert(k.clone(), self.evaluate(e)?);
            }
            args.push(Value::hash(h));
        }
        Ok(())
    }

    fn render_output(&mut self, o: &Output, out: &mut String) -> LResult<()> {
        if o.filters.is_empty() {
            // `{{ page.title }}`: print the value where it lives, without copying it.
            let v = self.eval_ref(&o.expr)?;
            write_output(v.get(), out);
            return Ok(());
        }
        let v = self.eval_output(o)?;
        write_output(&v, out);
        Ok(())
    }

    fn render_tag(&mut self, t: &TagNode, out: &mut String) -> LResult<()> {
        match &t.kind {
            TagKind::Assign { to, from } => {
                let v = self.eval_output(from)?;
                self.scopes[0].insert(to.clone(), v);
                Ok(())
            }
            TagKind::Capture { to, body } => {
                let mut buf = String::new();
                self.render_body(body, &mut buf)?;
                self.scopes[0].insert(to.clone(), Value::str(buf));
                Ok(())
            }
            TagKind::If { branches, unless } => {
                for (i, b) in branches.iter().enumerate() {
                    let hit = match &b.cond {
                        None => true,
                        Some(c) => {
                            let r = self.eval_condition(c)?;
                            if i == 0 && *unless {
                                !r
                            } else {
                                r
                            }
                        }
                    };
                    if hit {
                        return self.render_body(&b.body, out);
                    }
                }
                Ok(())
            }
            TagKind::Case { left, branches } => {
                let mut run_else = true;
                let left_v = self.evaluate(left)?;
                for b in branches {
                    match &b.kind {
                        CaseBranchKind::Else => {
                            if run_else {
                                let mut buf = String::new();
                                self.render_body(&b.body, &mut buf)?;
                                out.push_str(&buf);
                                return Ok(());
                            }
                        }
                        CaseBranchKind::When(values) => {
                            for v in values {
                                let right = self.evaluate(v)?;
                                if equal_variables(&left_v, &right) {
                                    run_else = false;
                                    self.render_body(&b.body, out)?;
                                }
                            }
                        }
                    }
                }
                Ok(())
            }
            TagKind::For(f) => self.render_for(f, out),
            TagKind::Tablerow(tr) => self.render_tablerow(tr, out),
            TagKind::Cycle { key, values } => {
                let named;
                let key = match key {
                    CycleKey::Static(s) => s.as_str(),
                    CycleKey::Named(e) => {
                        named = format!("v:{}", ruby::inspect(&self.evaluate(e)?));
                        named.as_str()
                    }
                };
                let at = self.cycles.iter().position(|(k, _)| k == key);
                let iteration = at.map_or(0, |i| self.cycles[i].1);
                let next = if iteration + 1 >= values.len() {
                    0
                } else {
                    iteration + 1
                };
                if let Some(e) = values.get(iteration) {
                    write_output(self.eval_ref(e)?.get(), out);
                }
                match at {
                    Some(i) => self.cycles[i].1 = next,
                    None => self.cycles.push((key.to_string(), next)),
                }
                Ok(())
            }
            TagKind::Increment(name) | TagKind::Decrement(name) => {
                let inc = matches!(t.kind, TagKind::Increment(_));
                let cur = self
                    .globals
                    .get(name.as_str())
                    .cloned()
                    .unwrap_or(Value::Nil);
                let cur = if cur.is_nil() { Value::Int(0) } else { cur };
                let next = match &cur {
                    Value::Int(i) => match if inc {
                        i.checked_add(1)
                    } else {
                        i.checked_sub(1)
                    } {
                        Some(n) => Value::Int(n),
                        None => Value::Float(*i as f64 + if inc { 1.0 } else { -1.0 }),
                    },
                    Value::Float(f) => Value::Float(if inc { f + 1.0 } else { f - 1.0 }),
                    _ => return Err(LiquidError::internal()),
                };
                self.globals.insert(name.clone(), next.clone());
                out.push_str(&ruby::to_s(if inc { &cur } else { &next }));
                Ok(())
            }
            TagKind::Break | TagKind::Continue => Ok(()),
            TagKind::Raw(text) => {
                out.push_str(text);
                Ok(())
            }
            TagKind::Comment => Ok(()),
            TagKind::Ifchanged(body) => {
                let mut buf = String::new();
                self.render_body(body, &mut buf)?;
                if self.ifchanged.as_deref() != Some(buf.as_str()) {
                    out.push_str(&buf);
                    self.ifchanged = Some(buf);
                }
                Ok(())
            }
            TagKind::Include(inc) => self.render_include(inc, out),
            TagKind::Custom(tag) | TagKind::CustomBlock(tag) => tag.render(self, out),
        }
    }

    pub(crate) fn eval_condition(&self, c: &Condition) -> LResult<bool> {
        let mut cur = c;
        loop {
            let r = self.interpret_condition(cur)?;
            match &cur.child {
                Some((true, next)) if r => cur = next,
                Some((false, next)) if !r => cur = next,
                _ => return Ok(r),
            }
        }
    }

    fn interpret_condition(&self, c: &Condition) -> LResult<bool> {
        let left = self.eval_ref(&c.left)?;
        let left = left.get();
        let Some(op) = &c.op else {
            return Ok(left.is_truthy());
        };
        let right = self.eval_ref(&c.right)?;
        let right = right.get();
        match op.as_str() {
            "==" => Ok(equal_variables(left, right)),
            "!=" | "<>" => Ok(!equal_variables(left, right)),
            "contains" => Ok(contains(left, right)),
            "<" | ">" | "<=" | ">=" => {
                if !ruby::has_comparison_ops(left) || !ruby::has_comparison_ops(right) {
                    return Ok(false);
                }
                match ruby::compare(left, right) {
                    Some(o) => Ok(match op.as_str() {
                        "<" => o.is_lt(),
                        ">" => o.is_gt(),
                        "<=" => o.is_le(),
                        _ => o.is_ge(),
                    }),
                    None => {
                        if matches!((left, right), (Value::Float(a), _) if a.is_nan())
                            || matches!((left, right), (_, Value::Float(b)) if b.is_nan())
                        {
                            return Ok(false);
                        }
                        Err(LiquidError::argument(format!(
                            "comparison of {} with {} failed",
                            left.ruby_class(),
                            ruby::cmp_error_name(right)
                        )))
                    }
                }
            }
            other => Err(LiquidError::argument(format!("Unknown operator {other}"))),
        }
    }

    fn render_for(&mut self, f: &ForTag, out: &mut String) -> LResult<()> {
        let from = match &f.offset {
            Some(ForOffset::Continue) => self
                .for_offsets
                .iter()
                .find(|(k, _)| *k == f.name)
                .map_or(0, |(_, at)| *at),
            Some(ForOffset::Expr(e)) => {
                let v = self.evaluate(e)?;
                to_i(&v)?
            }
            None => 0,
        };
        let collection = self.evaluate(&f.collection)?;
        let limit = match &f.limit {
            Some(e) => {
                let v = self.evaluate(e)?;
                if v.is_nil() {
                    None
                } else {
                    Some(to_i(&v)?)
                }
            }
            None => None,
        };
        let to = limit.map(|l| l.saturating_add(from));
        let mut segment = slice_collection(&collection, from, to);
        if f.reversed {
            segment.reverse();
        }
        let resume = from.saturating_add(segment.len() as i64);
        match self.for_offsets.iter_mut().find(|(k, _)| *k == f.name) {
            Some(entry) => entry.1 = resume,
            None => self.for_offsets.push((f.name.clone(), resume)),
        }
        if segment.is_empty() {
            if let Some(e) = &f.else_body {
                self.render_body(e, out)?;
            }
            return Ok(());
        }
        let parent = self.for_stack.last().cloned().unwrap_or(Value::Nil);
        let drop = Arc::new(ForloopDrop {
            name: f.name.clone(),
            length: segment.len() as i64,
            parent,
            index: AtomicI64::new(0),
        });
        let drop_value = Value::Drop(DropRef(drop.clone()));
        self.push_scope()?;
        self.for_stack.push(drop_value.clone());
        self.set("forloop", drop_value);
        // The loop variable's place in the loop's own scope: set once, then overwritten
        // in place on each iteration (the body's tags add scopes of their own).
        let slot = self.innermost_slot(&f.var);
        let mut result = Ok(());
        for item in segment {
            self.set_slot(slot, item);
            if let Err(e) = self.render_body(&f.body, out) {
                result = Err(e);
                break;
            }
            drop.increment();
            if let Some(i) = self.interrupts.pop() {
                if matches!(i, Interrupt::Break) {
                    break;
                }
            }
        }
        self.for_stack.pop();
        self.pop_scope();
        result
    }

    fn render_tablerow(&mut self, t: &TablerowTag, out: &mut String) -> LResult<()> {
        let collection = self.evaluate(&t.collection)?;
        if !collection.is_truthy() {
            return Ok(());
        }
        let attr = |name: &str| t.attrs.iter().find(|(k, _)| k == name).map(|(_, e)| e);
        let from = match attr("offset") {
            Some(e) => {
                let v = self.evaluate(e)?;
                to_i(&v)?
            }
            None => 0,
        };
        let to = match attr("limit") {
            Some(e) => {
                let v = self.evaluate(e)?;
                Some(from.saturating_add(to_i(&v)?))
            }
            None => None,
        };
        let items = slice_collection(&collection, from, to);
        let cols = match attr("cols") {
            Some(e) => {
                let v = self.evaluate(e)?;
                to_i(&v)?
            }
            None => 0,
        };
        let drop = Arc::new(TablerowloopDrop::new(items.len() as i64, cols));
        out.push_str("<tr class=\"row1\">\n");
        self.push_scope()?;
        self.set("tablerowloop", Value::Drop(DropRef(drop.clone())));
        let mut result = Ok(());
        for item in items {
            self.set(t.var.clone(), item);
            out.push_str(&format!("<td class=\"col{}\">", drop.col()));
            if let Err(e) = self.render_body(&t.body, out) {
                result = Err(e);
                break;
            }
            out.push_str("</td>");
            if drop.col_last() && !drop.last() {
                out.push_str(&format!("</tr>\n<tr class=\"row{}\">", drop.row() + 1));
            }
            drop.increment();
        }
        self.pop_scope();
        result?;
        out.push_str("</tr>\n");
        Ok(())
    }

    fn render_include(&mut self, inc: &IncludeTag, out: &mut String) -> LResult<()> {
        let name_v = self.evaluate(&inc.name)?;
        if !name_v.is_truthy() {
            return Err(LiquidError::argument(
                "Argument error in tag 'include' - Illegal template name",
            ));
        }
        // The file system sees the name first; only then does Ruby need it to be a String.
        let partial = self.load_partial(&ruby::to_s(&name_v))?;
        let Value::Str(name) = &name_v else {
            return Err(LiquidError::internal());
        };
        let name = name.to_string();
        let var_name = name.rsplit('/').next().unwrap_or(&name).to_string();
        let variable = match &inc.variable {
            Some(e) => self.evaluate(e)?,
            None => {
                let strict = std::mem::replace(&mut self.strict_variables, false);
                let v = self.find_variable(&name);
                self.strict_variables = strict;
                v?
            }
        };
        let old_name = self.template_name.replace(name.clone());
        let r = self.with_scope(|ctx| {
            for (k, e) in &inc.attrs {
                let v = ctx.evaluate(e)?;
                ctx.set(k.clone(), v);
            }
            if let Value::Array(items) = &variable {
                for item in items.iter() {
                    ctx.set(var_name.clone(), item.clone());
                    ctx.render_body(&partial.inner.root, out)?;
                }
            } else {
                ctx.set(var_name.clone(), variable.clone());
                ctx.render_body(&partial.inner.root, out)?;
            }
            Ok(())
        });
        self.template_name = old_name;
        r
    }

    fn load_partial(&mut self, name: &str) -> LResult<Template> {
        if let Some(t) = self.partials.get(name) {
            return Ok(t.clone());
        }
        let source = match &self.file_system {
            Some(fs) => fs
                .read_template_file(name)
                .map_err(|m| LiquidError::new(ErrorKind::FileSystem, m))?,
            None => {
                return Err(LiquidError::new(
                    ErrorKind::FileSystem,
                    "This liquid context does not allow includes.",
                ))
            }
        };
        let reg = self.registry.clone().unwrap_or_default();
        let t = Template::parse_with(reg, self.error_mode, &source)?;
        self.partials.insert(name.to_string(), t.clone());
        Ok(t)
    }
}

/// Ruby `==` with Liquid's `empty`/`blank` rules.
pub(crate) fn equal_variables(left: &Value, right: &Value) -> bool {
    if let Some(empty) = as_method_literal(left) {
        return method_literal_matches(empty, right);
    }
    if let Some(empty) = as_method_literal(right) {
        return method_literal_matches(empty, left);
    }
    ruby::equals(left, right)
}

/// `x.empty?` when `x` has it; `blank?` exists on nothing without ActiveSupport.
fn method_literal_matches(empty: bool, v: &Value) -> bool {
    if !empty {
        return false;
    }
    match v {
        Value::Str(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Hash(h) => h.is_empty(),
        _ => false,
    }
}

fn contains(left: &Value, right: &Value) -> bool {
    if !left.is_truthy() || !right.is_truthy() {
        return false;
    }
    match left {
        Value::Str(s) => s.contains(&*ruby::to_s(right)),
        Value::Array(a) => a.iter().any(|x| ruby::equals(x, right)),
        Value::Hash(h) => right
            .as_str()
            .map(|k| super::context::hash_get(h, k).is_some())
            .unwrap_or(false),
        Value::Range(a, b) => match right {
            Value::Int(i) => a <= i && i <= b,
            Value::Float(f) => (*a as f64) <= *f && *f <= (*b as f64),
            _ => false,
        },
        _ => false,
    }
}

/// Ruby `to_i` on the values `limit`/`offset`/`cols` take.
pub(crate) fn to_i(v: &Value) -> LResult<i64> {
    match v {
        Value::Nil => Ok(0),
        Value::Int(i) => Ok(*i),
        Value::Float(f) => {
            if f.is_finite() {
                Ok(f.trunc() as i64)
            } else {
                Err(LiquidError::new(
                    ErrorKind::FloatDomain,
                    ruby::float_to_s(*f),
                ))
            }
        }
        Value::Str(s) => Ok(ruby::str_to_i(s)),
        Value::Time(t) => Ok(t.timestamp()),
        _ => Err(LiquidError::internal()),
    }
}

/// `Utils.slice_collection`: items `from <= index < to` of anything iterable.
pub(crate) fn slice_collection(collection: &Value, from: i64, to: Option<i64>) -> Vec<Value> {
    let take = |items: &mut dyn Iterator<Item = Value>| -> Vec<Value> {
        let mut out = Vec::new();
        for (index, item) in items.enumerate() {
            let index = index as i64;
            if let Some(t) = to {
                if t <= index {
                    break;
                }
            }
            if from <= index {
                out.push(item);
            }
        }
        out
    };
    match collection {
        Value::Array(a) => take(&mut a.iter().cloned()),
        Value::Hash(h) => take(
            &mut h
                .iter()
                .map(|(k, v)| Value::array(vec![Value::str(k.as_str()), v.clone()])),
        ),
        Value::Range(a, b) => {
            if a > b {
                Vec::new()
            } else {
                let lo = (*a).saturating_add(from.max(0));
                let hi = match to {
                    Some(t) => (*b).min(a.saturating_add(t).saturating_sub(1)),
                    None => *b,
                };
                if super::context::range_len(lo, hi) > 10_000_000 {
                    return Vec::new();
                }
                (lo..=hi).map(Value::Int).collect()
            }
        }
        Value::Str(s) => {
            if s.is_empty() {
                Vec::new()
            } else {
                vec![collection.clone()]
            }
        }
        // A Hash-like value yields `[key, value]` pairs; a Jekyll Drop's `each` yields key
        // and value to a one-parameter block, which keeps only the key.
        Value::Drop(d) if d.ruby_class().starts_with("Jekyll::") => {
            take(&mut d.keys().into_iter().map(Value::str))
        }
        Value::Drop(d) => {
            let h = d.to_hash();
            if h.is_empty() {
                Vec::new()
            } else {
                take(
                    &mut h
                        .into_iter()
                        .map(|(k, v)| Value::array(vec![Value::str(k), v])),
                )
            }
        }
        _ => Vec::new(),
    }
}

/// What `{{ value }}` prints, appended to `out`: arrays joined, the rest `to_s`.
fn write_output(v: &Value, out: &mut String) {
    match v {
        Value::Str(s) => out.push_str(s),
        Value::Array(a) => ruby::write_join(a, "", out),
        other => ruby::write_to_s(other, out),
    }
}
