//! Fast rebuilds for `serve`: when the only changes are to the text of existing pages (the
//! Markdown body, or `title` / `description` in the front matter), re-render those pages and
//! the outputs that show them — their translations (language switch), the section and tag
//! list pages they sit on, the home page and the feeds of their language, their alias pages —
//! instead of the whole site; then check the links of the changed bodies, and the links of
//! every other body that points into them (headings, and so `#anchors`, may have changed).
//!
//! Anything else returns `None` and the caller runs the full build: a new, renamed or
//! deleted file, a change to any other front matter field (dates, slug, tags and drafts move
//! pages between lists), a section index, a template, `site.yaml`, a new image or a newly
//! linked file (only linked files are published), a new day (future-dated pages may come
//! out), and any error at all, so that errors are always
//! reported by the full build, all of them, exactly as `warta build` would. The fast path
//! only takes changes whose result it can compute exactly; the full build stays the
//! reference (a test compares the two).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::artifact::OutputFile;
use crate::config::Config;
use crate::content::{Body, ContentGraph, PageId};
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::links::{self, SiteIndex};
use crate::markdown::{self, LinkRef, SiteContext};
use crate::pipeline::{self, BuiltSite, Options};
use crate::render::{self, Bodies};
use crate::source::SourceFile;
use crate::theme::Theme;
use crate::timing::Stopwatch;
use crate::{content::frontmatter, source};

use super::site::ServedFiles;

/// Front matter fields whose change the fast path can follow: they show on the page and in
/// the lists and feeds it is in, and move nothing.
const TEXT_FIELDS: &[&str] = &["title", "description"];

/// What a full build leaves for the next fast rebuild.
pub struct Session {
    config: Config,
    theme: Theme,
    graph: ContentGraph,
    bodies: Bodies,
    today: Date,
    /// The warnings of the site as it now stands.
    warnings: Diagnostics,
    /// Source file (`content/berita/x.md`) → its page.
    by_file: HashMap<String, PageId>,
}

/// The result of a fast rebuild.
pub struct Update {
    /// The site with the re-rendered files in place.
    pub site: ServedFiles,
    /// The warnings of the whole site after the change.
    pub warnings: Diagnostics,
    /// Those of the changed files (the only ones that can be new).
    pub fresh: Diagnostics,
    /// How many outputs were rendered again.
    pub rendered: usize,
}

impl Session {
    /// Splits a full build into the site to serve and the session that can update it.
    pub fn start(built: BuiltSite) -> (ServedFiles, Session) {
        let pages = built.pages.iter().map(|(_, n)| n).sum();
        let site = ServedFiles::new(built.files, built.assets, &built.config, pages);
        let by_file = built
            .graph
            .pages
            .iter()
            .enumerate()
            .map(|(id, p)| (p.file().to_string(), id))
            .collect();
        let session = Session {
            config: built.config,
            theme: built.theme,
            graph: built.graph,
            bodies: built.bodies,
            today: built.today,
            warnings: built.diagnostics,
            by_file,
        };
        (site, session)
    }

    /// Re-renders what `changed` (paths relative to `opts.root`) affects, on top of `site`;
    /// `None` when the change needs a full build, as on a new day (`opts.today` is not the
    /// date of the last full build). On `None` the session may be half-updated: drop it (the
    /// full build makes a new one).
    pub fn update(
        &mut self,
        opts: &Options,
        changed: &BTreeSet<String>,
        site: &ServedFiles,
    ) -> Option<Update> {
        if changed.is_empty() || opts.today != self.today {
            return None;
        }
        let mut clock = Stopwatch::new(opts.timings, "fast ");
        let mut ids = Vec::new();
        let mut fresh = Diagnostics::new();
        for path in changed {
            let id = *self.by_file.get(path)?;
            fresh.extend(self.reread(&opts.root, path, id)?);
            ids.push(id);
        }
        clock.lap("read");
        for &id in &ids {
            fresh.extend(self.rerender_body(id)?);
        }
        clock.lap("markdown");
        let (files, ds) = render::render_affected(
            &self.config,
            &self.theme,
            &self.graph,
            &self.bodies,
            self.today,
            &ids,
            &mut clock,
        );
        if ds.has_errors() {
            return None;
        }
        fresh.extend(ds);
        let rendered = files.len();
        clock.lap("templates");
        let touched: HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let site = site.with(files);
        clock.lap("site");
        let link_problems = self.check_links(&site, &ids, &touched);
        clock.lap("links");
        if link_problems.iter().any(Diagnostic::is_error) {
            return None;
        }
        fresh.extend(link_problems);
        let warnings = self.replace_warnings(changed, &fresh);
        clock.lap("warnings");
        Some(Update {
            site,
            warnings,
            fresh,
            rendered,
        })
    }

