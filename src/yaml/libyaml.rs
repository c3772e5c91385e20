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

/// What to emit, mirroring the events Psych's `YAMLTree` sends to libyaml.
pub(crate) enum EmitEvent<'a> {
    Scalar {
        value: &'a str,
        tag: Option<&'a str>,
        plain_implicit: bool,
        quoted_implicit: bool,
        style: ScalarStyle,
    },
    SequenceStart {
        anchor: Option<&'a str>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<&'a str>,
    },
    MappingEnd,
    Alias {
        anchor: &'a str,
    },
}

/// libyaml's emitter configured as Psych's (`unicode`, indent 2, best width 80), writing
/// one explicit-start document into a string.
pub(crate) struct Emitter {
    /// Boxed because libyaml keeps a pointer to it; also owns the output buffer.
    emitter: Box<MaybeUninit<unsafe_ffi::yaml_emitter_t>>,
    /// Boxed: libyaml's write callback holds a pointer to this vector.
    #[allow(clippy::box_collection)]
    output: Box<Vec<u8>>,
    initialized: bool,
    /// False once libyaml refused an event; later events are skipped.
    ok: bool,
}

/// libyaml's write callback: appends to the `Vec<u8>` passed as `data`.
///
/// # Safety
/// `data` is the `Vec<u8>` registered in `Emitter::new`; `buffer` holds `size` bytes.
unsafe fn write_to_vec(data: *mut std::ffi::c_void, buffer: *mut u8, size: u64) -> i32 {
    let out = &mut *(data as *mut Vec<u8>);
    out.extend_from_slice(std::slice::from_raw_parts(buffer, size as usize));
    1
}

impl Emitter {
    pub fn new() -> Self {
        let mut emitter: Box<MaybeUninit<unsafe_ffi::yaml_emitter_t>> =
            Box::new(MaybeUninit::uninit());
        let mut output: Box<Vec<u8>> = Box::default();
        // SAFETY: initialise before use; the emitter and the output vector are boxed so the
        // pointers libyaml keeps stay valid until `drop`.
        let initialized = unsafe {
            let e = emitter.as_mut_ptr();
            let initialized = unsafe_ffi::yaml_emitter_initialize(e).ok;
            if initialized {
                unsafe_ffi::yaml_emitter_set_output(
                    e,
                    write_to_vec as _,
                    (&mut *output as *mut Vec<u8>).cast(),
                );
                unsafe_ffi::yaml_emitter_set_unicode(e, true);
                unsafe_ffi::yaml_emitter_set_indent(e, 2);
                // Psych passes width 0, which libyaml turns into its default of 80.
                unsafe_ffi::yaml_emitter_set_width(e, 0);
            }
            initialized
        };
        let mut this = Emitter {
            emitter,
            output,
            initialized,
            ok: initialized,
        };
        this.raw(|ev| unsafe {
            unsafe_ffi::yaml_stream_start_event_initialize(ev, unsafe_ffi::YAML_UTF8_ENCODING).ok
        });
        this.raw(|ev| unsafe {
            unsafe_ffi::yaml_document_start_event_initialize(
                ev,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                false,
            )
            .ok
        });
        this
    }

    /// Initialises an event with `init` and hands it to the emitter.
    fn raw(&mut self, init: impl FnOnce(*mut unsafe_ffi::yaml_event_t) -> bool) {
        if !self.ok {
            return;
        }
        let mut event = MaybeUninit::<unsafe_ffi::yaml_event_t>::uninit();
        // SAFETY: `init` fully initialises the event; `yaml_emitter_emit` takes ownership of
        // it whether or not it succeeds.
        unsafe {
            if !init(event.as_mut_ptr()) {
                self.ok = false;
                return;
            }
            if unsafe_ffi::yaml_emitter_emit(self.emitter.as_mut_ptr(), event.as_mut_ptr()).fail {
                self.ok = false;
            }
        }
    }

