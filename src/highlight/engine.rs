//! A declarative state-machine lexer engine with Rouge's `RegexLexer` semantics.
//!
//! A lexer is a set of named states; each state is an ordered list of rules. At every position
//! the rules of the state on top of the stack are tried in order, each anchored at the current
//! position; the first that matches emits tokens and may change the stack. When no rule matches,
//! one character is emitted as `Error`, exactly as Rouge does.
//!
//! Patterns are written in Ruby (Onigmo) syntax and compiled with `fancy-regex` in Oniguruma
//! mode: Rouge's token boundaries depend on lookahead, lookbehind, backreferences and atomic
//! groups, which the plain `regex` crate cannot express. Every match is anchored and bounded
//! by a backtracking limit, so adversarial input degrades to `Error` tokens instead of hanging.

use std::collections::HashMap;

use fancy_regex::ByteSet;

use super::matcher::{self, Compiled, Matcher, Spans};

use super::token::{self, Tok, Tokens};

/// Custom rule action, for rules whose effect depends on the matched text.
pub type Callback = fn(&mut Ctx, &Caps);

/// What a rule emits when it matches.
#[derive(Clone, Copy)]
pub enum Emit {
    Tok(Tok),
    Groups(&'static [Tok]),
    Call(Callback),
    Nothing,
}

/// How a rule changes the state stack after emitting.
#[derive(Clone)]
pub enum Next {
    Stay,
    Push(&'static str),
    PushSelf,
    Pop(usize),
    Goto(&'static str),
}

/// One entry of a state definition: a rule, or a mixin of another state's rules.
pub enum RuleDef {
    Match {
        pattern: String,
        emit: Emit,
        next: Next,
    },
    Include(&'static str),
}

pub fn rule(pattern: impl Into<String>, tok: Tok) -> RuleDef {
    RuleDef::Match {
        pattern: pattern.into(),
        emit: Emit::Tok(tok),
        next: Next::Stay,
    }
}

pub fn groups(pattern: impl Into<String>, toks: &'static [Tok]) -> RuleDef {
    RuleDef::Match {
        pattern: pattern.into(),
        emit: Emit::Groups(toks),
        next: Next::Stay,
    }
}

pub fn call(pattern: impl Into<String>, cb: Callback) -> RuleDef {
    RuleDef::Match {
        pattern: pattern.into(),
        emit: Emit::Call(cb),
        next: Next::Stay,
    }
}

/// A rule that only changes state (usually with a lookahead or empty pattern).
pub fn jump(pattern: impl Into<String>) -> RuleDef {
    RuleDef::Match {
        pattern: pattern.into(),
        emit: Emit::Nothing,
        next: Next::Stay,
    }
}

/// `(?:w1|w2|...)` for a word list (words are escaped).
pub fn alt(words: &[&str]) -> String {
    let escaped: Vec<String> = words
        .iter()
        .map(|w| fancy_regex::escape(w).into_owned())
        .collect();
    format!("(?:{})", escaped.join("|"))
}

pub fn include(state: &'static str) -> RuleDef {
    RuleDef::Include(state)
}

impl RuleDef {
    fn with_next(self, n: Next) -> Self {
        match self {
            RuleDef::Match { pattern, emit, .. } => RuleDef::Match {
                pattern,
                emit,
                next: n,
            },
            other => other,
        }
    }
    pub fn push(self, state: &'static str) -> Self {
        self.with_next(Next::Push(state))
    }
    pub fn push_self(self) -> Self {
        self.with_next(Next::PushSelf)
    }
    pub fn pop(self) -> Self {
        self.with_next(Next::Pop(1))
    }
    pub fn pop_n(self, n: usize) -> Self {
        self.with_next(Next::Pop(n))
    }
    pub fn goto(self, state: &'static str) -> Self {
        self.with_next(Next::Goto(state))
    }
}

/// Whole-input lexer for languages Rouge lexes line by line with custom Ruby code.
pub type CustomLex = fn(&mut LexState, &str, &mut Tokens);

/// A lexer as written in `lexers/`: its states (first one is not special; `root` starts).
pub struct LexerDef {
    pub states: Vec<(&'static str, Vec<RuleDef>)>,
    /// Runs on a fresh lexer before lexing (Rouge's `start { ... }`).
    pub start: Option<fn(&mut LexState)>,
    pub custom: Option<CustomLex>,
}

impl LexerDef {
    pub fn new(states: Vec<(&'static str, Vec<RuleDef>)>) -> Self {
        LexerDef {
            states,
            start: None,
            custom: None,
        }
    }
    /// Rules tried before a state's own (Rouge's `prepend`, for derived lexers).
    pub fn prepend(mut self, state: &'static str, mut rules: Vec<RuleDef>) -> Self {
        if let Some((_, existing)) = self.states.iter_mut().find(|(n, _)| *n == state) {
            rules.append(existing);
            *existing = rules;
        }
        self
    }
    /// Adds or replaces a state.
    pub fn with_state(mut self, state: &'static str, rules: Vec<RuleDef>) -> Self {
        match self.states.iter_mut().find(|(n, _)| *n == state) {
            Some((_, existing)) => *existing = rules,
            None => self.states.push((state, rules)),
        }
        self
    }
    pub fn with_start(mut self, f: fn(&mut LexState)) -> Self {
        self.start = Some(f);
        self
    }
    pub fn custom(f: CustomLex) -> Self {
        LexerDef {
            states: Vec::new(),
            start: None,
            custom: Some(f),
        }
    }
}

struct CRule {
    /// `None` when the pattern failed to compile (listed in `bad_patterns`).
    matcher: Option<Matcher>,
    /// The bytes a match can start with; `None` when any byte can (or the match may be empty).
    first_bytes: Option<ByteSet>,
    bol: bool,
    emit: Emit,
    next: CNext,
}

#[derive(Clone, Copy)]
enum CNext {
    Stay,
    Push(usize),
    PushSelf,
    Pop(usize),
    Goto(usize),
}

struct CState {
    rules: Vec<CRule>,
    by_first_byte: FirstByteIndex,
}

/// For each possible byte at the scan position, the rules (in order) that can match there.
/// Most rules start with a literal or a small class, so this skips most regex calls: a rule
/// whose match cannot start with the next byte cannot be the first rule that matches.
struct FirstByteIndex {
    /// Index into `lists` for each byte value.
    slot: [u16; 256],
    /// Distinct candidate lists (rule indices in rule order); few per state.
    lists: Vec<Box<[u16]>>,
}

impl FirstByteIndex {
    fn new(rules: &[CRule]) -> FirstByteIndex {
        let mut slot = [0u16; 256];
        let mut lists: Vec<Box<[u16]>> = Vec::new();
        for byte in 0..=255u8 {
            let list: Box<[u16]> = rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.matcher.is_some())
                .filter(|(_, r)| r.first_bytes.is_none_or(|set| set.contains(byte)))
                .map(|(i, _)| i as u16)
                .collect();
            let index = match lists.iter().position(|l| *l == list) {
                Some(i) => i,
                None => {
                    lists.push(list);
                    lists.len() - 1
                }
            };
            slot[byte as usize] = index as u16;
        }
        FirstByteIndex { slot, lists }
    }

    fn candidates(&self, byte: u8) -> &[u16] {
        &self.lists[self.slot[byte as usize] as usize]
    }
}

/// A compiled lexer.
pub struct Lexer {
    pub tag: &'static str,
    states: Vec<CState>,
    names: HashMap<&'static str, usize>,
    start: Option<fn(&mut LexState)>,
    custom: Option<CustomLex>,
    /// Patterns that failed to compile (a bug in a lexer definition; checked by tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub bad_patterns: Vec<String>,
}

/// Rewrites Ruby's ASCII-only `\w \d \s \h` (and negations) for fancy-regex's Unicode mode.
pub(crate) fn rubyize(pattern: &str) -> String {
    const W: &str = "a-zA-Z0-9_";
    const D: &str = "0-9";
    const S: &str = r" \t\n\x0B\f\r";
    const H: &str = "0-9a-fA-F";
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = 0usize;
    let mut chars = pattern.chars().peekable();
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_class_start = class_start;
        class_start = false;
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let set = match e {
                    'w' | 'W' => Some(W),
                    'd' | 'D' => Some(D),
                    's' | 'S' => Some(S),
                    'h' => Some(H),
                    _ => None,
                };
                match set {
                    Some(set) if in_class > 0 && e.is_ascii_lowercase() => out.push_str(set),
                    // A negated shorthand inside a class: a nested negated class (union).
                    Some(set) if in_class > 0 => {
                        out.push_str("[^");
                        out.push_str(set);
                        out.push(']');
                    }
                    Some(set) if in_class == 0 => {
                        let neg = if e.is_ascii_uppercase() { "^" } else { "" };
                        out.push('[');
                        out.push_str(neg);
                        out.push_str(set);
                        out.push(']');
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' => {
                if in_class > 0 && chars.peek() == Some(&':') {
                    // POSIX bracket like [:alpha:]: Unicode-aware in Ruby, ASCII in fancy-regex.
                    let mut name = String::from("[");
                    for c2 in chars.by_ref() {
                        name.push(c2);
                        if c2 == ']' {
                            break;
                        }
                    }
                    out.push_str(match name.as_str() {
                        "[:alpha:]" => r"\p{Alphabetic}",
                        "[:alnum:]" => r"\p{Alphabetic}\p{Nd}",
                        "[:upper:]" => r"\p{Uppercase}",
                        "[:lower:]" => r"\p{Lowercase}",
                        "[:digit:]" => r"\p{Nd}",
                        "[:space:]" => r"\s",
                        "[:word:]" => r"\w",
                        _ => &name,
                    });
                    continue;
                }
                in_class += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                class_start = true;
            }
            ']' if in_class > 0 && !at_class_start => {
                in_class -= 1;
                out.push(']');
            }
            ']' if in_class > 0 => out.push_str("\\]"),
            _ => out.push(c),
        }
    }
    out
}

impl Lexer {
    pub fn compile(tag: &'static str, def: LexerDef) -> Lexer {
        let mut names = HashMap::new();
        for (i, (name, _)) in def.states.iter().enumerate() {
            names.insert(*name, i);
        }
        let mut bad = Vec::new();
        let mut states = Vec::with_capacity(def.states.len());
        // Mixins put the same rules into many states: each pattern is compiled once.
        let mut compiled = HashMap::new();
        for (name, _) in &def.states {
            let mut rules = Vec::new();
            let mut ctx = FlattenCtx {
                def: &def,
                names: &names,
                compiled: &mut compiled,
                bad: &mut bad,
            };
            flatten(&mut ctx, name, &mut rules, 0);
            let by_first_byte = FirstByteIndex::new(&rules);
            states.push(CState {
                rules,
                by_first_byte,
            });
        }
        Lexer {
            tag,
            states,
            names,
            start: def.start,
            custom: def.custom,
            bad_patterns: bad,
        }
    }

    pub fn state_id(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }
}

/// What flattening a state's rules (with its mixins) needs.
struct FlattenCtx<'a> {
    def: &'a LexerDef,
    names: &'a HashMap<&'static str, usize>,
    /// Patterns compiled so far, by source (an error message for bad ones).
    compiled: &'a mut HashMap<String, Result<Compiled, String>>,
    bad: &'a mut Vec<String>,
}

fn flatten(ctx: &mut FlattenCtx, state: &str, out: &mut Vec<CRule>, depth: usize) {
    let Some(&idx) = ctx.names.get(state) else {
        ctx.bad.push(format!("unknown state {state}"));
        return;
    };
    if depth > 16 {
        ctx.bad.push(format!("mixin cycle at {state}"));
        return;
    }
    let def = ctx.def;
    for r in &def.states[idx].1 {
        match r {
            RuleDef::Include(s) => flatten(ctx, s, out, depth + 1),
            RuleDef::Match {
                pattern,
                emit,
                next,
            } => {
                let compiled = ctx
                    .compiled
                    .entry(pattern.clone())
                    .or_insert_with(|| matcher::compile(pattern));
                let (matcher, first_bytes) = match compiled {
                    Ok(c) => (Some(c.matcher.clone()), c.first_bytes),
                    Err(e) => {
                        ctx.bad.push(e.clone());
                        (None, None)
                    }
                };
                let mut resolve = |s: &str| match ctx.names.get(s) {
                    Some(&i) => i,
                    None => {
                        ctx.bad.push(format!("unknown state {s}"));
                        0
                    }
                };
                let next = match next {
                    Next::Stay => CNext::Stay,
                    Next::Push(s) => CNext::Push(resolve(s)),
                    Next::PushSelf => CNext::PushSelf,
                    Next::Pop(n) => CNext::Pop(*n),
                    Next::Goto(s) => CNext::Goto(resolve(s)),
                };
                out.push(CRule {
                    matcher,
                    first_bytes,
                    bol: starts_at_line_start(pattern),
                    emit: *emit,
                    next,
                });
            }
        }
    }
}

/// Rouge only tries a rule whose source begins with `^` at the start of a line. Our patterns
/// carry Ruby's regex flags as a leading `(?imx)` group, which Ruby keeps outside the source.
fn starts_at_line_start(pattern: &str) -> bool {
    let mut p = pattern;
    while let Some(rest) = p.strip_prefix("(?") {
        match rest.find(')') {
            Some(end) if rest[..end].chars().all(|c| "imsx-".contains(c)) => p = &rest[end + 1..],
            _ => break,
        }
    }
    p.starts_with('^')
}

/// Capture groups of a rule's match, as text slices (empty for groups that did not take part).
pub struct Caps<'t> {
    text: &'t str,
    spans: &'t [Option<(usize, usize)>],
}

impl<'t> Caps<'t> {
    pub fn get(&self, i: usize) -> &'t str {
        match self.spans.get(i).copied().flatten() {
            Some((s, e)) => &self.text[s..e],
            None => "",
        }
    }
    pub fn matched(&self, i: usize) -> bool {
        matches!(self.spans.get(i), Some(Some(_)))
    }
    pub fn all(&self) -> &'t str {
        self.get(0)
    }
}

