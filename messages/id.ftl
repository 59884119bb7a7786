# Pesan warta untuk editor, dalam bahasa Indonesia.
#
# Untuk penerjemah: setiap pesan di sini punya kembaran dengan id yang sama di en.ftl. Ubah
# kata-kata di kanan tanda `=`; biarkan id dan setiap `{ $nama }` (nilai yang diisi warta).
# Teks yang berlanjut ke baris berikutnya ditulis menjorok empat spasi.
# `cargo test i18n` memeriksa kedua berkas.



## Label di bawah pesan (diag.rs): alat CI hanya membaca baris pertama.
diag-hint-label = petunjuk
diag-code-label = kode

## Tautan (links.rs): setiap tautan di situs harus menuju ke suatu tempat.
link-broken = tautan rusak: tidak ada yang diterbitkan di { $path }
link-broken-hint = tautkan halaman lewat berkasnya, seperti `@/bagian/berkas.md` (misalnya `@/panduan/cara-mengadu.md`), maka warta menemukan alamatnya di setiap bahasa
link-anchor-broken = tautan ke bagian halaman rusak: { $path } tidak punya `#{ $fragment }`
link-anchor-did-you-mean = maksud Anda `#{ $near }`?
link-did-you-mean = maksud Anda `{ $link }`?
link-anchor-hint = tautan ke bagian halaman memakai id sebuah judul: judul `## Langkah 2` ber-id `langkah-2`
link-in-template = { $problem } (di halaman { $page }, ditulis oleh templat tema)
link-in-template-hint = { $hint }; jika tautan berasal dari tema, perbaiki templatnya


## Tombol aksi dan tautan pengumuman (config/action_url.rs, content/frontmatter/actions.rs). Id diawali `action-`.
action-url-empty = alamat `url` di `{ $key }` kosong
action-url-insecure = alamat { $url } di `{ $key }` diawali `http:`, yang tidak aman: tombol dan tautan pengumuman hanya boleh menuju alamat `https:`
action-url-scheme = alamat { $url } di `{ $key }` diawali `{ $scheme }:`, yang tidak boleh dipakai tombol atau tautan pengumuman
action-url-no-scheme = alamat { $url } di `{ $key }` kurang awalannya, `https://`
action-url-malformed = alamat { $url } di `{ $key }` bukan alamat yang lengkap
action-url-write = tulis `{ $text }`
action-url-hint = tulis alamat web yang diawali `https://`, nomor telepon sebagai `tel:0800-1000`, alamat e-mail sebagai `mailto:pengaduan@example.go.id`, atau halaman situs ini seperti `{ $page }`
action-label-empty = tombol aksi ke-{ $number } punya `label` kosong
action-label-empty-hint = tulis setelah `label:` kata-kata pada tombol, yang menyebut apa yang akan dilakukan pembaca, mis. `label: Cek perusahaan di SISKOP2MI`
action-many = halaman ini punya { $count } tombol aksi; lebih dari { $max } tombol memenuhi bagian atas halaman dan tidak ada yang menonjol
action-many-hint = pertahankan { $max } aksi yang paling dibutuhkan pembaca dan pindahkan tautan lainnya ke dalam teks
action-alert-link-site = alamat { $url } di `extra.alerts.link` bukan alamat lengkap: di site.yaml halaman situs ini ditulis dari akar situs, diawali `/`
action-alert-link-label = tautan pengumuman (`extra.alerts`) tidak punya `label` dalam bahasa { $lang }
action-alert-link-label-hint = tambahkan di bawah `link:` kata-kata tautan dalam tiap bahasa, mis. `label: {"{"} id: "Cek perusahaan", en: "Check the company" {"}"}`

## Membaca content/ (source.rs). Id diawali `source-`.
source-no-content-folder = situs ini tidak punya folder `content/`
source-no-content-folder-hint = buat `content/_index.md`; lihat README untuk susunan foldernya
source-symlink = ini tautan ke berkas lain (symbolic link), dan warta tidak mengikutinya: berkas ini bukan bagian situs
source-symlink-hint = salin berkasnya ke { $folder }/ alih-alih menautkannya
source-special-file = { $kind } bukan berkas biasa: tidak menjadi bagian situs
source-special-file-hint = simpan hanya berkas dan folder di { $folder }/
source-kind-pipe = pipa bernama (named pipe)
source-kind-socket = soket (socket)
source-kind-device = perangkat (device)
source-kind-other = entri ini
source-cannot-read-folder = tidak dapat dibaca: { $why }
source-cannot-read-folder-hint = periksa izin akses folder ini
source-cannot-read-file = berkas tidak dapat dibaca: { $why }
source-file-permissions-hint = periksa izin akses berkas ini
source-file-readable-hint = periksa bahwa berkas ini ada dan dapat dibaca
source-too-deep = berkas Markdown boleh berada di `content/` atau satu folder bagian di bawahnya, tidak lebih dalam
source-too-deep-hint = pindahkan ke `content/{ $section }/{ $file }`
source-unknown-language = akhiran bahasa `.{ $suffix }` bukan salah satu bahasa situs
source-unknown-language-hint = ganti nama berkas menjadi salah satu dari: { $choices } (bahasa situs diatur di site.yaml)
source-page-name = berkas ini tampak seperti halaman, tetapi hanya berkas yang namanya berakhiran `.md` yang menjadi halaman: berkas ini tidak diterbitkan
source-page-name-hint = ganti namanya menjadi { $target }
source-page-name-exists-hint = { $target } sudah ada: salin ke sana apa yang ditambahkan berkas ini, lalu hapus berkas ini
source-binary = berkas ini bukan teks (berisi byte NUL)
source-binary-hint = berkas `.md` hanya berisi teks Markdown; apakah sebuah gambar atau dokumen tersimpan dengan nama yang salah?
source-not-utf8 = berkas ini tidak tersimpan sebagai teks yang dapat dibaca warta (UTF-8): byte 0x{ $byte } tidak semestinya ada di sana
source-not-utf8-hint = simpan ulang berkas ini sebagai UTF-8 di editor Anda (mungkin tersimpan sebagai Windows-1252 atau Latin-1)


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
config-write = tulis `{ $text }`
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
config-alert-date-hint = tulis tanggal sebagai tahun-bulan-tanggal, seperti `2024-11-22`
config-tag-missing-language = topik ke-{ $number } di `tags` ({ $label }) belum punya label dalam `{ $lang }`
config-tag-empty = topik ke-{ $number } di `tags` belum punya nama dalam `{ $lang }`: nama harus berisi huruf atau angka
config-tag-label-hint = tambahkan `{ $lang }: …` ke topik ini, berisi namanya dalam bahasa itu, misalnya `- {"{"} id: Calon PMI, en: Prospective workers {"}"}`
config-tag-name-hint = sesudah `{ $lang }:` tulis nama topik dalam bahasa itu, misalnya `- {"{"} id: Calon PMI, en: Prospective workers {"}"}`
config-feedback-url = alamat formulir masukan `extra.feedback.url`, { $found }, harus alamat lengkap yang diawali `https://`
config-feedback-url-hint = salin alamat formulir dari peramban, misalnya `url: https://forms.example.go.id/masukan`
config-feedback-email = `extra.feedback.email`, { $found }, bukan satu alamat email
config-feedback-email-hint = tulis satu alamat, misalnya `email: humas@kp2mi.go.id`
config-feedback-one = `extra.feedback` memerlukan alamat formulir `url` atau alamat email `email`: tepat salah satunya
config-feedback-one-hint = pertahankan salah satunya, misalnya `feedback: {"{"} email: humas@kp2mi.go.id {"}"}` atau `feedback: {"{"} url: "https://forms.example.go.id/masukan" {"}"}`


