//! The module graph runs one way: no import cycle among the modules of `src/core`, nor
//! among those of `src/ui`; and the core stays pure (no browser, no UI framework), so it
//! compiles natively and is tested in seconds.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// A module's path from the crate root: `src/ui/map/marker.rs` is `ui::map::marker`,
/// `src/ui/map/mod.rs` is `ui::map`.
fn module_path(file: &Path) -> Vec<String> {
    let mut path: Vec<String> =
        file.strip_prefix("src").unwrap().iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let last = path.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        path.push(stem.to_owned());
    }
    path
}

/// The source that counts: its unit tests and line comments left out (a test module's
/// `use super::*` names its own file, and a comment names nothing).
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
    text.lines().map(|line| line.split("//").next().unwrap()).collect::<Vec<_>>().join("\n")
}

/// The paths a `use` tree or path names from `at`: `a::{b, c::D}` gives `a::b` and
/// `a::c::D`; `self` and `*` in braces name the prefix itself.
fn paths_at(text: &str, at: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut path = prefix;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            i += 1;
            loop {
                i = paths_at(text, i, path.clone(), out);
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return i + 1;
                }
            }
        }
        let ident = text[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
        if ident.is_empty() || ident == "self" {
            i += usize::from(ident == "self") * 4 + usize::from(text[i..].starts_with('*'));
            out.push(path);
            return skip_alias(text, i);
        }
        i += ident.len();
        path.push(ident);
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            out.push(path);
            return skip_alias(text, i);
        }
    }
}

fn skip_alias(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    match trimmed.strip_prefix("as ") {
        Some(alias) => {
            let name = alias.trim_start();
            let len = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').count();
            text.len() - name.len() + len
        }
        None => at,
    }
}

/// Every module path a file names through `crate::`, `super::` or (in a module with
/// modules of its own) a child's name, resolved from the file's own place.
fn references(module: &[String], children: &[String], text: &str) -> Vec<Vec<String>> {
    let text = code_of(text);
    let mut out = Vec::new();
    let starts_path = |at: usize| {
        let before = text[..at].chars().next_back();
        !matches!(before, Some(c) if c.is_alphanumeric() || c == '_' || c == ':')
    };
    for (at, _) in text.match_indices("crate::").filter(|(at, _)| starts_path(*at)) {
        paths_at(&text, at + "crate::".len(), Vec::new(), &mut out);
    }
    for (at, _) in text.match_indices("super::").filter(|(at, _)| starts_path(*at)) {
        let mut base = module.to_vec();
        let mut i = at;
        while text[i..].starts_with("super::") {
            base.pop();
            i += "super::".len();
        }
        paths_at(&text, i, base, &mut out);
    }
    for child in children {
        let name = format!("{child}::");
        for (at, _) in text.match_indices(&name).filter(|(at, _)| starts_path(*at)) {
            paths_at(&text, at, module.to_vec(), &mut out);
        }
    }
    out
}

/// The modules of one folder: its files and folders, and its own `mod.rs` as `mod`.
fn children(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    found.sort();
    found
}

