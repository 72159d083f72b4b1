//! Decimal numbers read from text the atlas wrote itself (a link's map view, the service
//! worker's header). Read by serde_json's number parser, already in the wasm for the feed,
//! rather than `str::parse::<f64>`, which would bring core's own (its tables and code,
//! some 15 KB of the wasm, docs/decisions.md).

/// A JSON number (`-73.5673`, `1e3`, `1764990000000`, spaces around it), finite; `None`
/// for anything else (`+1`, `.5`, `NaN`, `inf`, `"1"`, text around it).
pub fn read_decimal(text: &str) -> Option<f64> {
    // serde_json refuses what JSON does not write (and `1e999`, out of range).
    serde_json::from_str::<f64>(text).ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_atlas_writes_and_nothing_else() {
        assert_eq!(read_decimal("-73.5673"), Some(-73.5673));
        assert_eq!(read_decimal("45.5017"), Some(45.5017));
        assert_eq!(read_decimal(" 12 "), Some(12.0));
        assert_eq!(read_decimal("1764990000000"), Some(1_764_990_000_000.0));
        assert_eq!(read_decimal("2.5e3"), Some(2500.0));
        assert_eq!(read_decimal("-0"), Some(0.0));
        for bad in ["", "+1", ".5", "1.", "NaN", "inf", "-inf", "1e999", "1,5", "\"1\"", "1 2", "0x10", "--1", "abc"] {
            assert_eq!(read_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reads_four_places_as_written() {
        // The map view is written with four places (`url_state::to_query`); it reads back
        // as the nearest double to what was written, as `str::parse` gives.
        for i in -1_800_000..=1_800_000i64 {
            if i % 997 != 0 {
                continue;
            }
            let text = format!("{:.4}", i as f64 / 10_000.0);
            assert_eq!(read_decimal(&text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