/// The mutable state of one lexer instance (kept across delegations, like a Ruby lexer object).
pub struct LexState {
    pub lexer: &'static Lexer,
    pub stack: Vec<usize>,
    pub vars: HashMap<&'static str, String>,
    pub list: Vec<String>,
    /// Numeric scratch state (indentation stacks and the like).
    pub ints: Vec<i64>,
    pub nums: HashMap<&'static str, i64>,
    pub opts: HashMap<String, String>,
    subs: HashMap<String, LexState>,
}

impl LexState {
    pub fn new(lexer: &'static Lexer, opts: HashMap<String, String>) -> LexState {
        let root = lexer.state_id("root").unwrap_or(0);
        let mut st = LexState {
            lexer,
            stack: vec![root],
            vars: HashMap::new(),
            list: Vec::new(),
            ints: Vec::new(),
            nums: HashMap::new(),
            opts,
            subs: HashMap::new(),
        };
        if let Some(f) = lexer.start {
            f(&mut st);
        }
        st
    }

    /// Installs a long-lived sub-lexer under `key` (Rouge lexers holding another lexer).
    pub fn set_sub(&mut self, key: &str, sub: LexState) {
        self.subs.insert(key.to_string(), sub);
    }

    pub fn state_is(&self, name: &str) -> bool {
        self.lexer.state_id(name) == self.stack.last().copied()
    }

