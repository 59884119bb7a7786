//! `warta serve`: the real binary on a copy of a fixture, bound to port 0 on loopback, spoken
//! to with plain HTTP/1.1 over `TcpStream`. Every wait is bounded; the server is killed when
//! the test ends, passed or failed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{self, TODAY};

const FIXTURE: &str = "good/basic";
/// How long a change may take to show; the build of the fixture takes milliseconds.
const WAIT: Duration = Duration::from_secs(10);
const RELOAD_SCRIPT: &str = "new EventSource('/__warta/events')";
const OVERLAY: &str = "<div id=\"warta-overlay\"";

/// A running `warta serve`, killed on drop.
struct Server {
    child: Child,
    /// `127.0.0.1:port`
    addr: String,
    stdout: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    /// How long to wait for a line on stdout.
    wait: Duration,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_waiting(root, Some(TODAY), WAIT)
    }

    /// Starts the server as if `today` were the date (the real date for `None`).
    fn start_waiting(root: &Path, today: Option<&str>, wait: Duration) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_warta"));
        match today {
            Some(day) => command.env("WARTA_TODAY", day),
            None => command.env_remove("WARTA_TODAY"),
        };
        let mut child = command
            .args(["serve", "--port", "0", "--bind", "127.0.0.1", "--root"])
            .arg(root)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start warta serve");
        let (tx, stdout) = mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let mut server = Server {
            child,
            addr: String::new(),
            stdout,
            stderr,
            wait,
        };
        let line = server.line_containing("serving http://");
        server.addr = line
            .trim_start_matches("serving http://")
            .trim_end_matches('/')
            .to_string();
        assert!(
            server.addr.starts_with("127.0.0.1:"),
            "listens on loopback: {line}"
        );
        server
    }

    /// The next stdout line containing `needle` (earlier ones are skipped).
    fn line_containing(&self, needle: &str) -> String {
        let deadline = Instant::now() + self.wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!(
                    "no stdout line with {needle:?} within {:?}; stderr:\n{}",
                    self.wait,
                    self.stderr()
                ),
            }
        }
    }

    /// Waits until stderr (read by another thread) has `needle`.
    fn stderr_until(&self, needle: &str) {
        let deadline = Instant::now() + self.wait;
        while !self.stderr().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "stderr never had {needle:?}:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Response {
        get(&self.addr, path)
    }

    /// Polls `path` until `ok` holds for the response; panics after [`WAIT`].
    fn get_until(&self, path: &str, what: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + WAIT;
        loop {
            let r = self.get(path);
            if ok(&r) {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "{path} never {what} within {WAIT:?}; last response {}:\n{}\nstderr:\n{}",
                r.status,
                r.body,
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One `GET` (the path sent exactly as given), read to the end of the connection.
fn get(addr: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect to warta serve");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

/// An open `/__warta/events` stream.
struct Events {
    stream: TcpStream,
    seen: String,
    wait: Duration,
}

impl Events {
    fn open(addr: &str) -> Events {
        Events::open_waiting(addr, WAIT)
    }

    fn open_waiting(addr: &str, wait: Duration) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect to the event stream");
        write!(
            stream,
            "GET /__warta/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let mut events = Events {
            stream,
            seen: String::new(),
            wait,
        };
        events.wait_for("text/event-stream");
        events.wait_for("event: hello");
        events
    }

    /// Reads until `needle` arrives (after what earlier waits consumed); panics after the wait.
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + self.wait;
        let mut buf = [0u8; 4096];
        loop {
            if let Some(i) = self.seen.find(needle) {
                self.seen.drain(..i + needle.len());
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no {needle:?} on the event stream within {:?}; got:\n{}",
                self.wait,
                self.seen
            );
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("the event stream closed; got:\n{}", self.seen),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {} // timed out: look again
            }
        }
    }
}

impl Events {
    /// Reads what arrives for `for_` and says whether `needle` came (after earlier waits).
    fn seen_within(&mut self, needle: &str, for_: Duration) -> bool {
        let deadline = Instant::now() + for_;
        let mut buf = [0u8; 4096];
        while Instant::now() < deadline {
            match self.stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
        self.seen.contains(needle)
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join(rel), text).unwrap();
}

#[test]
fn pages_are_served_with_the_reload_script() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains(RELOAD_SCRIPT), "{}", home.body);
    assert!(home.body.contains("</script></body>"));
    assert!(!home.body.contains(OVERLAY));

    let page = server.get("/berita/sosialisasi-banten/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(RELOAD_SCRIPT));
    let en = server.get("/en/");
    assert_eq!(en.status, 200);
    assert!(en.body.contains("<html lang=\"en\""));

    // The stylesheet's name may carry a fingerprint: take it from the page.
    let stylesheet = support::links(&home.body)
        .into_iter()
        .find(|l| l.ends_with(".css"))
        .expect("the page links a stylesheet");
    let css = server.get(&stylesheet);
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("EventSource"));

    let feed = server.get("/atom.xml");
    assert_eq!(feed.status, 200);
    assert!(feed.header("content-type").unwrap().contains("xml"));
    assert!(!feed.body.contains("EventSource"));

    let asset = server.get("/berita/foto.svg");
    assert_eq!(asset.status, 200);
    assert_eq!(asset.header("content-type"), Some("image/svg+xml"));
    assert_eq!(
        asset.body,
        support::read(site.path(), "content/berita/foto.svg")
    );

    let folder = server.get("/berita/sosialisasi-banten?x=1");
    assert_eq!(folder.status, 307);
    assert_eq!(
        folder.header("location"),
        Some("/berita/sosialisasi-banten/?x=1")
    );
}

