//! The shape of the code, read from `src/`: the house rules that keep warta a one-way house
//! (issue 18). Imports only point down the stage order below, so the import graph has no
//! cycle; no function outside tests is longer than a screenful or two; no file grows into a
//! god module; every module says what it owns.
//!
//! These are tests rather than review comments because the next content type or theme feature
//! is the moment a shortcut (`render` calling up into the build command, a 400-line function
//! with numbered steps) creeps back in.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crate's top-level modules from leaf to top. A module may use (`crate::…`) only modules
/// of an earlier layer; modules of one layer do not use one another.
const LAYERS: &[&[&str]] = &[
    // Words for editors, then the diagnostics that carry them.
    &["i18n"],
    &["diag"],
    // Plain data below every stage: dates, country codes, the files a build produces, the
    // manifest's format, the stage timer.
    &[
        "dates",
        "countries",
        "currencies",
        "artifact",
        "manifest",
        "timing",
    ],
    // The stages, in the order data flows.
    &["source"],
    &["yaml"],
    &["config"],
    &["theme"],
    &["content"],
    &["images"],
    &["markdown"],
    &["render"],
    &["search", "links", "budgets", "output", "published_urls"],
    &["published"],
    &["pipeline"],
    // The commands, then the command line that dispatches them.
    &["build", "diff", "new", "serve"],
    &["check"],
    &["cli"],
];

/// No function outside tests is longer than this many lines.
const MAX_FUNCTION_LINES: usize = 150;
/// No file (code and its unit tests) is longer than this many lines.
const MAX_FILE_LINES: usize = 800;

struct SourceFile {
    /// Path below `src/`, with `/` separators.
    rel: String,
    text: String,
}

fn sources() -> Vec<SourceFile> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<SourceFile>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.map(|e| e.path()).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push(SourceFile { rel, text });
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    assert!(out.len() > 20, "src/ not found at {}", root.display());
    out
}

/// The top-level module a file belongs to (`render/views/page.rs` → `render`); `None` for the
/// crate root files.
fn top_module(rel: &str) -> Option<&str> {
    match rel {
        "lib.rs" | "main.rs" => None,
        _ => Some(rel.split('/').next()?.trim_end_matches(".rs")),
    }
}

/// Whether a file is a unit-test module of its own (`foo/tests.rs`, `foo/tests/…`).
fn is_test_file(rel: &str) -> bool {
    rel.ends_with("/tests.rs") || rel.contains("/tests/")
}

/// The text of a file before its unit tests (`#[cfg(test)] mod tests { … }` at the foot), with
/// line comments removed.
fn code_of(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .map(|line| match line.find("//") {
            // `"https://…"`: a `//` inside a string is not a comment.
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that follow `crate::` in `code`, including each item of a `use crate::{…}` group.
fn crate_references(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        // `$crate::` in a macro is the crate root too; `warta::` outside would not be `crate`.
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.insert(first_ident(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            names.insert(first_ident(&item));
        } else {
            names.insert(first_ident(after));
        }
        rest = after;
    }
    names.remove("");
    names
}

fn first_ident(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Module → the modules it uses.
fn import_graph(files: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<&str> = files.iter().filter_map(|f| top_module(&f.rel)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files.iter().filter(|f| !is_test_file(&f.rel)) {
        let Some(from) = top_module(&file.rel) else {
            continue;
        };
        let uses = graph.entry(from.to_string()).or_default();
        for to in crate_references(&code_of(&file.text)) {
            if to != from && modules.contains(to.as_str()) {
                uses.insert(to);
            }
        }
    }
    graph
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every import points down the layers, so the graph has no cycle, and every module has its
/// place in the order (a new module must say where it stands).
#[test]
fn imports_only_point_down_the_stage_order() {
    let graph = import_graph(&sources());
    let mut wrong = Vec::new();
    for (from, uses) in &graph {
        let Some(own) = layer_of(from) else {
            wrong.push(format!(
                "{from} has no place in LAYERS (tests/it/architecture.rs)"
            ));
            continue;
        };
        for to in uses {
            match layer_of(to) {
                Some(layer) if layer < own => {}
                _ => wrong.push(format!("{from} uses {to}, which is not below it")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The test above sees a real import: a module that uses one above it fails.
#[test]
fn an_upward_import_is_seen() {
    let files = [
        SourceFile {
            rel: "render/mod.rs".into(),
            text: "use crate::{config::Config, diag::{Diagnostic, Diagnostics}};\n\
                   fn f() { crate::build::build(); } // crate::cli::run\n"
                .into(),
        },
        SourceFile {
            rel: "build.rs".into(),
            text: String::new(),
        },
        SourceFile {
            rel: "config.rs".into(),
            text: String::new(),
        },
        SourceFile {
            rel: "diag.rs".into(),
            text: String::new(),
        },
    ];
    let graph = import_graph(&files);
    let uses: Vec<&str> = graph["render"].iter().map(String::as_str).collect();
    assert_eq!(uses, ["build", "config", "diag"]);
}

/// `(file, line, name, length)` of every function outside unit tests.
fn functions(file: &SourceFile) -> Vec<(usize, String, usize)> {
    let code = code_of(&file.text);
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let signature = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ")
            .trim_start_matches("const ")
            .trim_start_matches("async ");
        let Some(name) = signature.strip_prefix("fn ") else {
            continue;
        };
        let name = first_ident(name);
        // rustfmt closes a function's body on a line of its own, at the signature's indent.
        let close = format!("{indent}}}");
        let one_line = line.ends_with('}') || line.ends_with(';');
        let end = if one_line {
            Some(0)
        } else {
            lines[i..].iter().position(|l| *l == close)
        };
        if let Some(len) = end {
            found.push((i + 1, name, len + 1));
        }
    }
    found
}

#[test]
fn no_function_outside_tests_is_longer_than_150_lines() {
    let mut long = Vec::new();
    for file in sources().iter().filter(|f| !is_test_file(&f.rel)) {
        for (line, name, len) in functions(file) {
            if len > MAX_FUNCTION_LINES {
                long.push(format!("src/{}:{line}: fn {name} is {len} lines", file.rel));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these into named steps:\n{}",
        long.join("\n")
    );
}

#[test]
fn a_long_function_is_measured() {
    let body = "    let x = 1;\n".repeat(200);
    let file = SourceFile {
        rel: "x.rs".into(),
        text: format!("//! x\n\npub fn long() {{\n{body}}}\n\nfn short() {{}}\n"),
    };
    let found = functions(&file);
    assert_eq!(found[0], (3, "long".to_string(), 202));
    assert_eq!(found[1].1, "short");
}

#[test]
fn no_file_is_longer_than_800_lines() {
    let long: Vec<String> = sources()
        .iter()
        .map(|f| (f.rel.clone(), f.text.lines().count()))
        .filter(|(_, n)| *n > MAX_FILE_LINES)
        .map(|(rel, n)| format!("src/{rel}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "split these by concern:\n{}",
        long.join("\n")
    );
}

#[test]
fn every_module_says_what_it_owns() {
    let silent: Vec<String> = sources()
        .iter()
        .filter(|f| !f.text.trim_start().starts_with("//!"))
        .map(|f| format!("src/{}", f.rel))
        .collect();
    assert!(
        silent.is_empty(),
        "start these with a `//!` doc:\n{}",
        silent.join("\n")
    );
}
