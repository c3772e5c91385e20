//! The source map side of the emitter: what libsass maps when it prints selectors, values
//! and `@media` blocks, and `nested` indentation from where rules were written.

use super::super::positions::DeclInfo;
use super::*;

impl Output<'_> {
    /// A value with libsass's mappings: custom properties and literal-only values are one
    /// token; otherwise each item maps to where it (or its variable's value) was written.
    pub(super) fn mapped_value(
        &mut self,
        value: &str,
        o: Origin,
        d: &DeclInfo,
        custom: bool,
        sources: &Sources,
    ) {
        let Some((f, _)) = sources.decl(o) else {
            self.e.append_string(value);
            return;
        };
        let at = |offset: usize| f.pos(o.file, offset);
        if custom {
            // libsass's position for a custom property's value is its colon; after an
            // interpolated name, it counts the name's length less three once more.
            let mut open = at(d.colon);
            let written_name = f.text.get(d.prop_start..d.prop_end).unwrap_or("");
            if written_name.contains("#{") {
                open.col += written_name.chars().count().saturating_sub(3);
            }
            let mut close = open;
            close.col += 1;
            let span = Span { open, close };
            self.e.append_token(value, Some(span));
            return;
        }
        if d.value.starts_with("#{")
            && d.value_start > 0
            && mapping::split_items(&d.value).len() == 1
            && !d.value.contains('/')
        {
            // A value that starts with an interpolation: libsass maps it from the character
            // before it to its start.
            let span = Span {
                open: at(d.value_start - 1),
                close: at(d.value_start),
            };
            self.e.append_token(value, Some(span));
            return;
        }
        if mapping::is_static_value(&d.value) {
            // The static value's token runs to the `;` or `}` (spaces before it included).
            let span = Span {
                open: at(d.value_start),
                close: at(d.value_end_terminator),
            };
            self.e.append_token(value, Some(span));
            return;
        }
        let (body, important) = match value.strip_suffix("!important") {
            Some(b) => (b.trim_end(), true),
            None => (value, false),
        };
        let printed = mapping::split_items(body);
        let printed_texts: Vec<&str> = printed.iter().map(|&(s, e)| &body[s..e]).collect();
        let scope = d.mixin.map(|mixin| mapping::MixinScope {
            mixin,
            rule: self.current_rule,
        });
        let written =
            sources.value_items(o.file, &d.value, d.value_start, 0, &printed_texts, scope);
        if written.len() == printed.len() && !printed.is_empty() {
            let mut copied = 0;
            for (&(s, e), span) in printed.iter().zip(written) {
                if s > copied {
                    self.e.append_string(&body[copied..s]);
                }
                let item = &body[s..e];
                // A bracketed list maps its content, not its brackets.
                match item.strip_prefix('[').and_then(|i| i.strip_suffix(']')) {
                    Some(inner) => {
                        self.e.append_string("[");
                        self.e.append_token(inner, Some(span));
                        self.e.append_string("]");
                    }
                    None => self.e.append_token(item, Some(span)),
                }
                copied = e;
            }
            if copied < body.len() {
                self.e.append_string(&body[copied..]);
            }
        } else if let (Some(first), Some(last)) = (written.first(), written.last()) {
            let span = Span {
                open: first.open,
                close: last.close,
            };
            self.e.append_token(body, Some(span));
        } else {
            self.e.append_string(body);
        }
        if important {
            // `!important` is a token of its own.
            self.e
                .append_string(&value[body.len()..value.len() - "!important".len()]);
            let span = Span {
                open: at(d.value_end_important - "!important".len()),
                close: at(d.value_end_important),
            };
            self.e.append_token("!important", Some(span));
        }
    }

    /// Prints `part` (starting at `offset` in the selector text), each mapped token through
    /// `append_token`.
    pub(super) fn selector_part(
        &mut self,
        part: &str,
        offset: usize,
        maps: &[(mapping::Tok, TokenMap)],
    ) {
        let mut copied = 0;
        for (tok, map) in maps {
            if tok.start < offset || tok.end > offset + part.len() {
                continue;
            }
            let (s, e) = (tok.start - offset, tok.end - offset);
            if s < copied {
                continue;
            }
            self.e.append_string(&part[copied..s]);
            let tok_text = &part[s..e];
            match tok.kind {
                mapping::Kind::Attribute { .. } => self.attribute_token(tok_text, map),
                mapping::Kind::Pseudo { name_start, args } => {
                    let name_end = match args {
                        Some(a) => a - 1 - offset,
                        None => e,
                    };
                    self.e.append_string(&part[s..name_start - offset]);
                    let span = Span {
                        open: map.open,
                        close: map.close,
                    };
                    self.e
                        .append_token(&part[name_start - offset..name_end], Some(span));
                    // `:nth-child(2n + 1)`: the argument is a token of its own.
                    let rest = &part[name_end..e];
                    match (
                        map.attr_value,
                        rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')),
                    ) {
                        (Some((open, close)), Some(arg)) => {
                            self.e.append_string("(");
                            self.e.append_token(arg, Some(Span { open, close }));
                            self.e.append_string(")");
                        }
                        _ => self.e.append_string(rest),
                    }
                }
                _ => self.e.append_token(
                    tok_text,
                    Some(Span {
                        open: map.open,
                        close: map.close,
                    }),
                ),
            }
            copied = e;
        }
        self.e.append_string(&part[copied..]);
    }

    /// `[name=value]`: `[`, open, the name as a token, the operator, the value as a token,
    /// close, `]` (libsass's `AttributeSelector`).
    pub(super) fn attribute_token(&mut self, text: &str, map: &TokenMap) {
        let inner = &text[1..text.len().saturating_sub(1).max(1)];
        self.e.append_string("[");
        self.e.flush_schedules();
        self.e.add_mapping(map.open);
        let span = Span {
            open: map.open,
            close: map.close,
        };
        let name_end = inner
            .find(['=', '~', '|', '^', '$', '*'])
            .unwrap_or(inner.len());
        // `[a|=b]` (the operator `|=`): the name stops before it.
        self.e.append_token(&inner[..name_end], Some(span));
        let rest = &inner[name_end..];
        if let Some(eq) = rest.find('=') {
            self.e.append_string(&rest[..eq + 1]);
            let value = &rest[eq + 1..];
            let (v, modifier) = match value.rfind(' ') {
                Some(sp) if !value.ends_with(['"', '\'']) => (&value[..sp], &value[sp..]),
                _ => (value, ""),
            };
            let vspan = map.attr_value.map(|(open, close)| Span { open, close });
            self.e.append_token(v, vspan);
            self.e.add_mapping(map.close);
            self.e.append_string(modifier);
        } else {
            self.e.append_string(rest);
            self.e.add_mapping(map.close);
        }
        self.e.append_string("]");
    }

    /// The mappings of each token of a printed selector, and of its rule.
    pub(super) fn selector_maps(
        &mut self,
        text: &str,
        origin: Option<Origin>,
    ) -> (Vec<(mapping::Tok, TokenMap)>, Option<RuleMap>) {
        let Some(sources) = self.sources else {
            return (Vec::new(), None);
        };
        let printed = mapping::tokenize(text);
        let mut complex_texts = Vec::new();
        let mut starts = Vec::new();
        for toks in &printed {
            let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
                complex_texts.push(String::new());
                starts.push(0);
                continue;
            };
            complex_texts.push(text[first.start..last.end].to_string());
            starts.push(first.start);
        }
        let written = origin.and_then(|o| sources.rule_tokens(o));
        let rule_map = match origin.and_then(|o| sources.rule_map(o)) {
            Some(m) => Some(m),
            None => self.registry.rules.get(text).copied(),
        };
        if let Some(maps) = origin.and_then(|o| sources.interpolated_tokens(o, text)) {
            // Registered as any rule: rules nested in it start with its tokens.
            let mut rest = maps.as_slice();
            for (i, toks) in printed.iter().enumerate() {
                let (now, later) = rest.split_at(toks.len().min(rest.len()));
                self.registry.complexes.insert(
                    complex_texts[i].clone(),
                    now.iter().map(|(_, m)| *m).collect(),
                );
                rest = later;
            }
            if let Some(m) = rule_map {
                self.registry.rules.insert(text.to_string(), m);
            }
            return (maps, rule_map);
        }
        let mut out = Vec::new();
        for (i, toks) in printed.iter().enumerate() {
            let ctext = &complex_texts[i];
            let local: Vec<mapping::Tok> = toks
                .iter()
                .map(|t| mapping::Tok {
                    start: t.start - starts[i],
                    end: t.end - starts[i],
                    kind: t.kind,
                })
                .collect();
            let resolved = written.as_ref().and_then(|w| {
                w.iter().find_map(|complex| {
                    mapping::resolve_complex(ctext, &local, complex, &self.registry)
                })
            });
            let resolved = resolved
                .or_else(|| self.registry.complexes.get(ctext).cloned())
                .or_else(|| sources.written_complex(ctext).cloned());
            if let Some(maps) = resolved {
                if maps.len() == toks.len() {
                    out.extend(toks.iter().copied().zip(maps.iter().copied()));
                    self.registry.complexes.insert(ctext.clone(), maps);
                }
            }
        }
        if let Some(m) = rule_map {
            self.registry.rules.insert(text.to_string(), m);
        }
        (out, rule_map)
    }

    /// A `@media` block's mappings: its keyword (where the `@media` its first rule or
    /// declaration was written in starts), its `{` (where its first rule's selector was
    /// written) and its `}` (where its last rule's block ends).
    pub(super) fn media_maps(
        &self,
        children: &[Node],
    ) -> (Option<Span>, Option<SrcPos>, Option<SrcPos>) {
        let Some(sources) = self.sources else {
            return (None, None, None);
        };
        let rule_map = |node: &Node| -> Option<RuleMap> {
            let Node::Rule {
                selector, origin, ..
            } = node
            else {
                return None;
            };
            match origin.and_then(|o| sources.rule_map(o)) {
                Some(m) => Some(m),
                None => {
                    let text = values::format_selector(
                        selector,
                        self.e.style,
                        &self.hints.attributes,
                        &self.hints.nth_arguments,
                    );
                    self.registry.rules.get(&text).copied()
                }
            }
        };
        let marked = children.iter().find_map(|node| match node {
            Node::Rule { media: Some(m), .. } => sources.media(*m),
            _ => None,
        });
        let keyword = marked.or_else(|| {
            children.iter().find_map(|node| match node {
                Node::Rule {
                    origin, children, ..
                } => origin.and_then(|o| sources.media_of(o, true)).or_else(|| {
                    children.iter().find_map(|c| match c {
                        Node::Declaration {
                            origin: Some(o), ..
                        } => sources.media_of(*o, false),
                        _ => None,
                    })
                }),
                _ => None,
            })
        });
        // The block maps to its first printed statement: a rule or a comment.
        let first = children.iter().find(|c| match c {
            Node::Comment(text) => self.comment_visible(text),
            Node::Rule { children, .. } => self.printable(children),
            _ => true,
        });
        let (open, close) = match first {
            Some(Node::Comment(text)) => {
                let text = self.comment_text(text);
                let mut used = self.used_comments.clone();
                match sources.comment(&text, &mut used) {
                    Some(span) => (Some(span.open), Some(span.close)),
                    None => (None, None),
                }
            }
            Some(node) => match rule_map(node) {
                Some(m) => (Some(m.crutch), Some(m.close_exact)),
                None => (None, None),
            },
            None => (None, None),
        };
        (keyword, open, close)
    }

    /// `nested` style, when the rules' origins are known: libsass indents a rule once for
    /// each rule it was written in that has declarations of its own (a rule holding only
    /// rules is not printed and does not indent them).
    pub(super) fn written_tabs(&self, nodes: &[Node], sources: &Sources, tabs: &mut [usize]) {
        let count = |file: usize, mut parent: Option<usize>| -> usize {
            let Some(f) = sources.files.get(file).and_then(Option::as_ref) else {
                return 0;
            };
            let mut n = 0;
            while let Some(p) = parent {
                if self.rules_with_props.contains(&(file, p)) {
                    n += 1;
                }
                parent = f.rules.get(p).and_then(|r| r.parent);
            }
            n
        };
        for (node, tab) in nodes.iter().zip(tabs.iter_mut()) {
            match node {
                Node::Rule {
                    origin: Some(o), ..
                } => {
                    // A rule written in a mixin or loop is nested where it is included: only
                    // its printed selector tells.
                    if let Some((_, r)) = sources.rule(*o) {
                        if r.parent.is_some() || r.top_level {
                            *tab = count(o.file, r.parent);
                        }
                    }
                }
                Node::AtRule {
                    children: Some(children),
                    ..
                } => {
                    let media = children.iter().find_map(|c| match c {
                        Node::Rule { media: Some(m), .. } => Some(*m),
                        _ => None,
                    });
                    let written = media.and_then(|m| {
                        let f = sources.files.get(m.file)?.as_ref()?;
                        let media = f.medias.get(m.index)?;
                        // In a mixin: nested where it is included, which only the printed
                        // selectors tell.
                        (media.parent.is_some() || media.top_level)
                            .then_some((m.file, media.parent))
                    });
                    if let Some((file, parent)) = written {
                        *tab = count(file, parent);
                    }
                }
                _ => {}
            }
        }
    }

    /// Where a rule was written (its own marker, else a rule printed before with the same
    /// selector).
    pub(super) fn rule_map(&self, selector: &str, origin: Option<Origin>) -> Option<RuleMap> {
        let sources = self.sources?;
        if let Some(m) = origin.and_then(|o| sources.rule_map(o)) {
            return Some(m);
        }
        let text = values::format_selector(
            selector,
            self.e.style,
            &self.hints.attributes,
            &self.hints.nth_arguments,
        );
        self.registry.rules.get(&text).copied()
    }
}

/// The origins of the rules printed with declarations or comments of their own.
pub(super) fn collect_rules_with_props(
    nodes: &[Node],
    out: &mut std::collections::HashSet<(usize, usize)>,
) {
    for node in nodes {
        match node {
            Node::Rule {
                children, origin, ..
            } => {
                let props = children
                    .iter()
                    .any(|c| matches!(c, Node::Declaration { .. } | Node::Comment(_)));
                if let (true, Some(o)) = (props, origin) {
                    out.insert((o.file, o.index));
                }
                collect_rules_with_props(children, out);
            }
            Node::AtRule {
                children: Some(children),
                ..
            } => collect_rules_with_props(children, out),
            _ => {}
        }
    }
}
