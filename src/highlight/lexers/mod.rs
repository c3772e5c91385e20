//! One module per language. Each exposes `def()`, built from the language's syntax and Rouge
//! 3.30's observed token choices.

use std::collections::HashSet;

use super::engine::LexerDef;
use super::words_data::WORDS;

/// A word list Rouge 3.30 defines for a lexer (see `tools/gen_words.rb`); empty if absent.
pub fn word_set(tag: &str, key: &str) -> HashSet<&'static str> {
    WORDS
        .iter()
        .filter(|(t, k, _)| *t == tag && *k == key)
        .flat_map(|(_, _, w)| w.iter().copied())
        .collect()
}

mod abap;
mod actionscript;
mod ada;
mod apache;
mod apex;
mod apple_script;
mod armasm;
mod awk;
mod batchfile;
mod bibtex;
mod brightscript;
mod bsl;
mod c;
mod ceylon;
mod cfscript;
mod clojure;
mod cmake;
mod coffeescript;
mod common_lisp;
mod conf;
mod console;
mod coq;
mod cpp;
mod crystal;
mod csharp;
mod css;
mod cuda;
mod d;
mod dart;
mod diff;
mod docker;
mod elixir;
mod erb;
mod erlang;
mod fluent;
mod fortran;
mod freefem;
mod fsharp;
mod gdscript;
mod ghc_cmm;
mod ghc_core;
mod gherkin;
mod glsl;
mod go;
mod graphql;
mod groovy;
mod haml;
mod haskell;
mod haxe;
mod hcl;
mod html;
mod http;
mod igorpro;
mod ini;
mod isabelle;
mod j;
mod janet;
mod java;
mod javascript;
mod jinja;
mod json;
mod json_doc;
mod jsp;
mod jsx;
mod julia;
mod kotlin;
mod lasso;
mod lean;
mod liquid;
mod literate;
mod livescript;
mod lua;
mod lustre;
mod m68k;
mod magik;
mod make;
mod markdown;
mod mason;
mod matlab;
mod meson;
mod nginx;
mod nial;
mod nim;
mod nix;
mod objective_c;
mod ocaml;
mod opentype;
mod perl;
mod php;
mod plaintext;
mod pony;
mod powershell;
mod praat;
mod protobuf;
mod puppet;
mod python;
mod q;
mod r;
mod racket;
mod robot_framework;
mod ruby;
mod rust;
mod sas;
mod scala;
mod scss;
mod shell;
mod slim;
mod small;
mod small10;
mod small11;
mod small2;
mod small3;
mod small4;
mod small5;
mod small6;
mod small7;
mod small8;
mod small9;
mod smalltalk;
mod sml;
mod solidity;
mod sql;
mod stata;
mod swift;
mod syzlang;
mod syzprog;
mod tcl;
mod template;
mod tex;
mod toml;
mod ttcn3;
mod tulip;
mod typescript;
mod verilog;
mod vhdl;
mod viml;
mod vue;
mod xml;
mod xpath;
mod yaml;
mod yang;

/// A word list in Rouge's order (for alternations where order decides the match).
pub fn word_vec(tag: &str, key: &str) -> Vec<&'static str> {
    WORDS
        .iter()
        .filter(|(t, k, _)| *t == tag && *k == key)
        .flat_map(|(_, _, w)| w.iter().copied())
        .collect()
}

/// A word-list regex Rouge 3.30 defines in extended mode, whitespace removed (`re:NAME`).
pub fn word_re(tag: &str, key: &str) -> String {
    word_set(tag, &format!("re:{key}"))
        .into_iter()
        .next()
        .unwrap_or("[^\\s\\S]")
        .to_string()
}

/// Internal helper lexers (Rouge classes nested in other lexers, absent from its registry).
pub const INTERNAL: &[&str] = &["sed_regex", "sed_replacement"];

