//! jekyll-imagemagick and jekyll-jupyter-notebook sites built by hyde
//! (`tests/imagick-sites/<site>`).
//!
//! Debian packages neither plugin, so `scripts/make-goldens` cannot run them. The expected
//! outputs (`<site>.expected/`) were nevertheless made by real Jekyll: `regenerate.sh` runs
//! the jekyll-oracle with each gem's own Ruby sources loaded from `_plugins/` (the
//! expectations thus come from the gems' Ruby code, run, not only read). The external
//! programs are test doubles in `tests/imagick-sites/bin/`: `jupyter` prints a fixed HTML
//! document naming the options it got, `convert` writes its arguments into the output file,
//! so the command lines both build are compared byte for byte.
//!
//! With real ImageMagick installed, `imagemagick` checks the generated WebP files' names
//! and sizes (measured with ImageMagick 6.9.11); without it, the warning path. Neither test
//! needs ImageMagick or Jupyter to pass.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sites() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imagick-sites")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyde-imagick-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// An empty directory: a PATH on which neither `jupyter` nor ImageMagick is found.
fn empty_path_dir() -> PathBuf {
    let dir = scratch("empty-path");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds `src` into `dest` with `path` as PATH; returns everything hyde printed.
fn build(src: &Path, dest: &Path, path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(["build", "-s"])
        .arg(src)
        .arg("-d")
        .arg(dest)
        .env("PATH", path)
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "hyde build of {} failed:\n{log}",
        src.display()
    );
    log
}

/// The test doubles first, then the system's PATH (the `jupyter` double uses `head`).
fn doubles_path() -> String {
    let bin = sites().join("bin");
    match std::env::var("PATH") {
        Ok(p) => format!("{}:{p}", bin.display()),
        Err(_) => bin.display().to_string(),
    }
}

/// Only the test doubles: a real `magick` elsewhere on PATH would be preferred to the
/// `convert` double.
fn doubles_only_path() -> String {
    sites().join("bin").display().to_string()
}

fn assert_same_tree(site: &str, dest: &Path) {
    let expected = sites().join(format!("{site}.expected"));
    let mut want = Vec::new();
    files(&expected, &mut want);
    let mut got = Vec::new();
    files(dest, &mut got);
    assert_eq!(
        want.len(),
        got.len(),
        "{site}: number of files written: {got:?}"
    );
    for w in want {
        let rel = w.strip_prefix(&expected).unwrap();
        let a = std::fs::read(&w).unwrap();
        let b = std::fs::read(dest.join(rel))
            .unwrap_or_else(|_| panic!("{site}: {} not written", rel.display()));
        assert_eq!(
            String::from_utf8_lossy(&b),
            String::from_utf8_lossy(&a),
            "{site}: {} differs",
            rel.display()
        );
    }
}

fn check_site(site: &str, path: &str) -> String {
    let dest = scratch(site);
    let log = build(&sites().join(site), &dest, path);
    assert_same_tree(site, &dest);
    let _ = std::fs::remove_dir_all(&dest);
    log
}

#[test]
fn jupyter_pages_and_tag() {
    let log = check_site("jupyter", &doubles_path());
    // The gem's warning for a path that is no string literal nor defined variable.
    assert!(log.contains("Warning: Jupyter Notebook path be string literal: <\"a&b.ipynb\">"));
}

#[test]
fn jupyter_options_layouts_and_front_matter() {
    check_site("jupyter-options", &doubles_path());
}

#[test]
fn jupyter_collection_notebooks_become_pages_and_documents() {
    check_site("jupyter-collection", &doubles_path());
}

#[test]
fn jupyter_missing_warns_and_keeps_going() {
    // The gem crashes here (`spawn` raises ENOENT); hyde warns, naming each notebook.
    let dest = scratch("jupyter-missing");
    let empty = empty_path_dir();
    let log = build(
        &sites().join("jupyter"),
        &dest,
        &empty.display().to_string(),
    );
    for nb in ["notebooks/blog.ipynb", "python.ipynb"] {
        assert!(
            log.contains(&format!(
                "`jupyter` is not on PATH, so {nb} was not converted"
            )),
            "{log}"
        );
    }
    let expected_index = sites().join("jupyter.expected/index.html");
    assert_eq!(
        std::fs::read_to_string(dest.join("index.html")).unwrap(),
        std::fs::read_to_string(expected_index).unwrap()
    );
    let page = std::fs::read_to_string(dest.join("python.ipynb.html")).unwrap();
    assert!(page.contains("could not be converted"), "{page}");
    let _ = std::fs::remove_dir_all(&dest);
}

#[test]
fn imagemagick_command_lines_and_static_files() {
    let log = check_site("imagemagick-commands", &doubles_only_path());
    assert!(log.contains("Imagemagick: Generated 16 file(s)"), "{log}");
}

#[test]
fn imagemagick_disabled() {
    let log = check_site("imagemagick-disabled", &doubles_only_path());
    assert!(
        log.contains("Imagemagick: Disabled in site.config"),
        "{log}"
    );
}

