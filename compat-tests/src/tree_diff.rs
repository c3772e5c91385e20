//! Compares two directory trees byte for byte and renders the differences as unified diffs, so a
//! failing fixture shows exactly which files hyde got wrong and how.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One way in which the tree hyde wrote differs from the golden tree Jekyll wrote.
#[derive(Debug, PartialEq, Eq)]
pub enum Difference {
    /// Jekyll wrote this file, hyde did not.
    Missing(PathBuf),
    /// hyde wrote this file, Jekyll did not.
    Extra(PathBuf),
    /// Both wrote the file with different bytes.
    Differs {
        path: PathBuf,
        golden: Vec<u8>,
        actual: Vec<u8>,
    },
}

/// Every file below `root` (following no symlinked directories), as sorted relative paths.
/// A missing `root` is an empty tree: a build that wrote nothing.
pub fn list_files(root: &Path) -> io::Result<BTreeSet<PathBuf>> {
    let mut files = BTreeSet::new();
    if root.exists() {
        collect_files(root, Path::new(""), &mut files)?;
    }
    Ok(files)
}

fn collect_files(root: &Path, relative: &Path, files: &mut BTreeSet<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(relative))? {
        let entry = entry?;
        let child = relative.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            collect_files(root, &child, files)?;
        } else {
            files.insert(child);
        }
    }
    Ok(())
}

/// All differences between the `golden` and `actual` trees, in path order.
pub fn compare_trees(golden: &Path, actual: &Path) -> io::Result<Vec<Difference>> {
    let golden_files = list_files(golden)?;
    let actual_files = list_files(actual)?;
    let mut differences = Vec::new();
    for path in golden_files.union(&actual_files) {
        match (golden_files.contains(path), actual_files.contains(path)) {
            (true, false) => differences.push(Difference::Missing(path.clone())),
            (false, true) => differences.push(Difference::Extra(path.clone())),
            _ => {
                let golden_bytes = fs::read(golden.join(path))?;
                let actual_bytes = fs::read(actual.join(path))?;
                if golden_bytes != actual_bytes {
                    differences.push(Difference::Differs {
                        path: path.clone(),
                        golden: golden_bytes,
                        actual: actual_bytes,
                    });
                }
            }
        }
    }
    Ok(differences)
}

/// A human-readable report of `differences`, cut after about `max_lines` lines.
pub fn render_report(differences: &[Difference], max_lines: usize) -> String {
    let mut out = String::new();
    for difference in differences {
        match difference {
            Difference::Missing(path) => {
                let _ = writeln!(
                    out,
                    "missing (Jekyll wrote it, hyde did not): {}",
                    path.display()
                );
            }
            Difference::Extra(path) => {
                let _ = writeln!(
                    out,
                    "extra (hyde wrote it, Jekyll did not): {}",
                    path.display()
                );
            }
            Difference::Differs {
                path,
                golden,
                actual,
            } => match (std::str::from_utf8(golden), std::str::from_utf8(actual)) {
                (Ok(golden), Ok(actual)) => {
                    let label = path.display();
                    out.push_str(&unified_diff(
                        golden,
                        actual,
                        &format!("jekyll/{label}"),
                        &format!("hyde/{label}"),
                        3,
                    ));
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "binary file differs: {} (Jekyll {} bytes, hyde {} bytes)",
                        path.display(),
                        golden.len(),
                        actual.len()
                    );
                }
            },
        }
    }
    truncate_lines(out, max_lines)
}

fn truncate_lines(text: String, max_lines: usize) -> String {
    let total = text.lines().count();
    if total <= max_lines {
        return text;
    }
    let mut kept: String = text
        .split_inclusive('\n')
        .take(max_lines)
        .collect::<Vec<_>>()
        .concat();
    let _ = writeln!(
        kept,
        "... ({} more lines of differences)",
        total - max_lines
    );
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Keep,
    Delete,
    Insert,
}

/// A unified diff (as `diff -u` prints it) from `old` to `new`; empty when they are equal.
pub fn unified_diff(
    old: &str,
    new: &str,
    old_label: &str,
    new_label: &str,
    context: usize,
) -> String {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let edits = edit_script(&old_lines, &new_lines);
    if edits.iter().all(|e| *e == Edit::Keep) {
        return String::new();
    }
    let mut out = format!("--- {old_label}\n+++ {new_label}\n");
    for hunk in hunks(&edits, context) {
        render_hunk(
            &mut out,
            &edits[hunk.clone()],
            start_positions(&edits, hunk.start),
            &old_lines,
            &new_lines,
        );
    }
    out
}

/// Line numbers (0-based) in old and new at which edit number `index` applies.
fn start_positions(edits: &[Edit], index: usize) -> (usize, usize) {
    edits[..index].iter().fold((0, 0), |(o, n), e| match e {
        Edit::Keep => (o + 1, n + 1),
        Edit::Delete => (o + 1, n),
        Edit::Insert => (o, n + 1),
    })
}

