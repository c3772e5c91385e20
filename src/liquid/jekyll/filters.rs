//! Jekyll 4.3's filters (`Jekyll::Filters`), registered on top of Liquid's standard ones.

use super::json;
use super::url::{normalize_component, normalize_url, parse_absolute};
use super::{services, slugify};
use crate::liquid::error::{ErrorKind, LResult, LiquidError};
use crate::liquid::filters::{self, cgi_escape, input_items, to_integer};
use crate::liquid::ruby::{self, to_s};
use crate::liquid::{date, markup, Context, Engine};
use crate::value::{Hash, Time, Value};
use chrono::Datelike;
use once_cell::sync::Lazy;
use regex::Regex;

/// Registers every Jekyll filter on `engine` (replacing Liquid's `sort` and `where`).
pub fn register_filters(engine: &mut Engine) {
    engine.register_filter("date_to_xmlschema", 1, 1, |v, _, _| {
        with_time(v, |t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
    });
    engine.register_filter("date_to_rfc822", 1, 1, |v, _, _| {
        with_time(v, |t| t.format("%a, %d %b %Y %H:%M:%S %z").to_string())
    });
    engine.register_filter("date_to_string", 1, 3, |v, a, _| stringify_date(v, "%b", a));
    engine.register_filter("date_to_long_string", 1, 3, |v, a, _| {
        stringify_date(v, "%B", a)
    });
    engine.register_filter("xml_escape", 1, 1, |v, _, _| {
        Ok(Value::str(xml_escape(&to_s(v))))
    });
    engine.register_filter("cgi_escape", 1, 1, |v, _, _| match v {
        Value::Str(s) => Ok(Value::str(cgi_escape(s))),
        _ => Err(LiquidError::internal()),
    });
    engine.register_filter("uri_escape", 1, 1, |v, _, _| match v {
        Value::Nil => Ok(Value::Nil),
        Value::Str(s) => Ok(Value::str(normalize_component(s))),
        _ => Err(LiquidError::internal()),
    });
    engine.register_filter("normalize_whitespace", 1, 1, |v, _, _| {
        Ok(Value::str(normalize_whitespace(&to_s(v))))
    });
    engine.register_filter("number_of_words", 1, 2, |v, a, _| {
        let Value::Str(s) = v else {
            return Err(LiquidError::internal());
        };
        let mode = a.first().map(to_s);
        Ok(Value::Int(number_of_words(s, mode.as_deref())))
    });
    engine.register_filter("array_to_sentence_string", 1, 2, |v, a, _| {
        let connector = a.first().map(to_s).unwrap_or_else(|| "and".into());
        array_to_sentence(v, &connector)
    });
    engine.register_filter("slugify", 1, 2, |v, a, _| {
        let text = match v {
            Value::Nil => return Ok(Value::Nil),
            Value::Str(s) => s,
            _ => return Err(LiquidError::internal()),
        };
        let mode = a.first().filter(|m| !m.is_nil()).map(to_s);
        Ok(Value::str(slugify(text, mode.as_deref(), false)))
    });
    engine.register_filter("jsonify", 1, 1, |v, _, _| json::jsonify(v).map(Value::str));
    engine.register_filter("inspect", 1, 1, |v, _, _| {
        Ok(Value::str(xml_escape(&inspect(v)?)))
    });
    engine.register_filter("to_integer", 1, 1, |v, _, _| {
        Ok(match v {
            Value::Bool(b) => Value::Int(i64::from(*b)),
            Value::Nil => Value::Int(0),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) if f.is_finite() => Value::Int(f.trunc() as i64),
            Value::Str(s) => Value::Int(ruby::str_to_i(s)),
            Value::Time(t) => Value::Int(t.timestamp()),
            _ => return Err(LiquidError::internal()),
        })
    });
    engine.register_filter("sort", 1, 3, |v, a, _| sort(v, a));
    engine.register_filter("where", 3, 3, |v, a, _| {
        where_filter(v, &a[0], &a[1], false)
    });
    engine.register_filter("find", 3, 3, |v, a, _| where_filter(v, &a[0], &a[1], true));
    engine.register_filter("where_exp", 3, 3, |v, a, ctx| {
        where_exp(v, &a[0], &a[1], ctx, false)
    });
    engine.register_filter("find_exp", 3, 3, |v, a, ctx| {
        where_exp(v, &a[0], &a[1], ctx, true)
    });
    engine.register_filter("group_by", 2, 2, |v, a, _| group_by(v, &a[0]));
    engine.register_filter("group_by_exp", 3, 3, |v, a, ctx| {
        group_by_exp(v, &a[0], &a[1], ctx)
    });
    engine.register_filter("pop", 1, 2, |v, a, _| take_end(v, a, true));
    engine.register_filter("shift", 1, 2, |v, a, _| take_end(v, a, false));
    engine.register_filter("push", 2, 2, |v, a, _| add_end(v, &a[0], true));
    engine.register_filter("unshift", 2, 2, |v, a, _| add_end(v, &a[0], false));
    engine.register_filter("sample", 1, 2, |v, a, _| sample(v, a));
    engine.register_filter("relative_url", 1, 1, |v, _, ctx| {
        if v.is_nil() {
            return Ok(Value::Nil);
        }
        let s = services(ctx)?;
        Ok(Value::str(relative_url(
            &url_input(v),
            s.baseurl().as_deref(),
        )?))
    });
    engine.register_filter("absolute_url", 1, 1, |v, _, ctx| {
        if v.is_nil() {
            return Ok(Value::Nil);
        }
        let s = services(ctx)?;
        Ok(Value::str(absolute_url(
            &url_input(v),
            s.baseurl().as_deref(),
            s.url().as_deref(),
        )?))
    });
    engine.register_filter("strip_index", 1, 1, |v, _, _| match v {
        Value::Nil => Ok(Value::Nil),
        Value::Str(s) if s.is_empty() => Ok(Value::Nil),
        Value::Str(s) => Ok(Value::str(strip_index(s))),
        _ => Err(LiquidError::internal()),
    });
    engine.register_filter("markdownify", 1, 1, |v, _, ctx| {
        let s = services(ctx)?;
        s.markdownify(&to_s(v))
            .map(Value::str)
            .map_err(|m| LiquidError::new(ErrorKind::Internal, m))
    });
    engine.register_filter("smartify", 1, 1, |v, _, ctx| {
        let s = services(ctx)?;
        s.smartify(&to_s(v))
            .map(Value::str)
            .map_err(|m| LiquidError::new(ErrorKind::Internal, m))
    });
    engine.register_filter("sassify", 1, 1, |v, _, ctx| {
        let s = services(ctx)?;
        s.sassify(&to_s(v), false)
            .map(Value::str)
            .map_err(|m| LiquidError::new(ErrorKind::Internal, m))
    });
    engine.register_filter("scssify", 1, 1, |v, _, ctx| {
        let s = services(ctx)?;
        s.sassify(&to_s(v), true)
            .map(Value::str)
            .map_err(|m| LiquidError::new(ErrorKind::Internal, m))
    });
}

