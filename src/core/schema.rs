//! The feed's JSON Schema (`public/feed.schema.json`) applied to a feed, so that
//! `feed-check` reports what editors validating with the schema report: unknown and
//! misspelled fields, missing required fields, wrong types and values. One truth for
//! the format: the checker reads the very schema it is published with.
//!
//! It knows the keywords that schema uses: `$ref` (to `#/$defs/…`), `oneOf` (chosen by
//! a `type` const, as `When` does), `anyOf` (chosen by the value's JSON type, as `Text`
//! does), `type`, `const`, `enum`, `properties`, `required`, `minProperties`,
//! `additionalProperties: false`, `items`, `minItems`, `uniqueItems`, `minLength`,
//! `pattern`, `minimum` and `maximum`. `format` is left to the validation of the loaded
//! feed, which checks dates and links by meaning rather than by shape. Native only (the
//! regex engine stays out of the wasm).

use super::validate::{Problem, ProblemKind};
use serde_json::{Map, Value as Json};

/// Every problem the schema finds in `feed`, each with its JSON path.
pub fn check(schema: &Json, feed: &Json) -> Vec<Problem> {
    let mut problems = Vec::new();
    Walk { root: schema, problems: &mut problems, patterns: Default::default() }.node(schema, feed, "");
    problems
}

struct Walk<'a, 'p> {
    root: &'a Json,
    problems: &'p mut Vec<Problem>,
    /// Each `pattern` compiled once per check: a feed has thousands of strings.
    patterns: std::collections::HashMap<&'a str, Option<regex::Regex>>,
}

fn member<'a>(json: &'a Json, key: &str) -> Option<&'a Json> {
    json.as_object()?.get(key)
}

fn number(json: Option<&Json>) -> Option<f64> {
    json?.as_f64()
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

fn has_type(value: &Json, wanted: &str) -> bool {
    match (wanted, value) {
        ("integer", Json::Number(n)) => n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0),
        (wanted, value) => wanted == type_name(value) || (wanted == "number" && matches!(value, Json::Number(_))),
    }
}

fn text_of(value: &Json) -> String {
    match value {
        Json::String(s) => format!("\"{s}\""),
        Json::Number(n) => n.to_string(),
        Json::Bool(b) => b.to_string(),
        other => type_name(other).to_owned(),
    }
}