/// Ranges of `edits` that form hunks: each change with `context` kept lines around it, merged
/// when they touch.
fn hunks(edits: &[Edit], context: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        if *edit == Edit::Keep {
            continue;
        }
        let start = i.saturating_sub(context);
        let end = (i + 1 + context).min(edits.len());
        match ranges.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => ranges.push(start..end),
        }
    }
    ranges
}

fn render_hunk(
    out: &mut String,
    edits: &[Edit],
    (old_start, new_start): (usize, usize),
    old: &[&str],
    new: &[&str],
) {
    let old_count = edits.iter().filter(|e| **e != Edit::Insert).count();
    let new_count = edits.iter().filter(|e| **e != Edit::Delete).count();
    let _ = writeln!(
        out,
        "@@ -{} +{} @@",
        hunk_range(old_start, old_count),
        hunk_range(new_start, new_count)
    );
    let (mut o, mut n) = (old_start, new_start);
    for edit in edits {
        let (marker, line) = match edit {
            Edit::Keep => {
                o += 1;
                n += 1;
                (' ', old[o - 1])
            }
            Edit::Delete => {
                o += 1;
                ('-', old[o - 1])
            }
            Edit::Insert => {
                n += 1;
                ('+', new[n - 1])
            }
        };
        out.push(marker);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

fn hunk_range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{count}", start + 1),
    }
}

/// Above this many cells the quadratic LCS table is skipped and the changed middle is shown as
/// one block of deletions followed by insertions: still a correct diff, just not a minimal one.
const MAX_LCS_CELLS: usize = 16_000_000;

/// The edits turning `old` into `new`: common prefix and suffix kept, the middle aligned by a
/// longest common subsequence.
fn edit_script(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];

    let mut edits = vec![Edit::Keep; prefix];
    if old_mid.len().saturating_mul(new_mid.len()) > MAX_LCS_CELLS {
        edits.extend(std::iter::repeat_n(Edit::Delete, old_mid.len()));
        edits.extend(std::iter::repeat_n(Edit::Insert, new_mid.len()));
    } else {
        edits.extend(lcs_edits(old_mid, new_mid));
    }
    edits.extend(std::iter::repeat_n(Edit::Keep, suffix));
    edits
}

fn lcs_edits(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let (n, m) = (old.len(), new.len());
    // lengths[i][j] = LCS length of old[i..] and new[j..], stored row-major.
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if old[i] == new[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut edits = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old[i] == new[j] {
            edits.push(Edit::Keep);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            edits.push(Edit::Delete);
            i += 1;
        } else {
            edits.push(Edit::Insert);
            j += 1;
        }
    }
    edits.extend(std::iter::repeat_n(Edit::Delete, n - i));
    edits.extend(std::iter::repeat_n(Edit::Insert, m - j));
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected outputs below are what GNU `diff -u` prints for the same inputs (labels aside).

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified_diff("a\nb\n", "a\nb\n", "x", "y", 3), "");
    }

    #[test]
    fn one_changed_line_in_the_middle() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assert_eq!(
            unified_diff(old, new, "a", "b", 3),
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn distant_changes_make_two_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=20)
            .map(|i| match i {
                2 => "two\n".to_string(),
                19 => "nineteen\n".to_string(),
                _ => format!("{i}\n"),
            })
            .collect();
        let diff = unified_diff(&old, &new, "a", "b", 1);
        assert_eq!(
            diff,
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -18,3 +18,3 @@\n 18\n-19\n+nineteen\n 20\n"
        );
    }

    #[test]
    fn insertion_into_empty_file() {
        assert_eq!(
            unified_diff("", "new\n", "a", "b", 3),
            "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n"
        );
    }

    #[test]
    fn missing_final_newline_is_marked() {
        assert_eq!(
            unified_diff("a\n", "a", "x", "y", 3),
            "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn trees_report_missing_extra_and_changed_files() {
        let base = std::env::temp_dir().join(format!("hyde-tree-diff-{}", std::process::id()));
        let (golden, actual) = (base.join("golden"), base.join("actual"));
        for (dir, files) in [
            (
                &golden,
                [
                    ("same.txt", "x"),
                    ("changed.txt", "old\n"),
                    ("only-golden.txt", "g"),
                ],
            ),
            (
                &actual,
                [
                    ("same.txt", "x"),
                    ("changed.txt", "new\n"),
                    ("sub/only-hyde.txt", "h"),
                ],
            ),
        ] {
            for (name, content) in files {
                let path = dir.join(name);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, content).unwrap();
            }
        }
        let differences = compare_trees(&golden, &actual).unwrap();
        fs::remove_dir_all(&base).unwrap();
        assert_eq!(
            differences,
            vec![
                Difference::Differs {
                    path: "changed.txt".into(),
                    golden: b"old\n".to_vec(),
                    actual: b"new\n".to_vec()
                },
                Difference::Missing("only-golden.txt".into()),
                Difference::Extra("sub/only-hyde.txt".into()),
            ]
        );
    }

    #[test]
    fn long_reports_are_cut() {
        let report = truncate_lines("a\nb\nc\nd\n".to_string(), 2);
        assert_eq!(report, "a\nb\n... (2 more lines of differences)\n");
    }
}
