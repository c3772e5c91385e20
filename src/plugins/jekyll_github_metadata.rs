//! jekyll-github-metadata (2.15.0): `site.github`, and `site.title` / `site.description`
//! (plus `site.url` / `site.baseurl` in production) fallbacks from the repository.
//!
//! The repository is `PAGES_REPO_NWO`, else `repository:` in the config, else (in
//! development) the `origin` remote of the git repository the build runs in. hyde never
//! calls the GitHub API: every field the plugin would fetch has the value Jekyll gives it
//! when it has no network (nil, `false` for contributors and releases, an owner whose
//! fields are all nil), and hyde says so in a warning. The `PAGES_*` environment variables
//! (`PAGES_ENV`, `PAGES_GITHUB_HOSTNAME`, `PAGES_PAGES_HOSTNAME`, `PAGES_API_URL`, ...)
//! work as in the plugin.

use crate::error::Result;
use crate::site::Site;
use crate::value::{Hash, Value};

fn env_nonempty(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.is_empty())
}

fn trim_last_slash(s: String) -> String {
    match s.strip_suffix('/') {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `Jekyll::GitHubMetadata::Pages`: the Pages environment, from environment variables.
struct Pages {
    env: String,
    api_url: String,
    help_url: String,
    github_hostname: String,
    pages_hostname: String,
    ssl: bool,
    subdomain_isolation: bool,
}

impl Pages {
    fn from_env() -> Pages {
        let var = |key: &str, fallback: Option<String>, default: &str| {
            env_nonempty(key)
                .or(fallback)
                .unwrap_or_else(|| default.to_string())
        };
        let env = var("PAGES_ENV", std::env::var("JEKYLL_ENV").ok(), "development");
        let development = env == "development";
        let test = env == "test";
        Pages {
            api_url: trim_last_slash(var(
                "PAGES_API_URL",
                std::env::var("API_URL").ok(),
                "https://api.github.com",
            )),
            help_url: trim_last_slash(var(
                "PAGES_HELP_URL",
                std::env::var("HELP_URL").ok(),
                "https://help.github.com",
            )),
            github_hostname: trim_last_slash(var(
                "PAGES_GITHUB_HOSTNAME",
                std::env::var("GITHUB_HOSTNAME").ok(),
                "github.com",
            )),
            pages_hostname: trim_last_slash(var(
                "PAGES_PAGES_HOSTNAME",
                std::env::var("PAGES_HOSTNAME")
                    .ok()
                    .or_else(|| development.then(|| "localhost:4000".to_string())),
                "github.io",
            )),
            ssl: var("SSL", None, "false") == "true" || test,
            subdomain_isolation: var("SUBDOMAIN_ISOLATION", None, "false") == "true",
            env,
        }
    }

    fn enterprise(&self) -> bool {
        self.env == "enterprise"
    }

    fn custom_domains_enabled(&self) -> bool {
        self.env == "dotcom" || self.env == "test"
    }

    fn scheme(&self) -> &'static str {
        if self.ssl {
            "https"
        } else {
            "http"
        }
    }

    fn github_url(&self) -> String {
        if self.env == "dotcom" || self.github_hostname == "github.com" {
            "https://github.com".into()
        } else {
            format!("{}://{}", self.scheme(), self.github_hostname)
        }
    }
}

/// What the plugin knows about the repository without the API.
struct Repository<'a> {
    pages: &'a Pages,
    nwo: String,
    owner: String,
    name: String,
}

impl Repository<'_> {
    fn default_user_domain(&self) -> String {
        let d = if !self.pages.enterprise() && self.owner == "github" {
            format!("{}.{}", self.owner, self.pages.github_hostname)
        } else if self.pages.enterprise() {
            self.pages.pages_hostname.clone()
        } else {
            format!("{}.{}", self.owner, self.pages.pages_hostname)
        };
        d.to_lowercase()
    }

    fn user_page(&self) -> bool {
        if self.pages.enterprise() {
            return self.name.to_lowercase()
                == format!(
                    "{}.{}",
                    self.owner.to_lowercase(),
                    self.pages.github_hostname
                );
        }
        let mut domains = vec![self.default_user_domain()];
        domains.push(format!("{}.github.com", self.owner).to_lowercase());
        domains.contains(&self.name.to_lowercase())
    }

    /// `RepositoryCompat#pages_url` (no CNAME and no other repository is known offline).
    fn html_url(&self) -> String {
        let url = if !self.pages.custom_domains_enabled() {
            let path = if self.user_page() {
                self.owner.clone()
            } else {
                self.nwo.clone()
            };
            if self.pages.subdomain_isolation {
                format!(
                    "{}://{}/{path}",
                    self.pages.scheme(),
                    self.pages.pages_hostname
                )
            } else {
                format!("{}/pages/{path}", self.pages.github_url())
            }
        } else {
            let domain = self.default_user_domain();
            let scheme = if self.pages.enterprise() {
                self.pages.scheme()
            } else if self.owner == "github" && domain.ends_with(".github.com") {
                "https"
            } else {
                "http"
            };
            if self.user_page() {
                format!("{scheme}://{domain}")
            } else {
                format!("{scheme}://{domain}/{}", self.name)
            }
        };
        trim_last_slash(url)
    }

    fn branch(&self) -> &'static str {
        if self.user_page() {
            "master"
        } else {
            "gh-pages"
        }
    }
}

