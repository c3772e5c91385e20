//! Erlang: atoms, variables, module-qualified calls, directives, macros, format strings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const BUILTINS: &str = "abs append_element apply atom_to_list binary_to_list bitstring_to_list \
    binary_to_term bit_size bump_reductions byte_size cancel_timer check_process_code \
    delete_module demonitor disconnect_node display element erase exit float float_to_list \
    fun_info fun_to_list function_exported garbage_collect get get_keys group_leader hash hd \
    integer_to_list iolist_to_binary iolist_size is_atom is_binary is_bitstring is_boolean \
    is_builtin is_float is_function is_integer is_list is_number is_pid is_port \
    is_process_alive is_record is_reference is_tuple length link list_to_atom list_to_binary \
    list_to_bitstring list_to_existing_atom list_to_float list_to_integer list_to_pid \
    list_to_tuple load_module localtime_to_universaltime make_tuple md5 md5_final md5_update \
    memory module_loaded monitor monitor_node node nodes open_port phash phash2 pid_to_list \
    port_close port_command port_connect port_control port_call port_info port_to_list \
    process_display process_flag process_info purge_module put read_timer ref_to_list register \
    resume_process round send send_after send_nosuspend set_cookie setelement size spawn \
    spawn_link spawn_monitor spawn_opt split_binary start_timer statistics suspend_process \
    system_flag system_info system_monitor system_profile term_to_binary tl trace \
    trace_delivered trace_info trace_pattern trunc tuple_size tuple_to_list \
    universaltime_to_localtime unlink unregister whereis";

pub fn def() -> LexerDef {
    let atom = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')";
    let variable = "(?:[A-Z_][a-zA-Z0-9_]*)";
    let escape = r#"(?:\\(?:[bdefnrstv'"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"#;
    let macro_re = format!("(?:{variable}|{atom})");
    let base = "(?:[2-9]|[12][0-9]|3[0-6])";
    let builtins = BUILTINS.split_whitespace().collect::<Vec<_>>().join("|");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"%.*\n", COMMENT),
                rule(
                    r"(after|begin|case|catch|cond|end|fun|if|let|of|query|receive|try|when)\b",
                    KEYWORD,
                ),
                rule(format!(r"({builtins})\b"), NAME_BUILTIN),
                rule(
                    r"(and|andalso|band|bnot|bor|bsl|bsr|bxor|div|not|or|orelse|rem|xor)\b",
                    OPERATOR_WORD,
                ),
                rule("^-", PUNCTUATION).push("directive"),
                rule(
                    r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)",
                    OPERATOR,
                ),
                rule("\"", STR).push("string"),
                rule("<<", NAME_LABEL),
                rule(">>", NAME_LABEL),
                groups(format!("({atom})(:)"), &[NAME_NAMESPACE, PUNCTUATION]),
                groups(
                    format!(r"(?:^|(?<=:))({atom})(\s*)(\()"),
                    &[NAME_FUNCTION, TEXT, PUNCTUATION],
                ),
                rule(format!("[+-]?{base}#[0-9a-zA-Z]+"), NUM_INTEGER),
                rule(r"[+-]?\d+", NUM_INTEGER),
                rule(r"[+-]?\d+.\d+", NUM_FLOAT),
                rule(r#"[\]\[:_@".{}()|;,]"#, PUNCTUATION),
                rule(variable, NAME_VARIABLE),
                rule(atom, NAME),
                rule(format!(r"\?{macro_re}"), NAME_CONSTANT),
                rule(format!(r"\$(?:{escape}|\\[ %]|[^\\])"), STR_CHAR),
                rule(format!(r"#{atom}(:?\.{atom})?"), NAME_LABEL),
            ],
        ),
        (
            "string",
            vec![
                rule(escape, STR_ESCAPE),
                rule("\"", STR).pop(),
                rule("~[0-9.*]*[~#+bBcdefginpPswWxX]", STR_INTERPOL),
                rule(r#"[^"\\~]+"#, STR),
                rule("~", STR),
            ],
        ),
        (
            "directive",
            vec![
                groups(
                    format!(r"(define)(\s*)(\()({macro_re})"),
                    &[NAME_ENTITY, TEXT, PUNCTUATION, NAME_CONSTANT],
                )
                .pop(),
                groups(
                    format!(r"(record)(\s*)(\()({macro_re})"),
                    &[NAME_ENTITY, TEXT, PUNCTUATION, NAME_LABEL],
                )
                .pop(),
                rule(atom, NAME_ENTITY).pop(),
            ],
        ),
    ])
}
