//! A Liquid engine with Ruby Liquid 4.0.x semantics.