    /// Whether `name` is anywhere on the stack (Rouge's `in_state?`).
    pub fn in_state(&self, name: &str) -> bool {
        match self.lexer.state_id(name) {
            Some(id) => self.stack.contains(&id),
            None => false,
        }
    }

    pub fn push(&mut self, name: &str) {
        if let Some(id) = self.lexer.state_id(name) {
            self.stack.push(id);
        }
    }

    pub fn pop(&mut self, n: usize) {
        for _ in 0..n {
            // Rouge would raise on an empty stack; keeping root is the panic-free equivalent.
            if self.stack.len() > 1 {
                self.stack.pop();
            }
        }
    }

    pub fn goto(&mut self, name: &str) {
        if let Some(id) = self.lexer.state_id(name) {
            if let Some(top) = self.stack.last_mut() {
                *top = id;
            }
        }
    }

    pub fn reset_stack(&mut self) {
        let root = self.lexer.state_id("root").unwrap_or(0);
        self.stack.clear();
        self.stack.push(root);
    }

    /// Lexes `text`, continuing from the current state (Rouge's `continue_lex`).
    pub fn continue_lex(&mut self, text: &str, out: &mut Tokens) {
        if let Some(custom) = self.lexer.custom {
            custom(self, text, out);
            return;
        }
        run_regex_lexer(self, text, out);
    }
}

