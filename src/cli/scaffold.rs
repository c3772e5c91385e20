//! `hyde new` and `hyde new-theme`: the scaffolds Jekyll's `new` and `new-theme` create
//! (same files and directories; hyde's own starter text).

use super::log;
use std::path::{Path, PathBuf};

fn write(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, contents)
}

fn dir_has_files(path: &Path) -> bool {
    std::fs::read_dir(path)
        .map(|mut rd| rd.next().is_some())
        .unwrap_or(false)
}

const GITIGNORE: &str = "_site\n.sass-cache\n.jekyll-cache\n.jekyll-metadata\nvendor\n";

const CONFIG: &str = r#"# Site settings. Edit these, then rebuild: this file is not reloaded by `serve`.
title: Your awesome title
email: your-email@example.com
description: >- # this means to ignore newlines until "baseurl:"
  Write an awesome description for your new site here. It will appear in your
  document head meta (for Google search results) and in your feed.xml site
  description.
baseurl: "" # the subpath of your site, e.g. /blog
url: "" # the base hostname & protocol for your site, e.g. http://example.com
twitter_username: jekyllrb
github_username:  jekyll

# Build settings
theme: minima
plugins:
  - jekyll-feed
"#;

const GEMFILE: &str = r#"source "https://rubygems.org"
gem "jekyll", "~> 4.3.1"
gem "minima", "~> 2.5"
group :jekyll_plugins do
  gem "jekyll-feed", "~> 0.12"
end
"#;

fn welcome_post(date: &str) -> String {
    format!(
        r#"---
layout: post
title:  "Welcome to Jekyll!"
date:   {date}
categories: jekyll update
---
This post lives in `_posts`. Its file name, `YYYY-MM-DD-name-of-post.ext`, gives its
date and URL; the front matter above gives its layout and title.

Edit it, add more posts next to it, and run `hyde build` (or `hyde serve` to rebuild as
you type).

{{% highlight ruby %}}
def print_hi(name)
  puts "Hi, #{{name}}"
end
print_hi('Tom')
{{% endhighlight %}}
"#
    )
}

const INDEX: &str = "---\n# The home page. Its layout lists the posts.\nlayout: home\n---\n";

const ABOUT: &str = "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n\nThis is the about page. Tell visitors who you are and what this site is for.\n";

const NOT_FOUND: &str = r#"---
permalink: /404.html
layout: default
---