/// Jekyll's `time(input)`: any date Liquid understands, in the local time zone.
fn jekyll_time(v: &Value) -> LResult<Time> {
    if let Value::Date(d) = v {
        // Date#to_time is local midnight.
        let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        return Ok(crate::utils::time::LocalZone::from_config(None).local(&midnight));
    }
    let t = date::to_date(v).ok_or_else(|| {
        LiquidError::new(
            ErrorKind::Internal,
            format!(
                "Invalid Date: '{}' is not a valid datetime.",
                ruby::inspect(v)
            ),
        )
    })?;
    // The process zone is `$TZ` (Jekyll sets it from `timezone`), read at every call.
    Ok(crate::utils::time::LocalZone::from_config(None).localtime(&t))
}

fn with_time(v: &Value, f: impl Fn(&Time) -> String) -> LResult<Value> {
    if to_s(v).is_empty() {
        return Ok(v.clone());
    }
    Ok(Value::str(f(&jekyll_time(v)?)))
}

fn ordinal(day: u32) -> &'static str {
    if (11..=13).contains(&day) {
        return "th";
    }
    match day % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

fn stringify_date(v: &Value, month: &str, args: &[Value]) -> LResult<Value> {
    let ty = args.first().map(to_s);
    let style = args.get(1).map(to_s);
    with_time(v, |t| {
        if ty.as_deref() == Some("ordinal") {
            let d = t.day();
            let od = format!("{d}{}", ordinal(d));
            if style.as_deref() == Some("US") {
                return date::strftime(t, &format!("{month} {od}, %Y"));
            }
            return date::strftime(t, &format!("{od} {month} %Y"));
        }
        date::strftime(t, &format!("%d {month} %Y"))
    })
}

