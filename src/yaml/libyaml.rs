//! A safe, owned view of libyaml's event parser.
//!
//! Psych (Ruby's YAML) is libyaml 0.2.5 plus Ruby code; unsafe-libyaml is libyaml 0.2.5
//! translated to Rust, so what Ruby accepts or rejects, how block scalars chomp, how tabs
//! and flow collections may be indented, and the wording and position of syntax errors all
//! match by construction. This module is the only place that touches its raw API.

use std::ffi::CStr;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

use unsafe_libyaml as unsafe_ffi;

/// A position in the input: 0-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Mark {
    pub line: usize,
    pub column: usize,
}

impl From<unsafe_ffi::yaml_mark_t> for Mark {
    fn from(m: unsafe_ffi::yaml_mark_t) -> Self {
        Mark {
            line: m.line as usize,
            column: m.column as usize,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug)]
pub(crate) enum EventKind {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias {
        anchor: String,
    },
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: String,
        /// libyaml's `quoted_implicit`: untagged and not plain.
        quoted_implicit: bool,
        style: ScalarStyle,
    },
    SequenceStart {
        anchor: Option<String>,
        tag: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
        tag: Option<String>,
    },
    MappingEnd,
}

#[derive(Debug)]
pub(crate) struct Event {
    pub kind: EventKind,
    pub start: Mark,
}

/// A libyaml error with its two marks, as Psych turns it into `Psych::SyntaxError`.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub problem: String,
    pub context: Option<String>,
    pub problem_mark: Mark,
    pub context_mark: Mark,
}

pub(crate) struct EventParser<'input> {
    /// Boxed because libyaml keeps a pointer to the parser inside it.
    parser: Box<MaybeUninit<unsafe_ffi::yaml_parser_t>>,
    failed: bool,
    _input: PhantomData<&'input [u8]>,
}

impl<'input> EventParser<'input> {
    pub fn new(input: &'input [u8]) -> Self {
        let mut parser: Box<MaybeUninit<unsafe_ffi::yaml_parser_t>> =
            Box::new(MaybeUninit::uninit());
        // SAFETY: `yaml_parser_initialize` fully initialises the zeroed parser; the input slice
        // outlives the parser (the `'input` lifetime), and the parser never moves (boxed).
        unsafe {
            let p = parser.as_mut_ptr();
            if unsafe_ffi::yaml_parser_initialize(p).fail {
                // Only fails on allocation failure, which aborts in Rust anyway.
                std::process::abort();
            }
            unsafe_ffi::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as _);
            // Psych hands libyaml Ruby strings as UTF-8; a byte order mark is then skipped by
            // the scanner (counting a column) rather than by encoding detection.
            unsafe_ffi::yaml_parser_set_encoding(p, unsafe_ffi::YAML_UTF8_ENCODING);
        }
        EventParser {
            parser,
            failed: false,
            _input: PhantomData,
        }
    }

    /// The next event, or the syntax error that stops the stream.
    pub fn next_event(&mut self) -> Result<Event, SyntaxError> {
        if self.failed {
            return Err(self.error());
        }
        let mut raw = MaybeUninit::<unsafe_ffi::yaml_event_t>::uninit();
        // SAFETY: the parser is initialised; on success `raw` holds an event that we convert
        // (copying every string) and then delete exactly once.
        unsafe {
            let p = self.parser.as_mut_ptr();
            if unsafe_ffi::yaml_parser_parse(p, raw.as_mut_ptr()).fail {
                self.failed = true;
                return Err(self.error());
            }
            let event = raw.as_mut_ptr();
            let converted = convert(&*event);
            unsafe_ffi::yaml_event_delete(event);
            Ok(converted)
        }
    }

    fn error(&self) -> SyntaxError {
        // SAFETY: the parser is initialised; `problem`/`context` are null or static C strings.
        unsafe {
            let p = &*self.parser.as_ptr();
            let problem = c_string(p.problem.cast()).unwrap_or_else(|| "unknown YAML error".into());
            SyntaxError {
                // C libyaml 0.2.5, which Ruby links, spells it this way.
                problem: problem.replace("hexadecimal number", "hexdecimal number"),
                context: c_string(p.context.cast()),
                problem_mark: p.problem_mark.into(),
                context_mark: p.context_mark.into(),
            }
        }
    }
}

impl Drop for EventParser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted once here.
        unsafe { unsafe_ffi::yaml_parser_delete(self.parser.as_mut_ptr()) }
    }
}

/// # Safety
/// `ptr` is null or points to a NUL-terminated string.
unsafe fn c_string(ptr: *const std::ffi::c_char) -> Option<String> {
    if ptr.is_null() {
        None
    } else {
        Some(CStr::from_ptr(ptr).to_string_lossy().into_owned())
    }
}

/// # Safety
/// `ptr` is null or points to a NUL-terminated string owned by libyaml.
unsafe fn yaml_string(ptr: *const u8) -> Option<String> {
    c_string(ptr.cast())
}

/// # Safety
/// `event` was just produced by `yaml_parser_parse`, so its union matches its type.
unsafe fn convert(event: &unsafe_ffi::yaml_event_t) -> Event {
    let kind = match event.type_ {
        unsafe_ffi::YAML_STREAM_START_EVENT => EventKind::StreamStart,
        unsafe_ffi::YAML_DOCUMENT_START_EVENT => EventKind::DocumentStart,
        unsafe_ffi::YAML_DOCUMENT_END_EVENT => EventKind::DocumentEnd,
        unsafe_ffi::YAML_ALIAS_EVENT => EventKind::Alias {
            anchor: yaml_string(event.data.alias.anchor).unwrap_or_default(),
        },
        unsafe_ffi::YAML_SCALAR_EVENT => {
            let s = &event.data.scalar;
            let bytes = if s.value.is_null() {
                &[][..]
            } else {
                std::slice::from_raw_parts(s.value, s.length as usize)
            };
            EventKind::Scalar {
                anchor: yaml_string(s.anchor),
                tag: yaml_string(s.tag),
                value: String::from_utf8_lossy(bytes).into_owned(),
                quoted_implicit: s.quoted_implicit,
                style: match s.style {
                    unsafe_ffi::YAML_SINGLE_QUOTED_SCALAR_STYLE => ScalarStyle::SingleQuoted,
                    unsafe_ffi::YAML_DOUBLE_QUOTED_SCALAR_STYLE => ScalarStyle::DoubleQuoted,
                    unsafe_ffi::YAML_LITERAL_SCALAR_STYLE => ScalarStyle::Literal,
                    unsafe_ffi::YAML_FOLDED_SCALAR_STYLE => ScalarStyle::Folded,
                    _ => ScalarStyle::Plain,
                },
            }
        }
        unsafe_ffi::YAML_SEQUENCE_START_EVENT => EventKind::SequenceStart {
            anchor: yaml_string(event.data.sequence_start.anchor),
            tag: yaml_string(event.data.sequence_start.tag),
        },
        unsafe_ffi::YAML_SEQUENCE_END_EVENT => EventKind::SequenceEnd,
        unsafe_ffi::YAML_MAPPING_START_EVENT => EventKind::MappingStart {
            anchor: yaml_string(event.data.mapping_start.anchor),
            tag: yaml_string(event.data.mapping_start.tag),
        },
        unsafe_ffi::YAML_MAPPING_END_EVENT => EventKind::MappingEnd,
        // YAML_STREAM_END_EVENT, and YAML_NO_EVENT once the stream has ended.
        _ => EventKind::StreamEnd,
    };
    Event {
        kind,
        start: event.start_mark.into(),
    }
}
