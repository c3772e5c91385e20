//! The ActiveSupport helpers Ruby plugins call.

/// `number_to_human(n, format: "%n%u", precision: 2, units: {thousand: "K", million: "M",
/// billion: "B"})`, as al-folio's citation-count plugins call it: two significant digits
/// (half up), insignificant zeros stripped, the largest unit not above the rounded number.
pub fn number_to_human_k(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let mut v = n.unsigned_abs() as u128;
    if v == 0 {
        return "0".into();
    }
    // Round to two significant digits.
    let digits = v.to_string().len() as u32;
    if digits > 2 {
        let scale = 10u128.pow(digits - 2);
        v = (v + scale / 2) / scale * scale;
    }
    let exponent = v.to_string().len() as u32 - 1;
    let (unit_exp, unit) = [(9, "B"), (6, "M"), (3, "K"), (0, "")]
        .into_iter()
        .find(|(e, _)| exponent >= *e)
        .unwrap_or((0, ""));
    let scale = 10u128.pow(unit_exp);
    let whole = v / scale;
    let rest = v % scale;
    let number = if rest == 0 || unit_exp == 0 {
        whole.to_string()
    } else {
        // Two significant digits leave at most one decimal.
        format!("{whole}.{}", rest / (scale / 10))
    };
    format!("{sign}{number}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values printed by ActiveSupport 6 (`ruby -e 'require "active_support/all"'`).
    #[test]
    fn matches_activesupport() {
        for (n, s) in [
            (0, "0"),
            (5, "5"),
            (12, "12"),
            (123, "120"),
            (999, "1K"),
            (1000, "1K"),
            (1234, "1.2K"),
            (1500, "1.5K"),
            (15678, "16K"),
            (999999, "1M"),
            (1234567, "1.2M"),
            (1250, "1.3K"),
            (1150, "1.2K"),
            (105, "110"),
            (1050, "1.1K"),
            (2_500_000_000_000, "2500B"),
            (-1234, "-1.2K"),
        ] {
            assert_eq!(number_to_human_k(n), s, "{n}");
        }
    }
}
