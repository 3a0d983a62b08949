// Renders the demo pictures (SVG sources in this folder) to the PNGs the sandbox uploads.
// Run once after editing an SVG: node assets/demo/render.mjs (needs /usr/bin/chromium).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
for (const file of readdirSync(here).filter((f) => f.endsWith('.svg'))) {
  const svg = readFileSync(join(here, file), 'utf8');
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(here, file.replace(/\.svg$/, '.png')) });
}
await browser.close();