/// `input.to_s.encode(:xml => :attr)` without the surrounding quotes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn normalize_whitespace(s: &str) -> String {
    let mut out = String::new();
    let mut in_space = false;
    for c in s.chars() {
        if ruby::is_regex_space(c) {
            in_space = true;
        } else {
            if in_space && !out.is_empty() {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    out
}

static CJK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[\p{Han}\p{Katakana}\p{Hiragana}\p{Hangul}]").expect("valid regex"));
static NON_CJK_WORD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[^\p{Han}\p{Katakana}\p{Hiragana}\p{Hangul}\t\n\x0B\x0C\r ]+")
        .expect("valid regex")
});

fn number_of_words(s: &str, mode: Option<&str>) -> i64 {
    let split_count = || {
        s.split(|c: char| ruby::is_regex_space(c) || c == '\0')
            .filter(|w| !w.is_empty())
            .count() as i64
    };
    match mode {
        Some("cjk") => (CJK.find_iter(s).count() + NON_CJK_WORD.find_iter(s).count()) as i64,
        Some("auto") => {
            let cjk = CJK.find_iter(s).count();
            if cjk == 0 {
                split_count()
            } else {
                (cjk + NON_CJK_WORD.find_iter(s).count()) as i64
            }
        }
        _ => split_count(),
    }
}

fn interp(v: &Value) -> String {
    to_s(v)
}

fn array_to_sentence(v: &Value, connector: &str) -> LResult<Value> {
    let sentence = |items: &[Value]| match items.len() {
        0 => String::new(),
        1 => interp(&items[0]),
        2 => format!("{} {connector} {}", interp(&items[0]), interp(&items[1])),
        n => format!(
            "{}, {connector} {}",
            ruby::join(&items[..n - 1], ", "),
            interp(&items[n - 1])
        ),
    };
    Ok(Value::str(match v {
        Value::Array(a) => sentence(a),
        // Hashes and strings have `length` and `[]` too; Ruby gets this far with them.
        Value::Hash(h) => match h.len() {
            0 | 1 => String::new(),
            2 => format!(" {connector} "),
            _ => return Err(LiquidError::internal()),
        },
        Value::Str(s) => {
            let chars: Vec<Value> = s.chars().map(|c| Value::str(c.to_string())).collect();
            if chars.len() > 2 {
                return Err(LiquidError::internal());
            }
            sentence(&chars)
        }
        _ => return Err(LiquidError::internal()),
    }))
}

/// Ruby `inspect` as Jekyll's `inspect` filter sees it (drops print their JSON).
fn inspect(v: &Value) -> LResult<String> {
    match v {
        Value::Drop(d) if !d.keys().is_empty() => json::pretty(v),
        _ => Ok(ruby::inspect(v)),
    }
}

