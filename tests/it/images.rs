//! Responsive images (issue 8, docs/images.md): a phone photo — 4000×3000 sensor pixels, EXIF
//! with a GPS position, the camera's serial number and orientation 6 — becomes upright WebP and
//! JPEG at each width with no byte of metadata, `<picture>` markup with `srcset`, `sizes` and
//! dimensions, and a 1200×630 Open Graph crop; a second build takes it all from the cache; bad
//! images fail the build with an error naming the file, within a bounded amount of memory.
//!
//! The photos are made here rather than committed: megabytes of JPEG have no place in git. The
//! small bad files are fixtures under `tests/fixtures/images/`.

#[cfg(feature = "images")]
mod processed {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::process::{Command, Output};
    use std::sync::OnceLock;
    use std::time::{Duration, SystemTime};

    use image::ImageEncoder;

    use crate::support::{TODAY, build, copy_fixture, stderr, tree};

    /// The widths the default settings make.
    const WIDTHS: [u32; 3] = [480, 800, 1200];

    /// The camera serial number written into the test photos' EXIF.
    const SERIAL: &str = "WARTA-SERIAL-0451";

    /// The GPS latitude entry as it sits in the GPS IFD: tag 2, type RATIONAL, three values.
    const GPS_LATITUDE_ENTRY: [u8; 8] = [0x00, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x03];

