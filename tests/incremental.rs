//! Incremental rebuilds always equal a clean build (the serve issue's property test).
//!
//! A small site with posts, a collection, data, layouts, includes, Sass, a config and
//! static files goes through random sequences of edits (add, remove and rename posts,
//! front matter and body edits, data, layout, include, config, Sass and static-file
//! changes). After every edit `hyde build -I` updates the same destination, and a clean
//! build (fresh destination, no disk cache) of the same source is made beside it: the two
//! trees must be byte-identical, with no stale file left behind, and an incremental build
//! must not rewrite a file whose bytes did not change (its mtime stays).
//!
//! The sequences are fixed by their seeds so a failure reproduces; `HYDE_EDIT_SEED=N`
//! runs one more sequence from seed N, `HYDE_EDIT_STEPS` sets its length.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

const WORDS: &[&str] = &[
    "kernel", "graph", "proof", "lattice", "sparse", "entropy", "tensor", "prior", "manifold",
    "spectral", "robust", "causal",
];

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn post_text(rng: &mut Rng, title: &str) -> String {
    let tags: Vec<&str> = (0..1 + rng.below(3))
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect();
    format!(
        "---\nlayout: post\ntitle: \"{title}\"\ntags: [{}]\n---\nA first paragraph about {}.\n\n## Details\n\nMore on *{}* with `code`.\n",
        tags.join(", "),
        WORDS[rng.below(WORDS.len())],
        WORDS[rng.below(WORDS.len())]
    )
}

fn create_site(dir: &Path, rng: &mut Rng) {
    write(
        &dir.join("_config.yml"),
        "title: Edits\nurl: https://example.org\ncollections:\n  projects:\n    output: true\nsass:\n  style: compressed\n",
    );
    write(
        &dir.join("_layouts/default.html"),
        "<html><head>{% include head.html %}</head>\n<body><nav>{% for n in site.data.nav %}<a href=\"{{ n.url | relative_url }}\">{{ n.title }}</a>{% endfor %}</nav>\n{{ content }}\n{% include footer.html %}</body></html>\n",
    );
    write(
        &dir.join("_layouts/post.html"),
        "---\nlayout: default\n---\n<h1>{{ page.title }}</h1><p>{{ page.date | date: \"%Y-%m-%d\" }} {{ page.tags | join: \", \" }}</p>\n{{ content }}\n<p>Newer: {{ page.next.title }} Older: {{ page.previous.title }}</p>\n",
    );
    write(
        &dir.join("_includes/head.html"),
        "<title>{{ page.title | default: site.title }}</title><link rel=\"stylesheet\" href=\"/assets/main.css\">\n",
    );
    write(
        &dir.join("_includes/footer.html"),
        "<footer>{{ site.title }}, {{ site.posts.size }} posts</footer>\n",
    );
    write(
        &dir.join("_data/nav.yml"),
        "- title: Home\n  url: /\n- title: Tags\n  url: /tags/\n",
    );
    write(
        &dir.join("index.html"),
        "---\nlayout: default\n---\n<ul>{% for p in site.posts %}<li><a href=\"{{ p.url }}\">{{ p.title }}</a>{{ p.excerpt }}</li>{% endfor %}</ul>\n<ul>{% for p in site.projects %}<li>{{ p.title }}: {{ p.content | strip_html | truncatewords: 5 }}</li>{% endfor %}</ul>\n",
    );
    write(
        &dir.join("tags.html"),
        "---\nlayout: default\npermalink: /tags/\n---\n{% for t in site.tags %}<h2>{{ t[0] }}</h2>{% for p in t[1] %}{{ p.title }};{% endfor %}{% endfor %}\n",
    );
    write(
        &dir.join("assets/main.scss"),
        "---\n---\n@import \"base\";\nnav a { color: $accent; }\n",
    );
    write(
        &dir.join("_sass/_base.scss"),
        "$accent: #336699;\nbody { margin: 0; }\n",
    );
    write(&dir.join("assets/notes.txt"), "static file\n");
    for (i, topic) in [(1, "graphs"), (2, "proofs")] {
        write(
            &dir.join(format!("_projects/p{i}.md")),
            &format!("---\ntitle: Project {i}\n---\nProject {i} studies {topic}.\n"),
        );
    }
    for i in 0..4 {
        let title = format!("Post {i}");
        let text = post_text(rng, &title);
        write(
            &dir.join(format!("_posts/2024-0{}-1{i}-post-{i}.md", 1 + i)),
            &text,
        );
    }
}

fn posts(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir.join("_posts"))
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn append(path: &Path, text: &str) {
    let mut s = std::fs::read_to_string(path).unwrap();
    s.push_str(text);
    std::fs::write(path, s).unwrap();
}

