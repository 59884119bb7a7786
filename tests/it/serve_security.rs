//! `warta serve` under hostile requests: a path-traversal sweep (every spelling of `..`, encoded
//! slashes and backslashes, absolute paths, NUL, overlong UTF-8, double encoding, raw bytes)
//! that must never leave the output, and a load test with Debian's `wrk` while a page is being
//! edited and the site rebuilt.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::support::{self, TODAY};

const WAIT: Duration = Duration::from_secs(10);
/// In the file outside the site the sweep tries to reach.
const OUTSIDE_SECRET: &str = "RAHASIA-DI-LUAR-SITUS-42";

/// A running `warta serve --port 0`, killed on drop.
struct Serve {
    child: Child,
    addr: String,
    stdout: Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(root: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["serve", "--port", "0", "--bind", "127.0.0.1", "--root"])
            .arg(root)
            .env("WARTA_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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
        let mut serve = Serve {
            child,
            addr: String::new(),
            stdout,
        };
        let line = serve.line_containing("serving http://");
        serve.addr = line
            .trim_start_matches("serving http://")
            .trim_end_matches('/')
            .to_string();
        serve
    }

    fn line_containing(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!("no stdout line with {needle:?} within {WAIT:?}"),
            }
        }
    }

    /// The stdout lines printed so far (and not read before).
    fn lines(&self) -> Vec<String> {
        self.stdout.try_iter().collect()
    }

    /// Sends `target` as the request target, byte for byte; returns the status and the body.
    fn request(&self, target: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        let mut req = b"GET ".to_vec();
        req.extend_from_slice(target);
        req.extend_from_slice(
            format!(
                " HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.addr
            )
            .as_bytes(),
        );
        stream.write_all(&req).expect("send");
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let status = String::from_utf8_lossy(raw.get(..12).unwrap_or(&[]))
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, raw)
    }
}

/// The secrets a leak would show: the site's own files, a file outside it, `/etc/passwd`.
fn leaked(body: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(body);
    [
        "base_url:",
        "type: press_release",
        OUTSIDE_SECRET,
        "root:x:0:0",
        "[core]",
    ]
    .into_iter()
    .find(|s| text.contains(s))
}

