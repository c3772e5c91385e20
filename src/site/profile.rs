//! `--profile`: Jekyll's "Build Process Summary" and "Site Render Stats" tables (per
//! template: renders, bytes produced, seconds spent in Liquid).

use indexmap::IndexMap;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Default, Clone, Copy)]
struct Stats {
    count: u64,
    bytes: u64,
    time: Duration,
}

/// Render statistics collected from every thread.
#[derive(Default)]
pub struct Profile {
    stats: Mutex<IndexMap<String, Stats>>,
}

impl Profile {
    pub fn record(&self, file: &str, bytes: usize, time: Duration) {
        let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        let s = stats.entry(file.to_string()).or_default();
        s.count += 1;
        s.bytes += bytes as u64;
        s.time += time;
    }

    /// `LiquidRenderer#stats_table`: the 50 slowest templates and a total.
    pub fn stats_table(&self) -> String {
        let stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        let mut sorted: Vec<(&String, &Stats)> = stats.iter().collect();
        sorted.sort_by_key(|s| std::cmp::Reverse(s.1.time));
        sorted.truncate(50);
        let kb = |b: u64| format!("{:.2}K", b as f64 / 1024.0);
        let mut rows = vec![vec![
            "Filename".to_string(),
            "Count".into(),
            "Bytes".into(),
            "Time".into(),
        ]];
        let mut total = Stats::default();
        for (name, s) in &sorted {
            total.count += s.count;
            total.bytes += s.bytes;
            total.time += s.time;
            rows.push(vec![
                name.to_string(),
                s.count.to_string(),
                kb(s.bytes),
                format!("{:.3}", s.time.as_secs_f64()),
            ]);
        }
        rows.push(vec![
            format!("TOTAL (for {} files)", sorted.len()),
            total.count.to_string(),
            kb(total.bytes),
            format!("{:.3}", total.time.as_secs_f64()),
        ]);
        tabulate(&rows)
    }
}

/// A table in terminal-table's style as Jekyll configures it: header, separator, rows; the
/// first column left-aligned, the others right-aligned; no top or bottom border.
pub fn tabulate(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |r: &Vec<String>| {
        let cells: Vec<String> = (0..cols)
            .map(|c| {
                let v = r.get(c).map(String::as_str).unwrap_or("");
                if c == 0 {
                    format!(" {v:<w$} ", w = widths[c])
                } else {
                    format!(" {v:>w$} ", w = widths[c])
                }
            })
            .collect();
        format!("|{}|", cells.join("|"))
    };
    let sep = format!(
        "+{}+",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("+")
    );
    let mut out = String::from("\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&line(r));
        out.push('\n');
        if i == 0 {
            out.push_str(&sep);
            out.push('\n');
        }
    }
    out
}
