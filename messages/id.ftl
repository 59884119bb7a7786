# Pesan warta untuk editor, dalam bahasa Indonesia.
#
# Untuk penerjemah: setiap pesan di sini punya kembaran dengan id yang sama di en.ftl. Ubah
# kata-kata di kanan tanda `=`; biarkan id dan setiap `{ $nama }` (nilai yang diisi warta).
# Teks yang berlanjut ke baris berikutnya ditulis menjorok empat spasi.
# `cargo test i18n` memeriksa kedua berkas.

## Peralihan ke katalog: teks yang belum dipindahkan ke sini.
untranslated = { $text }


## Tautan (links.rs): setiap tautan di situs harus menuju ke suatu tempat.
link-broken = tautan rusak: tidak ada yang diterbitkan di { $path }
link-broken-hint = tautkan halaman lewat berkasnya, seperti `@/bagian/berkas.md` (misalnya `@/panduan/cara-mengadu.md`), maka warta menemukan alamatnya di setiap bahasa
link-anchor-broken = tautan ke bagian halaman rusak: { $path } tidak punya `#{ $fragment }`
link-anchor-did-you-mean = maksud Anda `#{ $near }`?
link-anchor-hint = tautan ke bagian halaman memakai id sebuah judul: judul `## Langkah 2` ber-id `langkah-2`
link-in-template = { $problem } (di halaman { $page }, ditulis oleh templat tema)
link-in-template-hint = { $hint }; jika tautan berasal dari tema, perbaiki templatnya


## Membaca content/ (source.rs). Id diawali `source-`.


## Pengaturan situs, site.yaml (config.rs). Id diawali `config-`.
config-cannot-read = pengaturan situs (site.yaml) tidak dapat dibaca: { $why }
config-cannot-read-hint = jalankan warta di folder situs atau beri --root; warta mencari di { $folder }
config-not-utf8 = pengaturan situs (site.yaml) bukan teks yang sah (UTF-8)
config-not-utf8-hint = simpan ulang berkas ini dengan pengodean (encoding) UTF-8
config-unknown-setting = pengaturan situs (site.yaml) tidak mengenal pengaturan `{ $key }`
config-unknown-setting-in = pengaturan situs (site.yaml) tidak mengenal pengaturan `{ $key }` di bawah `{ $block }:`
config-unknown-setting-hint = pengaturan yang boleh ada di sini: { $known }; hapus baris ini jika bukan salah satunya
config-did-you-mean = maksud Anda `{ $near }`?
config-base-url-missing = pengaturan situs (site.yaml) belum memuat alamat situs `base_url`
config-base-url-missing-hint = tambahkan baris `base_url: https://your-site.go.id` dengan alamat situs yang sebenarnya
config-base-url-not-absolute = alamat situs `base_url` harus berupa alamat lengkap (URL absolut), ditemukan { $found }
config-base-url-not-absolute-hint = tulis dengan `https://` di depannya, misalnya `base_url: https://kp2mi.go.id`
config-base-url-unusable = alamat situs `base_url` { $found } tidak dapat dipakai: { $why }
config-base-url-unusable-hint = tulis sebagai `https://host` atau `https://host/folder/`, misalnya `base_url: https://example.github.io/kp2mi/`
config-base-url-flag-unusable = alamat yang diberikan lewat --base-url, { $found }, tidak dapat dipakai: { $why }
config-base-url-flag-unusable-hint = berikan alamat lengkap (URL absolut), misalnya `--base-url https://example.github.io/kp2mi/`
config-base-url-no-host = alamat itu tidak memuat nama host
config-base-url-query = alamat situs tidak boleh memuat kueri (`?`) atau fragmen (`#`)
config-base-url-folder = jalurnya { $path } hanya boleh berisi nama folder dari huruf, angka, `-`, `_`, `.`, dan `~`
config-csp-one-line = `output.content_security_policy` harus berupa satu baris yang tidak kosong
config-csp-one-line-hint = tulis kebijakan itu dalam satu baris, aturan-aturannya (directive) dipisahkan dengan `;`
config-image-widths = `images.widths` harus berisi lebar antara 16 dan 4096 piksel, ditemukan { $found }
config-image-widths-hint = tulis misalnya `widths: [480, 800, 1200]`
config-image-quality = `images.quality` harus antara 1 dan 100, ditemukan { $found }
config-image-quality-hint = 75 cocok untuk foto di ponsel; angka yang lebih tinggi menghabiskan lebih banyak kuota data pembaca
config-budget-zero = `budgets.{ $key }` paling sedikit 1 (KB)
config-budget-zero-hint = tulis batasnya dalam kilobyte (KB), misalnya `html: 40`; hapus baris ini untuk memakai nilai bawaan
config-iframe-host = `markdown.iframe_hosts`: { $found } bukan nama situs web (nama host)
config-iframe-host-hint = tulis nama situsnya saja, dengan huruf kecil, misalnya `www.youtube-nocookie.com` (tanpa `https://`, tanpa jalur)
config-not-a-language-code = `{ $lang }` bukan kode bahasa
config-not-a-language-code-hint = pakai kode bahasa dua atau tiga huruf kecil (ISO 639), misalnya `[id, en]`
config-default-language-not-listed = bahasa utama `default_language` `{ $lang }` tidak ada di `languages`
config-default-language-not-listed-hint = tambahkan `{ $lang }` ke `languages`
config-title-missing = `title` situs belum ada dalam bahasa utama
config-title-missing-hint = tambahkan `title: {"{"} { $lang }: "…" {"}"}`
config-text-language = `{ $key }` punya teks dalam `{ $lang }`, yang bukan salah satu bahasa situs
config-text-language-hint = tulis dalam salah satu dari: { $languages }; atau tambahkan `{ $lang }` ke `languages`
config-alert-date = tanggal { $found } pada pengumuman (`extra.alerts`) { $why }
config-alert-date-hint = tulis tanggal sebagai YYYY-MM-DD, misalnya 2025-01-31


## Tema dan teks antarmukanya (theme.rs). Id diawali `theme-`.


## Blok atas berkas, sebagaimana dibaca YAML (yaml.rs). Id diawali `yaml-`.


## Isian blok atas (frontmatter.rs). Id diawali `frontmatter-`.


## Halaman, bagian, alamat, dan terjemahan (content/). Id diawali `content-`.


## Teks sisa `warta new` (content/scaffold.rs). Id diawali `scaffold-`.


## Isi halaman (markdown.rs). Id diawali `markdown-`.


## Foto (images.rs). Id diawali `images-`.


## Templat (render/). Id diawali `render-`.


## Bobot halaman (budgets.rs). Id diawali `budgets-`.


## Pencarian (search.rs). Id diawali `search-`.
# Tanggal sebagaimana ditulis editor (dates.rs): akhir kalimat yang menyebut tanggalnya.
search-date-shape = harus berformat YYYY-MM-DD (atau RFC 3339 bila disertai jam)
search-date-no-such-day = bukan tanggal yang ada di kalender
search-date-bad-time = memuat jam yang tidak sesuai RFC 3339 (tulis 2024-11-22T09:30:00+07:00)


## Menulis situs (output.rs). Id diawali `output-`.


## Berkas untuk hosting dan build (deploy.rs). Id diawali `deploy-`.


## Yang sudah diterbitkan, dan warta diff (manifest.rs). Id diawali `manifest-`.


## warta check (check.rs). Id diawali `check-`.


## warta new (new.rs). Id diawali `new-`.


## Baris perintah dan ringkasan (cli.rs). Id diawali `cli-`.


## warta serve dan lapisan kesalahannya (serve/). Id diawali `serve-`.