#[test]
fn build_output_never_has_the_reload_script_and_serve_leaves_it_alone() {
    let site = support::copy_fixture(FIXTURE);
    let built = support::build(site.path());
    assert!(built.status.success(), "{}", support::stderr(&built));
    let public = support::tree(&site.path().join("public"));
    assert!(public.contains_key("index.html"));
    for (path, bytes) in &public {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("__warta") && !text.contains("EventSource"),
            "{path} of `warta build` has the reload script"
        );
    }

    // Serving, and rebuilding after a change, never writes into public/.
    let server = Server::start(site.path());
    assert!(server.get("/").body.contains(RELOAD_SCRIPT));
    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: Tentang\n---\nBaru.\n",
    );
    server.line_containing("content/tentang.md changed");
    assert_eq!(support::tree(&site.path().join("public")), public);
}

#[test]
fn missing_paths_get_the_404_page_of_their_language() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());

    let id = server.get("/tidak-ada/");
    assert_eq!(id.status, 404);
    assert!(id.body.contains("Halaman tidak ditemukan"), "{}", id.body);
    assert!(id.body.contains(RELOAD_SCRIPT));

    let en = server.get("/en/missing");
    assert_eq!(en.status, 404);
    assert!(en.body.contains("Page not found"), "{}", en.body);
}

#[test]
fn paths_outside_the_site_are_never_served() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/berita/../../site.yaml",
        "/content/tentang.md",
        "/content/berita/foto.svg",
        "/site.yaml",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.body.contains("base_url") && !r.body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn editing_markdown_sends_reload_and_serves_the_new_content() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());
    assert!(server.get("/tentang/").body.contains("Tentang situs ini."));
    let mut events = Events::open(&server.addr);

    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: Tentang\n---\nIsi yang sudah diubah.\n",
    );
    events.wait_for("event: reload");
    let page = server.get_until("/tentang/", "showed the edit", |r| {
        r.body.contains("Isi yang sudah diubah.")
    });
    assert_eq!(page.status, 200);
    let line = server.line_containing("content/tentang.md changed");
    assert!(
        line.contains(" pages in ") && line.contains(" ms"),
        "{line}"
    );

    // Editor droppings are not changes.
    write(site.path(), "content/.tentang.md.swp", "x");
    write(site.path(), "content/tentang.md~", "x");
    write(
        site.path(),
        "content/berita/_index.md",
        &support::read(site.path(), "content/berita/_index.md"),
    );
    let line = loop {
        // (A save can arrive as two batches: skip a second line about the first edit.)
        let line = server.line_containing(" changed");
        if !line.starts_with("content/tentang.md changed") {
            break line;
        }
    };
    assert!(
        line.starts_with("content/berita/_index.md changed"),
        "{line}"
    );
}

