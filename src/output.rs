//! Output: write the rendered site into a staging folder beside the output folder, copy the
//! content assets, and only when everything is written swap it into place.
//!
//! A failed build therefore never touches the previous `public/`, and a successful one leaves
//! exactly this build's files (nothing stale from earlier builds).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::AssetOut;
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::OutputFile;

/// Refuses output folders that would destroy the site or loop into the content.
pub fn check_target(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let root_abs = abs(root);
    let out_abs = abs(output);
    let bad = out_abs.parent().is_none()
        || out_abs == root_abs
        || root_abs.starts_with(&out_abs)
        || out_abs.starts_with(root_abs.join("content"))
        || out_abs.starts_with(root_abs.join("themes"));
    if bad {
        return Err(Diagnostic::error(
            "output",
            "",
            format!(
                "refusing to write the site into {}: it would replace the site's own files",
                output.display()
            ),
        )
        .with_hint("choose an output folder of its own, e.g. `--output public`"));
    }
    Ok(())
}

/// Writes `files` and `assets` to `output`, replacing what was there only at the end.
pub fn write(
    output: &Path,
    files: &[OutputFile],
    assets: &[AssetOut],
) -> Result<usize, Diagnostics> {
    let mut diags = Diagnostics::new();
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = output.file_name().map_or_else(
        || "public".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Err(err) = std::fs::create_dir_all(&parent) {
        diags.push(io_error(&parent, &err));
        return Err(diags);
    }
    clean_leftovers(&parent, &name);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.warta-staging-{pid}"));
    let old = parent.join(format!(".{name}.warta-old-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);

    let result = fill(&staging, files, assets);
    if let Err(ds) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(ds);
    }
    let count = files.len() + assets.len();
    if output.exists() {
        if let Err(err) = std::fs::rename(output, &old) {
            let _ = std::fs::remove_dir_all(&staging);
            diags.push(io_error(output, &err));
            return Err(diags);
        }
        if let Err(err) = std::fs::rename(&staging, output) {
            // Put the old site back: the build failed, the live site must not.
            let _ = std::fs::rename(&old, output);
            let _ = std::fs::remove_dir_all(&staging);
            diags.push(io_error(output, &err));
            return Err(diags);
        }
        let _ = std::fs::remove_dir_all(&old);
    } else if let Err(err) = std::fs::rename(&staging, output) {
        let _ = std::fs::remove_dir_all(&staging);
        diags.push(io_error(output, &err));
        return Err(diags);
    }
    Ok(count)
}

fn fill(staging: &Path, files: &[OutputFile], assets: &[AssetOut]) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut dirs = BTreeSet::new();
    dirs.insert(staging.to_path_buf());
    let target = |rel: &str| staging.join(rel.trim_start_matches('/'));
    for rel in files
        .iter()
        .map(|f| f.path.as_str())
        .chain(assets.iter().map(|a| a.url.as_str()))
    {
        if let Some(parent) = target(rel).parent() {
            dirs.insert(parent.to_path_buf());
        }
    }
    for dir in &dirs {
        if let Err(err) = std::fs::create_dir_all(dir) {
            diags.push(io_error(dir, &err));
            return Err(diags);
        }
    }
    let errors: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|f| {
            let path = target(&f.path);
            std::fs::write(&path, &f.bytes)
                .err()
                .map(|e| io_error(&path, &e))
        })
        .chain(assets.par_iter().filter_map(|a| {
            let path = target(&a.url);
            std::fs::copy(&a.source, &path)
                .err()
                .map(|e| io_error(&a.source, &e))
        }))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        diags.extend(errors);
        Err(diags)
    }
}

/// Staging and old folders left by a build that was killed.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.warta-staging-");
    let old = format!(".{name}.warta-old-");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with(&staging) || file_name.starts_with(&old) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "io",
        path.display().to_string(),
        format!("cannot write: {err}"),
    )
    .with_hint("check that the output folder is writable and the disk is not full")
}
