//! A build killed (SIGKILL) at any moment leaves `public/` as the complete old site or the
//! complete new one, never a mix or nothing; the next build removes what the killed one left.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{copy_dir, stderr, tree, warta_on};

/// The example content is dated up to this day.
const TODAY: &str = "2026-11-28";
/// The same seed every run, so a failure can be replayed; `WARTA_KILL_SEED` picks another.
const SEED: u64 = 0x7761_7274_6121;
const RUNS: usize = 40;
const FIRST_BUILD_RUNS: usize = 15;

/// xorshift64*: enough randomness for kill moments without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A duration uniformly in `0..max`.
    fn below(&mut self, max: Duration) -> Duration {
        let micros = u64::try_from(max.as_micros()).unwrap_or(u64::MAX).max(1);
        Duration::from_micros(self.next() % micros)
    }
}

type Tree = BTreeMap<String, Vec<u8>>;

/// The example site with `pages` generated press releases saying `version`, so the two
/// versions differ in page bodies, page count, lists, tags and the search index.
fn write_version(root: &Path, version: &str, pages: usize) {
    let dir = root.join("content/berita");
    for entry in std::fs::read_dir(&dir).expect("read berita") {
        let path = entry.expect("entry").path();
        if path.to_string_lossy().contains("-uji-") {
            std::fs::remove_file(path).expect("remove generated page");
        }
    }
    for i in 0..pages {
        let body = format!(
            "---\ntitle: Uji {i} versi {version}\ndate: 2024-02-{:02}\ntags: [uji-{version}]\n---\n\
             Halaman uji nomor {i}, versi {version}.\n\n## Bagian\n\n{}\n",
            i % 28 + 1,
            "Kalimat yang cukup panjang untuk mengisi halaman uji. ".repeat(40),
        );
        std::fs::write(dir.join(format!("2024-02-01-uji-{i}.md")), body).expect("write page");
    }
}

fn spawn_build(root: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["build", "--root", root.to_str().expect("utf-8 path")])
        .env("WARTA_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start warta")
}

/// A full build of the site as it now is; returns its output tree and how long it took.
fn full_build(root: &Path) -> (Tree, Duration) {
    let start = Instant::now();
    let out = warta_on(
        TODAY,
        &["build", "--root", root.to_str().expect("utf-8 path")],
    );
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (tree(&root.join("public")), took)
}

fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .expect("read site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.warta-"))
        .collect()
}

/// Starts a build and SIGKILLs it after `delay` (or lets it finish first).
fn build_killed_after(root: &Path, delay: Duration) {
    let mut child = spawn_build(root);
    std::thread::sleep(delay);
    // `Child::kill` sends SIGKILL on Unix; an error means the build already exited.
    let _ = child.kill();
    let _ = child.wait();
}

