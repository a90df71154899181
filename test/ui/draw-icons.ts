/**
 * Draws the extension's icons, public/icon/SIZE.png: Verity's mark (the
 * seal with a check of components/icons.tsx) in the brand colour, rendered
 * by Chromium at each size. Run after changing the drawing, and commit the
 * PNGs:
 *
 *   npx tsx test/ui/draw-icons.ts
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../devnet/extension-browser';

const sizes = [16, 32, 48, 128];
const brand = '#0f172a'; // slate-900, the mark's colour in the popup
const outDir = resolve(import.meta.dirname, '../../public/icon');

/** Thicker strokes at small sizes keep the check legible; a light rim keeps the seal visible on dark toolbars. */
function markSvg(size: number): string {
  const check = size <= 16 ? 2.6 : size <= 32 ? 2.3 : 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="1 1 22 22">
  <path d="M12 1.75l8.25 3.1v6.2c0 5.2-3.5 9.35-8.25 11.2-4.75-1.85-8.25-6-8.25-11.2v-6.2z"
        fill="${brand}" stroke="#ffffff" stroke-opacity="0.55" stroke-width="0.6" stroke-linejoin="round"/>
  <path d="M8.25 12.25l2.5 2.5 5-5.5" fill="none" stroke="#ffffff" stroke-width="${check}"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${markSvg(size)}`);
    const path = join(outDir, `${size}.png`);
    await page.locator('svg').screenshot({ path, omitBackground: true });
    process.stdout.write(`${path}\n`);
  }
} finally {
  await browser.close();
}
