// pa11y with the HTML_CodeSniffer runner (WCAG 2 AA) on every page type of the built example
// site, in both languages where the type has them: 0 errors, or the run fails. It complements
// run.mjs (axe-core): the two rule sets catch different faults. Chromium is Debian's.
//
// usage: node pa11y.mjs SITE_DIR
import pa11y from "pa11y";
import { serve } from "./lib.mjs";

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error("usage: node pa11y.mjs SITE_DIR");
  process.exit(2);
}

const PAGES = [
  "/", "/en/",
  "/berita/", "/en/guides/",
  "/berita/sosialisasi-banten/", "/en/news/outreach-banten/",
  "/panduan/bekerja-ke-luar-negeri-secara-resmi/", "/en/guides/working-abroad-legally/",
  "/panduan/siapa-menanggung-biaya/", "/en/guides/who-pays-what/",
  "/panduan/pengaduan-crisis-center/", "/panduan/layanan-terpadu-satu-atap/",
  "/negara/malaysia/", "/en/countries/saudi-arabia/",
  "/bantuan/", "/en/about/",
  "/tags/", "/tags/calon-pmi/", "/en/tags/prospective-workers/",
  "/cari/", "/404.html",
];

const server = await serve(siteDir);
const base = `http://127.0.0.1:${server.address().port}`;
let errors = 0;
try {
  for (const path of PAGES) {
    const result = await pa11y(base + path, {
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      timeout: 60000,
      chromeLaunchConfig: {
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
      },
    });
    const found = result.issues.filter((i) => i.type === "error");
    errors += found.length;
    for (const i of found) console.error(`pa11y ${path}: ${i.code} at ${i.selector}: ${i.message}`);
    console.log(`pa11y ${path}: ${found.length} error(s)`);
  }
} finally {
  server.close();
}
console.log(`pa11y: ${PAGES.length} pages, ${errors} error(s)`);
process.exit(errors ? 1 : 0);
