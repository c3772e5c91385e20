//! hyde: a Jekyll-compatible static site generator.
//!
//! The modules follow Jekyll's own pipeline: configuration (`config`) → read (`site::reader`)
//! → generate (`plugins`) → render (`liquid`, then `markdown`/`highlight`/`sass` converters,
//! then layouts, in `site::renderer`) → write (`site::writer`). See docs/architecture.md.

pub mod build;
pub mod cli;
pub mod config;
pub mod data;
pub mod error;
pub mod highlight;
pub mod liquid;
pub mod markdown;
pub mod net;
pub mod plugins;
pub mod sass;
pub mod serve;
pub mod site;
pub mod utils;
pub mod value;
pub mod yaml;

pub use error::{Error, Result};
pub use value::Value;
