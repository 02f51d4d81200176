// Renders Adaptive Card JSON files with the official renderer (npm "adaptivecards") in headless Chromium
// and screenshots each one. Usage: node render-cards.mjs CARDS_DIR OUT_DIR
// Prints one JSON line per card: {"name", "width", "height", "text", "warnings"}.
import { readdirSync, readFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [cardsDir, outDir] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const renderer = join(root, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 1 });
  for (const file of readdirSync(cardsDir).filter(f => f.endsWith(".json")).sort()) {
    const json = readFileSync(join(cardsDir, file), "utf8");
    // A fresh page per card: the renderer validates "lang" with a global (stateful) regex that would
    // otherwise refuse the second card's valid value.
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
      <style>body{margin:0;background:#f5f5f5;font-family:"Segoe UI","Noto Sans CJK SC",sans-serif}
      #card{width:500px;background:#fff;margin:10px}</style></head><body><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: renderer });
    const result = await page.evaluate((text) => {
      const host = document.getElementById("card");
      host.innerHTML = "";
      const card = new AdaptiveCards.AdaptiveCard();
      const context = new AdaptiveCards.SerializationContext();
      card.parse(JSON.parse(text), context);
      const warnings = [];
      for (let i = 0; i < context.eventCount; i++) { warnings.push(context.getEventAt(i).message); }
      const element = card.render();
      host.appendChild(element);
      return { height: element.offsetHeight, width: element.offsetWidth, text: element.innerText, warnings };
    }, json);
    await page.locator("#card").screenshot({ path: join(outDir, file.replace(/\.json$/, ".png")) });
    console.log(JSON.stringify({ name: file, ...result }));
  }
} finally {
  await browser.close();
}
