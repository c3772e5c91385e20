//! zig and sed.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ZIG_KEYWORDS: &str = "align linksection threadlocal struct enum union error break return \
    anyframe fn c_longlong c_ulonglong c_longdouble c_void comptime_float c_short c_ushort c_int \
    c_uint c_long c_ulong continue asm defer errdefer const var extern packed export pub if \
    else switch and or orelse while for bool unreachable try catch async suspend nosuspend \
    await resume undefined usingnamespace test void noreturn type anyerror usize noalias inline \
    noinline comptime callconv volatile allowzero";
const ZIG_BUILTINS: &str = "@addWithOverflow @as @atomicLoad @atomicStore @bitCast @breakpoint \
    @alignCast @alignOf @cDefine @cImport @cInclude @bitOffsetOf @atomicRmw @bytesToSlice \
    @byteOffsetOf @OpaqueType @panic @ptrCast @bitReverse @Vector @sin @cUndef \
    @canImplicitCast @clz @cmpxchgWeak @cmpxchgStrong @compileError @compileLog @ctz \
    @popCount @divExact @divFloor @cos @divTrunc @embedFile @export @tagName @TagType \
    @errorName @call @errorReturnTrace @fence @fieldParentPtr @field @unionInit @errorToInt \
    @intToEnum @enumToInt @setAlignStack @frame @Frame @exp @exp2 @log @log2 @log10 @fabs \
    @floor @ceil @trunc @round @floatCast @intToFloat @floatToInt @boolToInt @errSetCast \
    @intToError @frameAddress @import @newStackCall @asyncCall @intToPtr @intCast @frameSize \
    @memcpy @memset @mod @mulWithOverflow @splat @ptrToInt @rem @returnAddress @setCold @Type \
    @shuffle @setGlobalLinkage @setGlobalSection @shlExact @This @hasDecl @hasField \
    @setRuntimeSafety @setEvalBranchQuota @setFloatMode @shlWithOverflow @shrExact @sizeOf \
    @bitSizeOf @sqrt @byteSwap @subWithOverflow @sliceToBytes comptime_int @truncate \
    @typeInfo @typeName @TypeOf";

fn zig_name(cx: &mut Ctx, m: &Caps) {
    let name = m.get(3);
    let t = if ZIG_KEYWORDS.split_whitespace().any(|w| w == name) {
        KEYWORD
    } else if ZIG_BUILTINS.split_whitespace().any(|w| w == name) {
        NAME_BUILTIN
    } else if !m.get(1).is_empty() && !m.get(5).is_empty() {
        NAME_FUNCTION
    } else if !m.get(1).is_empty() {
        NAME_PROPERTY
    } else {
        NAME
    };
    cx.token(PUNCTUATION, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(t, name);
    cx.token(TEXT, m.get(4));
    cx.token(PUNCTUATION, m.get(5));
}

fn push_bol(st: &mut LexState) {
    st.push("bol");
}

pub fn zig() -> LexerDef {
    let id = "(?i:[a-z_][a-zA-Z0-9_]*)";
    let escapes = r#"\\(?:[nrt'"\\0]|x\h{2}|u\h{4}|U\h{8})"#;
    let dot = "[.][0-9_]+";
    let exp = "e[-+]?[0-9_]+";
    LexerDef::new(vec![
        (
            "bol",
            vec![
                include("whitespace"),
                rule(r"#\s[^\n]*", COMMENT_SPECIAL),
                jump("").pop(),
            ],
        ),
        (
            "attribute",
            vec![
                include("whitespace"),
                include("literals"),
                rule("[(,)=:]", NAME_DECORATOR),
                rule(r"\]", NAME_DECORATOR).pop(),
                rule(id, NAME_DECORATOR),
            ],
        ),
        (
            "whitespace",
            vec![rule(r"\s+", TEXT), rule(r"//[^\n]*", COMMENT)],
        ),
        (
            "root",
            vec![
                rule(r"\n", TEXT).push("bol"),
                include("whitespace"),
                rule(r"\b(?:(i|u)[0-9]+)\b", KEYWORD_TYPE),
                rule(r"\b(?:f(16|32|64|128))\b", KEYWORD_TYPE),
                rule(r"\b(?:(isize|usize))\b", KEYWORD_TYPE),
                include("literals"),
                rule(format!("'{id}"), NAME_VARIABLE),
                call(format!(r"([.]?)(\s*)(@?{id})(\s*)([(]?)"), zig_name),
                rule(r"[()\[\]{}|,:;]", PUNCTUATION),
                rule(r"[*/!@~&+%^<>=\?-]|\.{1,3}", OPERATOR),
            ],
        ),
        (
            "literals",
            vec![
                rule(r"\b(?:true|false|null)\b", KEYWORD_CONSTANT),
                rule(format!(r"'(?:{escapes}|[^\\])'"), STR_CHAR),
                rule("\"", STR).push("string"),
                rule(r#"(?s)r(#*)".*?"\1"#, STR),
                rule(
                    format!("[0-9]+(?:{dot}(?:{exp})?|(?:{dot})?{exp})"),
                    NUM_FLOAT,
                ),
                rule("(?:0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)", NUM_INTEGER),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(escapes, STR_ESCAPE),
                rule(r#"(?s)[^"\\]+"#, STR),
            ],
        ),
    ])
    .with_start(push_bol)
}

pub fn sed_regex() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"\[", PUNCTUATION).push("brackets"),
                rule("[$^.*]", OPERATOR),
                rule("[()]", PUNCTUATION),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "brackets",
            vec![
                rule(r"\^", PUNCTUATION).goto("brackets_int"),
                jump("").goto("brackets_int"),
            ],
        ),
        (
            "brackets_int",
            vec![
                rule(".-.", NAME_VARIABLE),
                rule(r"\]", PUNCTUATION).pop(),
                rule(".", STR_REGEX),
            ],
        ),
    ])
}

