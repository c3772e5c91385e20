//! `transliterated_header_ids`: header text transliterated to ASCII before an id is made.
//!
//! kramdown uses the `stringex` gem's unidecoder tables (without the gem installed, kramdown
//! 2.4 raises `Gem::MissingSpecError`, so a Jekyll site that sets the option has it). Those
//! tables and the `unidecode` crate share their origin (Perl's Text::Unidecode); on the Basic
//! Multilingual Plane they agree on all but about 250 of 46 000 code points. What stringex
//! lacks is reproduced here from observed behaviour: code points in a 256-block without a
//! table become `?` (kramdown rescues the missing file), and the last slot of the blocks whose
//! table has only 255 entries becomes empty.

/// 256-code-point blocks (`cp >> 8`) that have no stringex table.
const BLOCKS_WITHOUT_TABLE: &[u32] = &[
    0x08, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x34, 0x35, 0x36, 0x37, 0x38,
    0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
    0x49, 0x4a, 0x4b, 0x4c, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xd8, 0xd9, 0xda, 0xdb, 0xdc,
    0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec,
    0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
];

/// Blocks whose stringex table has 255 entries (the code point `0x..ff` maps to nothing).
const BLOCKS_WITH_255_ENTRIES: &[u32] = &[
    0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x13,
    0x16, 0x17, 0x18, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2e, 0x2f, 0x30,
    0x31, 0x32, 0x33, 0x4d, 0x9f, 0xa4, 0xd7, 0xfa, 0xfd,
];

/// Transliterates every non-ASCII character of `s` as kramdown's `Unidecoder.decode`.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
            continue;
        }
        let block = cp >> 8;
        if block > 0xff || BLOCKS_WITHOUT_TABLE.contains(&block) {
            out.push('?');
        } else if cp & 0xff == 0xff && BLOCKS_WITH_255_ENTRIES.contains(&block) {
            // No entry: nothing is inserted.
        } else {
            out.push_str(unidecode::unidecode_char(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// Expected values: kramdown 2.4 with stringex 2.8.6's unidecoder data.
    #[test]
    fn transliterates_like_stringex() {
        assert_eq!(decode("Đây-là-ví-dụ"), "Day-la-vi-du");
        assert_eq!(decode("Grüße, Ærøskøbing"), "Grusse, AEroskobing");
        assert_eq!(decode("Москва"), "Moskva");
        assert_eq!(decode("Ελλάδα"), "Ellada");
        assert_eq!(decode("한국어"), "hangugeo");
        assert_eq!(decode("日本"), "Ri Ben ");
        assert_eq!(decode("😀 ꔀ"), "? ?");
        assert_eq!(decode("\u{20ff}x"), "x");
    }
}
