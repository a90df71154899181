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

/** Fails with axe's words when the page, in the state a test brought it to, has any violation. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect((await axeViolations(page)).join('\n'), `axe-core on ${state}`).toBe('');
}
