//! mdfloor: the Markdown floor of `bench/compare.sh`.
//!
//! Reads every `*.md` file under the given folder into memory, strips the YAML front matter
//! (`---` … `---`), then — timed — parses and renders every body to HTML with pulldown-cmark,
//! on one thread, with the options warta uses (`src/markdown/mod.rs`). Prints one line:
//!
//! `mdfloor files=N bytes=B seconds=S mb_per_s=R html_bytes=H`
//!
//! usage: mdfloor CONTENT_DIR [REPEAT]   (REPEAT: render the corpus that many times, best kept)

use std::path::Path;
use std::time::Instant;

use pulldown_cmark::{Options, Parser, html};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

fn collect(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}

/// The body after a leading `---` … `---` block (the whole text when there is none).
fn body(text: &str) -> &str {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &text[offset..];
        }
    }
    text
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: mdfloor CONTENT_DIR [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    let mut texts = Vec::new();
    if let Err(err) = collect(Path::new(&dir), &mut texts) {
        eprintln!("mdfloor: cannot read {dir}: {err}");
        std::process::exit(1);
    }
    if texts.is_empty() {
        eprintln!("mdfloor: no .md files under {dir}");
        std::process::exit(1);
    }
    let bodies: Vec<&str> = texts.iter().map(|t| body(t)).collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();

    let mut best = f64::INFINITY;
    let mut html_bytes = 0usize;
    let mut out = String::new();
    for _ in 0..repeat {
        html_bytes = 0;
        let start = Instant::now();
        for b in &bodies {
            out.clear();
            html::push_html(&mut out, Parser::new_ext(b, options()));
            html_bytes += out.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "mdfloor files={} bytes={} seconds={:.4} mb_per_s={:.1} html_bytes={}",
        bodies.len(),
        bytes,
        best,
        bytes as f64 / 1e6 / best,
        html_bytes
    );
}
