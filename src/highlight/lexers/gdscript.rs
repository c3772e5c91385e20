//! GDScript (Godot).

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join("|")
}

pub fn def() -> LexerDef {
    let keywords = words(
        "and in not or as breakpoint class class_name extends is func setget signal tool const \
         enum export onready static var break continue if elif else for pass return match \
         while remote master puppet remotesync mastersync puppetsync",
    );
    let builtins = words(
        "Color8 ColorN abs acos asin assert atan atan2 bytes2var ceil char clamp convert cos \
         cosh db2linear decimals dectime deg2rad dict2inst ease exp floor fmod fposmod funcref \
         hash inst2dict instance_from_id is_inf is_nan lerp linear2db load log max min \
         nearest_po2 pow preload print print_stack printerr printraw prints printt rad2deg \
         rand_range rand_seed randf randi randomize range round seed sign sin sinh sqrt stepify \
         str str2var tan tan tanh type_exist typeof var2bytes var2str weakref yield",
    );
    let types = words(
        "bool int float String Vector2 Rect2 Transform2D Vector3 AABB Plane Quat Basis \
         Transform Color RID Object NodePath Dictionary Array PoolByteArray PoolIntArray \
         PoolRealArray PoolStringArray PoolVector2Array PoolVector3Array PoolColorArray null",
    );
    let fmt = r"%(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsux%]";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\n", TEXT),
                rule(r"[^\S\n]+", TEXT),
                rule("#.*", COMMENT_SINGLE),
                rule(r"[\[\]{}:(),;]", PUNCTUATION),
                rule(r"\\\n", TEXT),
                rule(r"(in|and|or|not)\b", OPERATOR_WORD),
                rule(
                    r"!=|==|<<|>>|&&|\+=|-=|\*=|/=|%=|&=|\|=|\|\||[-~+/*%=<>&^.!|$]",
                    OPERATOR,
                ),
                groups(r"(func)((?:\s|\\)+)", &[KEYWORD, TEXT]).push("funcname"),
                groups(r"(class)((?:\s|\\)+)", &[KEYWORD, TEXT]).push("classname"),
                include("keywords"),
                include("builtins"),
                rule("\"\"\"", STR_DOUBLE).push("escape_tdqs"),
                rule("'''", STR_DOUBLE).push("escape_tsqs"),
                rule("\"", STR_DOUBLE).push("escape_dqs"),
                rule("'", STR_DOUBLE).push("escape_sqs"),
                include("name"),
                include("numbers"),
            ],
        ),
        (
            "keywords",
            vec![
                rule(format!(r"\b({keywords})\b"), KEYWORD),
                rule(r"\b(do|switch|case)\b", KEYWORD_RESERVED),
            ],
        ),
        (
            "builtins",
            vec![
                rule(format!(r"\b({builtins})\b"), NAME_BUILTIN),
                rule(
                    r"\b((self|false|true)|(PI|TAU|NAN|INF))\b",
                    NAME_BUILTIN_PSEUDO,
                ),
                rule(format!(r"\b({types})\b"), KEYWORD_TYPE),
            ],
        ),
        (
            "numbers",
            vec![
                rule(r"(\d+\.\d*|\d*\.\d+)([eE][+-]?[0-9]+)?j?", NUM_FLOAT),
                rule(r"\d+[eE][+-]?[0-9]+j?", NUM_FLOAT),
                rule("0[xX][a-fA-F0-9]+", NUM_HEX),
                rule(r"\d+j?", NUM_INTEGER),
            ],
        ),
        ("name", vec![rule(r"[a-zA-Z_]\w*", NAME)]),
        ("funcname", vec![rule(r"[a-zA-Z_]\w*", NAME_FUNCTION).pop()]),
        ("classname", vec![rule(r"[a-zA-Z_]\w*", NAME_CLASS).pop()]),
        (
            "string_escape",
            vec![rule(
                r#"\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"#,
                STR_ESCAPE,
            )],
        ),
        (
            "strings_single",
            vec![
                rule(fmt, STR_INTERPOL),
                rule(r"[^\\'%\n]+", STR_SINGLE),
                rule(r#"["\\]"#, STR_SINGLE),
                rule("%", STR_SINGLE),
            ],
        ),
        (
            "strings_double",
            vec![
                rule(fmt, STR_INTERPOL),
                rule(r#"[^\\"%\n]+"#, STR_DOUBLE),
                rule(r"['\\]", STR_DOUBLE),
                rule("%", STR_DOUBLE),
            ],
        ),
        (
            "dqs",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"\\\\|\\"|\\\n"#, STR_ESCAPE),
                include("strings_double"),
            ],
        ),
        ("escape_dqs", vec![include("string_escape"), include("dqs")]),
        (
            "sqs",
            vec![
                rule("'", STR_SINGLE).pop(),
                rule(r"\\\\|\\'|\\\n", STR_ESCAPE),
                include("strings_single"),
            ],
        ),
        ("escape_sqs", vec![include("string_escape"), include("sqs")]),
        (
            "tdqs",
            vec![
                rule("\"\"\"", STR_DOUBLE).pop(),
                include("strings_double"),
                rule(r"\n", STR_DOUBLE),
            ],
        ),
        (
            "escape_tdqs",
            vec![include("string_escape"), include("tdqs")],
        ),
        (
            "tsqs",
            vec![
                rule("'''", STR_SINGLE).pop(),
                include("strings_single"),
                rule(r"\n", STR_SINGLE),
            ],
        ),
        (
            "escape_tsqs",
            vec![include("string_escape"), include("tsqs")],
        ),
    ])
}