#[test]
fn broken_front_matter_shows_the_overlay_until_fixed() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());
    let mut events = Events::open(&server.addr);

    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: Tentang\ntitel: salah\n---\nRusak.\n",
    );
    events.wait_for("event: overlay");
    let home = server.get_until("/", "showed the overlay", |r| r.body.contains(OVERLAY));
    assert_eq!(home.status, 200, "the last good build is still served");
    assert!(
        home.body.contains("content/tentang.md:3:1: "),
        "overlay names file:line:col: {}",
        home.body
    );
    assert!(home.body.contains("3 | titel: salah"), "with the snippet");
    assert!(home.body.contains("did you mean"), "and the hint");
    let about = server.get("/tentang/");
    assert!(
        about.body.contains("Tentang situs ini."),
        "old content stays"
    );
    assert!(!about.body.contains("Rusak."));
    assert!(about.body.contains(OVERLAY));
    assert!(
        server
            .line_containing("failed with 1 error")
            .contains("content/tentang.md")
    );
    server.stderr_until("error: content/tentang.md:3:1: unknown field `titel`");

    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: Tentang\n---\nSudah diperbaiki.\n",
    );
    events.wait_for("event: reload");
    let fixed = server.get_until("/tentang/", "cleared the overlay", |r| {
        !r.body.contains(OVERLAY)
    });
    assert!(fixed.body.contains("Sudah diperbaiki."));
    assert!(!server.get("/").body.contains(OVERLAY));
}

#[test]
fn a_failing_first_build_serves_the_errors_until_fixed() {
    let site = support::copy_fixture(FIXTURE);
    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: [Tentang\n---\nRusak.\n",
    );
    let server = Server::start(site.path());
    let page = server.get("/tentang/");
    assert_eq!(page.status, 500);
    assert!(page.body.contains(OVERLAY));
    assert!(page.body.contains("content/tentang.md:2:"), "{}", page.body);
    assert!(page.body.contains(RELOAD_SCRIPT));

    write(
        site.path(),
        "content/tentang.md",
        "---\ntitle: Tentang\n---\nBaik.\n",
    );
    let fixed = server.get_until("/tentang/", "was served", |r| r.status == 200);
    assert!(fixed.body.contains("Baik."));
    assert!(!fixed.body.contains(OVERLAY));
}