#[test]
fn traversal_sweep_never_leaves_the_output() {
    let site = support::copy_fixture("good/basic");
    let outside = tempfile::tempdir().expect("tmp");
    let secret = outside.path().join("rahasia.txt");
    std::fs::write(&secret, OUTSIDE_SECRET).expect("write");
    let secret = secret.to_str().expect("utf-8").to_string();
    std::fs::create_dir_all(site.path().join(".git")).expect(".git");
    std::fs::write(site.path().join(".git/config"), "[core]\n").expect("write");
    let server = Serve::start(site.path());

    // The sweep must not be vacuous: the real files, plainly and encoded, are served.
    for ok in ["/", "/berita/foto.svg", "/%62erita/foto.svg", "/berita/"] {
        assert_eq!(server.request(ok.as_bytes()).0, 200, "{ok}");
    }

    let mut targets: Vec<Vec<u8>> = [
        // Plain and encoded dots, in every case and mix.
        "/../site.yaml",
        "/..",
        "/../",
        "/...",
        "/.../site.yaml",
        "/./site.yaml",
        "/berita/./../site.yaml",
        "/berita/../../site.yaml",
        "/berita/foto.svg/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/site.yaml",
        "/.%2e/site.yaml",
        "/%2e./site.yaml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        // Encoded slashes.
        "/..%2fsite.yaml",
        "/..%2Fsite.yaml",
        "/berita/..%2f..%2fsite.yaml",
        "/%2F..%2Fsite.yaml",
        // Backslashes, raw and encoded (Windows separators).
        "/..\\site.yaml",
        "/..%5csite.yaml",
        "/..%5Csite.yaml",
        "/berita\\..\\..\\site.yaml",
        "/%5c..%5csite.yaml",
        "/C:\\Windows\\win.ini",
        "/C:%5cWindows%5cwin.ini",
        // Absolute paths.
        "//etc/passwd",
        "///etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
        "/file:///etc/passwd",
        // NUL.
        "/%00",
        "/index.html%00",
        "/berita/foto.svg%00.html",
        "/%00/../site.yaml",
        // Overlong UTF-8 for `.` and `/`.
        "/%c0%ae%c0%ae/site.yaml",
        "/%c0%ae%c0%ae%c0%afsite.yaml",
        "/%e0%80%ae%e0%80%ae/site.yaml",
        "/%f0%80%80%ae%f0%80%80%ae/site.yaml",
        "/..%c0%afsite.yaml",
        "/..%c1%9csite.yaml",
        // Double and triple encoding, and IIS-style %u.
        "/%252e%252e/site.yaml",
        "/%252e%252e%252fsite.yaml",
        "/%25252e%25252e/site.yaml",
        "/%u002e%u002e/site.yaml",
        // Malformed escapes.
        "/%",
        "/%2",
        "/%zz/site.yaml",
        // The site's own files, and what sits beside the output.
        "/site.yaml",
        "/content/berita/2024-11-22-sosialisasi-banten.md",
        "/content/berita/foto.svg",
        "/themes/",
        "/public/index.html",
        "/.git/config",
        "/..;/site.yaml",
        "/berita;/../../site.yaml",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    // The file outside the site by its absolute path, plain and encoded.
    targets.push(format!("/{secret}").into_bytes());
    targets.push(format!("/%2f{}", secret.trim_start_matches('/')).into_bytes());
    targets.push(format!("/..{secret}").into_bytes());
    targets.push(format!("/{}", secret.replace('/', "%2f")).into_bytes());
    // Raw bytes a client should have encoded: overlong UTF-8, NUL, a lone high byte.
    targets.push(b"/\xc0\xae\xc0\xae/site.yaml".to_vec());
    targets.push(b"/\x00/site.yaml".to_vec());
    targets.push(b"/\xff".to_vec());
    // Other request-target forms.
    targets.push(b"*".to_vec());
    targets.push(b"site.yaml".to_vec());
    targets.push(format!("http://{}/../site.yaml", server.addr).into_bytes());
    targets.push(format!("http://{}/%2e%2e/site.yaml", server.addr).into_bytes());

    let mut statuses = std::collections::BTreeMap::new();
    for target in &targets {
        let shown = String::from_utf8_lossy(target).into_owned();
        let (status, body) = server.request(target);
        assert!(
            status == 404 || status == 400,
            "{shown:?}: status {status}, not 404 or 400"
        );
        assert_eq!(leaked(&body), None, "{shown:?} leaked a file");
        *statuses.entry(status).or_insert(0) += 1;
    }
    eprintln!(
        "traversal sweep: {} requests, statuses {statuses:?}",
        targets.len()
    );
}

/// A content asset replaced by a symbolic link after the build: between the edit and the
/// rebuild (which drops it), the server must not follow the link out of the site.
#[test]
fn an_asset_swapped_for_a_symlink_is_not_followed() {
    let site = support::copy_fixture("good/basic");
    let outside = tempfile::tempdir().expect("tmp");
    let secret = outside.path().join("rahasia.svg");
    std::fs::write(&secret, OUTSIDE_SECRET).expect("write");
    let server = Serve::start(site.path());
    assert_eq!(server.request(b"/berita/foto.svg").0, 200);

    let asset = site.path().join("content/berita/foto.svg");
    std::fs::remove_file(&asset).expect("remove");
    std::os::unix::fs::symlink(&secret, &asset).expect("symlink");
    // Ask at once and until the rebuild has dropped the asset.
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut asked = 0;
    while Instant::now() < deadline {
        let (status, body) = server.request(b"/berita/foto.svg");
        asked += 1;
        assert_eq!(
            leaked(&body),
            None,
            "request {asked}: the link was followed"
        );
        assert_eq!(status, 404, "request {asked}");
    }
}

/// `wrk` over the site's main kinds of file, with a summary line the test reads.
const WRK_SCRIPT: &str = r#"
local paths = { "/", "/berita/", "/berita/sosialisasi-banten/", "/en/", "/berita/foto.svg",
                "/panduan/cara-mengadu/", "/sitemap.xml", "/berita/hanya-indonesia/" }
local sent = 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(sent % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d seconds=%.3f connect=%d read=%d write=%d timeout=%d status=%d p50_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean))
end
"#;

