// Loads every HTML page of a site built from tests/fixtures/xss in headless Chromium with
// JavaScript on and fails if any payload ran: a dialog opened, or `window.__xss` got set
// (in the page or a frame), or the page navigated to a javascript: URL.
//
// usage: node xss.mjs SITE_DIR
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { serve, launch } from "./lib.mjs";

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error("usage: node xss.mjs SITE_DIR");
  process.exit(2);
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith(".html")) out.push(path);
  }
  return out;
}

const server = await serve(siteDir);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const failures = [];
let pages = 0;
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  for (const file of await htmlFiles(siteDir)) {
    const url = `${base}/${relative(siteDir, file).replace(/index\.html$/, "")}`;
    const page = await context.newPage();
    page.on("dialog", async (d) => { failures.push(`${url}: a dialog opened (${d.message()})`); await d.dismiss(); });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(150);
    // Focus and toggle everything that could carry a handler.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("input, details, a, button")) { el.focus?.(); }
    });
    await page.waitForTimeout(50);
    for (const frame of page.frames()) {
      const hit = await frame.evaluate(() => window.__xss === 1 || window.parent?.__xss === 1).catch(() => false);
      if (hit) failures.push(`${url}: a script ran (window.__xss is set)`);
    }
    if (page.url().startsWith("javascript:")) failures.push(`${url}: navigated to ${page.url()}`);
    pages += 1;
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join("\n"));
  console.log(`xss: 0 passed, ${failures.length} failed`);
  process.exit(1);
}
console.log(`xss: ${pages} passed, 0 failed`);