#[test]
fn a_taken_port_exits_with_2() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = support::copy_fixture(FIXTURE);
    let root = site.path().to_str().unwrap();
    let out = support::warta(&[
        "serve",
        "--root",
        root,
        "--bind",
        "127.0.0.1",
        "--port",
        &port,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", support::stderr(&out));
    assert!(
        support::stderr(&out).contains("already in use"),
        "{}",
        support::stderr(&out)
    );
}

/// Not a timed test but the benchmark of the save → `reload` time, on the site in
/// `WARTA_BENCH_SITE` (edited in place, restored after) or on the fixture:
///
/// ```sh
/// WARTA_BENCH_SITE=/tmp/corpus cargo test --release --test it serve::save_to_reload_time \
///     -- --ignored --nocapture
/// ```
#[test]
#[ignore = "benchmark; see its doc comment"]
fn save_to_reload_time() {
    let fixture = support::copy_fixture(FIXTURE);
    let (root, today) = match std::env::var_os("WARTA_BENCH_SITE") {
        // A real site is built as of today, like an editor would see it.
        Some(site) => (std::path::PathBuf::from(site), None),
        None => (fixture.path().to_path_buf(), Some(TODAY)),
    };
    let slow = Duration::from_secs(300);
    let started = Instant::now();
    let server = Server::start_waiting(&root, today, slow);
    eprintln!(
        "first build and start: {} ms",
        started.elapsed().as_millis()
    );
    let mut events = Events::open_waiting(&server.addr, slow);

    let mut pages: Vec<_> = std::fs::read_dir(root.join("content/berita"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    pages.sort();
    let page = &pages[pages.len() / 2];
    let original = std::fs::read_to_string(page).unwrap();
    let _restore = Restore(page.clone(), original.clone());
    let mut times = Vec::new();
    for i in 0..5 {
        // Long enough for the search index to catch up after the previous save (serve
        // refreshes it after 1.5 s of quiet), as between an editor's saves.
        std::thread::sleep(Duration::from_millis(2500));
        let saved = Instant::now();
        std::fs::write(page, format!("{original}\nEdit {i}.\n")).unwrap();
        events.wait_for("event: reload");
        times.push(saved.elapsed().as_millis());
        eprintln!("{} ms: {}", times[i], server.line_containing(" changed"));
    }
    times.sort_unstable();
    eprintln!(
        "save -> reload on {}: median {} ms (min {}, max {}) over {} saves of {}",
        root.display(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        page.display()
    );
}

/// Writes a file's original text back when dropped, even when the benchmark fails.
struct Restore(std::path::PathBuf, String);

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.0, &self.1);
    }
}

#[test]
fn a_text_edit_takes_the_fast_path_and_search_catches_up_without_a_reload() {
    let site = support::copy_fixture(FIXTURE);
    let server = Server::start(site.path());
    let word = "zebrakuda";
    let shards = |server: &Server| -> Vec<String> {
        let meta: serde_json::Value =
            serde_json::from_str(&server.get("/search/id/meta.json").body).expect("meta.json");
        let n = meta["shards"].as_u64().expect("shards");
        (0..n)
            .map(|i| server.get(&format!("/search/id/p{i}.json")).body)
            .collect()
    };
    assert!(!shards(&server).iter().any(|s| s.contains(word)));
    let mut events = Events::open(&server.addr);

    let original = support::read(site.path(), "content/tentang.md");
    write(
        site.path(),
        "content/tentang.md",
        &format!("{original}\nKata uji {word}.\n"),
    );
    events.wait_for("event: reload");
    server.get_until("/tentang/", "showed the edit", |r| r.body.contains(word));
    let line = server.line_containing("content/tentang.md changed");
    assert!(line.contains("files re-rendered"), "fast path: {line}");

    // The index follows after a pause, and open pages are not reloaded for it.
    let deadline = Instant::now() + WAIT;
    while !shards(&server).iter().any(|s| s.contains(word)) {
        assert!(
            Instant::now() < deadline,
            "the search index never caught up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !events.seen_within("event: reload", Duration::from_millis(300)),
        "refreshing the index reloaded the page"
    );
}

/// `static/` is served as it is, and a file added to it (a hidden folder included) is picked
/// up without a restart.
#[test]
fn static_files_are_served_and_changes_to_them_picked_up() {
    let site = support::copy_fixture(FIXTURE);
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    write(site.path(), "static/google1234.html", "verifikasi\n");
    let server = Server::start(site.path());
    let r = server.get("/google1234.html");
    assert_eq!((r.status, r.body.as_str()), (200, "verifikasi\n"));
    assert_eq!(server.get("/.well-known/security.txt").status, 404);
    let mut events = Events::open(&server.addr);

    std::fs::create_dir_all(site.path().join("static/.well-known")).unwrap();
    write(
        site.path(),
        "static/.well-known/security.txt",
        "Contact: x\n",
    );
    events.wait_for("event: reload");
    let r = server.get_until("/.well-known/security.txt", "was served", |r| {
        r.status == 200
    });
    assert_eq!(r.body, "Contact: x\n");
}

/// A file no page links is not served; once a page links it (a text edit, which the fast
/// path would take), it is.
#[test]
fn a_file_is_served_once_a_page_links_it() {
    let site = support::copy_fixture(FIXTURE);
    write(site.path(), "content/laporan.pdf", "%PDF-1.4\n");
    let server = Server::start(site.path());
    assert_eq!(server.get("/laporan.pdf").status, 404);
    let mut events = Events::open(&server.addr);

    let original = support::read(site.path(), "content/tentang.md");
    write(
        site.path(),
        "content/tentang.md",
        &format!("{original}\n[Laporan](laporan.pdf)\n"),
    );
    events.wait_for("event: reload");
    let r = server.get_until("/laporan.pdf", "was served", |r| r.status == 200);
    assert_eq!(r.body, "%PDF-1.4\n");
}
