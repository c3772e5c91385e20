//! Entity lookup by name or code point, as kramdown resolves `&name;` and `&#N;`.

use super::element::EntityRef;
use super::entity_table::{NAMED, REMAPPED};
use once_cell::sync::Lazy;
use std::collections::HashMap;

static BY_NAME: Lazy<HashMap<&'static str, u32>> =
    Lazy::new(|| NAMED.iter().map(|&(c, n)| (n, c)).collect());
static BY_CODE: Lazy<HashMap<u32, &'static str>> =
    Lazy::new(|| NAMED.iter().map(|&(c, n)| (c, n)).collect());

/// The entity with this name; `None` for names kramdown does not know.
pub fn by_name(name: &str) -> Option<EntityRef> {
    BY_NAME.get(name).map(|&c| EntityRef {
        code_point: c,
        name: Some(NAMED_NAME(c)),
    })
}

#[allow(non_snake_case)]
fn NAMED_NAME(code: u32) -> &'static str {
    BY_CODE.get(&code).copied().unwrap_or("")
}

/// The entity for a numeric reference: Windows-1252 code points are remapped, any other
/// number is kept (possibly without a name, possibly not a valid character).
pub fn by_code(code: u64) -> EntityRef {
    let code = u32::try_from(code).unwrap_or(u32::MAX);
    let code = REMAPPED
        .iter()
        .find(|&&(from, _)| from == code)
        .map(|&(_, to)| to)
        .unwrap_or(code);
    EntityRef {
        code_point: code,
        name: BY_CODE.get(&code).copied(),
    }
}

/// The character of an entity, when it is a valid Unicode scalar value.
pub fn char_of(e: &EntityRef) -> Option<char> {
    char::from_u32(e.code_point)
}