## Tema dan teks antarmukanya (theme.rs). Id diawali `theme-`.
theme-not-found = tema `{ $name }` tidak ditemukan di themes/{ $name }/
theme-not-found-hint = buat themes/{ $name }/templates/, atau hapus `theme:` agar memakai tema bawaan `{ $default }`
theme-cannot-read-folder = tema tidak dapat dibaca: { $why }
theme-cannot-read-file = berkas tema ini tidak dapat dibaca: { $why }
theme-cannot-read-hint = pastikan berkas itu ada dan boleh Anda buka (izin aksesnya)
theme-template-not-utf8 = tata letak halaman (templat) ini bukan teks yang sah (UTF-8)
theme-strings-not-utf8 = berkas teks antarmuka ini bukan teks yang sah (UTF-8)
theme-not-utf8-hint = simpan ulang berkas ini dengan pengodean (encoding) UTF-8
theme-no-strings-for-language = tema tidak punya teks antarmuka (UI string) untuk `{ $lang }`: halamannya menampilkan teks itu dalam bahasa lain
theme-no-strings-for-language-hint = tambahkan { $file } dengan kunci-kunci dari berkas lain di { $dir }/
theme-string-missing = teks antarmuka (UI string) `{ $key }` tidak ada: halaman berbahasa `{ $lang }` menampilkannya dalam `{ $fallback }`
theme-string-missing-hint = tambahkan `{ $key }: "…"` ke { $file }, sebagai terjemahan dari { $from }
theme-string-in-no-language = `trans(key="{ $key }")`: tidak satu pun berkas terjemahan tema (i18n) memuat teks antarmuka (UI string) `{ $key }`
theme-string-in-no-language-hint = tambahkan `{ $key }: "…"` ke setiap berkas di { $dir }/, atau perbaiki ejaan kuncinya


