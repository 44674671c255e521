//! Number and text formatting for readers (English conventions: "1,250", "+33%").
//!
//! Integer arithmetic only: float formatting (`{:.1}`) would pull a large part of `core::fmt`
//! into the wasm for a handful of labels.

/// 1250 → "1,250".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A signed integer with an explicit sign and thousands separators: "+20", "−5" (a true minus
/// sign), "+22,718,291", "0".
pub fn signed(n: i64) -> String {
    let size = thousands(u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX));
    match n {
        n if n > 0 => format!("+{size}"),
        n if n < 0 => format!("\u{2212}{size}"),
        _ => "0".into(),
    }
}

/// `value` rounded to one decimal place: 3.16 → "3.2", 2.0 → "2.0".
pub fn one_decimal(value: f64) -> String {
    let tenths = round_half_away(value * 10.0);
    let sign = if tenths < 0 { "\u{2212}" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// Rounds half away from zero (2.5 → 3, −2.5 → −3).
pub fn round_half_away(value: f64) -> i64 {
    // `f64::round` is half-away-from-zero; the cast saturates for out-of-range values.
    value.round() as i64
}

/// The change between two counts, as a tooltip says it: "+10 bikes, +33%".
/// With no earlier value (or an earlier value of zero) there is no percentage.
pub fn change(from: u32, to: u32, unit: &str) -> String {
    let difference = i64::from(to) - i64::from(from);
    match percent_change(from, to) {
        Some(percent) => format!("{} {unit}, {}%", signed(difference), signed(percent)),
        None => format!("{} {unit}", signed(difference)),
    }
}

/// Percentage change from `from` to `to`, rounded to a whole percent; `None` from zero.
pub fn percent_change(from: u32, to: u32) -> Option<i64> {
    if from == 0 {
        return None;
    }
    let difference = i64::from(to) - i64::from(from);
    Some(round_half_away(difference as f64 * 100.0 / f64::from(from)))
}

/// "spring 2019" → "Spring 2019" (for labels that start a line).
///
/// ASCII only: full Unicode case mapping would add its tables to the wasm, and the period
/// labels start with a Latin letter or a digit.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits_in_threes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(74), "74");
        assert_eq!(thousands(400), "400");
        assert_eq!(thousands(1520), "1,520");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(u32::MAX), "4,294,967,295");
    }

    #[test]
    fn signed_numbers_carry_their_sign() {
        assert_eq!(signed(20), "+20");
        assert_eq!(signed(-5), "−5");
        assert_eq!(signed(0), "0");
        // Large changes read as the values do.
        assert_eq!(signed(-22_718_291), "−22,718,291");
        assert_eq!(signed(1_234), "+1,234");
    }

    #[test]
    fn one_decimal_rounds_half_away_from_zero() {
        assert_eq!(one_decimal(3.157_894), "3.2");
        assert_eq!(one_decimal(2.0), "2.0");
        assert_eq!(one_decimal(2.25), "2.3");
        assert_eq!(one_decimal(0.04), "0.0");
        assert_eq!(one_decimal(-1.26), "−1.3");
    }

    #[test]
    fn change_gives_people_and_percent() {
        assert_eq!(change(15, 35, "people"), "+20 people, +133%");
        assert_eq!(change(35, 74, "people"), "+39 people, +111%");
        assert_eq!(change(74, 37, "people"), "−37 people, −50%");
        assert_eq!(change(0, 5, "people"), "+5 people");
    }

    #[test]
    fn percent_change_rounds_to_whole_percent() {
        assert_eq!(percent_change(15, 35), Some(133));
        assert_eq!(percent_change(3, 4), Some(33));
        assert_eq!(percent_change(8, 9), Some(13)); // 12.5 rounds up
        assert_eq!(percent_change(0, 9), None);
    }

    #[test]
    fn capitalized_changes_only_the_first_letter() {
        assert_eq!(capitalized("early 2013"), "Early 2013");
        assert_eq!(capitalized("February 2014"), "February 2014");
        assert_eq!(capitalized(""), "");
    }
}