/// The graph of one folder: which of its modules each of them names. A name that the
/// folder's `mod.rs` re-exports (`pub use x::Y`) counts as naming `x`, not `mod`: a door,
/// not a dependency.
fn graph(dir: &str) -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(dir);
    let here = module_path(&dir.join("mod.rs"));
    let modules = children(dir);
    let names: Vec<String> = modules.iter().map(|(n, _)| n.clone()).filter(|n| n != "mod").collect();
    let own = dir.join("mod.rs");
    let mod_text = fs::read_to_string(&own).map(|t| code_of(&t)).unwrap_or_default();
    let mut doors: BTreeMap<String, String> = BTreeMap::new();
    for line in mod_text.lines().map(str::trim).filter(|l| l.starts_with("pub use ")) {
        let mut named = Vec::new();
        paths_at(line, "pub use ".len(), Vec::new(), &mut named);
        for path in named.into_iter().filter(|p| p.len() >= 2) {
            doors.insert(path.last().unwrap().clone(), path[0].clone());
        }
    }
    let mut graph = BTreeMap::new();
    for (name, path) in &modules {
        let mut files = Vec::new();
        if path.is_dir() {
            collect_files(path, &mut files);
        } else {
            files.push(path.clone());
        }
        let mut uses = std::collections::BTreeSet::new();
        for file in &files {
            let text = fs::read_to_string(file).unwrap();
            let module = module_path(file);
            let own_children = if *file == own { names.clone() } else { Vec::new() };
            for named in references(&module, &own_children, &text) {
                if named.len() <= here.len() || named[..here.len()] != here[..] {
                    continue;
                }
                let first = &named[here.len()];
                let target = if names.contains(first) {
                    first.clone()
                } else if let Some(door) = doors.get(first) {
                    door.clone()
                } else {
                    "mod".to_owned()
                };
                // `mod.rs` forwarding a name is not `mod` using it.
                let forwarding = *file == own && mod_text.contains(&format!("pub use {first}::"));
                if target != *name && !forwarding {
                    uses.insert(target);
                }
            }
        }
        graph.insert(name.clone(), uses.into_iter().collect());
    }
    graph
}

fn collect_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for (_, path) in children(dir) {
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every folder of a layer, the layer itself first.
fn folders(dir: &Path, out: &mut Vec<String>) {
    out.push(dir.to_string_lossy().into_owned());
    for (_, path) in children(dir) {
        if path.is_dir() {
            folders(&path, out);
        }
    }
}

/// A cycle, if the graph has one, as the modules along it.
fn cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = path.iter().position(|n| n == node).unwrap();
                let mut found = path[from..].to_vec();
                found.push(node.to_owned());
                return Some(found);
            }
            _ => {}
        }
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, state, path) {
                return Some(found);
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    graph.keys().find_map(|node| visit(node, graph, &mut state, &mut Vec::new()))
}

#[test]
fn the_core_depends_one_way() {
    let core = graph("src/core");
    assert!(core.len() >= 15, "{core:?}");
    assert_eq!(cycle(&core), None, "{core:#?}");
    // The words come last: i18n may name the model, the model never names i18n.
    for model in ["feed", "validate", "load", "date", "lang", "query", "explore"] {
        assert!(!core[model].contains(&"i18n".to_owned()), "{model} depends on i18n");
    }
}

#[test]
fn the_ui_depends_one_way() {
    let ui = graph("src/ui");
    assert!(ui.contains_key("mount") && ui.contains_key("app"), "{ui:?}");
    assert_eq!(cycle(&ui), None, "{ui:#?}");
}

/// Inside every folder too: a folder's files and its `mod.rs` name each other one way.
#[test]
fn every_folder_depends_one_way() {
    let mut all = Vec::new();
    folders(Path::new("src/core"), &mut all);
    folders(Path::new("src/ui"), &mut all);
    assert!(all.len() >= 5, "{all:?}");
    let circles: Vec<String> =
        all.iter().filter_map(|folder| cycle(&graph(folder)).map(|c| format!("{folder}: {}", c.join(" → ")))).collect();
    assert!(circles.is_empty(), "{circles:#?}");
}

#[test]
fn the_core_never_names_the_ui() {
    let mut all = Vec::new();
    collect_files(Path::new("src/core"), &mut all);
    for file in all {
        let text = fs::read_to_string(&file).unwrap();
        let named = references(&module_path(&file), &[], &text);
        assert!(!named.iter().any(|p| p.first().is_some_and(|m| m == "ui")), "{}", file.display());
    }
}