    pub fn emit(&mut self, event: EmitEvent<'_>) {
        match event {
            EmitEvent::Scalar {
                value,
                tag,
                plain_implicit,
                quoted_implicit,
                style,
            } => {
                let tag = tag.map(|t| std::ffi::CString::new(t).unwrap_or_default());
                let tag_ptr = tag
                    .as_ref()
                    .map_or(std::ptr::null(), |t| t.as_ptr().cast::<u8>());
                let style = match style {
                    ScalarStyle::Plain => unsafe_ffi::YAML_PLAIN_SCALAR_STYLE,
                    ScalarStyle::SingleQuoted => unsafe_ffi::YAML_SINGLE_QUOTED_SCALAR_STYLE,
                    ScalarStyle::DoubleQuoted => unsafe_ffi::YAML_DOUBLE_QUOTED_SCALAR_STYLE,
                    ScalarStyle::Literal => unsafe_ffi::YAML_LITERAL_SCALAR_STYLE,
                    ScalarStyle::Folded => unsafe_ffi::YAML_FOLDED_SCALAR_STYLE,
                };
                let Ok(len) = i32::try_from(value.len()) else {
                    self.ok = false;
                    return;
                };
                // SAFETY: libyaml copies the anchor, tag and value before returning.
                self.raw(|ev| unsafe {
                    unsafe_ffi::yaml_scalar_event_initialize(
                        ev,
                        std::ptr::null(),
                        tag_ptr,
                        value.as_ptr(),
                        len,
                        plain_implicit,
                        quoted_implicit,
                        style,
                    )
                    .ok
                });
            }
            EmitEvent::SequenceStart { anchor } => {
                let anchor = anchor.map(|a| std::ffi::CString::new(a).unwrap_or_default());
                let anchor_ptr = anchor
                    .as_ref()
                    .map_or(std::ptr::null(), |a| a.as_ptr().cast::<u8>());
                self.raw(|ev| unsafe {
                    unsafe_ffi::yaml_sequence_start_event_initialize(
                        ev,
                        anchor_ptr,
                        std::ptr::null(),
                        true,
                        unsafe_ffi::YAML_BLOCK_SEQUENCE_STYLE,
                    )
                    .ok
                })
            }
            EmitEvent::SequenceEnd => {
                self.raw(|ev| unsafe { unsafe_ffi::yaml_sequence_end_event_initialize(ev).ok })
            }
            EmitEvent::MappingStart { anchor } => {
                let anchor = anchor.map(|a| std::ffi::CString::new(a).unwrap_or_default());
                let anchor_ptr = anchor
                    .as_ref()
                    .map_or(std::ptr::null(), |a| a.as_ptr().cast::<u8>());
                self.raw(|ev| unsafe {
                    unsafe_ffi::yaml_mapping_start_event_initialize(
                        ev,
                        anchor_ptr,
                        std::ptr::null(),
                        true,
                        unsafe_ffi::YAML_BLOCK_MAPPING_STYLE,
                    )
                    .ok
                })
            }
            EmitEvent::MappingEnd => {
                self.raw(|ev| unsafe { unsafe_ffi::yaml_mapping_end_event_initialize(ev).ok })
            }
            EmitEvent::Alias { anchor } => {
                let anchor = std::ffi::CString::new(anchor).unwrap_or_default();
                // SAFETY: libyaml copies the anchor.
                self.raw(|ev| unsafe {
                    unsafe_ffi::yaml_alias_event_initialize(ev, anchor.as_ptr().cast::<u8>()).ok
                })
            }
        }
    }

    /// Ends the document and the stream; the text, or `None` if libyaml refused an event.
    pub fn finish(mut self) -> Option<String> {
        self.raw(|ev| unsafe { unsafe_ffi::yaml_document_end_event_initialize(ev, true).ok });
        self.raw(|ev| unsafe { unsafe_ffi::yaml_stream_end_event_initialize(ev).ok });
        if !self.ok {
            return None;
        }
        String::from_utf8(std::mem::take(&mut *self.output)).ok()
    }
}

impl Drop for Emitter {
    fn drop(&mut self) {
        if self.initialized {
            // SAFETY: initialised in `new`, deleted once here.
            unsafe { unsafe_ffi::yaml_emitter_delete(self.emitter.as_mut_ptr()) }
        }
    }
}
