// Search in headless Chromium, on the built example site: an Indonesian query finds pages by
// other forms of its words (stemming), a query transfers less than 150 KB, the results page
// has no axe violation, and without JavaScript the page still offers the section lists.
//
// usage: node search.mjs SITE_DIR
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { serve, launch } from "./lib.mjs";

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error("usage: node search.mjs SITE_DIR");
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const failures = [];
const fail = (what) => failures.push(what);

const server = await serve(siteDir);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

async function query(path, q, expect) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  // Only what the query costs: requests made after the page has loaded.
  const bodies = [];
  page.on("response", async (r) => {
    if (r.url().includes("/search/")) bodies.push(r.body().then((b) => [r.url(), b]));
  });
  await page.fill("#q", q);
  await page.click(".search__button");
  await page.waitForFunction(() => {
    const text = document.getElementById("search-status").textContent;
    return text !== "" && !text.endsWith("…");
  }, null, { timeout: 10000 });
  const hits = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
  const status = await page.textContent("#search-status");
  const fetched = await Promise.all(bodies);
  const raw = fetched.reduce((n, [, b]) => n + b.length, 0);
  const gz = fetched.reduce((n, [, b]) => n + gzipSync(b).length, 0);
  console.log(`search ${path} "${q}": ${hits.length} hit(s), ${fetched.length} file(s), ${raw} B (${gz} B gzipped) — ${status.trim()}`);
  if (raw > 150 * 1024) fail(`"${q}": the query transferred ${raw} bytes (> 150 KB)`);
  for (const url of expect) {
    if (!hits.includes(url)) fail(`"${q}" on ${path}: ${url} not among the hits ${JSON.stringify(hits)}`);
  }
  if (new URL(page.url()).searchParams.get("q") !== q) fail(`"${q}": the query is not kept in the address`);
  return { page, context, hits };
}

// "pekerjaan" (work, a job) finds the guide whose title says "bekerja" (to work).
const id = await query("/cari/", "pekerjaan", ["/panduan/bekerja-ke-luar-negeri-secara-resmi/"]);
await id.page.addScriptTag({ path: axePath });
const result = await id.page.evaluate(() =>
  axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
for (const v of result.violations) fail(`search results: axe ${v.id}: ${v.help}`);
console.log(`search results: axe ${result.violations.length} violation(s)`);
if (await id.page.isVisible("#search-nojs")) fail("the no-JavaScript note shows although JavaScript runs");
if (id.hits.length !== 10) fail(`the first results page shows ${id.hits.length} hits, not 10`);
await id.page.click("#search-more");
await id.page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 10, null, { timeout: 10000 });
const focused = await id.page.evaluate(() => document.activeElement.closest("#search-results li") === document.querySelectorAll("#search-results li")[10]);
if (!focused) fail("after 'more', focus is not on the first new result");
await id.context.close();

// English: "working" finds pages that say "work".
const en = await query("/en/search/", "working abroad", []);
if (en.hits.length === 0) fail('"working abroad" on /en/search/ found nothing');
if (en.hits.some((h) => !h.startsWith("/en/"))) fail(`English search returned other languages: ${en.hits}`);
await en.context.close();

// Nothing found: a clear message, no list.
const none = await query("/cari/", "zzzxqv", []);
if (none.hits.length !== 0) fail("a nonsense word found pages");
await none.context.close();

// A query in the address runs on load (the header's link + shared links).
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/cari/?q=paspor`);
  await page.waitForSelector("#search-results li", { timeout: 10000 });
  await context.close();
}

// Without JavaScript: the note and the section lists, reachable from every page's menu.
{
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.click(".menu__search a");
  if (new URL(page.url()).pathname !== "/cari/") fail(`the menu's search link went to ${page.url()}`);
  if (!(await page.isVisible("#search-nojs"))) fail("without JavaScript the search page does not say so");
  const links = await page.$$eval(".search__browse a", (as) => as.length);
  if (links < 3) fail(`without JavaScript the search page offers ${links} links`);
  await context.close();
}

await browser.close();
server.close();
if (failures.length) {
  console.error(`search: ${failures.length} failure(s):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("search: ok");
