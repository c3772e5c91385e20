//! Tag and output markup: Liquid's lax regular-expression parsers and its strict token
//! parsers for `{{ output | filters }}`, conditions, `for`, `case`/`when`, `assign`,
//! `capture`, `cycle`, `tablerow` and `include`.

use super::ast::*;
use super::error::{LResult, LiquidError};
use super::expr::{Expr, TokParser};
use super::ruby::{is_regex_space, is_word};
use super::syntax::{self, quoted_fragment, quoted_fragments, s, skip_spaces};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Gives each unnamed `cycle` whose values are not all literals its own counter.
static CYCLE_IDS: AtomicUsize = AtomicUsize::new(0);

pub(crate) fn lax_output(markup: &str, line: usize) -> Output {
    let c: Vec<char> = markup.chars().collect();
    let Some((a, b)) = syntax::find_quoted_fragment(&c, 0) else {
        return Output {
            expr: Expr::Lit(crate::value::Value::Nil),
            filters: Vec::new(),
            line,
        };
    };
    let expr = Expr::parse(&s(&c, a, b));
    let rest = s(&c, b, c.len());
    let mut filters = Vec::new();
    if let Some(p) = rest.find('|') {
        let fm = rest[p + 1..].trim_start_matches(is_regex_space);
        for (name, args) in syntax::lax_filters(fm) {
            filters.push(filter_call(name, &args));
        }
    }
    Output {
        expr,
        filters,
        line,
    }
}

fn filter_call(name: String, args: &[String]) -> FilterCall {
    let mut pos = Vec::new();
    let mut kw = Vec::new();
    for a in args {
        match syntax::just_tag_attribute(a) {
            Some((k, v)) => kw.push((k, Expr::parse(&v))),
            None => pos.push(Expr::parse(a)),
        }
    }
    FilterCall {
        name,
        args: pos,
        kwargs: kw,
        target: FilterTarget::ByName,
    }
}

pub(crate) fn strict_output(markup: &str, line: usize) -> Result<Output, String> {
    let mut p = TokParser::new(markup)?;
    let expr = Expr::parse(&p.expression()?);
    let mut filters = Vec::new();
    while p.consume_if("pipe").is_some() {
        let name = p.consume("id")?;
        let mut args = Vec::new();
        if p.consume_if("colon").is_some() {
            args.push(p.argument()?);
            while p.consume_if("comma").is_some() {
                args.push(p.argument()?);
            }
        }
        filters.push(filter_call(name, &args));
    }
    p.consume("end_of_string")?;
    Ok(Output {
        expr,
        filters,
        line,
    })
}

fn comparison(left: &str, op: Option<String>, right: Option<&str>) -> Condition {
    Condition {
        left: Expr::parse(left),
        op,
        right: right
            .map(Expr::parse)
            .unwrap_or(Expr::Lit(crate::value::Value::Nil)),
        child: None,
    }
}

pub(crate) fn lax_condition(markup: &str) -> LResult<Condition> {
    let err = || LiquidError::syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]");
    let mut parts = syntax::lax_condition_parts(markup);
    let last = parts.pop().ok_or_else(err)?;
    let (l, op, r) = syntax::lax_comparison(&last).ok_or_else(err)?;
    let mut cond = comparison(&l, op, r.as_deref());
    while !parts.is_empty() {
        let operator = parts
            .pop()
            .unwrap_or_default()
            .trim_matches(super::ruby::is_strip_ws)
            .to_string();
        let expr = parts.pop().unwrap_or_default();
        let (l, op, r) = syntax::lax_comparison(&expr).ok_or_else(err)?;
        let mut new = comparison(&l, op, r.as_deref());
        let is_and = match operator.as_str() {
            "and" => true,
            "or" => false,
            _ => return Err(err()),
        };
        new.child = Some((is_and, Box::new(cond)));
        cond = new;
    }
    Ok(cond)
}

pub(crate) fn strict_condition(markup: &str) -> Result<Condition, String> {
    let mut p = TokParser::new(markup)?;
    let mut conds = vec![strict_comparison(&mut p)?];
    let mut ops = Vec::new();
    loop {
        let is_and = if p.id_is("and") {
            true
        } else if p.id_is("or") {
            false
        } else {
            break;
        };
        ops.push(is_and);
        conds.push(strict_comparison(&mut p)?);
    }
    p.consume("end_of_string")?;
    // Build the right-nested chain a (op) (b (op) c ...).
    let mut cond = conds.pop().ok_or("empty condition")?;
    while let Some(mut prev) = conds.pop() {
        let is_and = ops.pop().unwrap_or(false);
        prev.child = Some((is_and, Box::new(cond)));
        cond = prev;
    }
    Ok(cond)
}

fn strict_comparison(p: &mut TokParser) -> Result<Condition, String> {
    let a = p.expression()?;
    if let Some(op) = p.consume_if("comparison") {
        let b = p.expression()?;
        Ok(comparison(&a, Some(op), Some(&b)))
    } else {
        Ok(comparison(&a, None, None))
    }
}

