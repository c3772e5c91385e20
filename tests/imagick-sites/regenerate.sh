#!/bin/sh
# Remakes tests/imagick-sites/<site>.expected/ with real Jekyll (the jekyll-oracle) running
# the plugins' own Ruby code. Debian packages neither plugin, so the oracle lacks them; each
# site is copied, its `plugins:` emptied, and a `_plugins/load.rb` requires the gem's lib/:
#   jekyll-jupyter-notebook: github:red-data-tools/jekyll-jupyter-notebook, unpacked to
#     $JUPYTER_NOTEBOOK_LIB (default /work/ref/jekyll-jupyter-notebook/lib)
#   jekyll-imagemagick 1.4 (gitlab.com/emmmile/jekyll-imagemagick): its lib/ at
#     $JEKYLL_IMAGEMAGICK_LIB (default /work/ref/jekyll-imagemagick/lib)
# The test doubles in bin/ (`jupyter`, `convert`) come first on PATH, so conversions are
# deterministic. The `imagemagick` site (real ImageMagick) has no expected output: the test
# checks the images' names and sizes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
oracle=${ORACLE:-/work/shared/oracle/jekyll-oracle}
jupyter_lib=${JUPYTER_NOTEBOOK_LIB:-/work/ref/jekyll-jupyter-notebook/lib}
imagick_lib=${JEKYLL_IMAGEMAGICK_LIB:-/work/ref/jekyll-imagemagick/lib}
for site in jupyter jupyter-options jupyter-collection imagemagick-commands imagemagick-disabled; do
  tmp=$(mktemp -d)
  cp -r "$here/$site" "$tmp/src"
  sed -i 's/^plugins:.*/plugins: []/' "$tmp/src/_config.yml"
  mkdir -p "$tmp/src/_plugins"
  case "$site" in
    jupyter*) printf '$LOAD_PATH.unshift("%s")\nrequire "cgi"\nrequire "tempfile"\nrequire "jekyll-jupyter-notebook"\n' "$jupyter_lib" ;;
    *) printf '$LOAD_PATH.unshift("%s")\nrequire "jekyll-imagemagick"\n' "$imagick_lib" ;;
  esac > "$tmp/src/_plugins/load.rb"
  PATH="$here/bin:$PATH" "$oracle" build -q -s "$tmp/src" -d "$tmp/out"
  rm -rf "$here/$site.expected"
  cp -r "$tmp/out" "$here/$site.expected"
  rm -rf "$tmp"
done