/// `scheme://host` of a URL (`url_without_path`) and its path (`baseurl`).
fn split_url(url: &str) -> (String, String) {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => (
            url[..after_scheme + i].to_string(),
            url[after_scheme + i..].to_string(),
        ),
        None => (url.to_string(), String::new()),
    }
}

/// `git` run in the build's working directory, as the plugin runs it.
fn git(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git").args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `RepositoryFinder#nwo`.
fn find_nwo(site: &Site, pages: &Pages) -> Option<String> {
    if let Ok(nwo) = std::env::var("PAGES_REPO_NWO") {
        return Some(nwo);
    }
    if let Some(Value::Str(repo)) = site.config.get("repository") {
        if repo.contains('/') {
            return Some(repo.to_string());
        }
    }
    let jekyll_env = std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into());
    if jekyll_env != "development" && jekyll_env != "test" {
        return None;
    }
    let remotes = git(&["remote", "--verbose"])?;
    let url = remotes
        .lines()
        .filter_map(|l| l.strip_prefix("origin\t"))
        .map(|rest| match rest.rfind(" (") {
            Some(i) if rest.ends_with(')') => rest[..i].to_string(),
            _ => rest.to_string(),
        })
        .next()
        .unwrap_or_default();
    let url = url.strip_suffix(".git").unwrap_or(&url);
    let re = regex::Regex::new(&format!(
        r"{}(?::|/)([A-Za-z0-9_-]+)/([A-Za-z0-9_.-]+)",
        regex::escape(&pages.github_hostname)
    ))
    .ok()?;
    let c = re.captures(url)?;
    Some(format!("{}/{}", &c[1], &c[2]))
}

/// The owner hash offline: every field of `Owner` nil.
fn offline_owner() -> Value {
    const FIELDS: &[&str] = &[
        "avatar_url",
        "bio",
        "blog",
        "collaborators",
        "company",
        "created_at",
        "description",
        "email",
        "followers",
        "following",
        "has_organization_projects",
        "has_repository_projects",
        "hireable",
        "html_url",
        "id",
        "is_verified",
        "location",
        "login",
        "name",
        "node_id",
        "public_gists",
        "public_repos",
        "type",
        "updated_at",
    ];
    Value::hash(FIELDS.iter().map(|f| (f.to_string(), Value::Nil)).collect())
}

/// `site.github` as the plugin's drop shows it offline, keys sorted.
fn metadata(pages: &Pages, repo: &Repository) -> Hash {
    let owner_url = format!("{}/{}", pages.github_url(), repo.owner);
    let repository_url = format!("{owner_url}/{}", repo.name);
    let html_url = repo.html_url();
    let (_, baseurl) = split_url(&html_url);
    let branch = repo.branch();
    let build_revision = std::env::var("JEKYLL_BUILD_REVISION")
        .ok()
        .or_else(|| git(&["rev-parse", "HEAD"]))
        .unwrap_or_default()
        .trim()
        .to_string();
    let mut source = Hash::new();
    source.insert("branch".into(), Value::str(branch));
    source.insert("path".into(), Value::str("/"));
    let s = |v: &str| Value::str(v);
    let entries: Vec<(&str, Value)> = vec![
        ("api_url", s(&pages.api_url)),
        ("archived", Value::Nil),
        ("baseurl", s(&baseurl)),
        ("build_revision", s(&build_revision)),
        ("clone_url", s(&format!("{repository_url}.git"))),
        ("contributors", Value::Bool(false)),
        ("disabled", Value::Nil),
        ("environment", s(&pages.env)),
        ("help_url", s(&pages.help_url)),
        ("hostname", s(&pages.github_hostname)),
        ("is_project_page", Value::Bool(!repo.user_page())),
        ("is_user_page", Value::Bool(repo.user_page())),
        ("issues_url", Value::Nil),
        ("language", Value::Nil),
        ("latest_release", Value::Bool(false)),
        ("license", Value::Nil),
        ("organization_members", Value::Nil),
        ("owner", offline_owner()),
        ("owner_display_name", Value::Nil),
        ("owner_gravatar_url", s(&format!("{owner_url}.png"))),
        ("owner_name", s(&repo.owner)),
        ("owner_url", s(&owner_url)),
        ("pages_env", s(&pages.env)),
        ("pages_hostname", s(&pages.pages_hostname)),
        ("private", Value::Nil),
        ("project_tagline", Value::Nil),
        ("project_title", s(&repo.name)),
        ("releases", Value::Bool(false)),
        ("releases_url", s(&format!("{repository_url}/releases"))),
        ("repository_name", s(&repo.name)),
        ("repository_nwo", s(&repo.nwo)),
        ("repository_url", s(&repository_url)),
        ("show_downloads", Value::Nil),
        ("source", Value::hash(source)),
        ("tar_url", s(&format!("{repository_url}/tarball/{branch}"))),
        ("url", s(&html_url)),
        ("versions", Value::empty_hash()),
        ("wiki_url", Value::Nil),
        ("zip_url", s(&format!("{repository_url}/zipball/{branch}"))),
    ];
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// The plugin: `SiteGitHubMunger` (config fallbacks) and `site.github`.
pub struct JekyllGithubMetadata;

impl crate::plugins::Plugin for JekyllGithubMetadata {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-github-metadata"]
    }

    fn post_read(&self, site: &mut Site) -> Result<()> {
        apply(site);
        Ok(())
    }
}