/// Jekyll's `item_property`: `item[property]` (dotted paths walk nested values), with
/// numeric-looking strings turned into numbers for sorting and comparing.
fn item_property(item: &Value, property: &str) -> LResult<Value> {
    let v = if property.contains('.') {
        // `property.split(".").reduce(item) { |data, key| data.respond_to?(:[]) && data[key] }`
        let mut cur = item.clone();
        for key in property.split('.') {
            cur = index_like(&cur, key)?.unwrap_or(Value::Bool(false));
        }
        cur
    } else {
        match index_like(item, property)? {
            Some(v) => v,
            None => return Err(LiquidError::internal()),
        }
    };
    Ok(parse_sort_input(v))
}

/// `obj[key]` with a string key; None when `obj` has no `[]`; Err for Ruby's TypeError.
fn index_like(obj: &Value, key: &str) -> LResult<Option<Value>> {
    Ok(match obj {
        Value::Hash(h) => Some(h.get(key).cloned().unwrap_or(Value::Nil)),
        Value::Drop(d) => Some(d.get(key).unwrap_or(Value::Nil)),
        Value::Str(s) => Some(if s.contains(key) {
            Value::str(key)
        } else {
            Value::Nil
        }),
        Value::Array(_) | Value::Int(_) => return Err(LiquidError::internal()),
        _ => None,
    })
}

static INTEGER_LIKE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\A[\t\n\x0B\x0C\r ]*-?[0-9]+[\t\n\x0B\x0C\r ]*\z").expect("valid regex")
});
static FLOAT_LIKE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\A[\t\n\x0B\x0C\r ]*-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[\t\n\x0B\x0C\r ]*\z")
        .expect("valid regex")
});

fn parse_sort_input(v: Value) -> Value {
    let s = to_s(&v);
    if INTEGER_LIKE.is_match(&s) {
        return Value::Int(ruby::str_to_i(&s));
    }
    if FLOAT_LIKE.is_match(&s) {
        return Value::Float(ruby::str_to_f(&s));
    }
    v
}

fn sort(input: &Value, args: &[Value]) -> LResult<Value> {
    if input.is_nil() {
        return Err(LiquidError::argument("Cannot sort a null object."));
    }
    let property = args.first().filter(|p| !p.is_nil());
    let items: Vec<Value> = match input {
        Value::Array(a) => a.to_vec(),
        Value::Hash(h) => h
            .iter()
            .map(|(k, v)| Value::array(vec![Value::str(k.as_str()), v.clone()]))
            .collect(),
        _ => return Err(LiquidError::internal()),
    };
    let Some(property) = property else {
        let mut items = items;
        filters::ruby_sort(&mut items, &mut |a: &Value, b: &Value| {
            ruby::compare(a, b).ok_or_else(|| {
                LiquidError::argument(format!(
                    "comparison of {} with {} failed",
                    a.ruby_class(),
                    ruby::cmp_error_name(b)
                ))
            })
        })?;
        return Ok(Value::array(items));
    };
    let order = match args.get(1).map(to_s).as_deref() {
        None | Some("first") => -1,
        Some("last") => 1,
        Some(other) => {
            return Err(LiquidError::argument(format!(
                "Invalid nils order: '{other}' is not a valid nils order. It must be 'first' or 'last'."
            )))
        }
    };
    let prop = to_s(property);
    let mut keyed = Vec::with_capacity(items.len());
    for it in items {
        keyed.push((item_property(&it, &prop)?, it));
    }
    filters::ruby_sort(
        &mut keyed,
        &mut |(a, _): &(Value, Value), (b, _): &(Value, Value)| {
            Ok(match (a.is_nil(), b.is_nil()) {
                (false, true) => (-order).cmp(&0),
                (true, false) => order.cmp(&0),
                _ => ruby::compare(a, b).unwrap_or_else(|| to_s(a).cmp(&to_s(b))),
            })
        },
    )?;
    Ok(Value::array(keyed.into_iter().map(|(_, v)| v).collect()))
}