/// Copies a site (so its files' modification times can be changed).
fn copy_tree(from: &Path, to: &Path) {
    let mut all = Vec::new();
    files(from, &mut all);
    for f in all {
        let target = to.join(f.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&f, &target).unwrap();
    }
}

#[test]
fn imagemagick_regenerates_only_outdated_images() {
    let src = scratch("regen-src");
    copy_tree(&sites().join("imagemagick-commands"), &src);
    let dest = scratch("regen-dest");
    let path = doubles_only_path();
    build(&src, &dest, &path);
    // Outputs newer than their sources are kept (the gem compares modification times).
    let again = build(&src, &dest, &path);
    assert!(
        again.contains("Imagemagick: Generated 0 file(s)"),
        "{again}"
    );
    assert!(again.contains("Adding static file"), "{again}");
    assert_same_tree("imagemagick-commands", &dest);
    // A source newer than its outputs is converted again, for every width and format.
    let a = src.join("assets/img/a.png");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let third = build(&src, &dest, &path);
    assert!(
        third.contains("Imagemagick: Generated 4 file(s)"),
        "{third}"
    );
    for name in ["a.webp", "a-480.webp", "a.avif", "a-480.avif"] {
        assert!(third.contains(&format!("/assets/img/{name}\"")), "{third}");
    }
    let _ = std::fs::remove_dir_all(&src);
    let _ = std::fs::remove_dir_all(&dest);
}

#[test]
fn imagemagick_missing_warns_with_the_image_names() {
    let dest = scratch("imagick-missing");
    let empty = empty_path_dir();
    let log = build(
        &sites().join("imagemagick"),
        &dest,
        &empty.display().to_string(),
    );
    assert!(
        log.contains("ImageMagick (`magick` or `convert`) is not on PATH"),
        "{log}"
    );
    assert!(log.contains("assets/img/wide-480.webp"), "{log}");
    assert!(log.contains("assets/img/sub/tall-1400.webp"), "{log}");
    assert!(!dest.join("assets/img/wide-480.webp").exists());
    // The sources are copied as usual.
    assert!(dest.join("assets/img/wide.png").exists());
    let _ = std::fs::remove_dir_all(&dest);
}

/// Whether real ImageMagick (not a stand-in) answers on this machine's PATH.
fn real_imagemagick() -> bool {
    ["magick", "convert"].iter().any(|tool| {
        Command::new(tool)
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"Version: ImageMagick"))
    })
}

/// The picture size in a WebP file's header, and whether it is lossy (`VP8 `).
fn webp_size(bytes: &[u8]) -> Option<(u32, u32, bool)> {
    if bytes.len() < 30 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WEBP" {
        return None;
    }
    let le16 = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as u32;
    let le24 = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], 0]);
    match &bytes[12..16] {
        b"VP8 " => Some((le16(26) & 0x3fff, le16(28) & 0x3fff, true)),
        b"VP8L" => {
            let bits = u32::from_le_bytes([bytes[21], bytes[22], bytes[23], bytes[24]]);
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1, false))
        }
        b"VP8X" => {
            let lossy = bytes.windows(4).any(|w| w == b"VP8 ");
            Some((le24(24) + 1, le24(27) + 1, lossy))
        }
        _ => None,
    }
}

#[test]
fn imagemagick_real_conversion() {
    if !real_imagemagick() {
        eprintln!("ImageMagick is not installed: only the warning path is tested");
        return;
    }
    let dest = scratch("imagick-real");
    let log = build(
        &sites().join("imagemagick"),
        &dest,
        &std::env::var("PATH").unwrap_or_default(),
    );
    assert!(log.contains("Imagemagick: Generated 9 file(s)"), "{log}");
    // `-resize "N>"` bounds the width and only ever shrinks (sizes measured with
    // ImageMagick 6.9.11, identical under the gem's command line).
    let want = [
        ("assets/img/wide-480.webp", 480, 270),
        ("assets/img/wide-800.webp", 800, 450),
        ("assets/img/wide-1400.webp", 1400, 788),
        ("assets/img/small-480.webp", 300, 200),
        ("assets/img/small-800.webp", 300, 200),
        ("assets/img/small-1400.webp", 300, 200),
        ("assets/img/sub/tall-480.webp", 480, 800),
        ("assets/img/sub/tall-800.webp", 600, 1000),
        ("assets/img/sub/tall-1400.webp", 600, 1000),
    ];
    for (file, w, h) in want {
        let bytes = std::fs::read(dest.join(file)).unwrap_or_else(|_| panic!("{file} missing"));
        let (gw, gh, lossy) = webp_size(&bytes).unwrap_or_else(|| panic!("{file}: not WebP"));
        assert_eq!((gw, gh), (w, h), "{file}");
        assert!(lossy, "{file}: `-quality 85` makes a lossy WebP");
    }
    // Not an input format: no copy made.
    assert!(!dest.join("assets/img/skip-480.webp").exists());
    let index = std::fs::read_to_string(dest.join("index.html")).unwrap();
    assert!(index.contains("/assets/img/sub/tall-480.webp\n"), "{index}");
    let _ = std::fs::remove_dir_all(&dest);
}