impl<'a> Walk<'a, '_> {
    fn report(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    /// `#/$defs/Name` in the schema.
    fn resolve(&self, reference: &str) -> Option<&'a Json> {
        let name = reference.strip_prefix("#/$defs/")?;
        member(member(self.root, "$defs")?, name)
    }

    fn node(&mut self, schema: &'a Json, value: &Json, path: &str) {
        if let Some(Json::String(reference)) = member(schema, "$ref") {
            if let Some(target) = self.resolve(reference) {
                self.node(target, value, path);
            }
        }
        if let Some(Json::Array(branches)) = member(schema, "oneOf") {
            self.one_of(branches, value, path);
        }
        if let Some(Json::Array(branches)) = member(schema, "anyOf") {
            match branches.iter().find(|b| member(b, "type").and_then(Json::as_str).is_some_and(|t| has_type(value, t)))
            {
                Some(branch) => self.node(branch, value, path),
                None => {
                    let names: Vec<&str> = branches.iter().filter_map(|b| member(b, "type")?.as_str()).collect();
                    let found = type_name(value);
                    self.report(
                        path,
                        ProblemKind::Malformed(format!("expected {}, found {found}", names.join(" or "))),
                    );
                }
            }
        }
        if let Some(Json::String(wanted)) = member(schema, "type") {
            if !has_type(value, wanted) {
                self.report(path, ProblemKind::Malformed(format!("expected {wanted}, found {}", type_name(value))));
                return;
            }
        }
        if let Some(expected) = member(schema, "const") {
            if expected != value {
                self.report(
                    path,
                    ProblemKind::Malformed(format!("expected {}, found {}", text_of(expected), text_of(value))),
                );
            }
        }
        if let Some(Json::Array(allowed)) = member(schema, "enum") {
            if !allowed.contains(value) {
                let names: Vec<String> = allowed.iter().map(text_of).collect();
                self.report(
                    path,
                    ProblemKind::Malformed(format!("{} is not one of {}", text_of(value), names.join(", "))),
                );
            }
        }
        match value {
            Json::Object(members) => self.object(schema, members, path),
            Json::Array(items) => self.array(schema, items, path),
            Json::String(text)
                if number(member(schema, "minLength")).is_some_and(|n| (text.chars().count() as f64) < n) =>
            {
                self.report(path, ProblemKind::EmptyText);
            }
            Json::String(text) => self.pattern(schema, text, path),
            Json::Number(n) => {
                let n = n.as_f64().unwrap_or(f64::NAN);
                let below = number(member(schema, "minimum")).is_some_and(|min| n < min);
                let above = number(member(schema, "maximum")).is_some_and(|max| n > max);
                if below || above {
                    let bound = |key| member(schema, key).map_or("…".to_owned(), text_of);
                    self.report(
                        path,
                        ProblemKind::Malformed(format!("{n} is outside {}…{}", bound("minimum"), bound("maximum"))),
                    );
                }
            }
            _ => {}
        }
    }

    /// A string against the schema's `pattern`, if it has one: ECMA-262 as JSON Schema
    /// says, whose `\d` is an ASCII digit (Rust's is any Unicode digit).
    fn pattern(&mut self, schema: &'a Json, text: &str, path: &str) {
        let Some(Json::String(pattern)) = member(schema, "pattern") else { return };
        let compiled =
            self.patterns.entry(pattern).or_insert_with(|| regex::Regex::new(&pattern.replace("\\d", "[0-9]")).ok());
        if compiled.as_ref().is_some_and(|re| !re.is_match(text)) {
            self.report(
                path,
                ProblemKind::Malformed(format!(
                    "{} does not have the form {pattern}",
                    text_of(&Json::String(text.to_owned()))
                )),
            );
        }
    }

    /// The branch whose `type` const the value names; if none, say which types there are.
    fn one_of(&mut self, branches: &'a [Json], value: &Json, path: &str) {
        let resolved: Vec<&'a Json> = branches
            .iter()
            .filter_map(|b| match member(b, "$ref") {
                Some(Json::String(r)) => self.resolve(r),
                _ => Some(b),
            })
            .collect();
        let tag = |branch: &'a Json| member(member(branch, "properties")?, "type").and_then(|t| member(t, "const"));
        let given = member(value, "type");
        match resolved.iter().copied().find(|b| given.is_some() && tag(b) == given) {
            Some(branch) => self.node(branch, value, path),
            None => {
                let names: Vec<String> = resolved.iter().filter_map(|b| tag(b)).map(text_of).collect();
                let at = if given.is_some() { child(path, "type") } else { path.to_owned() };
                let found = given.map_or("nothing".to_owned(), text_of);
                self.report(
                    &at,
                    ProblemKind::Malformed(format!("type must be one of {}, found {found}", names.join(", "))),
                );
            }
        }
    }

    fn object(&mut self, schema: &'a Json, members: &Map<String, Json>, path: &str) {
        let properties = member(schema, "properties");
        if number(member(schema, "minProperties")).is_some_and(|n| (members.len() as f64) < n) {
            self.report(path, ProblemKind::Malformed("expected at least one member".into()));
        }
        if let Some(Json::Array(required)) = member(schema, "required") {
            for name in required.iter().filter_map(|r| if let Json::String(s) = r { Some(s) } else { None }) {
                if !members.contains_key(name.as_str()) {
                    self.report(&child(path, name), ProblemKind::Missing);
                }
            }
        }
        let closed = matches!(member(schema, "additionalProperties"), Some(Json::Bool(false)));
        let known: Vec<&str> = match properties {
            Some(Json::Object(props)) => props.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        for (key, value) in members {
            match properties.and_then(|p| member(p, key)) {
                Some(sub) => self.node(sub, value, &child(path, key)),
                None if closed => {
                    let suggestion = closest(key, &known).map(str::to_owned);
                    self.report(&child(path, key), ProblemKind::UnknownField { field: key.clone(), suggestion });
                }
                None => {}
            }
        }
    }

    fn array(&mut self, schema: &'a Json, items: &[Json], path: &str) {
        if number(member(schema, "minItems")).is_some_and(|n| (items.len() as f64) < n) {
            self.report(
                path,
                ProblemKind::Malformed(format!(
                    "expected at least {} item(s)",
                    text_of(member(schema, "minItems").unwrap_or(&Json::Null))
                )),
            );
        }
        // Repeats are looked for in the short lists that ask for it (speakers, topics).
        if matches!(member(schema, "uniqueItems"), Some(Json::Bool(true))) && items.len() <= 1000 {
            for (i, item) in items.iter().enumerate() {
                if items[..i].contains(item) {
                    self.report(path, ProblemKind::Malformed(format!("{} is repeated (item {i})", text_of(item))));
                }
            }
        }
        if let Some(item_schema) = member(schema, "items") {
            for (i, item) in items.iter().enumerate() {
                self.node(item_schema, item, &format!("{path}[{i}]"));
            }
        }
    }
}

/// The known name a misspelled one was probably meant to be: within two edits, and
/// closer than a third of its length.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let limit = (name.chars().count() / 3).clamp(1, 2);
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Edits between two names over characters, a swap of neighbours counting as one
/// ("titel" is one edit from "title"): the optimal string alignment distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_find_their_field() {
        assert_eq!(edit_distance("sumary", "summary"), 1);
        assert_eq!(closest("sumary", &["summary", "sessions", "title"]), Some("summary"));
        assert_eq!(closest("foo", &["summary", "title"]), None);
        assert_eq!(closest("titel", &["title", "when"]), Some("title"));
    }
}
