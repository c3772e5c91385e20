//! Syntax highlighting exactly as Rouge 3.30 produces it.