/// What a callback may do: emit tokens, change the stack, delegate to other lexers.
pub struct Ctx<'a> {
    pub st: &'a mut LexState,
    out: &'a mut Tokens,
    reject: bool,
    consume: Option<usize>,
}

impl Ctx<'_> {
    /// Declines the match (before any other effect): the next rule is tried instead.
    pub fn reject(&mut self) {
        self.reject = true;
    }
    /// Consumes only `len` bytes of the match (for rules whose extent depends on state).
    pub fn consume(&mut self, len: usize) {
        self.consume = Some(len);
    }
    /// Installs a long-lived sub-lexer under `key` (replacing any previous one).
    pub fn set_sub(&mut self, key: &str, sub: LexState) {
        self.st.subs.insert(key.to_string(), sub);
    }
    /// The sub-lexer installed under `key`, to inspect or adjust its state.
    pub fn sub(&mut self, key: &str) -> Option<&mut LexState> {
        self.st.subs.get_mut(key)
    }
    /// Continues the sub-lexer installed under `key`; text is plain when there is none.
    pub fn delegate_sub(&mut self, key: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.st.subs.get_mut(key) {
            Some(sub) => sub.continue_lex(text, self.out),
            None => self.token(token::TEXT, text),
        }
    }
    pub fn token(&mut self, tok: Tok, text: &str) {
        self.out.push(tok, text);
    }
    pub fn push(&mut self, name: &str) {
        self.st.push(name);
    }
    pub fn push_self(&mut self) {
        if let Some(&top) = self.st.stack.last() {
            self.st.stack.push(top);
        }
    }
    pub fn pop(&mut self, n: usize) {
        self.st.pop(n);
    }
    pub fn goto(&mut self, name: &str) {
        self.st.goto(name);
    }
    pub fn state_is(&self, name: &str) -> bool {
        self.st.state_is(name)
    }
    /// Lexes `text` with a fresh lexer for `lang` (Rouge's `delegate SomeLexer` / `recurse`).
    pub fn delegate(&mut self, lang: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        match super::registry::find(lang) {
            Some(lx) => {
                let mut st = LexState::new(lx, HashMap::new());
                st.continue_lex(text, self.out);
            }
            None => self.token(token::TEXT, text),
        }
    }
    /// Lexes `text` with this instance's long-lived sub-lexer for `lang` (Rouge's
    /// `delegate @js_lexer`), whose state carries over between calls.
    pub fn delegate_keep(&mut self, lang: &str, text: &str) {
        self.delegate_keyed(lang, lang, text);
    }
    /// Like `delegate_keep`, with the sub-lexer stored under its own `key`.
    pub fn delegate_keyed(&mut self, key: &str, lang: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.st.subs.contains_key(key) {
            match super::registry::find(lang) {
                Some(lx) => {
                    self.st
                        .subs
                        .insert(key.to_string(), LexState::new(lx, HashMap::new()));
                }
                None => {
                    self.token(token::TEXT, text);
                    return;
                }
            }
        }
        if let Some(sub) = self.st.subs.get_mut(key) {
            sub.continue_lex(text, self.out);
        }
    }
    /// Forgets the long-lived sub-lexer for `lang`, so the next delegation starts fresh.
    pub fn reset_sub(&mut self, lang: &str) {
        self.st.subs.remove(lang);
    }
}

