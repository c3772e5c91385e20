#!/bin/bash
# Regenerates src/highlight/words_data.rs with every tag the lexers look word lists up for:
# literal word_set/word_vec/word_re/word_list("tag", ...) calls, plus the tags passed through
# variables (groovy.rs: groovy, gradle). Run from the repository root.
set -e
tags=$(grep -rhoE 'word_(set|vec|re|list)\("[a-z_0-9+-]+"' src/highlight/lexers/ | sed -E 's/.*\("//; s/"//' | sort -u | tr '\n' ' ')
ruby src/highlight/tools/gen_words.rb $tags groovy gradle > src/highlight/words_data.rs
