//! Jekyll's logger format: the topic right-aligned in 20 columns, then the message.

use std::sync::atomic::{AtomicU8, Ordering};

static LEVEL: AtomicU8 = AtomicU8::new(1);

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug = 0,
    Info = 1,
    Warn = 2,
    Error = 3,
}

/// `-q` shows only errors, `-V` shows debug messages.
pub fn set_verbosity(quiet: bool, verbose: bool) {
    let l = if quiet {
        Level::Error
    } else if verbose {
        Level::Debug
    } else {
        Level::Info
    };
    LEVEL.store(l as u8, Ordering::Relaxed);
}

pub fn format(topic: &str, message: &str) -> String {
    let message: String = {
        // Jekyll collapses runs of whitespace in messages.
        let mut out = String::with_capacity(message.len());
        let mut ws = false;
        for c in message.chars() {
            if c.is_whitespace() {
                if !ws {
                    out.push(' ');
                }
                ws = true;
            } else {
                out.push(c);
                ws = false;
            }
        }
        out
    };
    format!("{:>20}{}", format!("{topic} "), message)
}

pub fn log(level: Level, topic: &str, message: &str) {
    if (level as u8) < LEVEL.load(Ordering::Relaxed) {
        return;
    }
    let line = format(topic, message);
    if level >= Level::Warn {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
}

pub fn info(topic: &str, message: &str) {
    log(Level::Info, topic, message)
}

pub fn warn(topic: &str, message: &str) {
    log(Level::Warn, topic, message)
}

pub fn error(topic: &str, message: &str) {
    log(Level::Error, topic, message)
}

pub fn debug(topic: &str, message: &str) {
    log(Level::Debug, topic, message)
}
