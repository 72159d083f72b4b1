//! The module graph runs one way: no import cycle among the modules of `src/core`, nor
//! among those of `src/ui`; and the core stays pure (no browser, no UI framework), so it
//! compiles natively and is tested in seconds.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Each module of `dir` (a file, or a folder with its own files) and the sibling modules
/// its source names as `super::x` or `crate::<layer>::x`.
fn graph(dir: &str, layer: &str) -> BTreeMap<String, Vec<String>> {
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "mod" {
            continue;
        }
        let text = if path.is_dir() { read_tree(&path) } else { fs::read_to_string(&path).unwrap() };
        sources.insert(name, text);
    }
    let names: Vec<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(name, text)| {
            let uses = names
                .iter()
                .filter(|other| *other != name)
                .filter(|other| {
                    let direct = format!("super::{other}");
                    let from_root = format!("crate::{layer}::{other}");
                    // A folder's files reach their siblings' parent as `super::super::x`.
                    text.match_indices(&direct).chain(text.match_indices(&from_root)).any(|(at, found)| {
                        !text[at + found.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                })
                .cloned()
                .collect();
            (name.clone(), uses)
        })
        .collect()
}

fn read_tree(dir: &Path) -> String {
    let mut text = String::new();
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        text += &if path.is_dir() { read_tree(&path) } else { fs::read_to_string(&path).unwrap() };
    }
    text
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
    let core = graph("src/core", "core");
    assert!(core.len() >= 15, "{core:?}");
    assert_eq!(cycle(&core), None, "{core:#?}");
    // The words come last: i18n may name the model, the model never names i18n.
    for model in ["feed", "validate", "load", "date", "lang", "query", "explore"] {
        assert!(!core[model].contains(&"i18n".to_owned()), "{model} depends on i18n");
    }
}

#[test]
fn the_ui_depends_one_way() {
    let ui = graph("src/ui", "ui");
    assert!(ui.contains_key("mount") && ui.contains_key("app"), "{ui:?}");
    assert_eq!(cycle(&ui), None, "{ui:#?}");
}

/// Every file under `dir`, folders included.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn the_core_is_pure() {
    let mut all = Vec::new();
    files(Path::new("src/core"), &mut all);
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