const MAX_NULL_SCANS: usize = 5;

fn run_regex_lexer(st: &mut LexState, text: &str, out: &mut Tokens) {
    let lexer = st.lexer;
    let mut pos = 0usize;
    let mut null_steps = 0usize;
    // Capture spans of the current match, reused across matches to avoid an allocation each.
    let mut spans: Spans = Vec::new();
    while pos < text.len() {
        let top = st.stack.last().copied().unwrap_or(0);
        let state = &lexer.states[top];
        let bol = pos == 0 || text.as_bytes()[pos - 1] == b'\n';
        let mut advanced = false;
        for &rule_index in state.by_first_byte.candidates(text.as_bytes()[pos]) {
            let r = &state.rules[rule_index as usize];
            if r.bol && !bol {
                continue;
            }
            let Some(matcher) = &r.matcher else { continue };
            if !matcher.match_at(needs_groups(r.emit), text, pos, &mut spans) {
                continue;
            }
            let Some((start, mut end)) = spans[0] else {
                continue;
            };
            let caps = Caps {
                text,
                spans: &spans,
            };
            match r.emit {
                Emit::Tok(t) => push_tok(out, t, caps.all()),
                Emit::Groups(ts) => {
                    for (i, t) in ts.iter().enumerate() {
                        push_tok(out, t, caps.get(i + 1));
                    }
                }
                Emit::Call(cb) => {
                    let mut ctx = Ctx {
                        st: &mut *st,
                        out: &mut *out,
                        reject: false,
                        consume: None,
                    };
                    cb(&mut ctx, &caps);
                    if ctx.reject {
                        continue;
                    }
                    if let Some(n) = ctx.consume {
                        end = (start + n).min(end);
                    }
                }
                Emit::Nothing => {}
            }
            match r.next {
                CNext::Stay => {}
                CNext::Push(i) => st.stack.push(i),
                CNext::PushSelf => st.stack.push(top),
                CNext::Pop(n) => st.pop(n),
                CNext::Goto(i) => {
                    if let Some(t) = st.stack.last_mut() {
                        *t = i;
                    }
                }
            }
            pos = end;
            if end == start {
                null_steps += 1;
                advanced = null_steps <= MAX_NULL_SCANS;
            } else {
                null_steps = 0;
                advanced = true;
            }
            break;
        }
        if !advanced {
            let ch_len = text[pos..].chars().next().map_or(1, char::len_utf8);
            push_tok(out, token::ERROR, &text[pos..pos + ch_len]);
            pos += ch_len;
        }
    }
}

/// Whether a rule's action reads capture groups (otherwise only the match's extent is needed,
/// which the regex engines find without allocating capture slots).
fn needs_groups(emit: Emit) -> bool {
    matches!(emit, Emit::Groups(_) | Emit::Call(_))
}

fn push_tok(out: &mut Tokens, tok: Tok, text: &str) {
    out.push(tok, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rubyize_makes_classes_ascii() {
        assert_eq!(rubyize(r"\w+"), "[a-zA-Z0-9_]+");
        assert_eq!(rubyize(r"[\w-]"), "[a-zA-Z0-9_-]");
        assert_eq!(rubyize(r"\S"), r"[^ \t\n\x0B\f\r]");
        assert_eq!(rubyize(r"[[:alpha:]\d]"), r"[\p{Alphabetic}0-9]");
        assert_eq!(rubyize(r"[]a]"), r"[\]a]");
    }
}
