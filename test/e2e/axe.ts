import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** axe-core's violations on the page as it is now, one line per rule and element kind; evaluated over CDP, which the pages' CSP does not stop. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)')) as AxeViolation[];
  // A list of 40 rows repeats one fault 40 times.
  const lines = found.flatMap(({ id, impact, help, nodes }) =>
    nodes.map((node) => `${impact} ${id} (${help}): ${node.target.join(' ').replace(/:nth-child\(\d+\)/g, '')}${id === 'color-contrast' ? ` — ${node.failureSummary?.split('\n').at(-1)?.trim()}` : ''}`),
  );
  return [...new Set(lines)];
}

/**
 * Shows the page in `scheme` with the colour transitions the switch starts
 * played to their end (not endless ones, a spinner's), so axe and a
 * screenshot see no colour half way; a background tab would not play them at all.
 */
export async function showInScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) if (animation.effect?.getComputedTiming().iterations !== Infinity) animation.finish();
  });
}

/**
 * Fails with axe's words when the page, in the state a test brought it to,
 * has any violation, light or dark: the same state is shown in both
 * schemes (no reload, which would lose it), then left in the scheme it was in.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const wasDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await showInScheme(page, scheme);
    found.push(...(await axeViolations(page)).map((line) => `${scheme}: ${line}`));
  }
  await showInScheme(page, wasDark ? 'dark' : 'light');
  expect(found.join('\n'), `axe-core on ${state}, light and dark`).toBe('');
}
