// Loads the built example site in headless Chromium and checks what citizens get:
// axe-core finds no WCAG 2.2 AA violation on any page type, every page works with JavaScript
// off (content, navigation, language switch, hotline in the first screen at 360 px), and no
// request fails. The FAQ <details> of a guide open and close without JavaScript, the WhatsApp
// share link is a 24x24 target, and a printed guide (print media, A4) hides navigation and
// other screen-only parts. At 360 px the layout holds: a breadcrumb separator never sits alone
// on a line, a wrapped contents entry lines up with its own text (not under its bullet), and the
// main menu fits one row in both languages (measured from element boxes, not screenshots).
// Help first: on every country page, in both languages, the help link, the hotline and the first
// mission's phone sit in the first 800 px at 360 px. A journey step says "Langkah N dari M" and
// leads to step N+1; action buttons are 44 px targets; the feedback link carries the page's
// address; Indonesian-only pages in English lists say so.
// Screenshots at 360 px go to OUT/screens/, the printed guide to OUT.
//
// usage: node run.mjs SITE_DIR OUT_DIR   (SITE_DIR: the output of `warta build`)
import { mkdir } from "node:fs/promises";
import { readdirSync } from "node:fs";
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
  "country-my-en": "/en/countries/malaysia/",
  "complaints-id": "/panduan/pengaduan-crisis-center/",
  "guides-en": "/en/guides/",
  "help-id": "/bantuan/",
  "help-en": "/en/help/",
  "page-en": "/en/about/",
  "tags-id": "/tags/",
  "tag-id": "/tags/calon-pmi/",
  "tag-en": "/en/tags/prospective-workers/",
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
  "country-my-en": PAGES["country-my-en"],
  "journey-step-id": PAGES["journey-step-id"],
  "journey-step-en": PAGES["journey-step-en"],
  "help-en": PAGES["help-en"],
};