/// `compare_property_vs_target`.
fn property_matches(property: &Value, target: &Value) -> bool {
    if target.is_nil() {
        return property.is_nil();
    }
    if crate::liquid::drops::as_method_literal(target).is_some() {
        return matches!(property, Value::Str(s) if s.is_empty())
            || ruby::join(&ruby_array(property), "").is_empty();
    }
    let target = to_s(target);
    if let Value::Str(s) = property {
        return **s == *target;
    }
    ruby_array(property).iter().any(|p| to_s(p) == target)
}

/// Ruby `Array(x)`.
fn ruby_array(v: &Value) -> Vec<Value> {
    match v {
        Value::Nil => Vec::new(),
        Value::Array(a) => a.to_vec(),
        Value::Hash(h) => h
            .iter()
            .map(|(k, v)| Value::array(vec![Value::str(k.as_str()), v.clone()]))
            .collect(),
        other => vec![other.clone()],
    }
}

fn selectable(input: &Value) -> Option<Vec<Value>> {
    match input {
        Value::Array(a) => Some(a.to_vec()),
        Value::Hash(h) => Some(h.values().cloned().collect()),
        Value::Range(..) => Some(input_items(input)),
        _ => None,
    }
}

fn where_filter(input: &Value, property: &Value, target: &Value, find: bool) -> LResult<Value> {
    if !property.is_truthy() || matches!(target, Value::Array(_) | Value::Hash(_)) {
        return Ok(input.clone());
    }
    let Some(items) = selectable(input) else {
        return Ok(input.clone());
    };
    let prop = to_s(property);
    let mut out = Vec::new();
    for it in items {
        if property_matches(&item_property(&it, &prop)?, target) {
            if find {
                return Ok(it);
            }
            out.push(it);
        }
    }
    Ok(if find { Value::Nil } else { Value::array(out) })
}

fn where_exp(
    input: &Value,
    variable: &Value,
    expr: &Value,
    ctx: &mut Context,
    find: bool,
) -> LResult<Value> {
    let Some(items) = selectable(input) else {
        return Ok(input.clone());
    };
    let cond = markup::strict_condition(&to_s(expr)).map_err(LiquidError::syntax)?;
    let var = to_s(variable);
    ctx.with_scope(|ctx| {
        let mut out = Vec::new();
        for it in items {
            ctx.set(var.clone(), it.clone());
            if ctx.eval_condition(&cond)? {
                if find {
                    return Ok(it);
                }
                out.push(it);
            }
        }
        Ok(if find { Value::Nil } else { Value::array(out) })
    })
}

fn grouped(groups: Vec<(Value, Vec<Value>)>) -> Value {
    Value::array(
        groups
            .into_iter()
            .map(|(name, items)| {
                let mut h = Hash::new();
                h.insert("name".into(), name);
                h.insert("size".into(), Value::Int(items.len() as i64));
                h.insert("items".into(), Value::array(items));
                let mut ordered = Hash::new();
                for k in ["name", "items", "size"] {
                    if let Some(v) = h.swap_remove(k) {
                        ordered.insert(k.to_string(), v);
                    }
                }
                Value::hash(ordered)
            })
            .collect(),
    )
}

fn push_group(groups: &mut Vec<(Value, Vec<Value>)>, key: Value, item: Value) {
    match groups
        .iter_mut()
        .find(|(k, _)| ruby::equals(k, &key) && k.ruby_class() == key.ruby_class())
    {
        Some((_, items)) => items.push(item),
        None => groups.push((key, vec![item])),
    }
}

fn group_by(input: &Value, property: &Value) -> LResult<Value> {
    let Some(items) = groupable(input) else {
        return Ok(input.clone());
    };
    let prop = to_s(property);
    let mut groups = Vec::new();
    for it in items {
        let key = Value::str(to_s(&item_property(&it, &prop)?));
        push_group(&mut groups, key, it);
    }
    Ok(grouped(groups))
}