<div class="container">
  <h1>404</h1>

  <p><strong>Page not found :(</strong></p>
  <p>The requested page could not be found.</p>
</div>
"#;

const BLANK_CONFIG: &str = "title: My new site\n# Settings for the whole site go here; see Jekyll's configuration documentation.\n";
const BLANK_LAYOUT: &str = r#"<!DOCTYPE html>
<html lang="{{ site.lang | default: "en-US" }}">
  <head>
    <meta charset="UTF-8">
    <title>{{ page.title }} | {{ site.title }}</title>
    <link rel="stylesheet" href="{{ "/assets/css/main.css" | relative_url }}">
  </head>
  <body>
    {{ content }}
  </body>
</html>
"#;
const BLANK_SASS: &str = "body {\n  margin: 0 auto;\n  max-width: 50em;\n  font-family: sans-serif;\n  line-height: 1.5;\n}\n";
const BLANK_MAIN_SCSS: &str = "---\n---\n\n@import \"main\";\n";
const BLANK_INDEX: &str = "---\nlayout: default\ntitle: Home\n---\n\n# Hello\n\nThis site was made with `hyde new --blank`.\n";

/// `new PATH [--force] [--blank] [--skip-bundle]`.
pub fn new_site(cwd: &Path, path: &str, force: bool, blank: bool, skip_bundle: bool) -> i32 {
    let target = cwd.join(path);
    if std::fs::create_dir_all(&target).is_err() {
        log::error("Error:", &format!("could not create {}", target.display()));
        return 1;
    }
    if !force && dir_has_files(&target) {
        log::error(
            "Conflict:",
            &format!("{} exists and is not empty.", target.display()),
        );
        log::error(
            "",
            &format!(
                "Ensure {} is empty or else try again with `--force` to proceed and overwrite any files.",
                target.display()
            ),
        );
        return 1;
    }
    let result = if blank {
        create_blank(&target)
    } else {
        create_default(&target)
    };
    if let Err(e) = result {
        log::error("Error:", &e.to_string());
        return 1;
    }
    log::info(
        "New jekyll site installed in",
        &format!("{}.", target.display()),
    );
    if skip_bundle {
        log::info("Bundle install skipped.", "");
    }
    0
}

fn create_blank(target: &Path) -> std::io::Result<()> {
    write(&target.join("_config.yml"), BLANK_CONFIG)?;
    write(&target.join("_layouts/default.html"), BLANK_LAYOUT)?;
    write(&target.join("_sass/main.scss"), BLANK_SASS)?;
    write(&target.join("assets/css/main.scss"), BLANK_MAIN_SCSS)?;
    write(&target.join("index.md"), BLANK_INDEX)?;
    for d in ["_data", "_drafts", "_includes", "_posts"] {
        std::fs::create_dir_all(target.join(d))?;
    }
    Ok(())
}

fn create_default(target: &Path) -> std::io::Result<()> {
    let now = chrono::Local::now();
    write(&target.join(".gitignore"), GITIGNORE)?;
    write(&target.join("_config.yml"), CONFIG)?;
    write(&target.join("Gemfile"), GEMFILE)?;
    write(&target.join("index.markdown"), INDEX)?;
    write(&target.join("about.markdown"), ABOUT)?;
    write(&target.join("404.html"), NOT_FOUND)?;
    let post = format!(
        "_posts/{}-welcome-to-jekyll.markdown",
        now.format("%Y-%m-%d")
    );
    write(
        &target.join(post),
        &welcome_post(&now.format("%Y-%m-%d %H:%M:%S %z").to_string()),
    )?;
    Ok(())
}

fn git_config(key: &str) -> String {
    std::process::Command::new("git")
        .args(["config", key])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// `new-theme NAME [--code-of-conduct]`.
pub fn new_theme(cwd: &Path, name: &str, code_of_conduct: bool) -> i32 {
    let name = {
        let replaced = name.replace(' ', "_");
        let mut out = String::new();
        for c in replaced.chars() {
            if !(c == '_' && out.ends_with('_')) {
                out.push(c);
            }
        }
        out
    };
    let path: PathBuf = cwd.join(&name);
    if path.exists() {
        log::error("Conflict:", &format!("{} already exists.", path.display()));
        return 1;
    }
    let user = git_config("user.name");
    let email = git_config("user.email");
    let result = (|| -> std::io::Result<()> {
        for d in ["assets", "_data", "_layouts", "_includes", "_sass"] {
            log::info("create", &path.join(d).display().to_string());
            std::fs::create_dir_all(path.join(d))?;
        }
        let files: Vec<(String, String)> = vec![
            ("_layouts/page.html".into(), "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>\n{{ content }}\n".into()),
            ("_layouts/post.html".into(), "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>\n{{ content }}\n".into()),
            ("_layouts/default.html".into(), "{{ content }}\n".into()),
            ("Gemfile".into(), "# frozen_string_literal: true\n\nsource \"https://rubygems.org\"\ngemspec\n".into()),
            (format!("{name}.gemspec"), gemspec(&name, &user, &email)),
            ("README.md".into(), format!("# {name}\n\nA Jekyll theme. Add `theme: {name}` to your site's `_config.yml` and\n`gem \"{name}\"` to its Gemfile.\n\n## License\n\nThe theme is available as open source under the terms of the MIT License.\n")),
            ("LICENSE.txt".into(), mit_license(&user)),
            (".gitignore".into(), "*.gem\n.bundle\n.jekyll-cache\n.sass-cache\n_site\nGemfile.lock\n".into()),
        ];
        let mut files = files;
        if code_of_conduct {
            files.push(("CODE_OF_CONDUCT.md".into(), format!("# Code of conduct\n\nEveryone taking part in {name} is expected to be kind and respectful.\nHarassment of any kind is not tolerated. Report problems to {email}.\n")));
        }
        for (f, contents) in files {
            log::info("create", &path.join(&f).display().to_string());
            write(&path.join(&f), &contents)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        log::error("Error:", &e.to_string());
        return 1;
    }
    log::info("initialize", &path.join(".git").display().to_string());
    let _ = std::process::Command::new("git")
        .arg("init")
        .arg("-q")
        .current_dir(&path)
        .status();
    log::info(
        &format!("Your new Jekyll theme, {name},"),
        &format!("is ready for you in {}!", path.display()),
    );
    log::info(
        "For help getting started, read",
        &format!("{}/README.md.", path.display()),
    );
    0
}

fn gemspec(name: &str, user: &str, email: &str) -> String {
    format!(
        r#"# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name          = "{name}"
  spec.version       = "0.1.0"
  spec.authors       = ["{user}"]
  spec.email         = ["{email}"]

  spec.summary       = "TODO: Write a short summary, because Rubygems requires one."
  spec.homepage      = "TODO: Put your gem's website or public repo URL here."
  spec.license       = "MIT"

  spec.files         = `git ls-files -z`.split("\x0").select {{ |f| f.match(%r!^(assets|_data|_layouts|_includes|_sass|LICENSE|README|_config\.yml)!i) }}

  spec.add_runtime_dependency "jekyll", "~> 4.3"
end
"#
    )
}

fn mit_license(user: &str) -> String {
    format!(
        "The MIT License (MIT)\n\nCopyright (c) {} {user}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in\nall copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN\nTHE SOFTWARE.\n",
        chrono::Local::now().format("%Y")
    )
}