    /// A TIFF block as phones write it (big-endian) in an APP1 segment: Orientation, an Exif
    /// IFD with the camera's serial number, and a GPS IFD (6°7'34.56" S, 106°49'12.34" E).
    fn exif_app1(orientation: u16) -> Vec<u8> {
        fn entry(t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
            t.extend_from_slice(&tag.to_be_bytes());
            t.extend_from_slice(&kind.to_be_bytes());
            t.extend_from_slice(&count.to_be_bytes());
            t.extend_from_slice(&value);
        }
        const ASCII: u16 = 2;
        const SHORT: u16 = 3;
        const LONG: u16 = 4;
        const RATIONAL: u16 = 5;
        let serial_len = SERIAL.len() as u32 + 1;
        // Offsets from the start of the TIFF header: IFD0 (3 entries) at 8, then the Exif IFD
        // (1 entry) and the serial, then the GPS IFD (5 entries) and its two coordinates.
        let exif_ifd: u32 = 8 + 2 + 3 * 12 + 4;
        let serial_at = exif_ifd + 2 + 12 + 4;
        let gps_ifd = serial_at + serial_len;
        let latitude_at = gps_ifd + 2 + 5 * 12 + 4;
        let longitude_at = latitude_at + 24;

        let mut t = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
        t.extend_from_slice(&3u16.to_be_bytes());
        let [o1, o2] = orientation.to_be_bytes();
        entry(&mut t, 0x0112, SHORT, 1, [o1, o2, 0, 0]);
        entry(&mut t, 0x8769, LONG, 1, exif_ifd.to_be_bytes());
        entry(&mut t, 0x8825, LONG, 1, gps_ifd.to_be_bytes());
        t.extend_from_slice(&[0; 4]);

        t.extend_from_slice(&1u16.to_be_bytes());
        entry(&mut t, 0xA431, ASCII, serial_len, serial_at.to_be_bytes());
        t.extend_from_slice(&[0; 4]);
        t.extend_from_slice(SERIAL.as_bytes());
        t.push(0);

        t.extend_from_slice(&5u16.to_be_bytes());
        entry(&mut t, 0x0000, 1, 4, [2, 3, 0, 0]);
        entry(&mut t, 0x0001, ASCII, 2, [b'S', 0, 0, 0]);
        entry(&mut t, 0x0002, RATIONAL, 3, latitude_at.to_be_bytes());
        entry(&mut t, 0x0003, ASCII, 2, [b'E', 0, 0, 0]);
        entry(&mut t, 0x0004, RATIONAL, 3, longitude_at.to_be_bytes());
        t.extend_from_slice(&[0; 4]);
        for (n, d) in [
            (6u32, 1u32),
            (7, 1),
            (3456, 100),
            (106, 1),
            (49, 1),
            (1234, 100),
        ] {
            t.extend_from_slice(&n.to_be_bytes());
            t.extend_from_slice(&d.to_be_bytes());
        }
        assert_eq!(t.len() as u32, longitude_at + 24);

        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&u16::try_from(2 + 6 + t.len()).unwrap().to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&t);
        app1
    }

    /// A JPEG of `w`×`h` sensor pixels: a colour gradient with grain of ±`grain`/2, a red
    /// square in the stored top-left corner and a blue one in the stored bottom-left. With
    /// `orientation`, an EXIF segment goes right after the start marker, where phones put it.
    fn photo(w: u32, h: u32, grain: u8, quality: u8, orientation: Option<u16>) -> Vec<u8> {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ u64::from(w * 31 + h);
        let mut rng = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let marker = w.min(h) / 12;
        let half = i32::from(grain / 2);
        let mut pixels = Vec::with_capacity(w as usize * h as usize * 3);
        for y in 0..h {
            for x in 0..w {
                let base = if x < marker && y < marker {
                    [230, 20, 20]
                } else if x < marker && y >= h - marker {
                    [20, 20, 230]
                } else {
                    [
                        (40 + x * 150 / w) as i32,
                        (90 + y * 120 / h) as i32,
                        (60 + (x + y) * 60 / (w + h)) as i32,
                    ]
                };
                let n = if grain == 0 {
                    0
                } else {
                    (rng() % (u64::from(grain) + 1)) as i32 - half
                };
                for c in base {
                    pixels.push((c + n).clamp(0, 255) as u8);
                }
            }
        }
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, quality)
            .write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        match orientation {
            Some(o) => {
                let mut out = jpeg[..2].to_vec();
                out.extend_from_slice(&exif_app1(o));
                out.extend_from_slice(&jpeg[2..]);
                out
            }
            None => jpeg,
        }
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    /// What is left of the phone's metadata in `bytes`.
    fn metadata_in(bytes: &[u8]) -> Vec<&'static str> {
        let mut found = Vec::new();
        if bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"exif")) {
            found.push("an Exif block");
        }
        if contains(bytes, SERIAL.as_bytes()) {
            found.push("the camera serial");
        }
        if contains(bytes, &GPS_LATITUDE_ENTRY) {
            found.push("the GPS latitude");
        }
        if contains(bytes, b"xmpmeta") {
            found.push("XMP");
        }
        found
    }

    fn decode(bytes: &[u8]) -> image::RgbImage {
        image::load_from_memory(bytes).unwrap().into_rgb8()
    }

    fn is_red(p: &image::Rgb<u8>) -> bool {
        p[0] > 170 && p[1] < 90 && p[2] < 90
    }

    fn is_blue(p: &image::Rgb<u8>) -> bool {
        p[2] > 170 && p[0] < 90 && p[1] < 90
    }

    /// The top-left and top-right pixels, a few pixels in (away from resampling at the edge).
    fn top_corners(img: &image::RgbImage) -> (image::Rgb<u8>, image::Rgb<u8>) {
        let w = img.width();
        (*img.get_pixel(4, 4), *img.get_pixel(w - 5, 4))
    }

    /// The value of the first `attr="…"` after `from` in `html`.
    fn attr<'a>(html: &'a str, attr: &str) -> Option<&'a str> {
        let key = format!(" {attr}=\"");
        let start = html.find(&key)? + key.len();
        html[start..].split('"').next()
    }

    /// The `<picture>…</picture>` elements of a page.
    fn pictures(html: &str) -> Vec<&str> {
        html.split("<picture>")
            .skip(1)
            .map(|rest| rest.split("</picture>").next().unwrap())
            .collect()
    }

    /// `(url, width)` of every candidate of a `srcset`.
    fn candidates(srcset: &str) -> Vec<(String, u32)> {
        srcset
            .split(", ")
            .map(|c| {
                let (url, w) = c.rsplit_once(' ').unwrap();
                (url.to_string(), w.trim_end_matches('w').parse().unwrap())
            })
            .collect()
    }

    /// The file behind a root-relative URL.
    fn file<'a>(public: &'a BTreeMap<String, Vec<u8>>, url: &str) -> &'a [u8] {
        public
            .get(url.trim_start_matches('/'))
            .unwrap_or_else(|| panic!("{url} is not in the output"))
    }

    fn page<'a>(public: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
        std::str::from_utf8(file(public, path)).unwrap()
    }

    /// The fixture `phone` with its photos, built three times: cold, warm (nothing changed),
    /// and after one photo was replaced.
    struct PhoneSite {
        first: Output,
        /// The output of the first build.
        public: BTreeMap<String, Vec<u8>>,
        /// The phone photo as the editor added it.
        source: Vec<u8>,
        /// The cache folder ignores itself for git.
        cache_gitignore: Option<String>,
        second: Output,
        second_public: BTreeMap<String, Vec<u8>>,
        third: Output,
    }

    /// Built once for all the tests below: a 12-megapixel photo costs seconds in a debug build.
    fn phone() -> &'static PhoneSite {
        static SITE: OnceLock<PhoneSite> = OnceLock::new();
        SITE.get_or_init(|| {
            let site = copy_fixture("images/phone");
            let berita = site.path().join("content/berita");
            let source = photo(4000, 3000, 24, 92, Some(6));
            std::fs::write(berita.join("foto.jpg"), &source).unwrap();
            std::fs::write(berita.join("kecil.jpg"), photo(1000, 700, 8, 85, None)).unwrap();
            std::fs::write(berita.join("tautan.jpg"), photo(600, 400, 8, 85, Some(6))).unwrap();
            std::fs::write(berita.join("lain.jpg"), photo(640, 480, 8, 85, Some(6))).unwrap();
            std::fs::write(berita.join("sisa.jpg"), photo(320, 240, 8, 85, Some(6))).unwrap();
            let first = build(site.path());
            let public = tree(&site.path().join("public"));
            let cache_gitignore =
                std::fs::read_to_string(site.path().join(".warta-cache/.gitignore")).ok();
            let second = build(site.path());
            let second_public = tree(&site.path().join("public"));
            std::fs::write(berita.join("lain.jpg"), photo(640, 480, 8, 80, Some(6))).unwrap();
            let third = build(site.path());
            PhoneSite {
                first,
                public,
                source,
                cache_gitignore,
                second,
                second_public,
                third,
            }
        })
    }

    /// The first build, which must have succeeded.
    fn phone_public() -> &'static BTreeMap<String, Vec<u8>> {
        let site = phone();
        assert_eq!(
            site.first.status.code(),
            Some(0),
            "build failed:\n{}",
            stderr(&site.first)
        );
        &site.public
    }

    /// The output files made from the photo named `stem` (`foto`, of `foto.jpg`), all in
    /// one folder: `processed_images/foto-480.1a2b3c4d5e6f7a8b.webp`, …
    fn variants<'a>(public: &'a BTreeMap<String, Vec<u8>>, stem: &str) -> Vec<(&'a str, &'a [u8])> {
        let prefix = format!("processed_images/{stem}-");
        public
            .iter()
            .filter(|(path, _)| path.starts_with(&prefix))
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
            .collect()
    }

    #[test]
    fn phone_photo_is_made_at_each_width_in_webp_and_jpeg() {
        let public = phone_public();
        for w in WIDTHS {
            for (ext, magic) in [("webp", &b"RIFF"[..]), ("jpg", &[0xFF, 0xD8][..])] {
                let found: Vec<_> = variants(public, "foto")
                    .into_iter()
                    .filter(|(path, _)| {
                        path.starts_with(&format!("processed_images/foto-{w}."))
                            && path.ends_with(ext)
                    })
                    .collect();
                assert_eq!(found.len(), 1, "{w} px {ext}: {found:?}");
                let (path, bytes) = found[0];
                assert!(bytes.starts_with(magic), "{path} is not {ext}");
                if ext == "webp" {
                    assert_eq!(&bytes[8..12], b"WEBP", "{path}");
                }
                // Upright: the 4000×3000 sensor picture is 3000×4000 once turned.
                let img = decode(bytes);
                assert_eq!(img.dimensions(), (w, (w * 4 + 1) / 3), "{path}");
            }
        }
        // Six widths and the Open Graph crop of each focus; nothing else.
        let names: Vec<&str> = variants(public, "foto").iter().map(|v| v.0).collect();
        assert_eq!(names.len(), 2 * WIDTHS.len() + 2, "{names:?}");
    }

    #[test]
    fn processed_images_share_one_folder_cached_forever() {
        let public = phone_public();
        let outputs: Vec<&String> = public
            .keys()
            .filter(|p| p.starts_with("processed_images/"))
            .collect();
        assert!(outputs.len() > 10, "{outputs:?}");
        for path in outputs {
            // `name.<16 hex digits of the hash>.ext`: what the nginx snippet of docs/deploy.md
            // marks immutable, and what changes when the photo does.
            let mut parts = path.rsplit('.');
            let (_ext, hash) = (parts.next().unwrap(), parts.next().unwrap());
            assert!(
                hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
                "{path}"
            );
        }
        // Netlify and Cloudflare Pages: one rule for the folder.
        let headers = String::from_utf8(public["_headers"].clone()).unwrap();
        assert!(
            headers.contains(
                "\n/processed_images/*\n  Cache-Control: public, max-age=31536000, immutable\n"
            ),
            "{headers}"
        );
    }

    #[test]
    fn small_photos_are_never_upscaled() {
        let public = phone_public();
        let mut widths: Vec<(u32, String)> = variants(public, "kecil")
            .iter()
            .map(|(path, bytes)| {
                let ext = path.rsplit('.').next().unwrap().to_string();
                (decode(bytes).width(), ext)
            })
            .collect();
        widths.sort();
        let want: Vec<(u32, String)> = [480, 800, 1000]
            .iter()
            .flat_map(|&w| [(w, "jpg".to_string()), (w, "webp".to_string())])
            .collect();
        assert_eq!(
            widths, want,
            "a 1000 px photo is offered at its own width, not at 1200"
        );
        let html = page(public, "berita/fokus/index.html");
        let picture = pictures(html)
            .into_iter()
            .find(|p| p.contains("kecil-"))
            .unwrap();
        assert!(
            picture.contains(" width=\"1000\" height=\"700\""),
            "{picture}"
        );
    }

    #[test]
    fn outputs_are_upright() {
        // Orientation 6 turns the picture a quarter clockwise: the red square stored top left
        // must show top right, the blue one stored bottom left top left.
        let public = phone_public();
        for (path, bytes) in variants(public, "foto")
            .into_iter()
            .filter(|(path, _)| !path.contains("-og."))
        {
            let img = decode(bytes);
            assert!(img.height() > img.width(), "{path} is not portrait");
            let (left, right) = top_corners(&img);
            assert!(is_red(&right), "{path}: top right is {right:?}, not red");
            assert!(is_blue(&left), "{path}: top left is {left:?}, not blue");
        }
    }

    #[test]
    fn no_metadata_survives_in_any_output() {
        let site = phone();
        // The test is only worth something if the source carries all of it.
        assert_eq!(
            metadata_in(&site.source),
            ["an Exif block", "the camera serial", "the GPS latitude"]
        );
        for (path, bytes) in phone_public() {
            let found = metadata_in(bytes);
            assert!(found.is_empty(), "{path} carries {found:?}");
        }
    }

    #[test]
    fn pages_show_a_picture_with_srcset_sizes_and_dimensions() {
        let public = phone_public();
        let html = page(public, "berita/sosialisasi/index.html");
        let pics = pictures(html);
        // The lead image, the body image and the decorative one.
        assert_eq!(pics.len(), 3, "{html}");
        for (i, pic) in pics.iter().enumerate() {
            assert!(
                pic.starts_with("<source type=\"image/webp\" srcset=\""),
                "{pic}"
            );
            let webp = candidates(attr(pic, "srcset").unwrap());
            let img = &pic[pic.find("<img ").unwrap()..];
            let jpeg = candidates(attr(img, "srcset").unwrap());
            for (set, ext) in [(&webp, ".webp"), (&jpeg, ".jpg")] {
                let widths: Vec<u32> = set.iter().map(|c| c.1).collect();
                assert_eq!(widths, WIDTHS, "{pic}");
                for (url, w) in set.iter() {
                    assert!(
                        url.starts_with("/processed_images/foto-") && url.ends_with(ext),
                        "{url}"
                    );
                    assert_eq!(decode(file(public, url)).width(), *w, "{url}");
                }
            }
            assert_eq!(
                attr(pic, "sizes"),
                Some("(min-width: 44rem) 42rem, calc(100vw - 2rem)")
            );
            assert_eq!(attr(img, "sizes"), attr(pic, "sizes"));
            // The fallback for browsers without srcset: the 800 px JPEG.
            let src = attr(img, "src").unwrap();
            assert!(
                src.starts_with("/processed_images/foto-800.") && src.ends_with(".jpg"),
                "{src}"
            );
            // Width and height give the shape, so nothing jumps while it loads.
            assert_eq!(attr(img, "width"), Some("1200"), "{pic}");
            assert_eq!(attr(img, "height"), Some("1600"), "{pic}");
            assert!(img.contains(" decoding=\"async\""), "{pic}");
            // The lead image is above the fold: loaded at once and first; the rest lazily.
            if i == 0 {
                assert!(img.contains(" fetchpriority=\"high\""), "{pic}");
                assert!(!img.contains("loading="), "{pic}");
            } else {
                assert!(img.contains(" loading=\"lazy\""), "{pic}");
                assert!(!img.contains("fetchpriority"), "{pic}");
            }
        }
        assert!(
            pics[0]
                .contains(" alt=\"Petugas menjelaskan cara bekerja ke luar negeri secara resmi\"")
        );
        assert!(pics[1].contains(" alt=\"Warga mendengarkan penjelasan petugas\""));
        assert!(pics[1].contains(" title=\"Sosialisasi di balai desa\""));
        // `![](foto.jpg "decorative")`: an empty alt on purpose, and no title.
        assert!(pics[2].contains(" alt=\"\""), "{}", pics[2]);
        assert!(!pics[2].contains("title="), "{}", pics[2]);
    }

    #[test]
    fn originals_are_not_published_unless_linked() {
        let site = phone();
        let public = phone_public();
        assert!(!public.contains_key("berita/foto.jpg"));
        assert!(!public.values().any(|bytes| *bytes == site.source));
        let largest = public
            .iter()
            .filter(|(path, _)| path.ends_with(".jpg") || path.ends_with(".webp"))
            .map(|(path, bytes)| (bytes.len(), path))
            .max();
        assert!(
            largest.is_some_and(|(len, _)| len < 400 * 1024),
            "{largest:?}"
        );
        // A photo a Markdown link offers for download, from a page or from a section's
        // text: published at its own URL, full size, upright and clean.
        for (name, upright) in [("tautan", (400, 600)), ("lain", (480, 640))] {
            let bytes = file(public, &format!("/berita/{name}.jpg"));
            let img = decode(bytes);
            assert_eq!(img.dimensions(), upright, "{name}");
            assert!(metadata_in(bytes).is_empty(), "{name}");
            assert!(variants(public, name).is_empty(), "{name}");
        }
        // One no page shows or links: not published at all, and named.
        assert!(!public.contains_key("berita/sisa.jpg"));
        assert!(variants(public, "sisa").is_empty());
        assert!(
            stderr(&site.first).contains(
                "warning: content/berita/sisa.jpg: no page links this file, so it is not published"
            ),
            "{}",
            stderr(&site.first)
        );
    }

    #[test]
    fn open_graph_image_is_a_1200_by_630_jpeg_under_300_kb() {
        let public = phone_public();
        let html = page(public, "berita/sosialisasi/index.html");
        let meta = |property: &str| {
            let key = format!("<meta property=\"{property}\" content=\"");
            let start = html.find(&key).unwrap_or_else(|| panic!("no {property}")) + key.len();
            html[start..].split('"').next().unwrap()
        };
        let url = meta("og:image");
        let path = url.strip_prefix("https://example.go.id").unwrap();
        assert!(
            path.starts_with("/processed_images/foto-og.") && path.ends_with(".jpg"),
            "{url}"
        );
        assert_eq!(meta("og:image:type"), "image/jpeg");
        assert_eq!(meta("og:image:width"), "1200");
        assert_eq!(meta("og:image:height"), "630");
        let bytes = file(public, path);
        assert!(bytes.starts_with(&[0xFF, 0xD8]));
        assert!(bytes.len() <= 300_000, "{} bytes", bytes.len());
        assert_eq!(decode(bytes).dimensions(), (1200, 630));
    }

    #[test]
    fn image_focus_moves_the_crop() {
        let public = phone_public();
        let og = |page_path: &str| {
            let html = page(public, page_path);
            let key = "<meta property=\"og:image\" content=\"https://example.go.id";
            let start = html.find(key).unwrap() + key.len();
            let url = html[start..].split('"').next().unwrap();
            decode(file(public, url))
        };
        // `image_focus: [1.0, 0.0]`: the top of the portrait photo, where both squares are.
        let top = og("berita/fokus/index.html");
        let (left, right) = top_corners(&top);
        assert!(is_red(&right) && is_blue(&left), "{left:?} {right:?}");
        // Centred: the middle of the photo, far from both.
        let centre = og("berita/sosialisasi/index.html");
        let (left, right) = top_corners(&centre);
        assert!(!is_red(&right) && !is_blue(&left), "{left:?} {right:?}");
    }

    /// `(processed, cached)` from the build summary on stderr.
    fn image_counts(out: &Output) -> Option<(usize, usize)> {
        let err = stderr(out);
        let line = err.lines().find(|l| l.starts_with("images: "))?;
        let mut numbers = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap());
        Some((numbers.next()?, numbers.next()?))
    }

    #[test]
    fn second_build_of_an_unchanged_site_does_no_image_work() {
        let site = phone();
        phone_public();
        assert_eq!(
            image_counts(&site.first),
            Some((4, 0)),
            "{}",
            stderr(&site.first)
        );
        assert_eq!(
            site.second.status.code(),
            Some(0),
            "{}",
            stderr(&site.second)
        );
        assert_eq!(
            image_counts(&site.second),
            Some((0, 4)),
            "{}",
            stderr(&site.second)
        );
        assert!(
            site.second_public == site.public,
            "the warm build wrote other files"
        );
        // One photo replaced: only it is made again, under new URLs.
        assert_eq!(
            image_counts(&site.third),
            Some((1, 3)),
            "{}",
            stderr(&site.third)
        );
        assert_eq!(
            site.cache_gitignore
                .as_deref()
                .map(|s| s.lines().any(|l| l == "*")),
            Some(true),
            "the cache folder keeps itself out of git"
        );
    }

    /// Runs `warta build` with at most 1 GiB of address space: a 20,000×20,000 picture
    /// decoded would need 1.6 GB, so a build that tried dies instead of failing cleanly.
    fn build_bounded(root: &Path) -> Output {
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_warta"))
            .args(["build", "--root", root.to_str().unwrap()])
            .env("WARTA_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env("RAYON_NUM_THREADS", "2")
            .output()
            .unwrap()
    }

    /// The fixture `images/<case>` fails to build, with exit code 1 (not a crash), printing
    /// each of `expected`, and leaves no output.
    fn assert_bad_image(case: &str, expected: &[&str]) {
        let site = copy_fixture(&format!("images/{case}"));
        let out = build_bounded(site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{case}:\n{err}");
        for want in expected {
            assert!(err.contains(want), "{case}: missing {want:?} in\n{err}");
        }
        assert!(!err.contains("panicked"), "{case}:\n{err}");
        assert!(!site.path().join("public").exists(), "{case}");
    }

    #[test]
    fn truncated_jpeg_is_an_error_naming_the_file() {
        assert_bad_image(
            "truncated",
            &[
                "error: content/berita/2025-01-01-foto.md:7:22: cannot process the image `content/berita/foto.jpg`: the file is cut short",
            ],
        );
    }

    #[test]
    fn text_file_named_jpg_is_an_error_naming_the_file() {
        assert_bad_image(
            "not_an_image",
            &[
                "error: content/berita/2025-01-01-foto.md:7:28: `content/berita/foto.jpg` is not an image",
            ],
        );
    }

    #[test]
    fn decompression_bomb_is_refused_from_its_header() {
        assert_bad_image(
            "bomb",
            &[
                "error: content/berita/2025-01-01-foto.md:4:8: `content/berita/foto.png` is too large to process (20000×20000 pixels)",
            ],
        );
    }

    #[test]
    fn heic_photo_is_an_error_naming_the_file() {
        assert_bad_image(
            "heic",
            &[
                "error: content/berita/2025-01-01-foto.md:7:22: `content/berita/foto.heic` is a HEIC file, which most browsers cannot show",
                "save the picture as JPEG",
            ],
        );
    }

    #[test]
    fn bad_images_no_page_uses_are_left_out_with_a_warning() {
        // Like every file no page links, they are not published (nor decoded).
        let site = copy_fixture("images/unused_bad");
        let out = build_bounded(site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        for want in [
            "warning: content/berita/iphone.heic: no page links this file, so it is not published",
            "warning: content/berita/potong.jpg: no page links this file, so it is not published",
        ] {
            assert!(err.contains(want), "missing {want:?} in\n{err}");
        }
        let public = tree(&site.path().join("public"));
        assert!(!public.contains_key("berita/iphone.heic"));
        assert!(!public.contains_key("berita/potong.jpg"));
    }

    #[test]
    fn image_without_alt_text_is_an_error() {
        let site = copy_fixture("images/no_alt");
        let out = build(site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains(
                "error: content/berita/2025-01-01-foto.md:7:5: the image `foto.jpg` has no description for readers who cannot see it (alt text)"
            ),
            "{err}"
        );
        assert!(
            err.contains("![](foto.jpg \"decorative\")"),
            "the hint shows the escape hatch: {err}"
        );
    }

    #[test]
    fn heavy_photo_warns_over_budget_and_its_preview_stays_under_300_kb() {
        let site = copy_fixture("images/budget");
        // Fine noise everywhere: the worst case for every encoder.
        let noisy = photo(1600, 1200, 255, 95, None);
        std::fs::write(site.path().join("content/berita/bising.jpg"), noisy).unwrap();
        let out = build(site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        let warning = err
            .lines()
            .find(|l| l.starts_with("warning: content/berita/2025-01-01-bising.md:4:8: the image `content/berita/bising.jpg` is "))
            .unwrap_or_else(|| panic!("no budget warning:\n{err}"));
        assert!(
            warning.ends_with(" KB at 800 px (WebP), over the budget of 100 KB"),
            "{warning}"
        );
        let public = tree(&site.path().join("public"));
        let (path, og) = variants(&public, "bising")
            .into_iter()
            .find(|(path, _)| path.contains("-og."))
            .unwrap();
        assert!(og.len() <= 300_000, "{path}: {} bytes", og.len());
        assert_eq!(decode(og).dimensions(), (1200, 630));
    }

    /// A minimal ICC v2 display profile for Display P3 (the primaries adapted to D50, gamma
    /// 2.2 curves), as a phone's camera app tags its photos.
    fn display_p3_icc() -> Vec<u8> {
        fn s15(v: f64) -> [u8; 4] {
            ((v * 65536.0).round() as i32).to_be_bytes()
        }
        fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
            [b"XYZ ".as_slice(), &[0; 4], &s15(x), &s15(y), &s15(z)].concat()
        }
        let curve = [
            b"curv".as_slice(),
            &[0; 4],
            &1u32.to_be_bytes(),
            &563u16.to_be_bytes(),
            &[0; 2],
        ]
        .concat();
        let tags: [(&[u8; 4], Vec<u8>); 7] = [
            (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", xyz(0.515121, 0.241196, -0.001053)),
            (b"gXYZ", xyz(0.291977, 0.692245, 0.041885)),
            (b"bXYZ", xyz(0.157104, 0.066574, 0.784073)),
            (b"rTRC", curve.clone()),
            (b"gTRC", curve.clone()),
            (b"bTRC", curve),
        ];
        let mut table = (tags.len() as u32).to_be_bytes().to_vec();
        let mut data = Vec::new();
        let mut offset = 128 + 4 + 12 * tags.len();
        for (signature, body) in &tags {
            table.extend_from_slice(*signature);
            table.extend_from_slice(&(offset as u32).to_be_bytes());
            table.extend_from_slice(&(body.len() as u32).to_be_bytes());
            offset += body.len();
            data.extend_from_slice(body);
        }
        let mut header = Vec::with_capacity(128);
        header.extend_from_slice(&(offset as u32).to_be_bytes());
        header.extend_from_slice(&[0; 4]);
        header.extend_from_slice(&0x0210_0000u32.to_be_bytes());
        header.extend_from_slice(b"mntrRGB XYZ ");
        header.extend_from_slice(&[0; 12]);
        header.extend_from_slice(b"acsp");
        header.extend_from_slice(&[0; 28]);
        header.extend_from_slice(&[&s15(0.9642)[..], &s15(1.0), &s15(0.8249)].concat());
        header.resize(128, 0);
        [header, table, data].concat()
    }

    /// A JPEG of one flat colour, tagged with the ICC profile `icc` (an APP2 segment right
    /// after the start marker, where cameras put it).
    fn flat_jpeg(rgb: [u8; 3], icc: Option<&[u8]>) -> Vec<u8> {
        let (w, h) = (320, 240);
        let pixels: Vec<u8> = (0..w * h).flat_map(|_| rgb).collect();
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
            .write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        let Some(icc) = icc else { return jpeg };
        let mut app2 = vec![0xFF, 0xE2];
        app2.extend_from_slice(&u16::try_from(2 + 14 + icc.len()).unwrap().to_be_bytes());
        app2.extend_from_slice(b"ICC_PROFILE\0\x01\x01");
        app2.extend_from_slice(icc);
        [&jpeg[..2], &app2, &jpeg[2..]].concat()
    }

    /// The mean colour of an image.
    fn mean(bytes: &[u8]) -> [f64; 3] {
        let img = decode(bytes);
        let n = f64::from(img.width() * img.height());
        let mut sum = [0.0; 3];
        for p in img.pixels() {
            for (s, c) in sum.iter_mut().zip(p.0) {
                *s += f64::from(c);
            }
        }
        sum.map(|s| s / n)
    }

    #[test]
    fn a_display_p3_photo_is_converted_to_srgb() {
        let site = copy_fixture("images/originals");
        let foto = site.path().join("content/berita/foto.jpg");
        let orange = [220, 120, 60];
        let mut outputs = Vec::new();
        for icc in [None, Some(display_p3_icc())] {
            std::fs::write(&foto, flat_jpeg(orange, icc.as_deref())).unwrap();
            let out = build(site.path());
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let public = tree(&site.path().join("public"));
            let webp = variants(&public, "foto")
                .into_iter()
                .find(|(path, _)| path.ends_with(".webp"))
                .map(|(_, bytes)| bytes.to_vec())
                .expect("a WebP variant");
            let original = file(&public, "/berita/foto.jpg").to_vec();
            assert!(!contains(&original, b"ICC_PROFILE") && !contains(&webp, b"ICCP"));
            outputs.push((mean(&webp), mean(&original)));
        }
        let (untagged, p3) = (&outputs[0], &outputs[1]);
        for (plain, converted) in [(untagged.0, p3.0), (untagged.1, p3.1)] {
            // Untagged pixels are sRGB already and stay as they are.
            for (c, expected) in plain.iter().zip(orange) {
                assert!((c - f64::from(expected)).abs() < 3.0, "{plain:?}");
            }
            // P3's orange is more saturated than the same numbers in sRGB: red up, blue down.
            assert!(converted[0] > plain[0] + 8.0, "{converted:?} vs {plain:?}");
            assert!(converted[2] < plain[2] - 8.0, "{converted:?} vs {plain:?}");
        }
    }

    /// Sets the modification time of `path` to `days` ago.
    fn age(path: &Path, days: u64) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 60 * 60))
            .unwrap();
    }

    #[test]
    fn cache_files_no_build_uses_for_a_week_are_removed() {
        let site = copy_fixture("images/originals");
        let first = build(site.path());
        assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
        let cache = site.path().join(".warta-cache/images");
        let used: Vec<_> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(used.len() >= 2, "{used:?}");
        // What this build uses stays, however old.
        for file in &used {
            age(file, 60);
        }
        let put = |name: &str, days: u64| {
            let path = cache.join(name);
            std::fs::write(&path, b"left over").unwrap();
            age(&path, days);
            path
        };
        // A photo since replaced, a temporary file of a killed build: unused for over a week.
        let replaced = put("0123456789abcdef-800.webp", 8);
        let killed = put("0123456789abcdef-480.jpg.tmp4242", 30);
        // A draft's photo that `serve --drafts` made yesterday.
        let draft = put("fedcba9876543210-800.webp", 1);

        // A failed build removes nothing: the broken page's photos must survive until it is fixed.
        let broken = site.path().join("content/berita/rusak.md");
        std::fs::write(&broken, "---\ntitle: [\n---\n").unwrap();
        let failed = build(site.path());
        assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
        assert!(replaced.exists() && killed.exists());

        std::fs::remove_file(&broken).unwrap();
        let second = build(site.path());
        let err = stderr(&second);
        assert_eq!(second.status.code(), Some(0), "{err}");
        assert!(
            err.contains("2 unused files removed from the cache"),
            "{err}"
        );
        assert!(!replaced.exists() && !killed.exists());
        assert!(draft.exists());
        for file in &used {
            assert!(file.exists(), "{} was removed", file.display());
        }
        let third = build(site.path());
        assert!(!stderr(&third).contains("removed"), "{}", stderr(&third));
    }

    #[test]
    fn publish_originals_publishes_the_clean_original_too() {
        let site = copy_fixture("images/originals");
        let source = std::fs::read(site.path().join("content/berita/foto.jpg")).unwrap();
        assert!(!metadata_in(&source).is_empty());
        let out = build(site.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let public = tree(&site.path().join("public"));
        let original = file(&public, "/berita/foto.jpg");
        assert!(metadata_in(original).is_empty());
        // The 64×48 sensor picture, turned upright.
        assert_eq!(decode(original).dimensions(), (48, 64));
        assert!(!variants(&public, "foto").is_empty());
    }
}

#[cfg(not(feature = "images"))]
mod unprocessed {
    use crate::support::{build, copy_fixture, fixture, read, stderr, tree};

    #[test]
    fn without_the_feature_images_are_copied_unchanged_with_one_warning() {
        let site = copy_fixture("images/unprocessed");
        let out = build(site.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert_eq!(
            err.matches("built without the `images` feature").count(),
            1,
            "{err}"
        );
        let public = tree(&site.path().join("public"));
        for name in ["foto.jpg", "lain.jpg"] {
            let source =
                std::fs::read(fixture("images/unprocessed/content/berita").join(name)).unwrap();
            assert_eq!(
                public.get(&format!("berita/{name}")),
                Some(&source),
                "{name}"
            );
        }
        let html = read(&site.path().join("public"), "berita/foto/index.html");
        assert!(!html.contains("<picture>"), "{html}");
        assert!(html.contains("alt=\"Petugas di loket\""), "{html}");
    }
}
