#!/usr/bin/env bash
# Regenerates tests/scholar-sites/<site>.expected with REAL jekyll-scholar: Debian does not
# package it, so the expected outputs come from the jekyll-oracle (Jekyll 4.3.1, Liquid
# 4.0.3) with jekyll-scholar 7.3.0, bibtex-ruby 6.2.0, latex-decode 0.4.2, citeproc-ruby
# 2.1.8, citeproc 1.1.0, csl 2.2.1, csl-styles 2.0.2 (styles ff8f903, locales 2e12206) and
# namae 1.2.0 loaded from their sources through RUBYLIB (pure Ruby; fetched, never
# committed). Usage: RUBYLIB=<lib dirs of those gems> tests/scholar-sites/regenerate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for site in "$here"/*/; do
  name=$(basename "$site")
  case "$name" in *.expected) continue ;; esac
  rm -rf "$here/$name.expected"
  # From inside the site: jekyll-scholar globs `bibliography: "*.bib"` relative to the
  # working directory, as a user running `jekyll build` in the site has it.
  (cd "$site" && /work/shared/oracle/jekyll-oracle build -s . -d "$here/$name.expected" >/dev/null)
done
