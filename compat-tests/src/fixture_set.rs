//! The fixture sites of the differential harness and their metadata files:
//! `fixtures/<name>/` (a Jekyll site with a `_config.yml`), `compat-tests/goldens/<name>/` (the
//! tree real Jekyll wrote, see scripts/make-goldens), `compat-tests/known-failures.txt` and
//! `compat-tests/fixture-env.txt`.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One fixture site and where its golden lives.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub name: String,
    pub source: PathBuf,
    pub golden: PathBuf,
    /// Extra environment variables for this fixture's build (from fixture-env.txt).
    pub env: Vec<(String, String)>,
}

/// The repository root (the workspace holding `fixtures/` and `compat-tests/`).
pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("compat-tests lives inside the repository")
        .to_path_buf()
}

/// Every fixture in `root/fixtures`, sorted by name.
pub fn discover(root: &Path) -> Result<Vec<Fixture>, String> {
    let fixtures_dir = root.join("fixtures");
    let envs = read_fixture_env(&root.join("compat-tests/fixture-env.txt"))?;
    let mut names = Vec::new();
    for entry in
        fs::read_dir(&fixtures_dir).map_err(|e| format!("{}: {e}", fixtures_dir.display()))?
    {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().join("_config.yml").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    for name in envs.keys() {
        if !names.contains(name) {
            return Err(format!(
                "compat-tests/fixture-env.txt names unknown fixture `{name}`"
            ));
        }
    }
    Ok(names
        .into_iter()
        .map(|name| Fixture {
            source: fixtures_dir.join(&name),
            golden: root.join("compat-tests/goldens").join(&name),
            env: envs.get(&name).cloned().unwrap_or_default(),
            name,
        })
        .collect())
}

/// `fixture-env.txt`: `<fixture> KEY=VALUE ...` per line; `#` starts a comment.
pub fn parse_fixture_env(text: &str) -> Result<BTreeMap<String, Vec<(String, String)>>, String> {
    let mut envs = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let mut words = line.split('#').next().unwrap_or("").split_whitespace();
        let Some(name) = words.next() else { continue };
        let mut vars = Vec::new();
        for word in words {
            let (key, value) = word.split_once('=').ok_or_else(|| {
                format!(
                    "fixture-env.txt:{}: expected KEY=VALUE, got `{word}`",
                    number + 1
                )
            })?;
            vars.push((key.to_string(), value.to_string()));
        }
        envs.insert(name.to_string(), vars);
    }
    Ok(envs)
}

fn read_fixture_env(path: &Path) -> Result<BTreeMap<String, Vec<(String, String)>>, String> {
    match fs::read_to_string(path) {
        Ok(text) => parse_fixture_env(&text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// `known-failures.txt`: `<fixture> <reason...>` per line; `#` lines are comments. Returns
/// fixture name → reason. A line without a reason is an error: the list must say why.
pub fn parse_known_failures(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut known = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if reason.trim().is_empty() {
            return Err(format!(
                "known-failures.txt:{}: `{name}` needs a reason",
                number + 1
            ));
        }
        if known
            .insert(name.to_string(), reason.trim().to_string())
            .is_some()
        {
            return Err(format!(
                "known-failures.txt:{}: `{name}` is listed twice",
                number + 1
            ));
        }
    }
    Ok(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_failures_need_reasons_and_unique_names() {
        let known =
            parse_known_failures("# comment\n\nposts  excerpts are not built yet\n").unwrap();
        assert_eq!(known["posts"], "excerpts are not built yet");
        assert!(parse_known_failures("posts\n").is_err());
        assert!(parse_known_failures("a x\na y\n").is_err());
    }

    #[test]
    fn fixture_env_lines() {
        let envs = parse_fixture_env("timezone TZ=America/New_York JEKYLL_ENV=production # why\n")
            .unwrap();
        assert_eq!(
            envs["timezone"],
            vec![
                ("TZ".to_string(), "America/New_York".to_string()),
                ("JEKYLL_ENV".to_string(), "production".to_string())
            ]
        );
        assert!(parse_fixture_env("x NOEQUALS\n").is_err());
    }
}