## Blok atas berkas, sebagaimana dibaca YAML (yaml.rs). Id diawali `yaml-`.
yaml-at-path = `{ $path }`: { $problem }
yaml-unknown-field = isian `{ $field }` tidak dikenal
yaml-did-you-mean = maksud Anda `{ $near }`?
yaml-remove-field = hapus isian ini
yaml-fields-allowed = isian yang boleh ada di sini: { $allowed }
yaml-missing-field = isian wajib `{ $field }` tidak ada
yaml-missing-field-hint = tambahkan baris `{ $field }: …`
yaml-wrong-type = jenis nilainya salah: tertulis { $found }, seharusnya { $expected }
yaml-found-text = teks { $value }
yaml-found-number = angka { $value }
yaml-found-true-false = nilai benar/salah { $value }
yaml-found-group = sekelompok isian (mapping)
yaml-found-list = sebuah daftar
yaml-found-nothing = nilai kosong (null)
yaml-found-other = { $what }
yaml-expected-text = teks
yaml-expected-true-false = true atau false (boolean)
yaml-expected-list = sebuah daftar
yaml-expected-group = sekelompok isian (mapping)
yaml-expected-number = sebuah angka
yaml-expected-whole-number = sebuah bilangan bulat
yaml-expected-choice = salah satu kata dari pilihan yang sudah ditentukan
yaml-expected-other = { $what }
yaml-write = tulis `{ $text }`
yaml-write-true-or-false = tulis `true` atau `false`
yaml-write-list = tulis sebuah daftar: `[a, b]` atau satu `- butir` per baris
yaml-write-text = tulis teks di sini; beri tanda kutip bila teks itu tampak seperti angka, tanggal, atau true/false
yaml-write-fields = tulis pasangan `nama: nilai` di sini, menjorok ke dalam di bawah nama isiannya
yaml-write-expected = tulis { $expected } di sini
yaml-quote-line = beri tanda kutip pada teks itu; tulis barisnya sebagai `{ $line }`
yaml-quote-value = beri tanda kutip pada teks itu: `{ $value }`
yaml-write-text-or-remove = tulis teksnya di sini, atau hapus isian yang kosong itu
yaml-given-twice = `{ $key }` ditulis dua kali
yaml-given-twice-hint = setiap isian hanya boleh muncul sekali: hapus yang berulang atau gabungkan keduanya
yaml-duplicate-key = sebuah nama sebelum `:` ditulis dua kali di sini ({ $detail })
yaml-duplicate-key-hint = setiap nama hanya boleh muncul sekali di sini: hapus yang berulang atau gabungkan keduanya
yaml-unknown-choice = `{ $value }` bukan salah satu pilihan yang ada
yaml-did-you-mean-choice = maksud Anda `{ $near }`? (pilihannya: { $choices })
yaml-write-one-of = tulis salah satu dari { $choices }
yaml-invalid = warta tidak dapat membaca baris ini (YAML tidak valid: { $detail })
yaml-invalid-hint = periksa indentasi (gunakan spasi, bukan tab) dan beri tanda kutip pada teks yang memuat `: ` atau `#`, atau yang diawali `[`, `{"{"}`, `*`, `&`, `!`, `@`
yaml-unclosed-list-hint = daftar yang dibuka dengan `[` di baris ini atau di baris sebelumnya belum ditutup dengan `]`
yaml-unclosed-group-hint = kelompok yang dibuka dengan `{"{"}` di baris ini atau di baris sebelumnya belum ditutup dengan `{"}"}`
yaml-bad-start-hint = jorokkan baris dengan spasi, jangan dengan tab; teks yang diawali `@` atau tanda petik terbalik (`) harus diberi tanda kutip
yaml-too-much-repetition = pintasan `&name` dan `*name` (anchor dan alias YAML) mengulang data yang jauh terlalu banyak
yaml-too-much-repetition-hint = tulis nilainya satu per satu, jangan mengulangnya dengan `*name`
yaml-nested-too-deeply = nilai-nilainya bersarang terlalu dalam, satu di dalam yang lain (YAML tidak valid)
yaml-nesting-hint = di sini cukup beberapa tingkat saja; sederhanakan susunannya
yaml-brackets-too-deep = tanda kurungnya bersarang lebih dari { $max } tingkat (YAML tidak valid)
yaml-brackets-too-deep-hint = di sini cukup beberapa tingkat saja; tutup `[` dan `{"{"}` yang sudah Anda buka
yaml-colon-in-text = teks `{ $key }` memuat titik dua yang diikuti spasi, jadi harus diberi tanda kutip (YAML: { $detail })
yaml-colon-in-item = butir daftar ini memuat titik dua yang diikuti spasi, jadi harus diberi tanda kutip (YAML: { $detail })
yaml-text-needs-quotes = teks `{ $key }` harus diberi tanda kutip: seperti tertulis sekarang, warta tidak dapat membacanya (YAML tidak valid: { $detail })
yaml-write-line = tulis barisnya sebagai `{ $line }`
yaml-tab = baris ini dijorokkan dengan tab; di sini hanya spasi yang diizinkan (YAML)
yaml-tab-hint = ganti tab di awal baris ini dengan spasi (dua spasi per tingkat)


## Isian blok atas (frontmatter.rs). Id diawali `frontmatter-`.
frontmatter-no-top-block = berkas tidak diawali blok isian (front matter)
frontmatter-no-top-block-hint = baris pertama harus `---`, lalu `title: …` dan isian lainnya, lalu sebuah baris `---`
frontmatter-not-closed = blok isian di bagian atas berkas (front matter) tidak pernah ditutup
frontmatter-not-closed-hint = tambahkan baris `---` setelah isian terakhir, sebelum teks
frontmatter-write = tulis `{ $text }`
frontmatter-did-you-mean = maksud Anda `{ $near }`?
frontmatter-missing-field = isian wajib `{ $key }` tidak ada
frontmatter-press-release-date-hint = siaran pers memerlukan tanggal terbitnya: tambahkan baris `date: { $today }` (tanggal hari ini; tulis tanggal terbitnya bila terbit pada hari lain)
frontmatter-guide-updated-hint = panduan menyebutkan kapan terakhir diperiksa: tambahkan baris `updated: { $today }` (hari ini) setelah Anda memeriksanya
frontmatter-country-code-missing-hint = halaman negara memerlukan kode negara dua huruf (ISO 3166-1): tambahkan baris `country_code: MY` dengan kode negaranya (MY adalah Malaysia)
frontmatter-legal-basis-url = tautan { $url } di `legal_basis` bukan alamat web (URL)
frontmatter-legal-basis-url-hint = tulis alamat lengkapnya, diawali `https://`
frontmatter-title-empty = `title` kosong
frontmatter-page-title-empty-hint = tulis judul halaman setelah `title: `
frontmatter-page-title-missing-hint = setiap halaman memerlukan judul: tambahkan baris `title: …` dan ganti `…` dengan judulnya
frontmatter-section-title-empty-hint = tulis nama bagian setelah `title: `, sebagaimana tampil di menu dan daftar
frontmatter-section-title-missing-hint = tambahkan baris `title: …` dan ganti `…` dengan nama bagian, sebagaimana tampil di menu dan daftar
frontmatter-image-alt-missing = `image` diisi tetapi `image_alt` tidak ada
frontmatter-image-alt-missing-hint = tambahkan baris `image_alt: "…"` dan ganti `…` dengan apa yang tampak di gambar, untuk pembaca yang tidak dapat melihatnya
frontmatter-image-focus = `image_focus` harus berisi dua angka dari 0 sampai 1, tertulis { $found }
frontmatter-image-focus-hint = tulis `{ $text }`: angka pertama diukur mendatar dari kiri (0 sampai 1), angka kedua ke bawah dari atas
frontmatter-description-long = `description` panjangnya { $count } karakter; mesin pencari dan WhatsApp memotongnya di sekitar 160
frontmatter-description-long-hint = persingkat menjadi satu kalimat yang paling banyak 160 karakter
frontmatter-alias = alamat lama { $alias } di `aliases` harus diawali `/` dan tetap berada di dalam situs
frontmatter-alias-hint = tulis alamat lama dari akar situs, seperti `/berita/nama-lama/`, tanpa `..`
frontmatter-faq-empty = butir `faq` ke-{ $number } memiliki `{ $part }` yang kosong
frontmatter-faq-empty-hint = setiap butir memerlukan pertanyaan `q:` dan jawabannya `a:`, keduanya ditulis lengkap
frontmatter-bad-date = `{ $key }` { $why }, tertulis { $found }
frontmatter-date-hint = tulis tanggalnya sebagai tahun-bulan-hari, seperti `2024-11-22`
frontmatter-country-code = { $code } di `{ $key }` bukan kode negara dua huruf (ISO 3166-1 alpha-2)
frontmatter-country-code-hint = gunakan kode negara dua huruf (ISO 3166-1), misalnya MY untuk Malaysia, TW untuk Taiwan, HK untuk Hong Kong
frontmatter-cost-amount-negative = `{ $field }` pada biaya ke-{ $number } bernilai { $found }: besaran biaya tidak boleh di bawah nol
frontmatter-cost-amount-not-whole = `{ $field }` pada biaya ke-{ $number } bernilai `{ $found }`: besaran biaya adalah bilangan bulat yang ditulis dengan angka saja
frontmatter-cost-amount-too-large = `{ $field }` pada biaya ke-{ $number } terlalu besar untuk sebuah besaran biaya
frontmatter-cost-amount-hint = tulis besarannya dengan angka saja, tanpa titik, koma, atau `Rp`, misalnya `{ $field }: 1500000`; tulis mata uangnya di `currency:`
frontmatter-cost-amount-digits-hint = tulis `{ $text }`: angka saja, tanpa titik, koma, atau mata uang (tulis mata uangnya di baris tersendiri, misalnya `currency: MYR`; rupiah tidak perlu)
frontmatter-cost-amount-and-max = biaya ke-{ $number } berisi `amount` dan `max` sekaligus
frontmatter-cost-amount-and-max-hint = pertahankan salah satu baris: `amount:` bila biayanya tepat sebesar itu, `max:` bila paling banyak sebesar itu; hapus baris yang lain
frontmatter-cost-currency = `currency` pada biaya ke-{ $number } bernilai { $found }, bukan kode mata uang (ISO 4217)
frontmatter-cost-currency-hint = tulis kode tiga huruf mata uangnya dengan huruf kapital, misalnya `currency: MYR` untuk ringgit, `currency: SGD` untuk dolar Singapura; untuk rupiah hapus saja barisnya
frontmatter-text-cut-at-hash = `{ $field }` terpotong di ` #`: YAML membaca `{ $cut }` sebagai catatan (komentar) dan mengabaikannya, sehingga teksnya hanya { $kept }
frontmatter-item-cut-at-hash = sebuah butir `{ $field }` terpotong di ` #`: YAML membaca `{ $cut }` sebagai catatan (komentar) dan mengabaikannya, sehingga butirnya hanya { $kept }
frontmatter-text-cut-at-hash-hint = agar teksnya utuh, tulis barisnya sebagai `{ $line }`
frontmatter-emergency-missing = nomor darurat { $number } tidak punya `{ $field }`
frontmatter-emergency-missing-hint = tulis setiap nomor beserta namanya, misalnya `- {"{"} name: "Polis / Ambulans", number: "999" {"}"}`
frontmatter-emergency-number = nomor darurat { $number } berisi { $found }, yang bukan nomor telepon
frontmatter-emergency-number-hint = tulis hanya angka, spasi, tanda hubung, dan `+` di depan, di antara tanda petik, misalnya `number: "999"` atau `number: "+60 3-2116 4000"`


## Halaman, bagian, alamat, dan terjemahan (content/). Id diawali `content-`.
content-section-type-differs = bagian `{ $section }` bertipe `{ $main }` di `_index.md` bahasa utama, tetapi `{ $here }` di sini
content-section-type-differs-hint = tulis `{ $main }`: semua terjemahan sebuah bagian memakai satu tipe yang sama (bahasa { $lang })
content-section-no-index = bagian `{ $section }` tidak punya `_index.md`: judulnya menjadi { $title } dan halamannya bertipe `page`
content-section-no-index-hint = buat content/{ $section }/_index.md berisi `title:` dan `type:` (press_release, guide, country, atau page)
content-why-draft = halaman ini masih draf (`draft: true`)
content-why-future = tanggalnya, { $date }, belum tiba
content-file-name-no-slug = nama berkas ini tidak menghasilkan nama alamat (slug): tidak ada huruf atau angka di dalamnya
content-file-name-no-slug-hint = ganti nama berkas dengan kata-kata, atau tambahkan baris `slug: some-words` ke blok atas berkas (front matter)
content-file-name-no-slug-hint-slug = tambahkan baris `slug: { $slug }` ke blok atas berkas (front matter), atau ganti nama berkas dengan kata-kata
content-tag-no-letters = tag { $tag } tidak memuat huruf atau angka
content-tag-no-letters-hint = tulis tag sebagai kata-kata, misalnya `tags: [penipuan, g-to-g]`
content-tag-undefined = topik (tag) { $tag } tidak ada di `tags:` pada site.yaml: ditampilkan apa adanya dan tidak terhubung ke bahasa lain
content-tag-undefined-hint = tambahkan baris `- {"{"} { $example } {"}"}` di bawah `tags:` pada site.yaml, lalu ganti tiap nama dengan nama topik dalam bahasa itu; atau tulis topik yang sudah ada
content-slug-escapes = nama alamat (slug) { $slug } akan keluar dari foldernya
content-slug-escapes-hint = nama alamat adalah satu bagian dari alamat: kata-kata berhuruf kecil yang disambung dengan `-`, tanpa `/` atau `..`
content-slug-escapes-hint-write = tulis `{ $slug }`: nama alamat adalah satu bagian dari alamat, kata-kata berhuruf kecil yang disambung dengan `-`, tanpa `/` atau `..`
content-slug-empty = nama alamat (slug) { $slug } tidak memuat huruf atau angka
content-slug-empty-hint = tulis nama alamat sebagai kata-kata berhuruf kecil yang disambung dengan `-`, misalnya `outreach-banten`
content-alias-in-image-folder = alamat lama (alias) { $url } berada di dalam { $folder }, folder tempat warta menerbitkan foto yang sudah diolah
content-alias-in-image-folder-hint = pilih alamat lama yang lain: peramban dan CDN menyimpan berkas di folder itu selamanya, sehingga berkas itu tidak akan pernah bisa berubah
content-file-in-image-folder = alamat (URL) berkas ini, { $url }, berada di dalam { $folder }, folder tempat warta menerbitkan foto yang sudah diolah
content-file-in-image-folder-hint = pindahkan berkas ke folder lain: peramban dan CDN menyimpan berkas di folder itu selamanya, sehingga berkas itu tidak akan pernah bisa berubah
content-collision = { $first } dan { $second } akan diterbitkan di alamat yang sama, { $url }
content-collision-hint = beri salah satunya `slug` yang lain (atau hapus alamat lama itu dari `aliases:`); yang satunya lagi adalah { $other }
content-origin-file = { $file }
content-origin-alias = { $file } (alamat lama { $alias })
content-origin-home = halaman beranda
content-origin-section = bagian `{ $section }`
content-origin-section-page = halaman { $number } dari bagian `{ $section }`
content-origin-tag-list = daftar tag
content-origin-tag = tag `{ $tag }`

## Rangkaian langkah: panduan yang menjadi langkah bernomor dari satu urusan (content/journeys.rs
## dan content/frontmatter/journey.rs). Id diawali `journey-`.
journey-not-guide = `{ $key }` hanya berlaku untuk panduan (halaman di bagian dengan `type: guide`), dan halaman ini bukan panduan
journey-not-guide-hint = hapus baris `journey:` dan `step:` dari berkas ini
journey-missing = `step` ditulis tanpa `journey`: rangkaian langkah yang memuat panduan ini
journey-name-hint = tambahkan baris `journey: ` diikuti nama berkas panduan ringkasan rangkaian itu tanpa `.md`, misalnya `journey: bekerja-ke-luar-negeri-secara-resmi`
journey-empty = `journey` kosong
journey-step-missing = `journey` ditulis tanpa `step`: panduan ini langkah ke berapa dalam rangkaian?
journey-step-missing-hint = tambahkan baris `step: 1` di bawah `journey:`, dengan nomor langkah panduan ini sebagai ganti 1 (1 untuk langkah pertama, 2 untuk langkah berikutnya …)
journey-step-below-one = `step` bernilai { $found }: langkah dalam rangkaian dinomori mulai dari 1
journey-overview-is-step = panduan ini adalah ringkasan dari rangkaian yang disebutnya: ringkasan mendaftar langkah-langkahnya dan bukan salah satu langkah
journey-unknown = rangkaian langkah `{ $name }` tidak ada: tidak ada panduan { $file }
journey-unknown-hint = setelah `journey:` tulis nama berkas, tanpa `.md`, dari panduan di content/{ $section }/ yang menjadi ringkasan rangkaian
journey-overview-unpublished = panduan ringkasan rangkaian ini, { $file }, tidak terbit: { $why }
journey-overview-unpublished-hint = terbitkan juga { $file }, atau hapus baris `journey:` dan `step:` dari berkas ini sampai panduan itu terbit
journey-step-twice = langkah { $step } dari rangkaian `{ $journey }` ditulis dua kali: di sini dan di { $other }
journey-step-twice-hint = beri setiap langkah nomornya sendiri: tulis `{ $text }` di sini agar panduan ini menjadi langkah terakhir
journey-step-gap = rangkaian `{ $journey }` tidak punya langkah { $missing }, padahal panduan ini langkah { $step }
journey-step-gap-hint = nomori langkah tanpa lompatan: tulis `{ $text }` di sini dan lanjutkan nomor langkah sesudahnya dari situ (langkah yang masih draf tidak terbit dan meninggalkan lompatan)
journey-translation-differs = terjemahan ini menaruh panduan di rangkaian atau langkah yang berbeda dengan { $other }
journey-translation-differs-hint = tulis `{ $journey }` dan `{ $step }` seperti di { $other }, atau hapus kedua baris itu di sini


## Teks sisa `warta new` (content/scaffold.rs). Id diawali `scaffold-`.
scaffold-translate-marker = `TRANSLATE:` menandai teks yang belum diterjemahkan, dan halaman ini bukan draf: halaman akan terbit seperti ini
scaffold-sample-text = { $sample } adalah teks contoh yang ditulis `warta new`, dan halaman ini bukan draf: halaman akan terbit seperti ini
scaffold-translate-hint-add-draft = terjemahkan teksnya lalu hapus `TRANSLATE:`; selama belum diterjemahkan, tambahkan baris `draft: true` ke blok atas berkas (front matter)
scaffold-translate-hint-change-draft = terjemahkan teksnya lalu hapus `TRANSLATE:`; selama belum diterjemahkan, ubah `draft: false` menjadi `draft: true`
scaffold-translate-line-hint-add-draft = terjemahkan teks di bawah baris ini, lalu hapus baris ini; selama belum diterjemahkan, tambahkan baris `draft: true` ke blok atas berkas (front matter)
scaffold-translate-line-hint-change-draft = terjemahkan teks di bawah baris ini, lalu hapus baris ini; selama belum diterjemahkan, ubah `draft: false` menjadi `draft: true`
scaffold-sample-hint-add-draft = ganti dengan teks halaman yang sebenarnya; selama halaman belum siap, tambahkan baris `draft: true` ke blok atas berkas (front matter)
scaffold-sample-hint-change-draft = ganti dengan teks halaman yang sebenarnya; selama halaman belum siap, ubah `draft: false` menjadi `draft: true`


## Isi halaman (markdown.rs). Id diawali `markdown-`.
markdown-image-no-alt = gambar `{ $image }` belum punya keterangan untuk pembaca yang tidak dapat melihatnya (teks alt)
markdown-image-no-alt-hint = jelaskan isi gambar di antara tanda kurung siku: `![Petugas memberi penjelasan](foto.jpg)`; untuk gambar yang hanya hiasan, tulis `![](foto.jpg "decorative")`
markdown-unsafe-link = tautan `{ $link }` diawali jenis alamat (scheme) yang dapat menjalankan kode atau menyembunyikan isi
markdown-unsafe-link-hint = tautkan dengan https://, mailto:, atau tel:, atau ke halaman situs ini
markdown-raw-html = kode HTML `{ $html }` yang ditulis di dalam teks tidak diizinkan di situs ini
markdown-raw-html-hint = tulis dengan Markdown saja (site.yaml menetapkan `markdown: {"{"} raw_html: deny {"}"}`)
markdown-unreadable-link = tautan ini tidak dapat dibaca, sehingga akan tampil sebagai teks biasa di halaman
markdown-unreadable-link-hint = tulis seluruh tautan dalam satu baris, dengan alamatnya di antara `<` dan `>`: `{ $written }`
markdown-iframe-removed = bingkai sematan (iframe) dari { $src } dihapus: hanya sematan dari situs web di `markdown.iframe_hosts` yang dipertahankan
markdown-iframe-removed-hint = sematan memerlukan alamat https:// di { $hosts }; tambahkan situs web itu ke `markdown.iframe_hosts` di site.yaml jika situs ini memang perlu menampilkannya
markdown-iframe-removed-no-hosts-hint = tidak ada situs web yang boleh disematkan (`markdown.iframe_hosts` kosong); tambahkan situs web itu ke `markdown.iframe_hosts` di site.yaml jika situs ini memang perlu menampilkannya
markdown-link-missing = tautan rusak: `{ $target }` tidak ada
markdown-link-unpublished = tautan ke `{ $target }`, yang belum diterbitkan: { $why }
markdown-link-unpublished-hint = terbitkan dulu halaman tujuannya, atau hapus tautan ini sampai halaman itu terbit
markdown-link-escapes = tautan `{ $link }` keluar dari folder content
markdown-link-escapes-hint = tautkan ke berkas di dalam `content/`, misalnya `@/panduan/cara-mengadu.md`
markdown-did-you-mean = maksud Anda `{ $near }`?
markdown-link-page-hint = tautkan ke berkas di bawah content/ lewat jalurnya, misalnya `@/panduan/pengaduan-crisis-center.md`
markdown-link-file-hint = letakkan berkas itu di samping berkas teks (Markdown), atau perbaiki jalurnya (relatif terhadap berkas teks itu)


## Foto (images.rs). Id diawali `images-`.
images-disabled = warta ini dibuat tanpa fitur `images`: foto diterbitkan apa adanya, dalam ukuran penuh dan beserta metadatanya (termasuk posisi GPS)
images-disabled-hint = buat (build) warta dengan fitur bawaannya agar foto diperkecil dan metadatanya dibuang
images-unshowable = `{ $file }` adalah berkas { $format }, yang tidak dapat ditampilkan oleh kebanyakan peramban
images-unshowable-hint = simpan gambar itu sebagai JPEG (di ponsel: bagikan sebagai JPEG, atau atur kamera ke “paling kompatibel”)
images-no-feature = `{ $file }` tidak dapat diolah: warta ini dibuat tanpa fitur `images`
images-no-feature-hint = buat (build) warta dengan fitur bawaannya
images-file-too-big = `{ $file }` berukuran { $size } MB; warta membaca gambar sampai { $max } MB
images-file-too-big-hint = ekspor salinan gambar yang lebih kecil (foto ponsel biasanya 3–8 MB)
images-cannot-read = `{ $file }` tidak dapat dibaca: { $why }
images-cannot-read-hint = pastikan berkas itu boleh Anda buka (izin aksesnya)
images-not-an-image = `{ $file }` bukan gambar: isinya bukan gambar JPEG, PNG, atau WebP
images-not-an-image-hint = ganti dengan gambarnya sendiri, disimpan sebagai JPEG
images-unsupported-format = `{ $file }` adalah gambar { $format }, yang tidak diolah warta (hanya JPEG, PNG, atau WebP)
images-unsupported-format-hint = simpan gambar itu sebagai JPEG
images-unreadable = `{ $file }` bukan gambar yang dapat dibaca: { $why }
images-save-again-hint = buka foto itu di komputer lalu simpan ulang sebagai JPEG, atau ganti fotonya
images-too-large = `{ $file }` terlalu besar untuk diolah: warta menerima paling banyak { $side } piksel per sisi dan { $megapixels } megapiksel
images-too-large-size = `{ $file }` terlalu besar untuk diolah ({ $width }×{ $height } piksel): warta menerima paling banyak { $side } piksel per sisi dan { $megapixels } megapiksel
images-too-large-hint = perkecil gambar itu sebelum menambahkannya (halaman web memerlukan paling banyak 2400 piksel)
images-cannot-create-cache = folder tempat warta menyimpan foto yang sudah diolah (cache gambar) tidak dapat dibuat: { $why }
images-cannot-create-cache-hint = pastikan Anda boleh menulis di folder situs
images-cannot-process = gambar `{ $file }` tidak dapat diolah: { $why }
images-over-budget = gambar `{ $file }` berukuran { $size } KB pada lebar { $width } px (WebP), melebihi batas { $budget } KB
images-over-budget-hint = potong foto pada bagian yang penting, atau pilih foto yang lebih sederhana: detail halus (dedaunan, kerumunan, tulisan) memperbesar ukurannya
images-built-without-feature = warta ini dibuat tanpa fitur `images`
images-cut-short = berkasnya terpotong (salinan atau unggahan yang tidak lengkap)
images-cannot-decode = pikselnya tidak dapat dibaca: { $why }
images-cannot-resize = ukurannya tidak dapat diubah: { $why }
images-cannot-encode = gambar tidak dapat disimpan sebagai { $format }: { $why }
images-cannot-write = { $path } tidak dapat ditulis: { $why }


## Templat (render/). Id diawali `render-`.
render-template-error = ada kesalahan pada tata letak halaman tema (templat): { $why }
render-template-error-while = ada kesalahan pada tata letak halaman tema (templat): { $why } ({ $while })
render-while = saat membuat { $origin }
render-while-alias = saat membuat pengalihan dari { $alias } untuk { $file }
render-hint-not-closed = sebuah `{"{"}% if %{"}"}`, `{"{"}% for %{"}"}`, atau `{"{"}% block %{"}"}` belum ditutup: tambahkan `{"{"}% endif %{"}"}`, `{"{"}% endfor %{"}"}`, atau `{"{"}% endblock %{"}"}` pasangannya
render-hint-syntax = perbaiki penulisan templat (sintaksis; Tera 2: `{"{"}{"{"} value {"}"}{"}"}`, `{"{"}% if %{"}"}…{"{"}% endif %{"}"}`, `{"{"}% for x in xs %{"}"}…{"{"}% endfor %{"}"}`)
render-hint-variables = cocokkan nama variabel dengan docs/templates.md; nilai yang boleh kosong harus diperiksa dengan `{"{"}% if … %{"}"}`
render-hint-range = perulangan (loop) dibatasi: `range` memberi paling banyak { $items } butir, dan { $page } butir di satu halaman seluruhnya; lakukan perulangan atas datanya
render-hint-recursion = sebuah komponen memanggil dirinya sendiri (langsung atau lewat komponen lain) lebih dari 20 tingkat: hentikan dengan `{"{"}% if %{"}"}`
render-hint-template-names = periksa nama templat yang dipakai oleh `extends` dan `include`
render-range-step-zero = `range`: `step_by` tidak boleh 0
render-range-too-long = `range` akan memberi { $len } butir; batasnya { $limit }
render-range-fuel = perulangan (loop) di halaman ini melewati lebih dari { $limit } butir `range`
render-trans-missing = teks antarmuka (UI string) `{ $key }` tidak ada di berkas terjemahan tema (i18n) mana pun
render-asset-missing = asset(path="{ $path }"): tema tidak punya static/{ $clean }
render-template-missing = tema tidak punya tata letak halaman (templat) `{ $name }`
render-template-missing-hint = setiap tema memerlukan templat home, section, page, tags, tag, 404, alias, atom.xml, dan sitemap.xml
render-output-not-utf8 = hasil tulisan templat bukan teks yang sah (UTF-8) ({ $while })
render-output-not-utf8-hint = periksa filter yang dipakai pada data biner
render-output-too-large = hasil tulisan templat melebihi { $mib } MiB ({ $while })
render-output-too-large-hint = sebuah perulangan (loop) atau komponen yang memanggil dirinya sendiri berjalan terlalu lama: batasi dengan `{"{"}% if %{"}"}` atau lakukan perulangan atas datanya
render-two-outputs = dua berkas akan ditulis ke `{ $path }`
render-two-outputs-hint = sebuah bagian atau halaman memakai alamat halaman yang dibuat warta sendiri (halaman pencarian, tag, umpan berita, 404); beri nama alamat (`slug`) yang lain
render-image-missing = gambar { $found } tidak ada
render-image-missing-hint = letakkan gambar di samping berkas halaman (.md) dan tulis nama berkasnya, misalnya `image: foto.jpg`
render-image-did-you-mean = maksud Anda `{ $near }`?
render-page-ref-missing = `{ $setting }` menyebut halaman `{ $written }`, tetapi tidak ada halaman content/{ $file }
render-page-ref-missing-hint = tulis jalur halaman di bawah content/ tanpa `.md`: `bantuan` untuk content/bantuan.md, `panduan/pengaduan-crisis-center` untuk content/panduan/pengaduan-crisis-center.md; atau buat halamannya
render-page-ref-did-you-mean = maksud Anda `{ $near }` (halaman content/{ $near }.md)?


## Bobot halaman (budgets.rs). Id diawali `budgets-`.
budgets-page-over = halaman `{ $url }` berbobot { $size } setelah dikompresi (gzip), melebihi batas { $budget } (`budgets.html` di site.yaml)
budgets-page-over-hint = buat halaman lebih ringan: pecah halaman yang panjang menjadi beberapa halaman, atau pindahkan tabel dan daftar besar ke halaman tersendiri; jika bobot itu ditambahkan tema ke setiap halaman, rampingkan templatnya
budgets-stylesheet-over = berkas gaya (CSS) `{ $url }` berbobot { $size } setelah dikompresi (gzip), melebihi batas { $budget } (`budgets.css` di site.yaml)
budgets-theme-stylesheet-over = berkas gaya (CSS) `{ $url }` (`static/{ $name }` milik tema) berbobot { $size } setelah dikompresi (gzip), melebihi batas { $budget } (`budgets.css` di site.yaml)
budgets-stylesheet-over-hint = hapus aturan yang tidak dipakai tema dan hindari gambar besar yang disisipkan (URL data:); setiap pembaca mengunduh berkas gaya sebelum melihat halaman
budgets-script-over = skrip (JavaScript) `{ $url }` berbobot { $size } setelah dikompresi (gzip), melebihi batas { $budget } (`budgets.js` di site.yaml)
budgets-theme-script-over = skrip (JavaScript) `{ $url }` (`static/{ $name }` milik tema) berbobot { $size } setelah dikompresi (gzip), melebihi batas { $budget } (`budgets.js` di site.yaml)
budgets-script-over-hint = kurangi skrip: halaman harus tetap berfungsi tanpanya; pisahkan bagian yang hanya diperlukan satu halaman dan muat di halaman itu saja
budgets-webfont = tema membawa berkas hurufnya sendiri (webfont) `static/{ $name }` (`/{ $path }`)
budgets-webfont-hint = pakai huruf bawaan perangkat (`font-family: system-ui, Roboto, "Noto Sans", sans-serif`): webfont menghabiskan kuota setiap pembaca dan memperlambat munculnya teks di koneksi yang lambat


## Pencarian (search.rs). Id diawali `search-`.
# Tanggal sebagaimana ditulis editor (dates.rs): akhir kalimat yang menyebut tanggalnya.
search-date-shape = harus berformat YYYY-MM-DD (atau RFC 3339 bila disertai jam)
search-date-no-such-day = bukan tanggal yang ada di kalender
search-date-bad-time = memuat jam yang tidak sesuai RFC 3339 (tulis 2024-11-22T09:30:00+07:00)


## Menulis situs (output.rs). Id diawali `output-`.
output-refusing-target = situs tidak akan ditulis ke { $folder }: itu akan menimpa berkas milik situs sendiri
output-refusing-target-hint = pilih folder keluaran tersendiri, misalnya `--output public`
output-cannot-read = tidak dapat dibaca: { $why }
output-cannot-read-hint = periksa bahwa berkas ini masih ada dan dapat dibaca
output-cannot-write = tidak dapat ditulis: { $why }
output-cannot-write-hint = periksa bahwa folder keluaran dapat ditulisi dan disk belum penuh
output-unused-file = tidak ada halaman yang menautkan berkas ini, jadi berkas ini tidak diterbitkan
output-unused-file-hint = hapus berkas ini jika situs tidak memerlukannya; untuk menerbitkannya, tautkan dari sebuah halaman: `[{ $name }]({ $link })`; berkas yang harus berada apa adanya di akar situs (berkas verifikasi, favicon) tempatnya di `{ $folder }/`
output-static-in-images = berkas ini akan diterbitkan di /{ $reserved }, folder tempat warta menerbitkan foto yang sudah diolah (peramban dan CDN menyimpan berkasnya selamanya)
output-static-in-images-hint = pindahkan `{ $file }` ke folder lain di `{ $folder }/`
output-static-clash-warta = berkas ini akan diterbitkan di /{ $path }, menggantikan berkas yang dibuat warta di sana
output-static-clash-content = berkas ini akan diterbitkan di /{ $path }, menggantikan `content/{ $file }` yang ditautkan sebuah halaman
output-static-clash-folder = berkas ini akan diterbitkan di /{ $path }, padahal warta memerlukan folder di sana untuk berkasnya /{ $inside }
output-static-clash-in-warta-file = berkas ini memerlukan folder /{ $parent }/, padahal warta membuat berkas dengan nama itu
output-static-clash-in-content-file = berkas ini memerlukan folder /{ $parent }/, padahal di sana diterbitkan `content/{ $file }`
output-static-clash-compressed = berkas ini akan diterbitkan di /{ $path }, menggantikan salinan terkompresi dari /{ $original } yang ditulis `--precompress`
output-static-clash-hint = ganti nama `{ $file }` atau pindahkan ke folder lain di `{ $folder }/`, atau hapus: situs tidak boleh punya dua berkas di satu alamat


## Berkas untuk hosting dan build (deploy.rs). Id diawali `deploy-`.
deploy-too-many-header-rules = berkas pengaturan hosting _headers memuat { $rules } aturan; Cloudflare Pages hanya membaca { $max } aturan pertama
deploy-too-many-header-rules-hint = untuk Cloudflare Pages, kurangi berkas di static/ tema atau kurangi jumlah bagian


## Yang sudah diterbitkan, dan warta diff (manifest.rs). Id diawali `manifest-`.
manifest-cannot-read = berkas manifest tidak dapat dibaca: { $why }
manifest-cannot-read-hint = berikan { $file } dari situs sebagaimana terakhir diterbitkan
manifest-damaged = ini bukan manifest warta, atau berkasnya rusak: { $why }
manifest-damaged-hint = berikan { $file } yang ditulis oleh `warta build` (unduh ulang jika berkasnya terpotong)
manifest-version-unknown = manifest versi { $version } tidak dapat dibaca oleh warta ini (hanya versi 1 sampai { $newest })
manifest-version-unknown-hint = build ulang situs lama dengan warta ini, atau unggah semua berkas sekali
manifest-not-a-folder = ini bukan folder hasil build sebuah situs
manifest-not-a-folder-hint = berikan folder hasil `warta build`, misalnya `public`
manifest-cannot-read-folder = folder tidak dapat dibaca: { $why }
manifest-cannot-read-file = berkas tidak dapat dibaca: { $why }
# warta diff: satu baris per berkas, kata di depan jalurnya, lalu jumlahnya.
manifest-diff-added = baru
manifest-diff-changed = berubah
manifest-diff-removed = dihapus
manifest-diff-counts = { $added } baru, { $changed } berubah, { $removed } dihapus
# Alamat terbit yang akan hilang oleh sebuah build (published_urls.rs).
manifest-published-orphan = alamat { $old } yang sudah diterbitkan akan berhenti berfungsi: build ini tidak punya halaman yang dapat menggantikannya
manifest-published-orphan-hint = terbitkan lagi sebuah halaman dan tambahkan baris ini di antara dua garis `---` di bagian atasnya: { $line }
manifest-published-moved = alamat { $old } yang sudah diterbitkan akan berhenti berfungsi: halaman ini dulu ada di sana dan kini berada di { $new }
manifest-published-translation-gone = alamat { $old } yang sudah diterbitkan akan berhenti berfungsi: alamat itu menampilkan { $was }, terjemahan halaman ini, yang kini sudah tidak ada
manifest-published-closest = alamat { $old } yang sudah diterbitkan akan berhenti berfungsi: alamat itu menampilkan “{ $title }” ({ $was }), dan halaman inilah yang paling mirip
manifest-published-closest-address = alamat { $old } yang sudah diterbitkan akan berhenti berfungsi: alamat halaman ini ({ $new }) yang paling mirip
manifest-published-add-hint = tambahkan baris ini di antara dua garis `---` di bagian atas { $file }, agar alamat lama mengarah ke halaman ini: { $line }
manifest-published-add-maybe-hint = tambahkan baris ini di antara dua garis `---` di bagian atas { $file } (atau halaman yang sebenarnya menggantikannya), agar alamat lama mengarah ke sana: { $line }
manifest-published-replace-hint = di { $file }, ganti `aliases:` beserta daftarnya dengan baris ini, agar alamat lama juga mengarah ke halaman ini: { $line }
manifest-published-replace-maybe-hint = di { $file } (atau halaman yang sebenarnya menggantikannya), ganti `aliases:` beserta daftarnya dengan baris ini, agar alamat lama juga mengarah ke sana: { $line }


## warta check (check.rs). Id diawali `check-`.
# Nama bahasa di dalam kalimat ("belum ada versi bahasa Inggris").
check-language-id = bahasa Indonesia
check-language-en = bahasa Inggris
check-language-other = `{ $code }`
check-translation-unpublished = belum ada versi { $language }: { $expected } belum diterbitkan: { $why }
check-translation-unpublished-hint = selesaikan terjemahannya lalu hapus `draft: true` (sampai saat itu, pembaca bahasa lain diarahkan ke daftar halaman bagian ini)
check-translation-future-hint = halaman ini terbit pada tanggalnya, lewat build pertama sesudah hari itu; untuk menerbitkannya lebih cepat, tulis tanggal hari ini di baris `date:`-nya
check-translation-has-errors = belum ada versi { $language }: { $expected } belum diterbitkan karena memuat kesalahan
check-translation-has-errors-hint = perbaiki kesalahan yang dilaporkan untuk { $expected }
check-translation-missing = belum ada versi { $language }: berkas { $expected } belum dibuat
check-translation-missing-hint = terjemahkan halaman ini (sementara itu, pembaca halaman { $language } diarahkan ke daftar halaman bagian ini): `{ $command }`
check-translation-older = terjemahan ini lebih lama daripada sumbernya: { $source } diperbarui { $updated }, berkas ini mencatat { $date }
check-translation-committed-after = { $source } diubah (commit) setelah terjemahan ini terakhir diubah
check-translation-outdated-hint = perbarui terjemahan ini sesuai { $source }, lalu isi `updated:` dengan tanggal hari ini
check-review-overdue = tanggal tinjauan { $date } sudah lewat: fakta di halaman ini mungkin sudah tidak berlaku
check-review-overdue-hint = cocokkan halaman ini dengan aturan yang berlaku sekarang, lalu isi `updated:` dengan tanggal hari ini dan `review_by:` dengan tanggal tinjauan berikutnya
check-country-no-phone = halaman negara ini tidak memberi pembaca nomor untuk ditelepon: tidak ada kontak di `contacts` yang punya `phone`
check-country-no-phone-hint = tambahkan nomor telepon KBRI di `contacts`, misalnya `- {"{"} name: "KBRI Kuala Lumpur", phone: "+60 3-2116 4000" {"}"}`
# Tabel status terjemahan: judul, judul kolom, dan baris keterangan di bawahnya.
check-table-title = status terjemahan:
check-table-section = bagian
check-table-root = (tingkat atas)
check-table-not-started = belum dimulai
check-table-in-progress = sedang dikerjakan
check-table-outdated = perlu diperbarui
check-table-legend = (belum dimulai: belum ada berkas dalam bahasa itu; sedang dikerjakan: berkasnya masih draf atau bertanggal di masa depan; perlu diperbarui: lebih lama daripada halaman yang diterjemahkannya)
# Baris terakhir `warta check` (jumlahnya menyusul: cli-failed-counts).
check-passed = pemeriksaan lulus: tidak ada kesalahan, { $warnings } peringatan
check-failed = pemeriksaan gagal
check-failed-deny-warnings = pemeriksaan gagal (--deny-warnings)
check-deny-warnings-hint = perbaiki peringatannya, atau loloskan satu jenis peringatan dengan --allow KODE; jenis yang ada di sini: { $kinds } (semua jenis: `warta check --help`)


## warta new (new.rs). Id diawali `new-`.
# Jenis konten dalam kalimat; $kind ditulis seperti sesudah `warta new`.
new-kind = { $kind ->
        [press-release] siaran pers
        [guide] panduan
        [country] halaman negara
       *[page] halaman
    }
new-kinds = { $kind ->
        [press-release] siaran pers
        [guide] panduan
        [country] halaman negara
       *[page] halaman
    }
# Bahasa dalam kalimat: "versi { $language }", "ke { $language }".
new-language = { $lang ->
        [id] bahasa Indonesia
        [en] bahasa Inggris
       *[other] bahasa `{ $lang }`
    }
new-settings-unreadable = pengaturan situs (site.yaml) tidak dapat dibaca
new-not-a-site-language = `{ $lang }` bukan salah satu bahasa situs ini
new-not-a-site-language-hint = pakai salah satu dari: { $languages }
new-title-without-letters = judul { $title } tidak memuat huruf atau angka untuk dijadikan nama berkas
new-title-without-letters-hint = tulis judul dengan kata-kata, misalnya `warta new press-release "Sosialisasi di Banten"`
new-original-unreadable = blok atas berkas ini (front matter) tidak dapat dibaca
new-no-section = belum ada bagian situs (section) dengan `type: { $content_type }`
new-no-section-hint = buat folder bagian dengan berkas `_index.md` yang memuat `type: { $content_type }`
new-exists = berkas ini sudah ada; warta new tidak pernah menimpa berkas
new-exists-hint = sunting berkas yang sudah ada, atau pilih judul lain
new-io-error = berkas atau folder ini tidak dapat dibaca atau ditulis: { $why }
new-io-error-hint = pastikan folder situs ada dan Anda boleh menulis di dalamnya
new-ambiguous = ada { $count } { $kinds } yang cocok dengan { $wanted }: { $files }
new-ambiguous-hint = sebutkan yang Anda maksud lewat berkasnya, misalnya `{ $command }`
new-wrong-kind = { $wanted } adalah { $actual } ({ $path }), bukan { $asked }
new-wrong-kind-hint = untuk menerjemahkannya, jalankan `{ $command }`
new-wrong-kind-translated = { $wanted } adalah { $actual } ({ $path }), bukan { $asked }, dan versinya dalam { $language } ({ $translation }) sudah ada
new-wrong-kind-translated-hint = sunting { $translation }
new-nothing-to-translate = tidak ada { $kind } yang masih menunggu versi { $language }, jadi { $wanted } tidak dapat diterjemahkan ke { $language }
new-nothing-to-translate-hint = untuk menulis { $kind } baru, jangan pakai `--lang` (halaman baru ditulis dulu dalam { $default_language }): `{ $command }`
new-not-found = tidak ada { $kind } dengan judul, nama berkas, atau nama alamat (slug) { $wanted }, jadi tidak ada yang dapat diterjemahkan ke { $language }; maksud Anda { $closest }?
new-not-found-hint = untuk menerjemahkan yang pertama, jalankan `{ $command }`; untuk menulis { $kind } baru, jangan pakai `--lang` (halaman baru ditulis dulu dalam { $default_language })


## Baris perintah dan ringkasan (cli.rs). Id diawali `cli-`.
# Kesalahan pemakaian yang ditemukan warta sendiri (kode keluar 2).
cli-root-missing = folder situs `{ $folder }` tidak ada
cli-root-missing-hint = berikan folder yang memuat site.yaml dan content/ dengan --root
cli-current-folder-unknown = warta tidak dapat mengetahui folder tempat ia dijalankan: { $why }
cli-current-folder-unknown-hint = jalankan warta di dalam folder situs (yang memuat site.yaml dan content/), atau sebutkan folder itu dengan --root FOLDER
# $folders: satu folder per baris, setiap baris diawali ganti baris dan empat spasi.
cli-site-not-found = situs tidak ditemukan: tidak ada site.yaml di folder ini maupun di folder mana pun di atasnya; warta sudah mencari di:{ $folders }
cli-site-not-found-hint = jalankan warta di dalam folder situs (yang memuat site.yaml dan content/) atau di folder mana pun di dalamnya, atau sebutkan folder situs dengan --root FOLDER
cli-base-url-not-absolute = --base-url { $url } bukan alamat web lengkap (URL http(s) absolut)
cli-base-url-not-absolute-hint = tulis alamatnya lengkap, diawali https://, misalnya --base-url https://example.github.io/kp2mi/
cli-allow-unknown = --allow { $code }: tidak ada peringatan dengan kode ini
cli-allow-did-you-mean = maksud Anda `--allow { $near }`? Kode yang ada: { $codes }
cli-allow-codes = pakai salah satu kode berikut: { $codes }
# warta new
cli-new-created = { $path } sudah dibuat sebagai draf: sunting berkasnya, lalu lihat hasilnya dengan `warta serve --drafts`
# Ringkasan warta build; $per_language misalnya "24 id, 23 en".
cli-built = berhasil membuat { $pages } halaman ({ $per_language }){ $unpublished ->
        [0] {""}
       *[other] , { $unpublished } tidak diterbitkan (draf atau bertanggal di masa depan)
    }, { $files } berkas dalam { $ms } ms → { $output }
cli-images = foto: { $processed } diolah, { $cached } diambil dari cache{ $pruned ->
        [0] {""}
       *[other] , { $pruned } berkas yang tidak terpakai dihapus dari cache
    }
cli-build-failed = build gagal; folder hasil dibiarkan seperti semula
# $what: cli-build-failed, check-failed, atau check-failed-deny-warnings.
cli-failed-counts = { $what }: { $errors } kesalahan, { $warnings } peringatan
cli-more-warnings = … dan { $count } peringatan `{ $code }` lainnya: jalankan `warta check` untuk melihat semuanya


## warta serve dan lapisan kesalahannya (serve/). Id diawali `serve-`.
serve-cannot-start = server tidak dapat dijalankan: { $why }
serve-no-reload = { $why }; halaman tidak akan dimuat ulang otomatis saat berkas berubah
serve-server-stopped = server berhenti: { $why }
serve-stopped = berhenti
serve-serving = situs tersedia di { $url }
serve-serving-everywhere = situs tersedia di { $url } (menerima sambungan di semua alamat: { $addr })
serve-port-in-use = port { $port } di { $ip } sudah dipakai program lain
serve-port-in-use-hint = hentikan server yang lain, atau pilih port lain dengan `--port` (`--port 0` memilih port yang kosong)
serve-cannot-listen = tidak dapat menerima sambungan di { $addr }: { $why }
serve-initial-build = build pertama
serve-files-changed = berkas berubah
serve-changed = { $more ->
        [0] { $files } berubah
       *[other] { $files } dan { $more } berkas lain berubah
    }
serve-built = { $what }: { $pages } halaman dalam { $ms } ms{ $rendered ->
        [0] {""}
       *[other] {" "}({ $rendered } berkas dibuat ulang)
    }{ $warnings ->
        [0] {""}
       *[other] , { $warnings } peringatan
    }
serve-failed-still-serving = { $what }: gagal dengan { $errors } kesalahan dalam { $ms } ms; versi terakhir yang berhasil tetap ditampilkan
serve-failed-nothing-yet = { $what }: gagal dengan { $errors } kesalahan dalam { $ms } ms; kesalahan ditampilkan sampai diperbaiki
serve-more-warnings = … dan { $count } peringatan lain: jalankan `warta check` untuk melihat semuanya
serve-overlay-close = Tutup
serve-overlay-title = warta: build gagal, { $count } kesalahan
serve-overlay-still-serving = Tutup kotak ini untuk melihat versi terakhir yang berhasil. Perbaiki berkasnya lalu simpan: halaman ini dimuat ulang sendiri.
serve-overlay-nothing-yet = Belum ada build yang berhasil untuk ditampilkan. Perbaiki berkasnya lalu simpan: halaman ini dimuat ulang sendiri.
serve-overlay-more = … dan { $count } lagi: terminal menampilkan semuanya.
serve-error-page-title = warta: build gagal
serve-build-crashed = build berhenti mendadak: { $why }
serve-build-crashed-hint = mohon laporkan ini, beserta berkas yang terakhir Anda ubah
serve-watch-error = gangguan saat memantau perubahan di { $folder }: { $why }
serve-cannot-watch = perubahan di { $folder } tidak dapat dipantau: { $why }