    /// The search index of the site as it now stands (slower than the rest: the caller runs it
    /// after the page has reloaded).
    pub fn search_files(&self) -> Vec<OutputFile> {
        pipeline::search_index(&self.config, &self.graph, &self.bodies)
    }

    /// The warnings of the site after a change: those of the unchanged files, then the changed
    /// files' new ones (`fresh`). Kept for the next change.
    fn replace_warnings(&mut self, changed: &BTreeSet<String>, fresh: &Diagnostics) -> Diagnostics {
        let mut warnings: Diagnostics = Diagnostics::new();
        warnings.extend(
            self.warnings
                .iter()
                .filter(|d| !changed.contains(&d.file))
                .cloned(),
        );
        warnings.extend(fresh.iter().cloned());
        self.warnings = warnings.clone();
        warnings
    }

    /// Reads a changed page again; `None` unless only its text changed.
    fn reread(&mut self, root: &Path, path: &str, id: PageId) -> Option<Diagnostics> {
        let bytes = std::fs::read(root.join(path)).ok()?;
        let text = source::decode_utf8(path, bytes).ok()?;
        let file = SourceFile::new(path, text);
        let page = self.graph.pages.get(id)?;
        let split = frontmatter::split(&file).ok()?;
        let old = frontmatter::split(&page.body.file).ok()?;
        if structure(split.yaml)? != structure(old.yaml)? {
            return None;
        }
        let (fm, mut warnings) =
            frontmatter::parse_page(&file, &split, page.content_type, self.today).ok()?;
        // Sample text or `TRANSLATE:` left in a page: the full build reports it.
        warnings.extend(crate::content::scaffold::check(
            &file,
            &fm,
            split.body_start,
        ));
        if warnings.iter().any(Diagnostic::is_error) {
            return None;
        }
        let start = split.body_start;
        let page = self.graph.pages.get_mut(id)?;
        page.fm = fm;
        page.body = Body {
            file: Arc::new(file),
            start,
        };
        Some(warnings)
    }

    /// Renders a page's Markdown again; `None` on errors or when it shows a new image or links
    /// another file (images are processed, and linked files published, by the full build).
    fn rerender_body(&mut self, id: PageId) -> Option<Diagnostics> {
        let page = self.graph.pages.get(id)?;
        let links = SiteContext::new(&self.graph, &self.config, &self.bodies.catalog);
        let (rendered, diags) = markdown::render_page(page, &links);
        if diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        let old = self.bodies.pages.get(id)?;
        let images = |r: &markdown::Rendered| -> BTreeSet<String> {
            r.images.iter().map(|i| i.rel.clone()).collect()
        };
        let files =
            |r: &markdown::Rendered| -> BTreeSet<String> { r.files.iter().cloned().collect() };
        if images(&rendered) != images(old) || files(&rendered) != files(old) {
            return None;
        }
        *self.bodies.pages.get_mut(id)? = rendered;
        Some(diags)
    }

    /// Checks the links of the changed bodies, and every link of another body into a file
    /// rendered again.
    fn check_links(
        &self,
        site: &ServedFiles,
        ids: &[PageId],
        touched: &HashSet<String>,
    ) -> Diagnostics {
        let index = SiteIndex::from_pairs(site.files(), site.asset_urls());
        // A link from elsewhere can only break by its `#anchor`: the files themselves remain.
        let into_touched = |l: &&LinkRef| {
            l.url.contains('#') && {
                let path = l.url.split(['#', '?']).next().unwrap_or("");
                touched.contains(&crate::artifact::url_to_path(path))
            }
        };
        // The changed pages' links all; those of the other bodies (pages, section indexes,
        // homes) only into what was re-rendered.
        let mut owned: Vec<(&str, Vec<LinkRef>)> = Vec::new();
        for body in pipeline::bodies_with_sources(&self.graph, &self.bodies) {
            let links: Vec<LinkRef> = match body.page {
                Some(id) if ids.contains(&id) => body.rendered.links.clone(),
                _ => body
                    .rendered
                    .links
                    .iter()
                    .filter(into_touched)
                    .cloned()
                    .collect(),
            };
            if !links.is_empty() {
                owned.push((body.file, links));
            }
        }
        let per_body: Vec<(&str, &[LinkRef])> =
            owned.iter().map(|(f, l)| (*f, l.as_slice())).collect();
        links::check_markdown_links(&index, &per_body)
    }
}

