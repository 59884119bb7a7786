// Loads the built example site in headless Chromium and checks what citizens get:
// axe-core finds no WCAG 2.2 AA violation on any page type, every page works with JavaScript
// off (content, navigation, language switch, hotline in the first screen at 360 px), and no
// request fails. The FAQ <details> of a guide open and close without JavaScript, the WhatsApp
// share link is a 24x24 target, and a printed guide (print media, A4) hides navigation and
// other screen-only parts. At 360 px the layout holds: a breadcrumb separator never sits alone
// on a line, a wrapped contents entry lines up with its own text (not under its bullet), and the
// main menu fits one row in both languages (measured from element boxes, not screenshots).
// Screenshots at 360 px go to OUT/screens/, the printed guide to OUT.
//
// usage: node run.mjs SITE_DIR OUT_DIR   (SITE_DIR: the output of `warta build`)
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch } from "./lib.mjs";
import { createRequire } from "node:module";

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) {
  console.error("usage: node run.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const PAGES = {
  "home-id": "/",
  "home-en": "/en/",
  "section-id": "/berita/",
  "press-release-id": "/berita/sosialisasi-banten/",
  "press-release-en": "/en/news/outreach-banten/",
  "guide-id": "/panduan/bekerja-ke-luar-negeri-secara-resmi/",
  "guide-en": "/en/guides/working-abroad-legally/",
  "guide-untranslated": "/panduan/layanan-terpadu-satu-atap/",
  "journey-step-id": "/panduan/siapa-menanggung-biaya/",
  "journey-step-en": "/en/guides/who-pays-what/",
  "country-id": "/negara/malaysia/",
  "country-en": "/en/countries/saudi-arabia/",
  "page-en": "/en/about/",
  "tags-id": "/tags/",
  "not-found": "/tidak-ada/",
};

// Pages whose long titles and headings wrap at 360 px, for the phone layout checks.
const LAYOUT = {
  "home-id": "/",
  "home-en": "/en/",
  "guide-id": PAGES["guide-id"],
  "guide-en": PAGES["guide-en"],
  "guide-cost-id": "/panduan/siapa-menanggung-biaya/",
  "guide-cost-en": "/en/guides/who-pays-what/",
  "country-id": PAGES["country-id"],
  "country-en": PAGES["country-en"],
};

// Measures, in the page, the boxes the phone layout checks compare (CSS px, rounded).
function measureLayout() {
  const round = (n) => Math.round(n * 10) / 10;
  // Breadcrumb: each separator (the ::before of an item) is drawn on the first line box of
  // its item; the item's link must start on that same line, so the link's first line top must
  // equal the item's top, and an item must not start on a line of its own with only "›".
  const crumbs = [...document.querySelectorAll(".crumbs__list li")].map((li, i) => {
    const link = li.querySelector("a");
    const sep = i > 0 ? getComputedStyle(li, "::before").content : "none";
    const first = link.getClientRects()[0];
    return { text: link.textContent, sep, liTop: round(li.getBoundingClientRect().top), linkTop: round(first.top) };
  });
  // Contents: the left edge of every line of a wrapped entry's text is the same, and the
  // bullet stays outside, to the left of the text.
  const toc = [...document.querySelectorAll(".toc__item a")].map((a) => {
    const range = document.createRange();
    range.selectNodeContents(a);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const li = a.closest("li");
    return {
      text: a.textContent,
      lines: new Set(lines.map((r) => round(r.top))).size,
      lefts: [...new Set(lines.map((r) => round(r.left)))],
      markerOutside: getComputedStyle(li).listStylePosition === "outside",
      // A link laid out as an inline block has its baseline on its last line, and the bullet
      // (whose box no script can read) follows it there.
      atomic: /^inline-(block|flex|grid|table)$/.test(getComputedStyle(a).display),
    };
  });
  const menu = [...document.querySelectorAll(".menu__list a")].map((a) => {
    const r = a.getBoundingClientRect();
    return { text: a.textContent, top: round(r.top), right: round(r.right), width: round(r.width), height: round(r.height), font: parseFloat(getComputedStyle(a).fontSize) };
  });
  return { crumbs, toc, menu, width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth };
}

const server = await serve(siteDir);
const base = `http://127.0.0.1:${server.address().port}`;
await mkdir(join(outDir, "screens"), { recursive: true });
const browser = await launch();
const failures = [];
const fail = (name, what) => { failures.push(`${name}: ${what}`); };

try {
  // 1. With JavaScript: axe-core, failed requests, screenshots.
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 1 });
  for (const [name, path] of Object.entries(PAGES)) {
    const page = await context.newPage();
    const failed = [];
    page.on("response", (r) => { if (r.status() >= 400 && r.url() !== base + path) failed.push(`${r.status()} ${r.url()}`); });
    page.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
    const response = await page.goto(base + path, { waitUntil: "load" });
    const expected = name === "not-found" ? 404 : 200;
    if (response.status() !== expected) fail(name, `status ${response.status()}, expected ${expected}`);
    if (failed.length) fail(name, `requests failed: ${failed.join(", ")}`);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
    for (const v of result.violations) {
      fail(name, `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
    }
    await page.screenshot({ path: join(outDir, "screens", `${name}.png`), fullPage: true });
    console.log(`${name}: axe ${result.violations.length} violation(s), ${result.passes.length} rules passed`);
    await page.close();
  }

  // 1b. Phone layout at 360 px, in both languages.
  for (const [name, path] of Object.entries(LAYOUT)) {
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load" });
    const m = await page.evaluate(measureLayout);
    if (m.scrollWidth > m.width) fail(name, `page is ${m.scrollWidth} px wide at 360 px, scrolls sideways`);
    for (const c of m.crumbs) {
      if (Math.abs(c.linkTop - c.liTop) > 3) fail(name, `breadcrumb separator ${c.sep} alone on a line before "${c.text}" (separator top ${c.liTop}, item top ${c.linkTop})`);
    }
    const wrapped = m.toc.filter((t) => t.lines > 1);
    for (const t of m.toc) {
      if (t.lefts.length > 1) fail(name, `contents entry "${t.text}" wraps with lines starting at ${t.lefts.join(", ")} px, not aligned with its text`);
      if (!t.markerOutside) fail(name, `contents entry "${t.text}" has its bullet inside the text`);
      if (t.lines > 1 && t.atomic) fail(name, `contents entry "${t.text}" wraps as an inline block, so its bullet sits on its last line`);
    }
    if (name === "guide-en" && !wrapped.length) fail(name, "no contents entry wraps at 360 px, the alignment check tests nothing");
    const tops = new Set(m.menu.map((i) => Math.round(i.top)));
    if (tops.size !== 1) fail(name, `main menu takes ${tops.size} rows at 360 px (tops ${[...tops].join(", ")})`);
    for (const i of m.menu) {
      if (i.right > m.width) fail(name, `menu item "${i.text}" ends at ${i.right} px, past the 360 px screen`);
      if (i.width < 24 || i.height < 24) fail(name, `menu item "${i.text}" is a ${i.width}x${i.height} px target, under 24x24`);
      if (i.font < 15) fail(name, `menu item "${i.text}" is set in ${i.font} px type`);
    }
    await page.screenshot({ path: join(outDir, "screens", `layout-${name}.png`), fullPage: true });
    console.log(`${name}: menu ${tops.size} row(s), ${m.crumbs.length} crumbs, ${m.toc.length} contents entries (${wrapped.length} wrapped)`);
    await page.close();
  }
  await context.close();

  // 2. Without JavaScript: everything a reader needs still works.
  const nojs = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
  for (const [name, path] of Object.entries(PAGES)) {
    const page = await nojs.newPage();
    await page.goto(base + path);
    const facts = await page.evaluate(() => ({
      mainText: (document.querySelector("main")?.innerText || "").trim().length,
      navLinks: document.querySelectorAll("nav a[href]").length,
      switchLinks: [...document.querySelectorAll("a[href]")].filter((a) => /English|Bahasa Indonesia/.test(a.textContent)).length,
      lang: document.documentElement.lang,
      skip: !!document.querySelector('a[href="#main"]'),
    }));
    if (facts.mainText < 20) fail(name, "no readable content in <main> without JavaScript");
    if (facts.navLinks < 2) fail(name, "navigation missing without JavaScript");
    if (facts.switchLinks < 1) fail(name, "no language switch");
    if (!["id", "en"].includes(facts.lang)) fail(name, `<html lang> is ${facts.lang}`);
    if (!facts.skip) fail(name, "no skip link to #main");
    const tel = page.locator('a[href^="tel:"]').first();
    const box = await tel.boundingBox();
    if (!box) fail(name, "no hotline tel: link");
    else if (box.y + box.height > 800) fail(name, `hotline not in the first screen at 360 px (y=${box.y})`);
    else if (box.height < 24 || box.width < 24) fail(name, `hotline target ${box.width}x${box.height} px is under 24x24`);
    // The language switch works: following it lands on a page in the other language.
    const sw = page.locator("a[hreflang], .switch a").first();
    if (await sw.count()) {
      await sw.click();
      const otherLang = await page.evaluate(() => document.documentElement.lang);
      if (otherLang === facts.lang) fail(name, "the language switch stays in the same language");
    }
    await page.close();
  }

  // 3. The FAQ of a guide opens and closes without JavaScript; the share link is a real target.
  const faqPage = await nojs.newPage();
  for (const name of ["guide-id", "guide-en"]) {
    await faqPage.goto(base + PAGES[name]);
    const items = faqPage.locator("details.faq__item");
    if ((await items.count()) < 4) fail(name, `FAQ has ${await items.count()} <details>, expected 4 to 6`);
    const first = items.first();
    const answer = first.locator("p");
    if (await answer.isVisible()) fail(name, "FAQ answer visible before it is opened");
    await first.locator("summary").click();
    if (!(await answer.isVisible())) fail(name, "FAQ answer not shown after clicking its question");
    await first.locator("summary").press("Enter");
    if (await answer.isVisible()) fail(name, "FAQ answer still shown after closing it with the keyboard");
  }
  for (const name of ["press-release-id", "press-release-en"]) {
    await faqPage.goto(base + PAGES[name]);
    const share = faqPage.locator("a.share__link");
    const href = (await share.count()) ? await share.getAttribute("href") : "";
    if (!href.startsWith("https://wa.me/?text=")) fail(name, `no WhatsApp share link (${href})`);
    const box = await share.boundingBox();
    if (!box || box.width < 24 || box.height < 24) fail(name, `share link target ${box?.width}x${box?.height} px is under 24x24`);
  }
  await faqPage.close();
  await nojs.close();

  // 4. Print: a guide on A4 without the screen-only parts, FAQ answers printed.
  const print = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const printed = await print.newPage();
  for (const name of ["guide-id", "press-release-id"]) {
    await printed.goto(base + PAGES[name]);
    await printed.emulateMedia({ media: "print" });
    const hidden = await printed.evaluate(() =>
      [".menu", ".skip", ".switch", ".notice", ".crumbs", ".share", ".foot"]
        .filter((sel) => document.querySelector(sel))
        .filter((sel) => getComputedStyle(document.querySelector(sel)).display !== "none"));
    if (hidden.length) fail(name, `printed with ${hidden.join(", ")}`);
    const dark = await printed.evaluate(() => getComputedStyle(document.querySelector("h1")).color);
    if (dark !== "rgb(0, 0, 0)") fail(name, `printed heading colour ${dark}, expected black`);
    if (name === "guide-id") {
      const answer = printed.locator("details.faq__item p").first();
      if (!(await answer.isVisible())) fail(name, "FAQ answers are not printed");
      const after = await printed.evaluate(() => {
        const a = document.querySelector('main a[href^="http"]');
        return a ? getComputedStyle(a, "::after").content : "none";
      });
      if (!after.includes("attr") && !after.includes("http")) fail(name, `external link URLs not printed (${after})`);
      await printed.pdf({ path: join(outDir, `${name}.pdf`), format: "A4", preferCSSPageSize: true });
    }
    await printed.emulateMedia({ media: "screen" });
  }
  await print.close();
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n- ${failures.join("\n- ")}`);
  console.log(`browser: 0 passed, ${failures.length} failed`);
  process.exit(1);
}
console.log(`browser: ${Object.keys(PAGES).length * 2 + Object.keys(LAYOUT).length + 3} passed, 0 failed`);
