// Opens a dashboard page in headless Chromium (Debian's, driven by playwright-core from the repository's
// node_modules), keeps a full-page screenshot and prints what a reader and a keyboard user meet, as JSON.
// usage: node browse.mjs URL SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  // Playwright gives the browser a new temporary profile of its own and removes it on close.
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const problems = [];
  page.on("console", m => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", e => problems.push(String(e)));
  page.on("requestfailed", r => problems.push(`failed: ${r.url()}`));
  const response = await page.goto(url, { waitUntil: "networkidle" });
  await page.keyboard.press("Tab");
  const firstFocus = await page.evaluate(() => ({ tag: document.activeElement.tagName, text: document.activeElement.textContent, href: document.activeElement.getAttribute("href") }));
  const facts = await page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.lang,
    h1: document.querySelector("h1")?.textContent ?? null,
    headings: [...document.querySelectorAll("h2")].map(h => h.textContent),
    main: document.querySelector("main")?.innerText ?? "",
    bars: document.querySelectorAll("svg.bar[role=img]").length,
    barLabels: [...document.querySelectorAll("svg.bar")].map(s => s.getAttribute("aria-label")),
    links: document.querySelectorAll("main a[href]").length,
    rowHeaders: document.querySelectorAll("th[scope=row]").length,
    scripts: [...document.scripts].map(s => s.src),
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ status: response.status(), firstFocus, problems, ...facts }));
} finally {
  await browser.close();
}