/// The front matter without its text fields, to compare two versions of a page: equal when
/// only the text changed. `None` when it does not parse (the full build says why).
fn structure(yaml: &str) -> Option<serde_yaml::Value> {
    let mut value: serde_yaml::Value = serde_yaml::from_str(yaml).ok()?;
    if let Some(map) = value.as_mapping_mut() {
        for key in TEXT_FIELDS {
            map.remove(*key);
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    /// A copy of the example site (content and site.yaml; the embedded theme).
    fn example_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
        for entry in walkdir::WalkDir::new(repo.join("content")) {
            let entry = entry.expect("walk");
            let rel = entry.path().strip_prefix(repo).expect("inside");
            let to = dir.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        dir
    }

    fn options(root: PathBuf) -> Options {
        Options::new(root, Date::today())
    }

    fn served(site: &ServedFiles) -> BTreeMap<String, Vec<u8>> {
        site.files()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect()
    }

    type Files = BTreeMap<String, Vec<u8>>;

    /// Edits `file` with `edit`, runs the fast path, and returns its result (with the search
    /// index refreshed, as serve does right after) and the full build's.
    fn edit(file: &str, edit: impl Fn(&str) -> String) -> (Option<(Files, usize)>, Option<Files>) {
        let dir = example_site();
        let root = dir.path();
        let opts = options(root.to_path_buf());
        let built = pipeline::generate(&opts).expect("builds");
        let (site, mut session) = Session::start(built);
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = edit(&text);
        assert_ne!(text, changed, "the edit changes the file");
        std::fs::write(&path, changed).expect("write");
        let update = session
            .update(&opts, &BTreeSet::from([file.to_string()]), &site)
            .map(|u| {
                let with_search = u.site.with(session.search_files());
                (served(&with_search), u.rendered)
            });
        let reference = pipeline::generate(&opts)
            .ok()
            .map(|g| g.files.into_iter().map(|f| (f.path, f.bytes)).collect());
        (update, reference)
    }

    fn assert_same(fast: &BTreeMap<String, Vec<u8>>, full: &BTreeMap<String, Vec<u8>>) {
        let paths = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(paths(fast), paths(full));
        for (path, bytes) in full {
            assert!(
                fast.get(path) == Some(bytes),
                "{path} differs from the full build"
            );
        }
    }

    #[test]
    fn a_body_edit_renders_only_what_shows_the_page_and_equals_a_full_build() {
        let file = "content/berita/2024-11-22-sosialisasi-banten.md";
        let (fast, full) = edit(file, |t| {
            format!("{t}\n## Jadwal berikutnya\n\nSosialisasi berikutnya diumumkan di laman ini.\n")
        });
        let (fast, rendered) = fast.expect("a body edit takes the fast path");
        let full = full.expect("the full build succeeds");
        assert_same(&fast, &full);
        let all = full.keys().filter(|p| p.ends_with(".html")).count();
        assert!(
            rendered > 1 && rendered * 4 < all,
            "{rendered} of {all} re-rendered"
        );
        let page =
            String::from_utf8_lossy(&fast["berita/sosialisasi-banten/index.html"]).into_owned();
        assert!(
            page.contains("id=\"jadwal-berikutnya\""),
            "the new heading is there"
        );
    }

    #[test]
    fn a_title_edit_reaches_lists_feeds_and_the_translation() {
        let file = "content/berita/2024-11-22-sosialisasi-banten.md";
        let (fast, full) = edit(file, |t| {
            let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
            let at = lines
                .iter()
                .position(|l| l.starts_with("title:"))
                .expect("a title");
            lines[at] = "title: Judul Baru Sosialisasi Banten".to_string();
            lines.join("\n") + "\n"
        });
        let (fast, _) = fast.expect("a title edit takes the fast path");
        let full = full.expect("the full build succeeds");
        assert_same(&fast, &full);
        // The site-wide atom.xml holds the newest 20 pages of every section; this release is
        // older than those, so its section's list and feed show it.
        for list in ["berita/index.html", "berita/atom.xml"] {
            let text = String::from_utf8_lossy(&fast[list]).into_owned();
            assert!(
                text.contains("Judul Baru Sosialisasi Banten"),
                "{list} shows the new title"
            );
        }
    }

    /// The other guides of a journey list a step by its title: the fast path renders them too.
    #[test]
    fn a_journey_step_title_edit_reaches_the_other_steps() {
        let file = "content/panduan/siapa-menanggung-biaya.md";
        let (fast, full) = edit(file, |t| {
            t.replacen(
                "title: Siapa menanggung biaya bekerja ke luar negeri",
                // The same place among the titles: lists sort same-day pages by title.
                "title: Siapa menanggung biaya kerja ke luar negeri",
                1,
            )
        });
        let (fast, _) = fast.expect("a title edit takes the fast path");
        let full = full.expect("the full build succeeds");
        assert_same(&fast, &full);
        for page in [
            "panduan/bekerja-ke-luar-negeri-secara-resmi/index.html",
            "panduan/skema-penempatan/index.html",
            "panduan/pengaduan-crisis-center/index.html",
        ] {
            let text = String::from_utf8_lossy(&fast[page]).into_owned();
            assert!(
                text.contains(">Siapa menanggung biaya kerja ke luar negeri</a>"),
                "{page} shows the new title"
            );
        }
    }

    #[test]
    fn structural_edits_and_errors_need_the_full_build() {
        let file = "content/berita/2024-11-22-sosialisasi-banten.md";
        // A new date moves the page in every list.
        let (fast, _) = edit(file, |t| {
            t.replacen("date: 2024-11-22", "date: 2024-11-23", 1)
        });
        assert!(fast.is_none(), "a date change takes the full build");
        // A broken link is reported by the full build, with every other error.
        let (fast, full) = edit(file, |t| format!("{t}\n[rusak](@/panduan/tidak-ada.md)\n"));
        assert!(
            fast.is_none() && full.is_none(),
            "a broken link fails the build"
        );
        // A heading another page links to is renamed: that page's `#anchor` breaks.
        let guide = "content/panduan/bekerja-ke-luar-negeri-secara-resmi.md";
        let (fast, full) = edit(guide, |t| {
            t.replacen(
                "Daftar BPJS Ketenagakerjaan",
                "Ikut BPJS Ketenagakerjaan",
                1,
            )
        });
        assert!(
            fast.is_none() && full.is_none(),
            "the broken anchor fails the build"
        );
        // A new page is not in the graph: the full build adds it.
        let dir = example_site();
        let opts = options(dir.path().to_path_buf());
        let built = pipeline::generate(&opts).expect("builds");
        let (site, mut session) = Session::start(built);
        let new = "content/berita/2025-01-01-baru.md";
        std::fs::write(
            dir.path().join(new),
            "---\ntitle: Baru\ndate: 2025-01-01\n---\nIsi.\n",
        )
        .expect("write");
        assert!(
            session
                .update(&opts, &BTreeSet::from([new.to_string()]), &site)
                .is_none()
        );
    }

    /// The day is passed in by serve's loop, no longer read here: a new one must still take
    /// the full build (future-dated pages may come out).
    #[test]
    fn a_new_day_needs_the_full_build() {
        let dir = example_site();
        let mut opts = options(dir.path().to_path_buf());
        let built = pipeline::generate(&opts).expect("builds");
        let (site, mut session) = Session::start(built);
        let file = "content/berita/2024-11-22-sosialisasi-banten.md";
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, format!("{text}\nSatu kalimat lagi.\n")).expect("write");
        let changed = BTreeSet::from([file.to_string()]);
        let today = opts.today;
        opts.today = Date::from_ymd(2099, 1, 1).expect("a date");
        assert!(session.update(&opts, &changed, &site).is_none());
        opts.today = today;
        assert!(session.update(&opts, &changed, &site).is_some());
    }

    #[test]
    fn text_fields_do_not_count_as_structure() {
        let a = structure("title: A\ndate: 2024-01-01\ntags: [x]\n");
        let b = structure("title: B\ndescription: new\ndate: 2024-01-01\ntags: [x]\n");
        let c = structure("title: A\ndate: 2024-01-02\ntags: [x]\n");
        let d = structure("title: A\ndate: 2024-01-01\ntags: [x, y]\n");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        assert_eq!(structure("title: [unclosed"), None);
    }
}
