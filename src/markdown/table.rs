//! kramdown tables: pipe rows, header/footer separator lines, alignment, code spans that may
//! contain pipes.

use super::element::{Align, El, Kind};
use super::parser::{Parser, Src};
use super::scan::{re, strip};
use super::span::{SpanEnv, SpanParser};

re!(TABLE_SEP_LINE, "^([+|: \\t-]*?-[+|: \\t-]*?)[ \\t]*\\n");
re!(TABLE_HSEP_ALIGN, "[ \\t]?(:?)-+(:?)[ \\t]?");
re!(TABLE_FSEP_LINE, "^[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*\\n");
re!(TABLE_LINE, "(?:\\||.*?[^\\\\\\n]\\|).*?\\n");
re!(TABLE_PIPE_CHECK_START, "^(?:\\||.*?[^\\\\\\n]\\|)");
re!(LEADING_PIPE, "^[ \\t\\n\\r\\x0B\\x0C]*\\|");
re!(CODE_TAG_SPLIT, "(<code.*?>.*?</code>)");

fn ruby_split_keep(s: &str) -> Vec<String> {
    // `str.split(/(<code.*?>.*?<\/code>)/)`: separators kept at odd indices.
    if !s.contains("<code") {
        return vec![s.to_string()];
    }
    let mut out = Vec::new();
    let mut last = 0;
    let mut pos = 0;
    while let Some(c) = CODE_TAG_SPLIT.find_from(s, pos) {
        if c.end() == c.start() {
            break;
        }
        out.push(s[last..c.start()].to_string());
        out.push(c.str(s, 1).to_string());
        last = c.end();
        pos = c.end();
    }
    out.push(s[last..].to_string());
    // Ruby drops trailing empty strings from split results.
    while out.len() > 1 && out.last().is_some_and(|x| x.is_empty()) {
        out.pop();
    }
    out
}

/// Splits a row's text at its unescaped pipes (`(?<!\\)\|`).
fn split_cells(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut last = 0;
    for k in 0..b.len() {
        if b[k] == b'|' && (k == 0 || b[k - 1] != b'\\') {
            parts.push(s[last..k].replace("\\|", "|"));
            last = k + 1;
        }
    }
    parts.push(s[last..].replace("\\|", "|"));
    parts
}

/// TABLE_LINE at `p`, `(?:\||.*?[^\\\n]\|).*?\n`: the line starts with a pipe or has one
/// after a character other than a backslash.
fn is_table_line(s: &str, p: usize) -> bool {
    let b = s.as_bytes();
    let Some(len) = b[p..].iter().position(|&c| c == b'\n') else {
        return false;
    };
    let line = &b[p..p + len];
    line.first() == Some(&b'|') || (1..line.len()).any(|k| line[k] == b'|' && line[k - 1] != b'\\')
}

/// TABLE_ROW_LINE at `p`, `^(.*?)[ \t]*\n`: the end of the row's text (trailing blanks
/// dropped) and of the line.
fn row_line(s: &str, p: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let nl = p + b[p..].iter().position(|&c| c == b'\n')?;
    let text_len = b[p..nl]
        .iter()
        .rposition(|&c| c != b' ' && c != b'\t')
        .map_or(0, |k| k + 1);
    Some((p + text_len, nl + 1))
}

/// Whether the line at `p` may be a separator line (TABLE_SEP_LINE with `-`, TABLE_FSEP_LINE
/// with `=`): only `+|: \t` and the dash or equals sign, at least one of those.
fn may_be_separator(s: &str, p: usize, dash: u8) -> bool {
    let b = s.as_bytes();
    let Some(len) = b[p..].iter().position(|&c| c == b'\n') else {
        return false;
    };
    let line = &b[p..p + len];
    line.contains(&dash)
        && line
            .iter()
            .all(|&c| matches!(c, b'+' | b'|' | b':' | b' ' | b'\t') || c == dash)
}

fn push_cell_text(cells: &mut Vec<String>, s: &str) {
    match cells.last_mut() {
        Some(l) => l.push_str(s),
        None => cells.push(s.to_string()),
    }
}