/// Sets the fallbacks and `site.github`.
pub fn apply(site: &mut Site) {
    let pages = Pages::from_env();
    let Some(nwo) = find_nwo(site, &pages) else {
        site.warn(
            "GitHub Metadata: No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' in your configuration, or set up an 'origin' git remote pointing to your github.com repository. hyde leaves site.github and the site.title fallback unset (Jekyll fails when a page uses them).",
        );
        return;
    };
    let owner = nwo.split('/').next().unwrap_or("").to_string();
    let name = nwo.rsplit('/').next().unwrap_or("").to_string();
    let repo = Repository {
        pages: &pages,
        nwo: nwo.clone(),
        owner,
        name,
    };
    if std::env::var("JEKYLL_GITHUB_TOKEN").is_err()
        && std::env::var("OCTOKIT_ACCESS_TOKEN").is_err()
    {
        site.warn("GitHub Metadata: No GitHub API authentication could be found. Some fields may be missing or have incorrect data.");
    }
    site.warn("GitHub Metadata: hyde does not call the GitHub API: fields that need it (owner details, description, license, language, releases, contributors, issues_url, wiki_url, public_repositories) have the values Jekyll gives them offline.");

    let truthy = |site: &Site, k: &str| site.config.get(k).is_some_and(Value::is_truthy);
    if truthy(site, "name") && !truthy(site, "title") {
        site.warn("GitHub Metadata: site.name is set in _config.yml, but many plugins and themes expect site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.");
    } else if !truthy(site, "title") {
        // A project page is titled after the repository, a user page after its owner
        // (whose display name needs the API).
        let title = if repo.user_page() {
            repo.owner.clone()
        } else {
            repo.name.clone()
        };
        site.config.insert("title".into(), Value::str(title));
    }
    if !truthy(site, "description") {
        site.config.insert("description".into(), Value::Nil);
    }
    let jekyll_env = std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into());
    if jekyll_env == "production" || env_nonempty("PAGE_BUILD_ID").is_some() {
        let (host, path) = split_url(&repo.html_url());
        if !truthy(site, "url") {
            site.config.insert("url".into(), Value::str(host));
        }
        let baseurl = site.config.get("baseurl").cloned();
        let unset = match &baseurl {
            None | Some(Value::Nil) => true,
            Some(Value::Str(s)) => &**s == "/",
            _ => false,
        };
        if unset {
            site.config.insert("baseurl".into(), Value::str(path));
        }
    }
    let data = metadata(&pages, &repo);
    let github = match site.config.get("github") {
        None | Some(Value::Nil) => Value::hash(data),
        Some(Value::Hash(user)) => {
            let mut merged = data;
            crate::config::jekyll_merge(&mut merged, user);
            Value::hash(merged)
        }
        Some(other) => other.clone(),
    };
    site.config.insert("github".into(), github);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(env: &str, pages_hostname: &str) -> Pages {
        Pages {
            env: env.into(),
            api_url: "https://api.github.com".into(),
            help_url: "https://help.github.com".into(),
            github_hostname: "github.com".into(),
            pages_hostname: pages_hostname.into(),
            ssl: false,
            subdomain_isolation: false,
        }
    }

    // Values from the plugin run offline by real Jekyll.
    #[test]
    fn offline_urls() {
        let p = pages("production", "github.io");
        let user = Repository {
            pages: &p,
            nwo: "octo/octo.github.io".into(),
            owner: "octo".into(),
            name: "octo.github.io".into(),
        };
        assert!(user.user_page());
        assert_eq!(user.html_url(), "https://github.com/pages/octo");
        let proj = Repository {
            pages: &p,
            nwo: "octo/proj".into(),
            owner: "octo".into(),
            name: "proj".into(),
        };
        assert!(!proj.user_page());
        assert_eq!(proj.html_url(), "https://github.com/pages/octo/proj");
        assert_eq!(
            split_url("https://github.com/pages/octo"),
            ("https://github.com".to_string(), "/pages/octo".to_string())
        );
        // In development the Pages host is localhost:4000, so `owner.github.io` is not a
        // user page.
        let dev = pages("development", "localhost:4000");
        let r = Repository {
            pages: &dev,
            nwo: "octo/octo.github.io".into(),
            owner: "octo".into(),
            name: "octo.github.io".into(),
        };
        assert!(!r.user_page());
    }
}