fn replace(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

/// One random edit; returns what it did, for the failure message.
fn edit(dir: &Path, rng: &mut Rng, step: usize) -> String {
    let posts = posts(dir);
    match rng.below(12) {
        0 => {
            let month = 1 + rng.below(9);
            let name = format!("2025-0{month}-0{}-new-{step}.md", 1 + rng.below(9));
            let text = post_text(rng, &format!("New {step}"));
            write(&dir.join("_posts").join(&name), &text);
            format!("add post {name}")
        }
        1 if posts.len() > 1 => {
            let p = rng.pick(&posts).unwrap().clone();
            std::fs::remove_file(&p).unwrap();
            format!("remove {}", p.display())
        }
        2 => {
            let Some(p) = rng.pick(&posts).cloned() else {
                return "nothing to rename".into();
            };
            let to = dir.join(format!(
                "_posts/2023-12-0{}-renamed-{step}.md",
                1 + rng.below(9)
            ));
            std::fs::rename(&p, &to).unwrap();
            format!("rename {} -> {}", p.display(), to.display())
        }
        3 => {
            let Some(p) = rng.pick(&posts).cloned() else {
                return "no post to retitle".into();
            };
            let text = std::fs::read_to_string(&p).unwrap();
            let title = text
                .lines()
                .find(|l| l.starts_with("title:"))
                .unwrap()
                .to_string();
            replace(&p, &title, &format!("title: \"Retitled {step}\""));
            format!("retitle {}", p.display())
        }
        4 => {
            let Some(p) = rng.pick(&posts).cloned() else {
                return "no post to unpublish".into();
            };
            let text = std::fs::read_to_string(&p).unwrap();
            if text.contains("published: false") {
                replace(&p, "published: false\n", "");
            } else {
                replace(&p, "layout: post\n", "layout: post\npublished: false\n");
            }
            format!("toggle published in {}", p.display())
        }
        5 => {
            let Some(p) = rng.pick(&posts).cloned() else {
                return "no post to edit".into();
            };
            append(&p, &format!("\nParagraph added at step {step}.\n"));
            format!("edit body of {}", p.display())
        }
        6 => {
            append(
                &dir.join("_data/nav.yml"),
                &format!("- title: Link {step}\n  url: /l{step}/\n"),
            );
            "add a nav entry to _data/nav.yml".into()
        }
        7 => {
            replace(
                &dir.join("_layouts/default.html"),
                "</body>",
                &format!("<!-- {step} --></body>"),
            );
            "edit _layouts/default.html".into()
        }
        8 => {
            append(
                &dir.join("_includes/footer.html"),
                &format!("<p>{step}</p>\n"),
            );
            "edit _includes/footer.html".into()
        }
        9 => {
            let text = std::fs::read_to_string(dir.join("_config.yml")).unwrap();
            let title = text.lines().next().unwrap().to_string();
            replace(
                &dir.join("_config.yml"),
                &title,
                &format!("title: Edits {step}"),
            );
            "change the title in _config.yml".into()
        }
        10 => {
            let color = format!("#{:06x}", rng.next() % 0xffffff);
            let text = std::fs::read_to_string(dir.join("_sass/_base.scss")).unwrap();
            let first = text.lines().next().unwrap().to_string();
            replace(
                &dir.join("_sass/_base.scss"),
                &first,
                &format!("$accent: {color};"),
            );
            format!("set $accent to {color} in _sass/_base.scss")
        }
        _ => {
            let p = dir.join(format!("assets/static-{}.txt", rng.below(3)));
            if p.exists() {
                std::fs::remove_file(&p).unwrap();
                format!("remove {}", p.display())
            } else {
                write(&p, &format!("static {step}\n"));
                format!("add {}", p.display())
            }
        }
    }
}

fn build(src: &Path, dest: &Path, extra: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(["build", "-q", "-s"])
        .arg(src)
        .arg("-d")
        .arg(dest)
        .args(extra)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hyde build {extra:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir`, relative path -> (bytes, mtime).
fn tree(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, (Vec<u8>, SystemTime)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                let mtime = e.metadata().unwrap().modified().unwrap();
                out.insert(rel, (std::fs::read(&p).unwrap(), mtime));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn run_sequence(seed: u64, steps: usize) {
    let root = std::env::temp_dir().join(format!("hyde-edits-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (src, inc, clean) = (
        root.join("src"),
        root.join("incremental"),
        root.join("clean"),
    );
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    create_site(&src, &mut rng);
    build(&src, &inc, &["-I"]);
    let mut history = Vec::new();
    for step in 0..steps {
        let before = tree(&inc);
        history.push(edit(&src, &mut rng, step));
        // Files keep their mtime only if the clock moved on: make a rewrite detectable.
        std::thread::sleep(std::time::Duration::from_millis(10));
        build(&src, &inc, &["-I"]);
        let _ = std::fs::remove_dir_all(&clean);
        build(&src, &clean, &["--disable-disk-cache"]);
        let (got, want) = (tree(&inc), tree(&clean));
        let names = |t: &BTreeMap<String, (Vec<u8>, SystemTime)>| -> Vec<String> {
            t.keys().cloned().collect()
        };
        assert_eq!(
            names(&got),
            names(&want),
            "seed {seed}, after {history:?}: the incremental build has different files"
        );
        for (name, (bytes, mtime)) in &got {
            assert!(
                *bytes == want[name].0,
                "seed {seed}, after {history:?}: {name} differs from a clean build"
            );
            if let Some((old_bytes, old_mtime)) = before.get(name) {
                assert!(
                    old_bytes != bytes || old_mtime == mtime,
                    "seed {seed}, after {history:?}: {name} was rewritten with the same bytes"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn incremental_builds_equal_clean_builds_after_random_edits() {
    for seed in [1, 2, 3] {
        run_sequence(seed, 10);
    }
    if let Some(seed) = std::env::var("HYDE_EDIT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        let steps = std::env::var("HYDE_EDIT_STEPS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(40);
        run_sequence(seed, steps);
    }
}