pub fn sed_replacement() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"(?s)\\.", STR_ESCAPE),
            rule("&", OPERATOR),
            rule(r"(?s)[^\\&]+", TEXT),
        ],
    )])
}

fn sed_reset(cx: &mut Ctx, m: &Caps, tok: Tok) {
    cx.token(tok, m.all());
    cx.st.reset_stack();
}
fn sed_comment(cx: &mut Ctx, m: &Caps) {
    sed_reset(cx, m, COMMENT)
}
fn sed_newline(cx: &mut Ctx, m: &Caps) {
    sed_reset(cx, m, TEXT)
}
fn sed_semicolon(cx: &mut Ctx, m: &Caps) {
    sed_reset(cx, m, PUNCTUATION)
}

fn sed_sub(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    cx.delegate_keep("sed_regex", m.get(3));
    cx.token(PUNCTUATION, m.get(4));
    cx.delegate_keep("sed_replacement", m.get(5));
    cx.token(PUNCTUATION, m.get(6));
    cx.goto("flags");
}

fn sed_translit(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    cx.delegate_keep("sed_replacement", m.get(3));
    cx.token(PUNCTUATION, m.get(4));
    cx.delegate_keep("sed_replacement", m.get(5));
    cx.token(PUNCTUATION, m.get(6));
    cx.pop(1);
}

fn sed_addr(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_NAMESPACE, m.get(1));
    cx.delegate_keep("sed_regex", m.get(2));
    cx.token(KEYWORD_NAMESPACE, m.get(3));
}

fn sed_addr_custom(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_NAMESPACE, &format!("{}{}", m.get(1), m.get(2)));
    cx.delegate_keep("sed_regex", m.get(3));
    cx.token(KEYWORD_NAMESPACE, m.get(4));
}

/// Rouge emits the whole match three times here (`token` without a value).
fn sed_write_flag(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    cx.token(TEXT, m.all());
    cx.token(NAME, m.all());
}

pub fn sed() -> LexerDef {
    let edot = r"(?s:\\.|.)";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                call(r"#.*?\n", sed_comment),
                call(r"\n", sed_newline),
                call(";", sed_semicolon),
            ],
        ),
        ("root", vec![include("addr_range")]),
        (
            "command",
            vec![
                include("whitespace"),
                call(format!(r"(?s)(s)(.)({edot}*?)(\2)({edot}*?)(\2)"), sed_sub),
                call(
                    format!(r"(?s)(y)(.)({edot}*?)(\2)({edot}*?)(\2)"),
                    sed_translit,
                ),
                groups(r"([aic])(\s*)", &[KEYWORD, TEXT]).goto("text"),
                rule("[pd]", KEYWORD),
                groups(r"(?i)([qQl])(\s+)(\d+)", &[KEYWORD, TEXT, NUM]).pop(),
                rule("[={}dDgGhHlnpPqx]", KEYWORD).pop(),
                groups(r"([rRwW])(\s+)(\S+)", &[KEYWORD, TEXT, NAME]).pop(),
                groups(r"([:btT])(\s+)(\S+)", &[KEYWORD, TEXT, NAME_LABEL]).pop(),
            ],
        ),
        (
            "addr_range",
            vec![
                include("whitespace"),
                rule(r"\d+", KEYWORD_NAMESPACE),
                rule("[$,~+!]", KEYWORD_NAMESPACE),
                call(r"(/)((?:\\.|.)*?)(/)", sed_addr),
                call(r"(\\)(.)((?:\\.|.)*?)(\2)", sed_addr_custom),
                jump("").push("command"),
            ],
        ),
        (
            "text",
            vec![
                rule(r"[^\\\n]+", STR),
                rule(r"\\\n", STR_ESCAPE),
                rule(r"\\", STR),
                rule(r"\n", TEXT).pop(),
            ],
        ),
        (
            "flags",
            vec![
                rule("[gp]+", KEYWORD).pop(),
                call(r"([wW])(\s+)(\S+)", sed_write_flag),
                jump("").pop(),
            ],
        ),
    ])
}