pub(crate) fn when_values(markup: &str) -> LResult<Vec<Expr>> {
    // WhenSyntax = /(QF)(?:(?:\s+or\s+|\s*\,\s*)(QF.*))?/m, applied repeatedly to the rest.
    let err = || {
        LiquidError::syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
    };
    let mut out = Vec::new();
    let mut rest: String = markup.to_string();
    loop {
        let c: Vec<char> = rest.chars().collect();
        let (a, b) = syntax::find_quoted_fragment(&c, 0).ok_or_else(err)?;
        out.push(Expr::parse(&s(&c, a, b)));
        // separator
        let mut next = None;
        let j = skip_spaces(&c, b);
        if j > b
            && j + 2 <= c.len()
            && c[j] == 'o'
            && c[j + 1] == 'r'
            && j + 2 < c.len()
            && is_regex_space(c[j + 2])
        {
            let k = skip_spaces(&c, j + 2);
            if quoted_fragment(&c, k).is_some() {
                next = Some(k);
            }
        }
        if next.is_none() && j < c.len() && c[j] == ',' {
            let k = skip_spaces(&c, j + 1);
            if quoted_fragment(&c, k).is_some() {
                next = Some(k);
            }
        }
        match next {
            Some(k) => rest = s(&c, k, c.len()),
            None => break,
        }
    }
    Ok(out)
}

fn is_signature_char(c: char) -> bool {
    is_word(c) || matches!(c, '-' | '.' | '[' | ']')
}

/// `VariableSignature+` from `i`, where `VariableSignature = /\(?[\w\-\.\[\]]\)?/`.
fn signature_run(c: &[char], mut i: usize) -> usize {
    loop {
        let mut j = i;
        if j < c.len() && c[j] == '(' {
            j += 1;
        }
        if j < c.len() && is_signature_char(c[j]) {
            j += 1;
            if j < c.len() && c[j] == ')' {
                j += 1;
            }
            i = j;
        } else {
            return i;
        }
    }
}

/// `Assign::Syntax = /(VariableSignature+)\s*=\s*(.*)\s*/om`
pub(crate) fn assign_syntax(markup: &str) -> Option<(String, String)> {
    let c: Vec<char> = markup.chars().collect();
    for start in 0..c.len() {
        let end = signature_run(&c, start);
        if end == start {
            continue;
        }
        let j = skip_spaces(&c, end);
        if j < c.len() && c[j] == '=' {
            let k = skip_spaces(&c, j + 1);
            return Some((s(&c, start, end), s(&c, k, c.len())));
        }
    }
    None
}

/// `Capture::Syntax = /(VariableSignature+)/`
pub(crate) fn capture_syntax(markup: &str) -> Option<String> {
    let c: Vec<char> = markup.chars().collect();
    (0..c.len()).find_map(|start| {
        let end = signature_run(&c, start);
        (end > start).then(|| s(&c, start, end))
    })
}

fn for_attributes(tag: &mut ForTag, attrs: Vec<(String, String)>) {
    for (k, v) in attrs {
        match k.as_str() {
            "offset" => {
                tag.offset = Some(if v == "continue" {
                    ForOffset::Continue
                } else {
                    ForOffset::Expr(Expr::parse(&v))
                })
            }
            "limit" => tag.limit = Some(Expr::parse(&v)),
            _ => {}
        }
    }
}

pub(crate) fn lax_for(markup: &str) -> LResult<ForTag> {
    // Syntax = /\A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)?/
    let err = || {
        LiquidError::syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
    };
    let c: Vec<char> = markup.chars().collect();
    let mut i = 0;
    while i < c.len() && (is_word(c[i]) || c[i] == '-') {
        i += 1;
    }
    if i == 0 {
        return Err(err());
    }
    let var = s(&c, 0, i);
    let j = skip_spaces(&c, i);
    if j == i || j + 2 > c.len() || c[j] != 'i' || c[j + 1] != 'n' {
        return Err(err());
    }
    let k = skip_spaces(&c, j + 2);
    if k == j + 2 {
        return Err(err());
    }
    let e = quoted_fragments(&c, k).ok_or_else(err)?;
    let coll = s(&c, k, e);
    let r = skip_spaces(&c, e);
    let reversed = s(&c, r, c.len()).starts_with("reversed");
    let mut tag = ForTag::new(
        var.clone(),
        format!("{var}-{coll}"),
        Expr::parse(&coll),
        reversed,
    );
    for_attributes(&mut tag, syntax::scan_tag_attributes(markup));
    Ok(tag)
}

