//! A parsed JSON document, and the few readers the feed model needs.
//!
//! The parser is our own, small and strict (RFC 8259), and runs both natively and in
//! the wasm: no per-type deserialization code, and in the browser no value-by-value
//! crossing from JavaScript, which cost more than half a second for a 10,000-event feed.
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

/// How deep arrays and objects may nest, as in serde_json: deeper is refused, not a stack overflow.
pub const MAX_DEPTH: usize = 128;

/// Objects this large find repeated keys through a hash index instead of a scan.
const INDEX_FROM_MEMBERS: usize = 32;

/// Parses JSON text; the error says what was wrong and where ("… at line 3 column 7").
pub fn parse(text: &str) -> Result<Json, String> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(open @ (b'[' | b'{')) => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.at += 1;
                if open == b'[' {
                    self.array(depth)
                } else {
                    self.object(depth)
                }
            }
            Some(_) => Err(self.error("expected value")),
        }
    }

    /// After `[`.
    fn array(&mut self, depth: usize) -> Result<Json, String> {
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// After `{`.
    fn object(&mut self, depth: usize) -> Result<Json, String> {
        let mut members: Vec<(String, Json)> = Vec::new();
        // Repeated keys are found by a scan while objects are small, and through an index
        // once they are not: a 200,000-key object must not cost 200,000² comparisons.
        let mut index: Option<std::collections::HashMap<String, usize>> = None;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            if index.is_none() && members.len() >= INDEX_FROM_MEMBERS {
                index = Some(members.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect());
            }
            let repeated = match &index {
                Some(index) => index.get(&key).copied(),
                None => members.iter().position(|(k, _)| *k == key),
            };
            match repeated {
                Some(at) => members[at].1 = value,
                None => {
                    if let Some(index) = &mut index {
                        index.insert(key.clone(), members.len());
                    }
                    members.push((key, value));
                }
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// At `"`: the string, escapes decoded.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let run = self.bytes[self.at..].iter().position(|b| matches!(b, b'"' | b'\\' | 0..=0x1f));
            let Some(run) = run else {
                self.at = self.bytes.len();
                return Err(self.error("EOF while parsing a string"));
            };
            // The input is a &str and the run stops at ASCII bytes: always whole characters.
            out.push_str(std::str::from_utf8(&self.bytes[self.at..self.at + run]).unwrap_or_default());
            self.at += run;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.peek().ok_or_else(|| self.error("EOF while parsing a string"))?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.error("invalid escape")),
                    }
                }
                _ => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// After `\u`: one character, from a surrogate pair if need be.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(self.error("unexpected end of hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("EOF while parsing a string"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("invalid escape"))?;
        let code = u32::from_str_radix(text, 16).map_err(|_| self.error("invalid escape"))?;
        self.at += 4;
        Ok(code)
    }

    /// At `-` or a digit: the grammar checked here, the value computed by Rust's own
    /// correctly rounded float parser.
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |parser: &mut Self| {
            let from = parser.at;
            while let Some(b'0'..=b'9') = parser.peek() {
                parser.at += 1;
            }
            parser.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.bytes[self.at - whole] == b'0') {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Json::Number(number)),
            _ => Err(self.error("number out of range")),
        }
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

impl FromJson for bool {
    fn from_json(json: &Json) -> Result<Self> {
        match json {
            Json::Bool(value) => Ok(*value),
            other => Err(other.invalid("a boolean")),
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
        assert_eq!(
            variant(&Json::String("c".into()), "E", &[("a", 1), ("b", 2)]),
            Err("unknown variant `c`, expected `a` or `b`".into())
        );
        assert!(parse("<html>").is_err());
    }
}
