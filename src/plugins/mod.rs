//! Plugins: the generators and Liquid extensions Jekyll plugins provide, implemented
//! natively, and the warnings for plugins hyde does not implement.

use crate::config::ConfigExt;
use crate::error::Result;
use crate::site::Site;

/// Plugins hyde implements natively (activated by `plugins:`/`gems:`).
const IMPLEMENTED: &[&str] = &[];

/// `Site#generate`: runs the generators of the enabled plugins, and reports plugins and
/// Ruby files hyde cannot run (a warning naming each, as nothing may fail silently).
pub fn generate(site: &mut Site) -> Result<()> {
    let mut names = site.config.list_of("plugins");
    names.extend(site.config.list_of("gems"));
    for name in names {
        if !IMPLEMENTED.contains(&name.as_str()) {
            site.warn(format!(
                "Plugin: '{name}' is not implemented by hyde; the tags, filters and pages it provides will be missing."
            ));
        }
    }
    if !site.flags.safe {
        let dirs = site.config.list_of("plugins_dir");
        let dirs = if dirs.is_empty() {
            vec!["_plugins".to_string()]
        } else {
            dirs
        };
        for d in dirs {
            let dir = site.source.join(&d);
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut files: Vec<_> = rd
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rb"))
                .collect();
            files.sort();
            for f in files {
                let rel = f
                    .strip_prefix(&site.source)
                    .unwrap_or(&f)
                    .display()
                    .to_string();
                site.warn(format!(
                    "Plugin: {rel} is a Ruby plugin; hyde cannot run Ruby, so what it defines will be missing."
                ));
            }
        }
    }
    Ok(())
}