/// The reader of paths sees what a `use` names, from where it is written.
#[test]
fn references_are_resolved_from_their_file() {
    let module: Vec<String> = ["ui", "timeline", "bars"].map(String::from).to_vec();
    let text = "use super::state::{self, TimelineState as T, AXIS};\nuse super::{day_number, focus_in};\n\
                use crate::core::timeline::{self as tl, Bin};\nfn f() { super::super::intl::x(); }\n\
                // super::commented\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n";
    let named: Vec<String> = references(&module, &[], text).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        named,
        [
            "core::timeline",
            "core::timeline::Bin",
            "ui::timeline::state",
            "ui::timeline::state::TimelineState",
            "ui::timeline::state::AXIS",
            "ui::timeline::day_number",
            "ui::timeline::focus_in",
            "ui::intl::x",
        ]
    );
    let parent: Vec<String> = ["ui", "map"].map(String::from).to_vec();
    let children = ["state".to_owned()];
    let named = references(&parent, &children, "use state::MapState;\nlet s = my_state::x;");
    assert_eq!(named, [["ui", "map", "state", "MapState"].map(String::from).to_vec()]);
}

#[test]
fn the_core_is_pure() {
    let mut all = Vec::new();
    collect_files(Path::new("src/core"), &mut all);
    assert!(all.iter().any(|p| p.components().count() > 3), "its folders are read too: {all:?}");
    for path in all {
        let text = fs::read_to_string(&path).unwrap();
        for browser in ["web_sys", "js_sys", "leptos", "wasm_bindgen"] {
            assert!(!text.contains(browser), "{} names {browser}", path.display());
        }
    }
}

#[test]
fn a_cycle_is_found_where_there_is_one() {
    let mut g = BTreeMap::new();
    g.insert("a".to_owned(), vec!["b".to_owned()]);
    g.insert("b".to_owned(), vec!["c".to_owned()]);
    g.insert("c".to_owned(), vec!["a".to_owned()]);
    assert_eq!(cycle(&g), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    g.insert("c".to_owned(), vec![]);
    assert_eq!(cycle(&g), None);
}

/// Every function of `dir` (recursively) with its length in lines, by its closing brace
/// at the indentation it opened at.
fn function_lengths(dir: &Path, out: &mut Vec<(String, usize)>) {
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            function_lengths(&path, out);
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let signature =
                ["fn ", "pub fn ", "pub(crate) fn ", "async fn ", "pub async fn "].iter().any(|p| body.starts_with(p));
            if !signature || body.ends_with(';') {
                continue;
            }
            let close = format!("{indent}}}");
            if let Some(end) = lines[at..].iter().position(|l| *l == close) {
                out.push((format!("{}:{}", path.display(), at + 1), end + 1));
            }
        }
    }
}

/// Small components: no function of the UI over 120 lines.
#[test]
fn no_ui_function_is_over_120_lines() {
    let mut lengths = Vec::new();
    function_lengths(Path::new("src/ui"), &mut lengths);
    assert!(lengths.len() > 50, "{lengths:?}");
    let long: Vec<_> = lengths.iter().filter(|(_, n)| *n > 120).collect();
    assert!(long.is_empty(), "{long:?}");
}

/// Every sort in code the wasm carries goes through `core::order`: each `sort_by` of its
/// own element and closure type is compiled anew, some 3 KB of wasm apiece (nine had crept
/// back in, 34 KB of the wasm's code, before this test).
#[test]
fn sorts_go_through_one_function() {
    let mut all = Vec::new();
    collect_files(Path::new("src/core"), &mut all);
    collect_files(Path::new("src/ui"), &mut all);
    // Natively only: the importer and the schema checker are not in the atlas' wasm.
    let native = |path: &Path| path.starts_with("src/core/import") || path.ends_with("schema.rs");
    let mut found = Vec::new();
    for path in all.iter().filter(|p| !p.ends_with("order.rs") && !native(p)) {
        let code = code_of(&fs::read_to_string(path).unwrap());
        for (n, line) in code.lines().enumerate() {
            if [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable", ".sort_by_cached_key("]
                .iter()
                .any(|s| line.contains(s))
            {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "sorts outside core::order:\n{}", found.join("\n"));
}
