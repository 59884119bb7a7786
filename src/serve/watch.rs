//! Watching the site for edits: `content/`, `static/`, `themes/` and `site.yaml`, debounced,
//! with editor droppings (swap files, backups, lock files) and everything else below the root
//! (the output folder `public/`, `target/`, `.git/`) left out. Each batch of relevant changes goes to the
//! build loop as [`Changes`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};
use tokio::sync::mpsc::UnboundedSender;

use crate::i18n::{Lang, Message};
use crate::msg;

/// How long a file must stay quiet before its change is passed on. Long enough to see an
/// editor's save (write a temporary file, rename it) as one change; short, because it adds
/// to every save-to-reload time.
const DEBOUNCE: Duration = Duration::from_millis(50);
/// How often the debouncer looks for quiet files.
const TICK: Duration = Duration::from_millis(10);

/// The folders watched recursively, relative to the root.
const FOLDERS: [&str; 3] = ["content", "static", "themes"];
const CONFIG: &str = "site.yaml";

/// What changed since the last build: paths relative to the root, `/`-separated, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub paths: BTreeSet<String>,
    /// The watcher lost events: anything may have changed.
    pub rescan: bool,
}

impl Changes {
    pub fn merge(&mut self, other: Changes) {
        self.paths.extend(other.paths);
        self.rescan |= other.rescan;
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan
    }
}

/// The running watcher; dropping it stops watching.
pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    /// Which of [`FOLDERS`] are being watched.
    watching: [bool; 3],
    /// The editor's language, for the warnings this prints.
    lang: Lang,
}

impl Watcher {
    /// Starts watching `root` (canonical); relevant changes are sent to `tx`. Warnings are
    /// printed in `lang`.
    pub fn start(
        root: &Path,
        tx: UnboundedSender<Changes>,
        lang: Lang,
    ) -> Result<Watcher, Message> {
        let base = root.to_path_buf();
        let handler = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let changes = relevant(&base, &events);
                if !changes.is_empty() {
                    // The build loop has gone only when the server is stopping.
                    let _ = tx.send(changes);
                }
            }
            Err(errors) => {
                for e in errors {
                    let warning = msg!(
                        "serve-watch-error",
                        folder = folder(&base),
                        why = e.to_string()
                    );
                    eprintln!("warning: {}", warning.render(lang));
                }
            }
        };
        let cannot_watch =
            |e: notify_debouncer_full::notify::Error| cannot_watch(root, &e.to_string());
        let mut debouncer = new_debouncer(DEBOUNCE, Some(TICK), handler).map_err(cannot_watch)?;
        // The root itself, not recursively: `site.yaml`, and `content/` or `themes/` appearing.
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(cannot_watch)?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
            watching: [false; 3],
            lang,
        };
        watcher.refresh(&Changes::default());
        Ok(watcher)
    }

    /// Watches `content/`, `static/` and `themes/` again when they were created or replaced.
    pub fn refresh(&mut self, changes: &Changes) {
        for (i, folder) in FOLDERS.iter().enumerate() {
            let path = self.root.join(folder);
            if !path.is_dir() {
                self.watching[i] = false;
                continue;
            }
            if self.watching[i] && !changes.paths.contains(*folder) && !changes.rescan {
                continue;
            }
            let _ = self.debouncer.unwatch(&path);
            self.watching[i] = match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                Ok(()) => true,
                Err(e) => {
                    let warning = cannot_watch(&path, &e.to_string());
                    eprintln!("warning: {}", warning.render(self.lang));
                    false
                }
            };
        }
    }
}

/// A folder as the warnings name it.
fn folder(path: &Path) -> String {
    path.display().to_string()
}

/// "cannot watch `path` for changes", with the system's reason.
fn cannot_watch(path: &Path, why: &str) -> Message {
    msg!("serve-cannot-watch", folder = folder(path), why)
}

/// The changes among `events` that can affect the site.
fn relevant(root: &Path, events: &[DebouncedEvent]) -> Changes {
    let mut changes = Changes::default();
    for event in events {
        if event.need_rescan() {
            changes.rescan = true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            continue;
        }
        for path in &event.paths {
            if let Some(rel) = site_path(root, path) {
                changes.paths.insert(rel);
            }
        }
    }
    changes
}

/// `path` relative to `root`, when it is part of the site's input.
fn site_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?;
    let input = FOLDERS.contains(&first.as_str()) || (parts.len() == 1 && first == CONFIG);
    // `static/` is published as it is, its hidden files (`.well-known/`) too.
    let dropped = |p: &String| {
        if first == crate::source::STATIC_DIR {
            crate::source::is_dropping(p) || p == ".git" || is_editor_file_name(p)
        } else {
            is_editor_file(p)
        }
    };
    (input && !parts.iter().any(dropped)).then(|| parts.join("/"))
}

/// Swap, backup, lock and temporary files of editors, and hidden files (never content).
fn is_editor_file(name: &str) -> bool {
    name.starts_with('.') || is_editor_file_name(name)
}

/// Swap, backup, lock and temporary files of editors.
fn is_editor_file_name(name: &str) -> bool {
    name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".bak",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_input_counts() {
        let root = Path::new("/site");
        let rel = |p: &str| site_path(root, &root.join(p));
        assert_eq!(
            rel("content/berita/x.md").as_deref(),
            Some("content/berita/x.md")
        );
        assert_eq!(
            rel("themes/t/templates/base.html").as_deref(),
            Some("themes/t/templates/base.html")
        );
        assert_eq!(rel("site.yaml").as_deref(), Some("site.yaml"));
        assert_eq!(rel("content").as_deref(), Some("content"));
        assert_eq!(
            rel("static/.well-known/security.txt").as_deref(),
            Some("static/.well-known/security.txt")
        );
        assert_eq!(rel("static/.DS_Store"), None);
        assert_eq!(rel("static/google1234.html.swp"), None);
        assert_eq!(rel("public/index.html"), None);
        assert_eq!(rel("target/debug/warta"), None);
        assert_eq!(rel("notes.txt"), None);
        assert_eq!(
            rel("content/site.yaml").as_deref(),
            Some("content/site.yaml")
        );
        assert_eq!(site_path(root, Path::new("/elsewhere/site.yaml")), None);
    }

    #[test]
    fn editor_files_are_ignored() {
        let root = Path::new("/site");
        for p in [
            "content/berita/.x.md.swp",
            "content/berita/x.md.swp",
            "content/berita/x.md~",
            "content/berita/.#x.md",
            "content/berita/#x.md#",
            "content/berita/4913",
            "content/.git/index",
            "themes/t/templates/base.html___jb_tmp___",
        ] {
            assert_eq!(site_path(root, &root.join(p)), None, "{p}");
        }
    }

    #[test]
    fn merged_changes_keep_every_path_once() {
        let mut a = Changes::default();
        a.paths.insert("content/a.md".into());
        let mut b = Changes::default();
        b.paths.insert("content/a.md".into());
        b.paths.insert("site.yaml".into());
        a.merge(b);
        assert_eq!(a.paths.len(), 2);
        assert!(!a.rescan);
    }
}
