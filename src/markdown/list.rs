//! Lists and definition lists with kramdown's indentation, lazy-line and blank-line rules.

use super::element::{El, Kind};
use super::lines;
use super::parser::{Parser, Src};
use super::patterns::*;
use super::scan::{re, Re};
use std::rc::Rc;

/// How a list item's continuation lines are recognised for a content indentation
/// (kramdown builds three regexps per indentation; these are the same rules, hand-coded).
pub struct ItemPatterns {
    indentation: usize,
}

re!(
    LAZY_EXCLUDE_0,
    format!(
        "(?:{}|{}|{})",
        ial_block(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
);
re!(
    LAZY_EXCLUDE_1,
    format!(
        " {{0,1}}(?:{}|{}|{})",
        ial_block(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
);
re!(
    LAZY_EXCLUDE_2,
    format!(
        " {{0,2}}(?:{}|{}|{})",
        ial_block(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
);
re!(
    LAZY_EXCLUDE_3,
    format!(
        " {{0,3}}(?:{}|{}|{})",
        ial_block(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
);

/// Whether a list item or definition may start at `p`: every item start pattern is
/// ` {0,3}` and a marker (`+`, `*`, `-`, a digit, or `:`).
fn may_start_item(s: &str, p: usize) -> bool {
    let b = s.as_bytes();
    b.get(lines::after_indent(b, p))
        .is_some_and(|&c| matches!(c, b'+' | b'*' | b'-' | b':') || c.is_ascii_digit())
}

/// The length of the leading whitespace (`^\s*`).
fn leading_space(s: &str) -> usize {
    s.bytes().take_while(|&c| lines::is_space(c)).count()
}

/// LIST_ITEM_IAL_CHECK at the start of an item's first line: an item IAL alone on the line,
/// or a blank line. Without a `{` after the whitespace only the blank line remains.
fn item_ial_or_blank(content: &str) -> bool {
    let ws = leading_space(content);
    if content.as_bytes().get(ws) == Some(&b'{') {
        LIST_ITEM_IAL_CHECK.is_at(content, 0)
    } else {
        content.as_bytes()[..ws].contains(&b'\n')
    }
}

/// Matches `n` indentation units (a tab or four spaces each) at `p`.
fn indent_units(b: &[u8], mut p: usize, n: usize) -> Option<usize> {
    for _ in 0..n {
        if b.get(p) == Some(&b'\t') {
            p += 1;
        } else if b.len() >= p + 4 && &b[p..p + 4] == b"    " {
            p += 4;
        } else {
            return None;
        }
    }
    Some(p)
}

/// `.*\S.*\n` from `p`: the end of the line if it has a non-whitespace character.
fn line_with_text(s: &str, p: usize) -> Option<usize> {
    let nl = p + s[p..].find('\n')?;
    s.as_bytes()[p..nl]
        .iter()
        .any(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c'))
        .then_some(nl + 1)
}

impl ItemPatterns {
    /// A line indented at least as deep as the item's content.
    fn content(&self, s: &str, p: usize) -> Option<usize> {
        let (q, r) = (self.indentation / 4, self.indentation % 4);
        let b = s.as_bytes();
        let first = indent_units(b, p, q)
            .filter(|&e| b.len() >= e + r && b[e..e + r].iter().all(|&c| c == b' '));
        if first.is_none() && indent_units(b, p, q + 1).is_none() {
            return None;
        }
        line_with_text(s, p)
    }

    /// A lazily continued line: any non-blank line that does not start an IAL or HTML block.
    fn lazy(&self, s: &str, p: usize) -> Option<usize> {
        let ex: &Re = match self.indentation.min(3) {
            0 => &LAZY_EXCLUDE_0,
            1 => &LAZY_EXCLUDE_1,
            2 => &LAZY_EXCLUDE_2,
            _ => &LAZY_EXCLUDE_3,
        };
        if ex.is_at(s, p) {
            return None;
        }
        line_with_text(s, p)
    }

    /// Length of the item indentation at the start of `line`, if fully present.
    fn indent(&self, line: &str) -> Option<usize> {
        let n = self.indentation;
        (line.len() >= n && line.as_bytes()[..n].iter().all(|&c| c == b' ')).then_some(n)
    }
}

re!(LEADING_TABS, "^(\\t+)");
re!(UL_1, format!("^( {{0}}[+*-])({PATTERN_TAIL})"));
re!(UL_2, format!("^( {{0,1}}[+*-])({PATTERN_TAIL})"));
re!(UL_3, format!("^( {{0,2}}[+*-])({PATTERN_TAIL})"));
re!(UL_4, format!("^( {{0,3}}[+*-])({PATTERN_TAIL})"));
re!(OL_1, format!("^( {{0}}[0-9]+\\.)({PATTERN_TAIL})"));
re!(OL_2, format!("^( {{0,1}}[0-9]+\\.)({PATTERN_TAIL})"));
re!(OL_3, format!("^( {{0,2}}[0-9]+\\.)({PATTERN_TAIL})"));
re!(OL_4, format!("^( {{0,3}}[0-9]+\\.)({PATTERN_TAIL})"));
re!(DL_1, format!("^( {{0}}:)({PATTERN_TAIL})"));
re!(DL_2, format!("^( {{0,1}}:)({PATTERN_TAIL})"));
re!(DL_3, format!("^( {{0,2}}:)({PATTERN_TAIL})"));
re!(DL_4, format!("^( {{0,3}}:)({PATTERN_TAIL})"));
re!(
    TASK_UNCHECKED,
    "\\A[ \\t\\n\\r\\x0B\\x0C]*\\[ \\][ \\t\\n\\r\\x0B\\x0C]+"
);
re!(
    TASK_CHECKED,
    "\\A[ \\t\\n\\r\\x0B\\x0C]*\\[[xX]\\][ \\t\\n\\r\\x0B\\x0C]+"
);

fn item_start_pattern(kind: Kind, indentation: usize) -> &'static Re {
    let i = indentation.clamp(1, 4);
    match (kind, i) {
        (Kind::Ul, 1) => &UL_1,
        (Kind::Ul, 2) => &UL_2,
        (Kind::Ul, 3) => &UL_3,
        (Kind::Ul, _) => &UL_4,
        (Kind::Ol, 1) => &OL_1,
        (Kind::Ol, 2) => &OL_2,
        (Kind::Ol, 3) => &OL_3,
        (Kind::Ol, _) => &OL_4,
        (_, 1) => &DL_1,
        (_, 2) => &DL_2,
        (_, 3) => &DL_3,
        _ => &DL_4,
    }
}

impl Parser {
    fn item_patterns(&mut self, indentation: usize) -> Rc<ItemPatterns> {
        if let Some(p) = self.list_patterns.get(&indentation) {
            return p.clone();
        }
        let p = Rc::new(ItemPatterns { indentation });
        self.list_patterns.insert(indentation, p.clone());
        p
    }

    /// kramdown's first-line handling: tab expansion, the content indentation, and the
    /// patterns for the item's following lines.
    fn first_list_line(
        &mut self,
        mut indentation: usize,
        content: &str,
    ) -> (String, usize, Rc<ItemPatterns>) {
        let mut content = content.to_string();
        if item_ial_or_blank(&content) {
            indentation = 4;
        } else {
            // `^ *\t`
            while content.trim_start_matches(' ').starts_with('\t') {
                let spaces = content.len() - content.trim_start_matches(' ').len();
                let temp = spaces + indentation;
                let tabs =
                    content[spaces..].len() - content[spaces..].trim_start_matches('\t').len();
                let fill = 4 - (temp % 4) + (tabs - 1) * 4;
                content = format!(
                    "{}{}{}",
                    &content[..spaces],
                    " ".repeat(fill),
                    &content[spaces + tabs..]
                );
            }
            indentation += content.len() - content.trim_start_matches(' ').len();
        }
        let content = content[leading_space(&content)..].to_string();
        let pats = self.item_patterns(indentation);
        (content, indentation, pats)
    }

    /// Strips a leading `{: ...}` item IAL into the item's options.
    fn take_item_ial(&mut self, item: &mut El, value: &str) -> String {
        // The IAL starts with `{` after the leading whitespace.
        if value.as_bytes().get(leading_space(value)) != Some(&b'{') {
            return value.to_string();
        }
        match LIST_ITEM_IAL.at(value, 0) {
            Some(c) => {
                let mut ial = item.opts.ial.take().unwrap_or_default();
                self.parse_attribute_list(c.str(value, 1), &mut ial);
                item.opts.ial = Some(ial);
                value[c.end()..].to_string()
            }
            None => value.to_string(),
        }
    }

    pub(super) fn parse_list(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let kind = if src.check(&LIST_START_UL) {
            Kind::Ul
        } else {
            Kind::Ol
        };
        let mut list_start: &Re = if kind == Kind::Ul {
            &LIST_START_UL
        } else {
            &LIST_START_OL
        };
        let mut list = self.new_block_el(El::new(kind));
        let mut items: Vec<(El, Vec<String>)> = Vec::new();
        let mut pats: Option<Rc<ItemPatterns>> = None;
        let mut indentation = 0;
        let mut eob_found = false;
        let mut nested_list_found = false;
        let mut last_is_blank = false;
        while !src.eos() {
            if last_is_blank && src.check(&HR_START) {
                break;
            } else if src.rest().starts_with('^') && src.scan(&EOB_MARKER).is_some() {
                eob_found = true;
                break;
            } else if let Some(c) = may_start_item(&src.s, src.pos)
                .then(|| src.scan(list_start))
                .flatten()
            {
                let marker = c.str(&src.s, 1).to_string();
                let tail = c.str(&src.s, 2).to_string();
                if list.opts.first_list_marker.is_none() {
                    list.opts.first_list_marker = Some(super::scan::strip(&marker).to_string());
                }
                let mut item = El::new(Kind::Li);
                let (content, ind, p) = self.first_list_line(marker.len(), &tail);
                indentation = ind;
                pats = Some(p);
                let content = self.take_item_ial(&mut item, &content);
                list_start = item_start_pattern(kind, indentation);
                nested_list_found = LIST_START.is_match(&content);
                last_is_blank = false;
                items.push((item, vec![content]));
            } else if let Some(p) = pats.clone() {
                let result = p.content(&src.s, src.pos).or_else(|| {
                    if last_is_blank {
                        None
                    } else {
                        p.lazy(&src.s, src.pos)
                    }
                });
                if let Some(end) = result {
                    let mut line = src.s[src.pos..end].to_string();
                    src.pos = end;
                    if let Some(t) = LEADING_TABS.at(&line, 0) {
                        line = format!("{}{}", "    ".repeat(t.len()), &line[t.end()..]);
                    }
                    let indentation_found = match p.indent(&line) {
                        Some(n) => {
                            line = line[n..].to_string();
                            true
                        }
                        None => false,
                    };
                    let chunks = &mut items.last_mut().expect("list item").1;
                    if !nested_list_found && indentation_found && LIST_START.is_match(&line) {
                        chunks.push(String::new());
                        nested_list_found = true;
                    } else if nested_list_found && !indentation_found && LIST_START.is_match(&line)
                    {
                        line = format!("{}{}", " ".repeat(indentation + 4), line);
                    }
                    chunks.last_mut().expect("chunk").push_str(&line);
                    last_is_blank = false;
                } else if let Some(end) = lines::blank_lines_end(&src.s, src.pos) {
                    nested_list_found = true;
                    last_is_blank = true;
                    let text = src.s[src.pos..end].to_string();
                    src.pos = end;
                    items
                        .last_mut()
                        .expect("list item")
                        .1
                        .last_mut()
                        .expect("chunk")
                        .push_str(&text);
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let count = items.len();
        let mut last: Option<El> = None;
        let mut done: Vec<El> = Vec::with_capacity(count);
        for (idx, (mut item, chunks)) in items.into_iter().enumerate() {
            let mut temp = El::new(Kind::Temp);
            for chunk in chunks {
                let mut s = Src::new(chunk);
                self.parse_blocks(&mut temp, &mut s);
            }
            item.children = temp.children;
            if item.children.is_empty() {
                done.push(item);
                continue;
            }
            let is_last = idx + 1 == count;
            let ch = &mut item.children;
            if ch[0].kind == Kind::P
                && ch.len() >= 2
                && ch[1].kind == Kind::Eob
                && ch[0].opts.ial.is_some()
            {
                ch.remove(1);
            }
            let others_not_para = done.iter().any(|cit| match cit.children.first() {
                None => true,
                Some(f) => f.kind != Kind::P || f.opts.transparent,
            });
            if ch[0].kind == Kind::P
                && (ch.len() < 2
                    || ch[1].kind != Kind::Blank
                    || (is_last && ch.len() == 2 && !eob_found))
                && (!is_last || count == 1 || others_not_para)
            {
                if ch.len() > 1 && ch[1].kind != Kind::Blank {
                    if let Some(t) = ch[0].children.first_mut() {
                        t.value.push('\n');
                    }
                }
                ch[0].opts.transparent = true;
            }
            last = if ch.last().is_some_and(|l| l.kind == Kind::Blank) {
                ch.pop()
            } else {
                None
            };
            done.push(item);
        }
        list.children = done;
        if self.opts.gfm {
            gfm_task_list(&mut list);
        }
        tree.children.push(list);
        if let Some(l) = last {
            if !eob_found {
                tree.children.push(l);
            }
        }
        true
    }

    pub(super) fn parse_definition_list(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let ch = &tree.children;
        let n = ch.len();
        if n == 0
            || (n == 1 && ch[0].kind != Kind::P)
            || (n >= 2
                && ch[n - 1].kind != Kind::P
                && (ch[n - 1].kind != Kind::Blank
                    || ch[n - 1].value != "\n"
                    || ch[n - 2].kind != Kind::P))
        {
            return false;
        }
        let mut first_as_para = false;
        let mut deflist = self.new_block_el(El::new(Kind::Dl));
        let mut para = tree.children.pop().expect("paragraph");
        if para.kind == Kind::Blank {
            para = tree.children.pop().expect("paragraph");
            first_as_para = true;
        }
        let terms = para
            .children
            .first()
            .map(|c| c.value.clone())
            .unwrap_or_default();
        for term in terms.split('\n') {
            let mut dt = El::new(Kind::Dt);
            let term = self.take_item_ial(&mut dt, term);
            dt.opts.raw_text = Some(term.clone());
            dt.children.push(El::with_value(Kind::RawText, term));
            deflist.children.push(dt);
        }
        deflist.opts.ial = para.opts.ial.take();
        let mut values: Vec<Option<String>> = vec![None; deflist.children.len()];
        let mut first_flags: Vec<bool> = vec![false; deflist.children.len()];
        let mut pats: Option<Rc<ItemPatterns>> = None;
        let mut def_start: &Re = &DEFINITION_LIST_START;
        let mut last_is_blank = false;
        while !src.eos() {
            if let Some(c) = may_start_item(&src.s, src.pos)
                .then(|| src.scan(def_start))
                .flatten()
            {
                let marker_len = c.str(&src.s, 1).len();
                let tail = c.str(&src.s, 2).to_string();
                let mut dd = El::new(Kind::Dd);
                let (content, indentation, p) = self.first_list_line(marker_len, &tail);
                pats = Some(p);
                let content = self.take_item_ial(&mut dd, &content);
                deflist.children.push(dd);
                values.push(Some(content));
                first_flags.push(first_as_para);
                def_start = item_start_pattern(Kind::Dl, indentation);
                first_as_para = false;
                last_is_blank = false;
            } else if src.rest().starts_with('^') && src.check(&EOB_MARKER) {
                break;
            } else if let Some(p) = pats.clone() {
                let result = p.content(&src.s, src.pos).or_else(|| {
                    if last_is_blank {
                        None
                    } else {
                        p.lazy(&src.s, src.pos)
                    }
                });
                if let Some(end) = result {
                    let mut line = src.s[src.pos..end].to_string();
                    src.pos = end;
                    if let Some(t) = LEADING_TABS.at(&line, 0) {
                        line = format!("{}{}", "    ".repeat(t.len()), &line[t.end()..]);
                    }
                    if let Some(n) = p.indent(&line) {
                        line = line[n..].to_string();
                    }
                    if let Some(Some(v)) = values.last_mut() {
                        v.push_str(&line);
                    }
                    first_as_para = false;
                    last_is_blank = false;
                } else if let Some(end) = lines::blank_lines_end(&src.s, src.pos) {
                    first_as_para = true;
                    let text = src.s[src.pos..end].to_string();
                    src.pos = end;
                    if let Some(Some(v)) = values.last_mut() {
                        v.push_str(&text);
                    }
                    last_is_blank = true;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let mut last: Option<El> = None;
        for (i, it) in deflist.children.iter_mut().enumerate() {
            if it.kind == Kind::Dt {
                continue;
            }
            let value = values[i].take().unwrap_or_default();
            let mut s = Src::new(value);
            self.parse_blocks(it, &mut s);
            if it.children.is_empty() {
                continue;
            }
            last = if it.children.last().is_some_and(|l| l.kind == Kind::Blank) {
                it.children.pop()
            } else {
                None
            };
            let n = it.children.len();
            if it.children.first().is_some_and(|f| f.kind == Kind::P) && !first_flags[i] {
                if n > 1 {
                    if let Some(t) = it.children[0].children.first_mut() {
                        t.value.push('\n');
                    }
                }
                it.children[0].opts.transparent = true;
            }
        }
        let n = tree.children.len();
        if n >= 1 && tree.children[n - 1].kind == Kind::Dl {
            tree.children[n - 1].children.append(&mut deflist.children);
        } else if n >= 2
            && tree.children[n - 1].kind == Kind::Blank
            && tree.children[n - 2].kind == Kind::Dl
        {
            tree.children.pop();
            tree.children[n - 2].children.append(&mut deflist.children);
        } else {
            tree.children.push(deflist);
        }
        if let Some(l) = last {
            tree.children.push(l);
        }
        true
    }
}

const BOX_UNCHECKED: &str =
    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
const BOX_CHECKED: &str =
    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />";

/// The GFM parser's task lists: `[ ]`/`[x]` at the start of an item's first paragraph.
fn gfm_task_list(list: &mut El) {
    let mut is_tasklist = false;
    for li in list.children.iter_mut() {
        let Some(p) = li.children.first_mut() else {
            continue;
        };
        if p.kind != Kind::P {
            continue;
        }
        let Some(text) = p.children.first_mut() else {
            continue;
        };
        let mut found = false;
        if let Some(c) = TASK_UNCHECKED.at(&text.value, 0) {
            text.value = format!("{BOX_UNCHECKED}{}", &text.value[c.end()..]);
            found = true;
        }
        if let Some(c) = TASK_CHECKED.at(&text.value, 0) {
            text.value = format!("{BOX_CHECKED}{}", &text.value[c.end()..]);
            found = true;
        }
        is_tasklist = is_tasklist || found;
        if is_tasklist {
            li.attr.insert("class".into(), "task-list-item".into());
        }
    }
    if is_tasklist {
        list.attr.insert("class".into(), "task-list".into());
    }
}