fn groupable(input: &Value) -> Option<Vec<Value>> {
    match input {
        Value::Array(a) => Some(a.to_vec()),
        Value::Hash(h) => Some(
            h.iter()
                .map(|(k, v)| Value::array(vec![Value::str(k.as_str()), v.clone()]))
                .collect(),
        ),
        Value::Range(..) => Some(input_items(input)),
        _ => None,
    }
}

fn group_by_exp(
    input: &Value,
    variable: &Value,
    expr: &Value,
    ctx: &mut Context,
) -> LResult<Value> {
    let Some(items) = groupable(input) else {
        return Ok(input.clone());
    };
    let output = markup::lax_output(&to_s(expr), 1);
    let var = to_s(variable);
    ctx.with_scope(|ctx| {
        let mut groups = Vec::new();
        for it in items {
            ctx.set(var.clone(), it.clone());
            let key = ctx.eval_output(&output)?;
            push_group(&mut groups, key, it);
        }
        Ok(grouped(groups))
    })
}

fn take_end(input: &Value, args: &[Value], from_end: bool) -> LResult<Value> {
    let Value::Array(a) = input else {
        return Ok(input.clone());
    };
    let n = match args.first() {
        Some(v) => to_integer(v)?,
        None => 1,
    };
    if n < 0 {
        return Err(LiquidError::argument("negative array size"));
    }
    let n = (n as usize).min(a.len());
    Ok(Value::array(if from_end {
        a[..a.len() - n].to_vec()
    } else {
        a[n..].to_vec()
    }))
}

fn add_end(input: &Value, item: &Value, at_end: bool) -> LResult<Value> {
    let Value::Array(a) = input else {
        return Ok(input.clone());
    };
    let mut v = a.to_vec();
    if at_end {
        v.push(item.clone());
    } else {
        v.insert(0, item.clone());
    }
    Ok(Value::array(v))
}

fn random_below(n: usize) -> usize {
    use std::sync::atomic::{AtomicU64, Ordering as AO};
    static STATE: AtomicU64 = AtomicU64::new(0);
    let mut x = STATE.load(AO::Relaxed);
    if x == 0 {
        x = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
            | 1;
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, AO::Relaxed);
    if n == 0 {
        0
    } else {
        (x % n as u64) as usize
    }
}

fn sample(input: &Value, args: &[Value]) -> LResult<Value> {
    let Value::Array(a) = input else {
        return Ok(input.clone());
    };
    let n = args
        .first()
        .map(|v| to_integer(v).unwrap_or(1))
        .unwrap_or(1);
    if n == 1 {
        return Ok(if a.is_empty() {
            Value::Nil
        } else {
            a[random_below(a.len())].clone()
        });
    }
    if n < 0 {
        return Err(LiquidError::argument("negative sample number"));
    }
    let mut pool = a.to_vec();
    let mut out = Vec::new();
    while out.len() < n as usize && !pool.is_empty() {
        let i = random_below(pool.len());
        out.push(pool.swap_remove(i));
    }
    Ok(Value::array(out))
}

/// `input.url` for documents (drops with a `url`), else the string itself.
fn url_input(v: &Value) -> String {
    if let Value::Drop(d) = v {
        if let Some(u) = d.get("url") {
            return to_s(&u);
        }
    }
    to_s(v)
}

fn ensure_leading_slash(s: &str) -> String {
    if s.is_empty() || s.starts_with('/') {
        s.to_string()
    } else {
        format!("/{s}")
    }
}

/// Jekyll's `relative_url`: baseurl + input, normalized like Addressable does.
/// Errors are Addressable's (an invalid scheme before a `:`).
pub fn relative_url(input: &str, baseurl: Option<&str>) -> LResult<String> {
    if parse_absolute(input).map_err(ruby_error)? {
        return Ok(input.to_string());
    }
    let base = baseurl
        .map(|b| b.strip_suffix('/').unwrap_or(b).to_string())
        .unwrap_or_default();
    Ok(normalize_url(&format!(
        "{}{}",
        ensure_leading_slash(&base),
        ensure_leading_slash(input)
    )))
}

