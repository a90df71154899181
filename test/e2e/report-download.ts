import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Chooses a format under `page`'s "Export report" (the popup's) and reads the file the browser saved, once it says so. */
export async function exportReportFrom(page: Page, format: 'JSON' | 'Markdown'): Promise<{ fileName: string; text: string }> {
  const exports = page.getByRole('group', { name: 'Export report' });
  const [saved] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: `Export report as ${format}` }).click()]);
  const text = await readFile((await saved.path())!, 'utf8');
  await expect.poll(() => exports.getByRole('status').textContent()).toBe(`Saved ${saved.suggestedFilename()}`);
  return { fileName: saved.suggestedFilename(), text };
}