impl Parser {
    pub(super) fn parse_table(&mut self, tree: &mut El, src: &mut Src) -> bool {
        if !self.after_block_boundary(tree) {
            return false;
        }
        let orig_pos = src.pos;
        let mut table = self.new_block_el(El::new(Kind::Table));
        let saved_ial = table.opts.ial.clone();
        let leading_pipe = TABLE_LINE
            .at(&src.s, src.pos)
            .is_some_and(|c| LEADING_PIPE.is_at(&src.s[c.start()..c.end()], 0));
        if may_be_separator(&src.s, src.pos, b'-') {
            src.scan(&TABLE_SEP_LINE);
        }
        let mut rows: Vec<El> = Vec::new();
        let mut has_footer = false;
        let mut columns = 0;
        let mut alignment: Vec<Align> = Vec::new();
        let add_container =
            |table: &mut El, rows: &mut Vec<El>, kind: Kind, force: bool, has_footer: bool| {
                if !has_footer || kind != Kind::Tbody || force {
                    let mut cont = El::new(kind);
                    cont.children = std::mem::take(rows);
                    table.children.push(cont);
                }
            };
        while !src.eos() {
            if !is_table_line(&src.s, src.pos) {
                break;
            }
            let sep = may_be_separator(&src.s, src.pos, b'-')
                .then(|| src.scan(&TABLE_SEP_LINE))
                .flatten();
            if let Some(c) = sep {
                if rows.is_empty() {
                } else if alignment.is_empty() && !has_footer {
                    add_container(&mut table, &mut rows, Kind::Thead, false, has_footer);
                    let spec = c.str(&src.s, 1);
                    let mut p = 0;
                    while let Some(m) = TABLE_HSEP_ALIGN.find_from(spec, p) {
                        p = m.end().max(p + 1);
                        let (l, r) = (m.str(spec, 1).is_empty(), m.str(spec, 2).is_empty());
                        alignment.push(match (l, r) {
                            (true, true) => Align::Default,
                            (false, true) => Align::Left,
                            (true, false) => Align::Right,
                            _ => Align::Center,
                        });
                    }
                } else {
                    add_container(&mut table, &mut rows, Kind::Tbody, false, has_footer);
                }
            } else if may_be_separator(&src.s, src.pos, b'=')
                && src.scan(&TABLE_FSEP_LINE).is_some()
            {
                if !rows.is_empty() {
                    add_container(&mut table, &mut rows, Kind::Tbody, true, has_footer);
                }
                has_footer = true;
            } else if let Some((text_end, end)) = row_line(&src.s, src.pos) {
                let line = src.s[src.pos..text_end].to_string();
                src.pos = end;
                let mut cells: Vec<String> = Vec::new();
                for (i, part) in ruby_split_keep(&line).into_iter().enumerate() {
                    if i % 2 == 1 {
                        push_cell_text(&mut cells, &part);
                        continue;
                    }
                    let mut root = El::new(Kind::Root);
                    let mut isrc = Src::new(part);
                    let mut env = SpanEnv {
                        stack: vec![Kind::Root],
                        text_kind: Kind::RawText,
                        parsers: vec![SpanParser::Codespan],
                    };
                    self.parse_spans(&mut root, &mut isrc, None, &mut env);
                    for ch in root.children {
                        if ch.kind == Kind::RawText {
                            let parts = split_cells(&ch.value);
                            let mut it = parts.into_iter();
                            if let Some(f) = it.next() {
                                push_cell_text(&mut cells, &f);
                            }
                            cells.extend(it);
                        } else {
                            let max_ticks = ch
                                .value
                                .split(|c| c != '`')
                                .map(str::len)
                                .max()
                                .unwrap_or(0);
                            let delim = "`".repeat(max_ticks + 1);
                            let sp = if delim.len() > 1 { " " } else { "" };
                            push_cell_text(
                                &mut cells,
                                &format!("{delim}{sp}{}{sp}{delim}", ch.value),
                            );
                        }
                    }
                }
                if leading_pipe && cells.first().is_some_and(|f| strip(f).is_empty()) {
                    cells.remove(0);
                }
                if cells.last().is_some_and(|l| strip(l).is_empty()) {
                    cells.pop();
                }
                let mut tr = El::new(Kind::Tr);
                for cell in &cells {
                    let mut td = El::new(Kind::Td);
                    td.children.push(El::with_value(Kind::RawText, strip(cell)));
                    tr.children.push(td);
                }
                columns = columns.max(cells.len());
                rows.push(tr);
            } else {
                break;
            }
        }
        let restore = |this: &mut Parser, src: &mut Src| {
            src.pos = orig_pos;
            this.block_ial = saved_ial.clone();
            false
        };
        if !src.check(&super::patterns::BLOCK_BOUNDARY) {
            return restore(self, src);
        }
        // Check that pipes are really outside code spans and HTML on each line.
        let end = src.pos.saturating_sub(1).max(orig_pos);
        let text = src.s[orig_pos..end].to_string();
        let mut root = El::new(Kind::Root);
        let mut isrc = Src::new(text);
        let mut env = SpanEnv {
            stack: vec![Kind::Root],
            text_kind: Kind::RawText,
            parsers: vec![SpanParser::Codespan, SpanParser::SpanHtml],
        };
        self.parse_spans(&mut root, &mut isrc, None, &mut env);
        let mut pipe_on_line = false;
        for c in root.children {
            let value = match c.kind {
                Kind::Codespan | Kind::RawText | Kind::XmlComment => c.value.clone(),
                _ => continue,
            };
            if value.is_empty() && c.kind != Kind::Codespan {
                continue;
            }
            let lines: Vec<&str> = ruby_lines(&value);
            if c.kind == Kind::Codespan {
                if lines.len() > 2 || (lines.len() == 2 && !pipe_on_line) {
                    break;
                } else if lines.len() == 2 && pipe_on_line {
                    pipe_on_line = false;
                }
            } else {
                let first = lines.first().copied().unwrap_or("");
                if lines.len() > 1 && !pipe_on_line && !TABLE_PIPE_CHECK_START.is_at(first, 0) {
                    break;
                }
                let last = lines.last().copied().unwrap_or("");
                pipe_on_line = (if lines.len() > 1 { false } else { pipe_on_line })
                    || TABLE_PIPE_CHECK_START.is_at(last, 0);
            }
        }
        if !pipe_on_line {
            return restore(self, src);
        }
        if !rows.is_empty() {
            add_container(
                &mut table,
                &mut rows,
                if has_footer { Kind::Tfoot } else { Kind::Tbody },
                false,
                has_footer,
            );
        }
        if !table.children.iter().any(|c| c.kind == Kind::Tbody) {
            return restore(self, src);
        }
        for part in table.children.iter_mut() {
            for row in part.children.iter_mut() {
                while row.children.len() < columns {
                    row.children.push(El::new(Kind::Td));
                }
            }
        }
        if alignment.len() > columns {
            alignment.truncate(columns);
        } else {
            alignment.resize(columns, Align::Default);
        }
        table.opts.alignment = alignment;
        tree.children.push(table);
        true
    }
}

/// Ruby's `str.split("\n")`: trailing empty fields dropped.
fn ruby_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.split('\n').collect();
    while v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}