pub(crate) fn strict_for(markup: &str) -> Result<ForTag, String> {
    let mut p = TokParser::new(markup)?;
    let var = p.consume("id")?;
    if !p.id_is("in") {
        return Err("For loops require an 'in' clause".into());
    }
    let coll = p.expression()?;
    let reversed = p.id_is("reversed");
    let mut tag = ForTag::new(
        var.clone(),
        format!("{var}-{coll}"),
        Expr::parse(&coll),
        reversed,
    );
    let mut attrs = Vec::new();
    while p.look("id", 0) && p.look("colon", 1) {
        let attr = if p.id_is("limit") {
            "limit"
        } else if p.id_is("offset") {
            "offset"
        } else {
            return Err(
                "Invalid attribute in for loop. Valid attributes are limit and offset".into(),
            );
        };
        p.consume_any();
        attrs.push((attr.to_string(), p.expression()?));
    }
    p.consume("end_of_string")?;
    for_attributes(&mut tag, attrs);
    Ok(tag)
}

pub(crate) fn tablerow_syntax(markup: &str) -> LResult<TablerowTag> {
    // Syntax = /(\w+)\s+in\s+(QuotedFragment+)/ (unanchored)
    let err = || {
        LiquidError::syntax("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
    };
    let c: Vec<char> = markup.chars().collect();
    let mut i = 0;
    while i < c.len() {
        if is_word(c[i]) {
            let we = syntax::word_end(&c, i);
            let j = skip_spaces(&c, we);
            if j > we && j + 2 <= c.len() && c[j] == 'i' && c[j + 1] == 'n' {
                let k = skip_spaces(&c, j + 2);
                if k > j + 2 {
                    if let Some(e) = quoted_fragments(&c, k) {
                        let attrs = syntax::scan_tag_attributes(markup)
                            .into_iter()
                            .map(|(k, v)| (k, Expr::parse(&v)))
                            .collect();
                        return Ok(TablerowTag {
                            var: s(&c, i, we),
                            collection: Expr::parse(&s(&c, k, e)),
                            attrs,
                            body: Body::default(),
                        });
                    }
                }
            }
            i += 1;
            continue;
        }
        i += 1;
    }
    Err(err())
}

pub(crate) fn cycle_syntax(markup: &str) -> LResult<TagKind> {
    let c: Vec<char> = markup.chars().collect();
    // NamedSyntax = /\A(QuotedFragment)\s*\:\s*(.*)/m, with the regex's backtracking into
    // the fragment (so `name: a, b` names the group `name`).
    if let Some(e) = quoted_fragment(&c, 0) {
        let mut candidates = vec![e];
        for k in (1..e).rev() {
            if c[k] == ':' {
                candidates.push(k);
            }
        }
        for end in candidates {
            let j = skip_spaces(&c, end);
            if j < c.len() && c[j] == ':' {
                let rest = s(&c, skip_spaces(&c, j + 1), c.len());
                let values = cycle_values(&rest);
                return Ok(TagKind::Cycle {
                    key: CycleKey::Named(Expr::parse(&s(&c, 0, end))),
                    values,
                });
            }
        }
        let values = cycle_values(markup);
        let all_literal = values.iter().all(|v| matches!(v, Expr::Lit(_)));
        let key = if all_literal {
            let lits: Vec<String> = values
                .iter()
                .map(|v| match v {
                    Expr::Lit(x) => super::ruby::inspect(x),
                    _ => String::new(),
                })
                .collect();
            format!("[{}]", lits.join(", "))
        } else {
            format!("#<cycle {}>", CYCLE_IDS.fetch_add(1, Ordering::Relaxed))
        };
        return Ok(TagKind::Cycle {
            key: CycleKey::Static(format!("s:{key}")),
            values,
        });
    }
    Err(LiquidError::syntax(
        "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    ))
}

fn cycle_values(markup: &str) -> Vec<Expr> {
    markup
        .split(',')
        .filter_map(|part| {
            let c: Vec<char> = part.chars().collect();
            syntax::find_quoted_fragment(&c, 0).map(|(a, b)| Expr::parse(&s(&c, a, b)))
        })
        .collect()
}

pub(crate) fn include_syntax(markup: &str) -> LResult<IncludeTag> {
    // Syntax = /(QF+)(\s+(?:with|for)\s+(QF+))?/
    let err = || {
        LiquidError::syntax("Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]")
    };
    let c: Vec<char> = markup.chars().collect();
    let (a, _) = syntax::find_quoted_fragment(&c, 0).ok_or_else(err)?;
    let b = quoted_fragments(&c, a).ok_or_else(err)?;
    let name = Expr::parse(&s(&c, a, b));
    let mut variable = None;
    let j = skip_spaces(&c, b);
    if j > b {
        let rest = s(&c, j, c.len());
        for kw in ["with", "for"] {
            if let Some(r) = rest.strip_prefix(kw) {
                let rc: Vec<char> = r.chars().collect();
                let k = skip_spaces(&rc, 0);
                if k > 0 {
                    if let Some(e) = quoted_fragments(&rc, k) {
                        variable = Some(Expr::parse(&s(&rc, k, e)));
                    }
                }
            }
        }
    }
    let attrs = syntax::scan_tag_attributes(markup)
        .into_iter()
        .map(|(k, v)| (k, Expr::parse(&v)))
        .collect();
    Ok(IncludeTag {
        name,
        variable,
        attrs,
    })
}