/// At least 10,000 requests in 5 s from 16 connections on 2 threads, while a page is edited
/// every 100 ms and the site rebuilt each time: no socket error, no status other than 2xx/3xx. Skipped without
/// `wrk` unless `WARTA_REQUIRE_WRK` is set (`.ci/run` sets it after installing wrk).
#[test]
fn load_while_editing_gives_no_errors() {
    if Command::new("wrk").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("WARTA_REQUIRE_WRK").is_none(),
            "wrk is not installed"
        );
        eprintln!("skipped: wrk is not installed");
        return;
    }
    let site = support::copy_fixture("good/basic");
    let server = Serve::start(site.path());
    let script = site.path().join("load.lua");
    std::fs::write(&script, WRK_SCRIPT).expect("write script");
    let page = site
        .path()
        .join("content/berita/2024-11-22-sosialisasi-banten.md");
    let original = std::fs::read_to_string(&page).expect("page");

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let stop = std::sync::Arc::clone(&stop);
        let page = page.clone();
        std::thread::spawn(move || {
            let mut edits = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                edits += 1;
                let text = format!("{original}\nSunting ke-{edits}.\n");
                std::fs::write(&page, text).expect("edit");
                std::thread::sleep(Duration::from_millis(100));
            }
            edits
        })
    };
    let out = Command::new("wrk")
        .args(["-t2", "-c16", "-d5s", "--latency", "-s"])
        .arg(&script)
        .arg(format!("http://{}/", server.addr))
        .output()
        .expect("run wrk");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let edits = editor.join().expect("editor");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "wrk failed:\n{report}");
    let summary = report
        .lines()
        .find(|l| l.starts_with("WRK "))
        .unwrap_or_else(|| panic!("no summary from wrk:\n{report}"));
    let field = |name: &str| -> f64 {
        summary
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {summary}"))
    };
    let requests = field("requests");
    let seconds = field("seconds");
    // Rebuilds that happened during the run ("rebuilt: … pages in … ms").
    let rebuilds = server
        .lines()
        .iter()
        .filter(|l| l.contains(" pages in "))
        .count();
    eprintln!(
        "load test: {requests} requests in {seconds:.2} s = {:.0} req/s; errors connect {} read {} write {} timeout {} status {}; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {edits} edits, {rebuilds} rebuilds",
        requests / seconds,
        field("connect"),
        field("read"),
        field("write"),
        field("timeout"),
        field("status"),
        field("p50_us") / 1000.0,
        field("p99_us") / 1000.0,
        field("max_us") / 1000.0,
    );
    assert!(requests >= 10_000.0, "{summary}");
    for errors in ["connect", "read", "write", "timeout", "status"] {
        assert_eq!(field(errors), 0.0, "{errors} errors: {report}");
    }
    assert!(
        rebuilds >= 2,
        "the site was rebuilt during the load ({rebuilds})"
    );
    // The last edit is what is served now.
    let deadline = Instant::now() + WAIT;
    let last = format!("Sunting ke-{edits}.");
    loop {
        let (_, body) = server.request(b"/berita/sosialisasi-banten/");
        if String::from_utf8_lossy(&body).contains(&last) {
            break;
        }
        assert!(Instant::now() < deadline, "the last edit was never served");
        std::thread::sleep(Duration::from_millis(50));
    }
}
