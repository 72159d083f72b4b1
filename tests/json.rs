//! The JSON parser against serde_json: the same values for every document serde accepts,
//! an error (never a panic) for every one it refuses.

use meetup_atlas::core::json::{self, Json};
use serde_json::Value;

fn from_serde(value: Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(flag),
        Value::Number(number) => Json::Number(number.as_f64().unwrap()),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(items.into_iter().map(from_serde).collect()),
        Value::Object(members) => Json::Object(members.into_iter().map(|(k, v)| (k, from_serde(v))).collect()),
    }
}

/// serde_json (without preserve_order) sorts object members; compare as sets of members.
fn sorted(json: Json) -> Json {
    match json {
        Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
        Json::Object(members) => {
            let mut members: Vec<_> = members.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members)
        }
        other => other,
    }
}

fn agrees(text: &str) {
    let ours = json::parse(text);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => assert_eq!(ours.map(sorted), Ok(sorted(from_serde(value))), "{text:?}"),
        Err(error) => assert!(ours.is_err(), "accepted what serde refuses ({error}): {text:?}"),
    }
}

#[test]
fn the_bundled_files_parse_as_serde_parses_them() {
    for text in [
        include_str!("../public/feed.json"),
        include_str!("../public/basemap.json"),
        include_str!("../public/feed.schema.json"),
    ] {
        agrees(text);
    }
}

#[test]
fn edge_cases_agree_with_serde() {
    let cases = [
        "0",
        "-0",
        "1e3",
        "1E+3",
        "-1.5e-3",
        "0.1",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "5e-324",
        "45.5017",
        "-73.5673",
        "[]",
        "{}",
        "[1,[2,[3]]]",
        r#"{"a":1,"b":[true,false,null]}"#,
        r#""\u00e9\u20ac\ud83d\ude00""#,
        r#""\"\\\/\b\f\n\r\t""#,
        "\"Montréal – l’été\"",
        " \t\n\r[ 1 , 2 ]\n",
        // refused
        "",
        " ",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "1e999",
        "[1,]",
        "[1 2]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "{\"a\":}",
        "[",
        "{",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"a\u{1}b\"",
        "tru",
        "nul",
        "[1]x",
        "\"\\ud800\\u0041\"",
        "{\"a\":1}}",
    ];
    for text in cases {
        agrees(text);
    }
}

#[test]
fn errors_say_where() {
    assert_eq!(json::parse("{\n  \"a\": tru\n}"), Err("expected value at line 2 column 8".to_owned()));
    assert_eq!(json::parse("[1, 2"), Err("EOF while parsing a list at line 1 column 6".to_owned()));
    assert!(json::parse("<html>").unwrap_err().starts_with("expected value at line 1 column 1"));
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert!(json::parse(&deep).unwrap_err().starts_with("recursion limit exceeded"));
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(json::parse(&fine).is_ok());
}

#[test]
fn a_repeated_key_keeps_its_last_value_in_first_place() {
    assert_eq!(
        json::parse(r#"{"a":1,"b":2,"a":3}"#),
        Ok(Json::Object(vec![("a".into(), Json::Number(3.0)), ("b".into(), Json::Number(2.0))]))
    );
}

/// Random documents, written compact and pretty by serde, read back the same.
#[test]
fn random_documents_round_trip() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    fn build(next: &mut impl FnMut() -> u64, depth: u32) -> Value {
        let pick = next() % if depth > 4 { 4 } else { 6 };
        match pick {
            0 => Value::Null,
            1 => Value::Bool(next().is_multiple_of(2)),
            2 => {
                let raw = next();
                let number = match raw % 3 {
                    0 => (raw >> 11) as f64 / (1u64 << 20) as f64 - 1e6,
                    1 => f64::from_bits(raw >> 2).abs().min(1e300),
                    _ => (raw % 1000) as f64,
                };
                serde_json::Number::from_f64(number).map(Value::Number).unwrap_or(Value::Null)
            }
            3 => {
                let alphabet = ["a", "é", "\"", "\\", "\n", "\u{1}", "€", "😀", "/", " ", "\u{7f}", "\u{2028}"];
                let length = next() % 12;
                Value::String((0..length).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect())
            }
            4 => Value::Array((0..next() % 5).map(|_| build(next, depth + 1)).collect()),
            _ => Value::Object(
                (0..next() % 5).map(|i| (format!("k{i}{}", next() % 3), build(next, depth + 1))).collect(),
            ),
        }
    }
    for _ in 0..2000 {
        let value = build(&mut next, 0);
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            assert_eq!(json::parse(&text).map(sorted), Ok(sorted(from_serde(value.clone()))), "{text}");
        }
    }
}