fn seed() -> u64 {
    std::env::var("WARTA_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

fn example_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("tmp");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.yaml"), site.path().join("site.yaml")).expect("site.yaml");
    copy_dir(&repo.join("content"), &site.path().join("content"));
    copy_dir(&repo.join("themes"), &site.path().join("themes"));
    site
}

/// The two kill tests time builds: one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let site = example_site();
    let root = site.path();
    let public = root.join("public");

    // The two complete sites, from full builds.
    write_version(root, "b", 90);
    let (tree_b, _) = full_build(root);
    write_version(root, "a", 60);
    let (tree_a, _) = full_build(root);
    let mut took = Vec::new();
    for _ in 0..3 {
        took.push(full_build(root).1);
    }
    took.sort();
    let build_time = took[1];
    assert_ne!(tree_a, tree_b);
    assert!(tree_a.contains_key(".warta-manifest.json"));

    // Kill moments spread from the start of the process to half again a normal build, the
    // build timed anew every few runs: other tests load the machine unevenly.
    let mut window = build_time.mul_f64(1.5);
    let mut rng = Rng(seed() | 1);
    let (mut kept_old, mut got_new, mut left_staging) = (0, 0, 0);
    let mut new_with_leftover = 0;
    let mut current_is_a = true;
    let mut delays = Vec::new();
    for run in 0..RUNS {
        if run % 8 == 7 {
            if current_is_a {
                write_version(root, "a", 60);
            } else {
                write_version(root, "b", 90);
            }
            let (now, took) = full_build(root);
            assert!(
                now == if current_is_a {
                    tree_a.clone()
                } else {
                    tree_b.clone()
                }
            );
            window = took.mul_f64(1.5);
        }
        let (new, old) = if current_is_a {
            write_version(root, "b", 90);
            (&tree_b, &tree_a)
        } else {
            write_version(root, "a", 60);
            (&tree_a, &tree_b)
        };
        let before = leftovers(root);
        let delay = rng.below(window);
        delays.push(delay);
        build_killed_after(root, delay);
        let left = leftovers(root).iter().any(|l| !before.contains(l));
        if left {
            left_staging += 1;
        }
        let now = tree(&public);
        if &now == old {
            kept_old += 1;
        } else if &now == new {
            got_new += 1;
            // New site in place with a staging folder left: killed between the swap and
            // the removal of the old site.
            if left {
                new_with_leftover += 1;
            }
            current_is_a = !current_is_a;
        } else {
            let missing = old.keys().filter(|k| !now.contains_key(*k)).count();
            panic!(
                "run {run}, killed after {delay:?}: public/ is neither site \
                 ({} files, {missing} of the old site's missing)",
                now.len()
            );
        }
    }
    eprintln!(
        "kill test: {RUNS} runs, seed {:#x}, build {build_time:?}, kills at {:?}..{:?}: \
         {kept_old} kept the old site, {got_new} had the new one, {left_staging} left a \
         new staging folder ({new_with_leftover} of them after the swap)",
        seed(),
        delays.iter().min().copied().unwrap_or_default(),
        delays.iter().max().copied().unwrap_or_default(),
    );
    assert!(
        kept_old > 0 && got_new > 0,
        "the kills must land both before and after the swap"
    );

    // The next complete build removes every leftover and publishes exactly its own site.
    let (after, _) = full_build(root);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    assert!(after == tree_a || after == tree_b);
}

#[test]
fn a_killed_first_build_leaves_no_site_or_a_complete_one() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let site = example_site();
    let root = site.path();
    let public = root.join("public");
    write_version(root, "a", 60);
    // The first build also fills the image cache: time the ones after it, which is what the
    // killed builds below are (no `public/`, images cached), and again every few runs.
    let (complete, _) = full_build(root);
    let first_build_time = |public: &Path| {
        let mut took: Vec<Duration> = (0..3)
            .map(|_| {
                if public.exists() {
                    std::fs::remove_dir_all(public).expect("remove public/");
                }
                let (site, took) = full_build(root);
                assert!(site == complete, "a first build differs");
                took
            })
            .collect();
        took.sort();
        took[1]
    };
    let mut build_time = first_build_time(&public);

    let mut rng = Rng(seed().rotate_left(17) | 1);
    let (mut none, mut whole) = (0, 0);
    for run in 0..FIRST_BUILD_RUNS {
        if run % 5 == 4 {
            build_time = first_build_time(&public);
        }
        if public.exists() {
            std::fs::remove_dir_all(&public).expect("remove public/");
        }
        let delay = rng.below(build_time.mul_f64(1.3));
        build_killed_after(root, delay);
        if !public.exists() {
            none += 1;
        } else {
            assert!(
                tree(&public) == complete,
                "run {run}, killed after {delay:?}: a partial first site"
            );
            whole += 1;
        }
    }
    eprintln!("first-build kill test: {FIRST_BUILD_RUNS} runs: {none} no site, {whole} complete");
    assert!(
        none > 0,
        "some kills must land before the first site is in place"
    );
    let (after, _) = full_build(root);
    assert!(after == complete, "a full build after the kills differs");
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}
