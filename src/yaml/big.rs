//! Integers beyond 64 bits. Ruby reads them exactly (Bignum); the value model has no big
//! integer, so the loader keeps their exact decimal digits as a string.

/// Parses ASCII digits in `radix`; `None` when the value does not fit an `i128`.
pub(crate) fn parse_digits(digits: &str, radix: u32) -> Option<i128> {
    let mut n: i128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix)?;
        n = n
            .checked_mul(i128::from(radix))?
            .checked_add(i128::from(d))?;
    }
    Some(n)
}

/// The decimal spelling of `digits` (ASCII, in `radix`), with a leading `-` when `negative`.
pub(crate) fn decimal_string(digits: &str, radix: u32, negative: bool) -> String {
    // Little-endian limbs in base 10^9.
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).unwrap_or(0));
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut out = String::new();
    if negative && limbs.iter().any(|l| *l != 0) {
        out.push('-');
    }
    let mut iter = limbs.iter().rev();
    if let Some(top) = iter.next() {
        out.push_str(&top.to_string());
    }
    for limb in iter {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_big_numbers_exactly() {
        // ruby -e 'p Integer("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")' => 87112285931760246646623899502532662132735
        assert_eq!(
            decimal_string("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 16, false),
            "87112285931760246646623899502532662132735"
        );
        assert_eq!(
            decimal_string("12345678901234567890123", 10, true),
            "-12345678901234567890123"
        );
        assert_eq!(parse_digits("777", 8), Some(511));
    }
}