// Every country page of the site, in both languages: help must be in the first screen on each.
const COUNTRIES = [
  ...readdirSync(join(siteDir, "negara"), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "page").map((d) => `/negara/${d.name}/`),
  ...readdirSync(join(siteDir, "en/countries"), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "page").map((d) => `/en/countries/${d.name}/`),
];

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

  // 2b. Help first, at 360 px without JavaScript: on every country page the header's help link,
  // the hotline and the first mission's phone are all in the first 800 px, and every number in
  // the emergency block is a tel: link (WhatsApp a wa.me link).
  for (const path of COUNTRIES) {
    const name = `country ${path}`;
    const page = await nojs.newPage();
    await page.goto(base + path);
    const m = await page.evaluate(() => {
      const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return { bottom: Math.round(r.bottom), w: Math.round(r.width), h: Math.round(r.height) }; };
      return {
        help: box(document.querySelector("header .top__help")),
        hotline: box(document.querySelector("header a[href^='tel:']")),
        contact: box(document.querySelector(".sos .contact__ways a[href^='tel:']")),
        sosBeforeBody: !!document.querySelector(".sos") && !!(document.querySelector(".sos").compareDocumentPosition(document.querySelector(".prose") || document.body) & Node.DOCUMENT_POSITION_FOLLOWING),
        tels: [...document.querySelectorAll(".sos a[href^='tel:']")].map((a) => a.getAttribute("href")),
        was: [...document.querySelectorAll(".sos a")].filter((a) => /WhatsApp/.test(a.parentElement.textContent)).map((a) => a.getAttribute("href")),
      };
    });
    if (!m.help) fail(name, "no help link in the header");
    else if (m.help.bottom > 800 || m.help.w < 24 || m.help.h < 24) fail(name, `help link ${m.help.w}x${m.help.h} px ending at ${m.help.bottom} px`);
    if (!m.hotline || m.hotline.bottom > 800) fail(name, `hotline not in the first 800 px (${m.hotline?.bottom})`);
    if (!m.contact) fail(name, "no contact with a tel: link in the emergency block");
    else if (m.contact.bottom > 800) fail(name, `first contact's phone ends at ${m.contact.bottom} px, past the first 800 px`);
    if (!m.sosBeforeBody) fail(name, "the emergency block does not come before the body");
    for (const t of m.tels) if (!/^tel:\+?\d{3,15}$/.test(t)) fail(name, `emergency link ${t} is not a dialable tel: link`);
    for (const w of m.was) if (!/^https:\/\/wa\.me\/\d{8,15}$/.test(w)) fail(name, `WhatsApp link ${w} is not a wa.me link`);
    console.log(`${name}: help ${m.help?.bottom} px, hotline ${m.hotline?.bottom} px, first contact phone ${m.contact?.bottom} px, ${m.tels.length} tel: links`);
    await page.close();
  }

  // 2c. Journeys: a step says where it is, marks itself in the list, and its next link leads to
  // the next step. Actions are big targets; the feedback link carries the page's address;
  // other-language pages in lists say their language.
  for (const name of ["journey-step-id", "journey-step-en"]) {
    const page = await nojs.newPage();
    await page.goto(base + PAGES[name]);
    const counter = async () => {
      const t = await page.locator(".journey-head__counter").textContent().catch(() => "");
      const n = t.match(/(\d+)\D+(\d+)/);
      return n ? [Number(n[1]), Number(n[2])] : null;
    };
    const here = await counter();
    if (!here) fail(name, "no \"Langkah N dari M\" / \"Step N of M\" above the title");
    const current = await page.locator('.journey [aria-current="step"]').count();
    if (current !== 1) fail(name, `${current} steps marked aria-current="step", expected 1`);
    const next = page.locator('.journey a[rel="next"]');
    if (!(await next.count())) fail(name, "no link to the next step");
    else if (here) {
      await next.click();
      const there = await counter();
      if (!there || there[0] !== here[0] + 1 || there[1] !== here[1]) fail(name, `next step says ${there}, after ${here}`);
    }
    await page.close();
  }
  const extra = await nojs.newPage();
  for (const name of ["guide-id", "complaints-id"]) {
    await extra.goto(base + PAGES[name]);
    const actions = await extra.evaluate(() => [...document.querySelectorAll("a.action")].map((a) => {
      const r = a.getBoundingClientRect();
      return { text: a.textContent.trim(), h: Math.round(r.height), right: Math.round(r.right), external: a.href.startsWith("https:") && !a.href.includes(location.host) };
    }));
    if (!actions.length) fail(name, "no action button");
    for (const a of actions) {
      if (a.h < 44) fail(name, `action "${a.text}" is ${a.h} px high, under 44`);
      if (a.right > 360) fail(name, `action "${a.text}" ends at ${a.right} px, past the screen`);
      if (a.external && !/situs luar|external site/.test(a.text)) fail(name, `external action "${a.text}" does not say it leaves the site`);
    }
  }
  await extra.goto(base + PAGES["press-release-id"]);
  const feedback = await extra.locator(".feedback a").getAttribute("href").catch(() => "");
  if (!feedback.includes(encodeURIComponent("https://kp2mi.example.go.id/berita/sosialisasi-banten/"))) fail("press-release-id", `feedback link lacks the page's address: ${feedback}`);
  await extra.goto(base + PAGES["not-found"]);
  if (await extra.locator(".feedback").count()) fail("not-found", "a feedback link on the 404 page");
  await extra.goto(base + PAGES["guides-en"]);
  const marked = await extra.evaluate(() => [...document.querySelectorAll("main li[lang='id'] a[hreflang='id']")].map((a) => a.closest("li").textContent));
  if (!marked.length || !marked.every((t) => /in Indonesian/.test(t))) fail("guides-en", `Indonesian-only guides not listed and marked: ${marked.length}`);
  await extra.close();

  // 2d. First-screen screenshots at 360 px (for the closing note and reviewers).
  const shots = await browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, javaScriptEnabled: false });
  const shot = await shots.newPage();
  for (const [file, path] of [["country-id", "/negara/malaysia/"], ["country-en", "/en/countries/malaysia/"], ["journey-step-id", PAGES["journey-step-id"]], ["journey-step-en", PAGES["journey-step-en"]]]) {
    await shot.goto(base + path);
    await shot.screenshot({ path: join(outDir, "screens", `phone-${file}.png`) });
    if (file.startsWith("journey") && (await shot.locator(".journey").count())) {
      await shot.locator(".journey").scrollIntoViewIfNeeded();
      await shot.screenshot({ path: join(outDir, "screens", `phone-${file}-steps.png`) });
    }
  }
  await shots.close();

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
console.log(`browser: ${Object.keys(PAGES).length * 2 + Object.keys(LAYOUT).length + COUNTRIES.length + 9} passed, 0 failed`);