fn ruby_error(message: String) -> LiquidError {
    LiquidError::new(ErrorKind::Internal, message)
}

/// Jekyll's `absolute_url`: site url + relative url.
pub fn absolute_url(input: &str, baseurl: Option<&str>, url: Option<&str>) -> LResult<String> {
    if parse_absolute(input).map_err(ruby_error)? {
        return Ok(input.to_string());
    }
    Ok(match url.filter(|u| !u.is_empty()) {
        None => relative_url(input, baseurl)?,
        Some(site) => normalize_absolute(&format!("{site}{}", relative_url(input, baseurl)?)),
    })
}

/// Addressable's normalize of an absolute URL: lower-case scheme and host, default port
/// removed, an empty path becomes `/`.
fn normalize_absolute(url: &str) -> String {
    let Some(i) = url.find("://") else {
        return normalize_url(url);
    };
    let scheme = url[..i].to_ascii_lowercase();
    let rest = &url[i + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let mut host = rest[..end].to_ascii_lowercase();
    if (scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443"))
    {
        if let Some(p) = host.rfind(':') {
            host.truncate(p);
        }
    }
    let tail = &rest[end..];
    let tail = if tail.is_empty() || tail.starts_with('?') || tail.starts_with('#') {
        format!("/{tail}")
    } else {
        tail.to_string()
    };
    format!("{scheme}://{host}{}", normalize_url(&tail))
}

fn strip_index(s: &str) -> String {
    for suffix in ["/index.html", "/index.htm"] {
        if let Some(p) = s.strip_suffix(suffix) {
            return format!("{p}/");
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::liquid::Context;

    fn render(src: &str) -> String {
        let mut e = Engine::new();
        register_filters(&mut e);
        let t = e.parse_liquid(src).expect("parses");
        t.render_lax(&mut Context::new(Hash::new()))
            .unwrap_or_else(|e| e.to_ruby_string())
    }

    #[test]
    fn outputs_match_jekyll() {
        assert_eq!(xml_escape("a\"b<c>&d'e"), "a&quot;b&lt;c&gt;&amp;d&apos;e");
        assert_eq!(
            render("{{ 'Hello 世界 你好 world' | number_of_words: 'cjk' }}"),
            "6"
        );
        assert_eq!(render("{{ '  a \n\t b  ' | normalize_whitespace }}"), "a b");
        assert_eq!(
            render("{{ '12abc' | to_integer }}{{ 3.9 | to_integer }}{{ true | to_integer }}"),
            "1231"
        );
        assert_eq!(
            render("{{ 'a b/é?x=[1]%20' | uri_escape }}"),
            "a%20b/%C3%A9?x=[1]%20"
        );
        assert_eq!(
            render("{{ 'a b/é?x=[1]%20' | cgi_escape }}"),
            "a+b%2F%C3%A9%3Fx%3D%5B1%5D%2520"
        );
        assert_eq!(
            relative_url("about/", Some("/blog/")).ok().as_deref(),
            Some("/blog/about/")
        );
        assert_eq!(
            absolute_url("/x y", Some(""), Some("https://Example.com"))
                .ok()
                .as_deref(),
            Some("https://example.com/x%20y")
        );
    }

    #[test]
    fn dates_match_jekyll() {
        assert_eq!(
            render("{{ '2016-03-04 05:06:07 +0000' | date_to_string: 'ordinal', 'US' }}"),
            "Mar 4th, 2016"
        );
        assert_eq!(
            render("{{ '2016-03-04 05:06:07 +0000' | date_to_long_string }}"),
            "04 March 2016"
        );
        assert_eq!(
            render("{{ '2016-03-04 05:06:07 +0000' | date_to_string: 'ordinal' }}"),
            "4th Mar 2016"
        );
    }
}
