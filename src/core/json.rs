//! A parsed JSON document, and the few readers the feed model needs.
//!
//! Natively the text is parsed by serde_json, in the browser by `JSON.parse`: either
//! way no per-type deserialization code goes into the wasm, which keeps it small.
//! Errors read like serde's own.

/// A JSON value. Objects keep their members in file order; a repeated key's last value wins.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Parses JSON text with serde_json; the error is the parser's own message.
/// (The browser build parses with `JSON.parse` instead, see `ui::browser::parse_json`,
/// so that no JSON parser goes into the wasm.)
pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map(from_serde).map_err(|error| error.to_string())
}

/// How deep arrays and objects may nest, as in serde_json: deeper is refused, not a stack overflow.
pub const MAX_DEPTH: usize = 128;

fn from_serde(value: serde_json::Value) -> Json {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(flag),
        Value::Number(number) => Json::Number(number.as_f64().unwrap_or(f64::NAN)),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(items.into_iter().map(from_serde).collect()),
        Value::Object(members) => Json::Object(members.into_iter().map(|(key, value)| (key, from_serde(value))).collect()),
    }
}

pub fn number_text(number: f64) -> String {
    number.to_string()
}

/// Why a value could not be read: serde's wording.
pub type Result<T, E = String> = std::result::Result<T, E>;

impl Json {
    /// "invalid type: …, expected …"
    pub fn invalid(&self, expected: &str) -> String {
        let found = match self {
            Json::Null => "null".to_owned(),
            Json::Bool(flag) => format!("boolean `{flag}`"),
            Json::Number(number) => format!("number `{}`", number_text(*number)),
            Json::String(text) => format!("string \"{text}\""),
            Json::Array(_) => "sequence".to_owned(),
            Json::Object(_) => "map".to_owned(),
        };
        format!("invalid type: {found}, expected {expected}")
    }

    /// The members of an object that stands for the struct `name`.
    pub fn object(&self, name: &str) -> Result<Object<'_>> {
        match self {
            Json::Object(members) => Ok(Object(members)),
            other => Err(other.invalid(&format!("struct {name}"))),
        }
    }
}

/// Reads a Rust value from JSON.
pub trait FromJson: Sized {
    fn from_json(json: &Json) -> Result<Self>;
}

impl FromJson for String {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::String(text) => Ok(text.clone()),
            other => Err(other.invalid("a string")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::Number(number) => Ok(*number),
            other => Err(other.invalid("f64")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::Number(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n) => Ok(*n as u32),
            Json::Number(n) => Err(format!("invalid value: number `{}`, expected u32", number_text(*n))),
            other => Err(other.invalid("u32")),
        }
    }
}

impl FromJson for i32 {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::Number(n) if n.fract() == 0.0 && (i32::MIN as f64..=i32::MAX as f64).contains(n) => Ok(*n as i32),
            Json::Number(n) => Err(format!("invalid value: number `{}`, expected i32", number_text(*n))),
            other => Err(other.invalid("i32")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::Array(items) => items.iter().map(T::from_json).collect(),
            other => Err(other.invalid("a sequence")),
        }
    }
}

/// The members of a JSON object, read field by field.
#[derive(Clone, Copy)]
pub struct Object<'a>(pub &'a [(String, Json)]);

impl<'a> Object<'a> {
    pub fn get(self, key: &str) -> Option<&'a Json> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A required field.
    pub fn req<T: FromJson>(self, key: &str) -> Result<T> {
        match self.get(key) {
            Some(value) => T::from_json(value),
            None => Err(format!("missing field `{key}`")),
        }
    }

    /// An optional field: absent or `null` is `None`.
    pub fn opt<T: FromJson>(self, key: &str) -> Result<Option<T>> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => T::from_json(value).map(Some),
        }
    }

    /// An optional list: absent is empty.
    pub fn list<T: FromJson>(self, key: &str) -> Result<Vec<T>> {
        self.get(key).map_or(Ok(Vec::new()), Vec::from_json)
    }

    /// Refuses members other than `known`.
    pub fn only(self, known: &[&str]) -> Result<()> {
        match self.0.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            None => Ok(()),
            Some((key, _)) => Err(format!("unknown field `{key}`, expected {}", one_of(known))),
        }
    }
}

/// A unit variant spelled as a string, from its table of names.
pub fn variant<T: Copy>(json: &Json, name: &str, variants: &[(&str, T)]) -> Result<T> {
    match json {
        Json::String(text) => variants
            .iter()
            .find(|(spelling, _)| spelling == text)
            .map(|(_, value)| *value)
            .ok_or_else(|| unknown_variant(text, variants.iter().map(|(spelling, _)| *spelling))),
        other => Err(other.invalid(&format!("enum {name}"))),
    }
}

pub fn unknown_variant<'a>(found: &str, expected: impl Iterator<Item = &'a str>) -> String {
    let expected: Vec<&str> = expected.collect();
    format!("unknown variant `{found}`, expected {}", one_of(&expected))
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`", as serde says it.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.as_slice() {
        [a] => a.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_serde() {
        let json = parse(r#"{"a": 1, "b": "x", "a": 2.5, "n": null, "l": [1, 2]}"#).unwrap();
        let object = json.object("T").unwrap();
        assert_eq!(object.req::<f64>("a"), Ok(2.5));
        assert_eq!(object.req::<u32>("a"), Err("invalid value: number `2.5`, expected u32".into()));
        assert_eq!(object.req::<f64>("b"), Err("invalid type: string \"x\", expected f64".into()));
        assert_eq!(object.req::<String>("z"), Err("missing field `z`".into()));
        assert_eq!(object.opt::<String>("n"), Ok(None));
        assert_eq!(object.list::<u32>("l"), Ok(vec![1, 2]));
        assert_eq!(object.list::<u32>("none"), Ok(vec![]));
        assert_eq!(object.only(&["a", "b", "l"]), Err("unknown field `n`, expected one of `a`, `b`, `l`".into()));
        assert_eq!(variant(&Json::String("c".into()), "E", &[("a", 1), ("b", 2)]), Err("unknown variant `c`, expected `a` or `b`".into()));
        assert!(parse("<html>").is_err());
    }
}
