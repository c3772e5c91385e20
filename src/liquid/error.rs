//! Liquid's exception classes and how Ruby Liquid prints them
//! (`Liquid error (line 3): ...`, `Liquid syntax error (snippet line 1): ...`).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Argument,
    ZeroDivision,
    FloatDomain,
    FileSystem,
    StackLevel,
    UndefinedVariable,
    UndefinedFilter,
    UndefinedDropMethod,
    Memory,
    /// A Ruby exception that is not a Liquid error (NoMethodError, TypeError, ...): Liquid
    /// replaces it with `InternalError("internal")`.
    Internal,
}

impl ErrorKind {
    pub fn ruby_class(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "Liquid::SyntaxError",
            ErrorKind::Argument => "Liquid::ArgumentError",
            ErrorKind::ZeroDivision => "Liquid::ZeroDivisionError",
            ErrorKind::FloatDomain => "Liquid::FloatDomainError",
            ErrorKind::FileSystem => "Liquid::FileSystemError",
            ErrorKind::StackLevel => "Liquid::StackLevelError",
            ErrorKind::UndefinedVariable => "Liquid::UndefinedVariable",
            ErrorKind::UndefinedFilter => "Liquid::UndefinedFilter",
            ErrorKind::UndefinedDropMethod => "Liquid::UndefinedDropMethod",
            ErrorKind::Memory => "Liquid::MemoryError",
            ErrorKind::Internal => "Liquid::InternalError",
        }
    }
}

#[derive(Clone, Debug)]
pub struct LiquidError {
    pub kind: ErrorKind,
    pub message: String,
    pub line: Option<usize>,
    pub template_name: Option<String>,
    pub markup_context: Option<String>,
}

impl LiquidError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        LiquidError {
            kind,
            message: message.into(),
            line: None,
            template_name: None,
            markup_context: None,
        }
    }

    pub fn syntax(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Syntax, message)
    }

    pub fn argument(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Argument, message)
    }

    /// A Ruby runtime error (NoMethodError and friends) that Liquid reports as "internal".
    pub fn internal() -> Self {
        Self::new(ErrorKind::Internal, "internal")
    }

    pub fn with_line(mut self, line: usize) -> Self {
        if self.line.is_none() {
            self.line = Some(line);
        }
        self
    }

    /// `Liquid::Error#to_s`.
    pub fn to_ruby_string(&self) -> String {
        let mut s = String::from(if self.kind == ErrorKind::Syntax {
            "Liquid syntax error"
        } else {
            "Liquid error"
        });
        if let Some(l) = self.line {
            s.push_str(" (");
            if let Some(t) = &self.template_name {
                s.push_str(t);
                s.push(' ');
            }
            s.push_str(&format!("line {l})"));
        }
        s.push_str(": ");
        // Ruby exceptions that are not Liquid errors print as "internal".
        s.push_str(if self.kind == ErrorKind::Internal {
            "internal"
        } else {
            &self.message
        });
        if let Some(m) = &self.markup_context {
            s.push(' ');
            s.push_str(m);
        }
        s
    }

    /// The error as hyde reports it. Ruby re-raises non-Liquid exceptions unchanged, so
    /// those keep their own message (Jekyll prints "Liquid Exception: <message>").
    pub fn into_error(self, file: Option<&str>) -> crate::Error {
        let line = self.line;
        let msg = if self.kind == ErrorKind::Internal {
            self.message.clone()
        } else {
            self.to_ruby_string()
        };
        match file {
            Some(f) => crate::Error::at(f, line, msg),
            None => crate::Error {
                file: None,
                line,
                message: msg,
                jekyll_log: None,
            },
        }
    }
}

impl fmt::Display for LiquidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_ruby_string())
    }
}

impl std::error::Error for LiquidError {}

pub type LResult<T> = Result<T, LiquidError>;