/// The lexer definition for a Rouge tag, if hyde implements that language.
pub fn definition(tag: &str) -> Option<LexerDef> {
    Some(match tag {
        "plaintext" => plaintext::def(),
        "json" => json::def(),
        "diff" => diff::def(),
        "python" => python::def(),
        "toml" => toml::def(),
        "shell" => shell::def(),
        "console" => console::def(),
        "docker" => docker::def(),
        "go" => go::def(),
        "sql" => sql::def(),
        "xml" => xml::def(),
        "c" => c::def(),
        "cpp" => cpp::def(),
        "java" => java::def(),
        "rust" => rust::def(),
        "javascript" => javascript::def(),
        "typescript" => typescript::def(),
        "css" => css::def(),
        "html" => html::def(),
        "scss" => scss::def(),
        "r" => r::def(),
        "matlab" => matlab::def(),
        "tex" => tex::def(),
        "yaml" => yaml::def(),
        "markdown" => markdown::def(),
        "ruby" => ruby::def(),
        "erb" => erb::def(),
        "liquid" => liquid::def(),
        "bibtex" => bibtex::def(),
        "julia" => julia::def(),
        "haskell" => haskell::def(),
        "kotlin" => kotlin::def(),
        "swift" => swift::def(),
        "php" => php::def(),
        "conf" => conf::def(),
        "ini" => ini::def(),
        "properties" => ini::properties(),
        "json-doc" => json_doc::def(),
        "cuda" => cuda::def(),
        "make" => make::def(),
        "http" => http::def(),
        "nginx" => nginx::def(),
        "lua" => lua::def(),
        "protobuf" => protobuf::def(),
        "dart" => dart::def(),
        "groovy" => groovy::def(),
        "gradle" => groovy::gradle(),
        "csharp" => csharp::def(),
        "powershell" => powershell::def(),
        "batchfile" => batchfile::def(),
        "objective_c" => objective_c::def(),
        "scala" => scala::def(),
        "jsx" => jsx::def(),
        "tsx" => jsx::tsx(),
        "apache" => apache::def(),
        "viml" => viml::def(),
        "cmake" => cmake::def(),
        "graphql" => graphql::def(),
        "brainfuck" => small::brainfuck(),
        "plist" => small::plist(),
        "email" => small::email(),
        "ssh" => small::ssh(),
        "systemd" => small::systemd(),
        "msgtrans" => small::msgtrans(),
        "csvs" => small::csvs(),
        "cmhg" => small2::cmhg(),
        "escape" => small2::escape(),
        "rego" => small2::rego(),
        "jsl" => small2::jsl(),
        "prolog" => small2::prolog(),
        "dot" => small2::dot(),
        "io" => small2::io(),
        "turtle" => small3::turtle(),
        "xojo" => small3::xojo(),
        "eiffel" => small3::eiffel(),
        "pascal" => small3::pascal(),
        "llvm" => small4::llvm(),
        "tap" => small4::tap(),
        "elm" => small4::elm(),
        "hocon" => small4::hocon(),
        "velocity" => template::velocity(),
        "handlebars" => template::handlebars(),
        "qml" => template::qml(),
        "smarty" => small5::smarty(),
        "vala" => small5::vala(),
        "nasm" => small5::nasm(),
        "clojure" => clojure::def(),
        "erlang" => erlang::def(),
        "perl" => perl::def(),
        "elixir" => elixir::def(),
        "hcl" => hcl::hcl(),
        "terraform" => hcl::terraform(),
        "ocaml" => ocaml::ocaml(),
        "reasonml" => ocaml::reasonml(),
        "gherkin" => gherkin::def(),
        "awk" => awk::def(),
        "jinja" => jinja::def(),
        "twig" => jinja::def(),
        "vue" => vue::def(),
        "coffeescript" => coffeescript::def(),
        "sass" => scss::sass(),
        "objective_cpp" => objective_c::objective_cpp(),
        "hack" => php::hack(),
        "digdag" => yaml::digdag(),
        "literate_haskell" => literate::literate_haskell(),
        "literate_coffeescript" => literate::literate_coffeescript(),
        "eex" => literate::eex(),
        "biml" => literate::biml(),
        "irb" => console::irb(),
        "irb_output" => ruby::irb_output(),
        "apiblueprint" => markdown::apiblueprint(),
        "glsl" => glsl::def(),
        "hlsl" => glsl::hlsl(),
        "d" => d::def(),
        "zig" => small6::zig(),
        "sed" => small6::sed(),
        "sed_regex" => small6::sed_regex(),
        "sed_replacement" => small6::sed_replacement(),
        "scheme" => small7::scheme(),
        "vb" => small7::vb(),
        "tcl" => tcl::def(),
        "nix" => nix::def(),
        "fortran" => fortran::def(),
        "solidity" => solidity::def(),
        "fsharp" => fsharp::def(),
        "puppet" => puppet::def(),
        "epp" => puppet::epp(),
        "prometheus" => small8::prometheus(),
        "sieve" => small8::sieve(),
        "cython" => python::cython(),
        "verilog" => verilog::def(),
        "vhdl" => vhdl::def(),
        "lustre" => lustre::lustre(),
        "lutin" => lustre::lutin(),
        "slice" => lustre::slice(),
        "actionscript" => actionscript::def(),
        "mxml" => actionscript::mxml(),
        "mathematica" => small9::mathematica(),
        "minizinc" => small9::minizinc(),
        "hylang" => clojure::def(),
        "pony" => pony::def(),
        "ocl" => small10::ocl(),
        "augeas" => small10::augeas(),
        "fluent" => fluent::def(),
        "bsl" => bsl::def(),
        "ceylon" => ceylon::ceylon(),
        "cypher" => ceylon::cypher(),
        "smalltalk" => smalltalk::smalltalk(),
        "sparql" => smalltalk::sparql(),
        "apex" => apex::apex(),
        "moonscript" => apex::moonscript(),
        "jsp" => jsp::jsp(),
        "bpf" => jsp::bpf(),
        "q" => q::q(),
        "wollok" => q::wollok(),
        "tulip" => tulip::tulip(),
        "rescript" => tulip::rescript(),
        "ttcn3" => ttcn3::ttcn3(),
        "supercollider" => ttcn3::supercollider(),
        "yang" => yang::yang(),
        "jsonnet" => yang::jsonnet(),
        "gdscript" => gdscript::def(),
        "nim" => nim::def(),
        "stata" => stata::def(),
        "ada" => ada::def(),
        "cfscript" => cfscript::def(),
        "brightscript" => brightscript::def(),
        "hql" => sql::hql(),
        "lean" => lean::def(),
        "armasm" => armasm::def(),
        "m68k" => m68k::m68k(),
        "nesasm" => m68k::nesasm(),
        "magik" => magik::magik(),
        "datastudio" => magik::datastudio(),
        "syzprog" => syzprog::syzprog(),
        "clean" => syzprog::clean(),
        "ghc-core" => ghc_core::ghc_core(),
        "idris" => ghc_core::idris(),
        "mason" => mason::mason(),
        "bbcbasic" => mason::bbcbasic(),
        "nial" => nial::nial(),
        "ecl" => nial::ecl(),
        "opentype_feature_file" => opentype::opentype(),
        "isbl" => opentype::isbl(),
        "janet" => janet::def(),
        "meson" => meson::def(),
        "abap" => abap::def(),
        "freefem" => freefem::def(),
        "isabelle" => isabelle::def(),
        "common_lisp" => common_lisp::def(),
        "racket" => racket::def(),
        "coq" => coq::def(),
        "applescript" => apple_script::def(),
        "haxe" => haxe::def(),
        "dafny" => small11::dafny(),
        "postscript" => small11::postscript(),
        "vcl" => small11::vcl(),
        "sqf" => small11::sqf(),
        "plsql" => small11::plsql(),
        "stan" => small11::stan(),
        "openedge" => small11::openedge(),
        "mosel" => small11::mosel(),
        "xpath" => xpath::def(),
        "xquery" => xpath::xquery(),
        "j" => j::def(),
        "factor" => small11::factor(),
        "idlang" => small11::idlang(),
        "robot_framework" => robot_framework::def(),
        "lasso" => lasso::def(),
        "sas" => sas::def(),
        "praat" => praat::def(),
        "ghc-cmm" => ghc_cmm::def(),
        "syzlang" => syzlang::def(),
        "livescript" => livescript::def(),
        "sml" => sml::def(),
        "slim" => slim::def(),
        "haml" => haml::def(),
        "crystal" => crystal::def(),
        "igorpro" => igorpro::def(),
        _ => return None,
    })
}
