import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { embedHelpText } from '../../cli/embed-args';
import * as publish from '../../lib/publish/index';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['docs/publishing/README.md', 'docs/publishing/opengradient.md'].map((path) => ({ path, text: readFileSync(`${root}${path}`, 'utf8') }));

/** Options of `verity embed` the pages tell publishers to use. */
function embedOptions(markdown: string): string[] {
  const commands = [...markdown.matchAll(/verity embed[^\n`]*(?:\\\n[^\n`]*)*/g)].map(([command]) => command);
  const inline = [...markdown.matchAll(/`(--[a-z-]+)/g)].map(([, option]) => option!);
  return [...new Set([...commands.flatMap((command) => command.match(/--[a-z-]+/g) ?? []), ...inline])];
}

describe.each(pages)('$path', ({ text }) => {
  it('names only options verity embed has', () => {
    const options = embedOptions(text);
    expect(options.length).toBeGreaterThan(3);
    for (const option of options) expect(embedHelpText, option).toMatch(new RegExp(`^${option}\\b`, 'm'));
  });

  it('names files that exist and library exports that exist', () => {
    for (const [, path] of text.matchAll(/`((?:lib|cli|test|devnet|docs)\/[^`\s]+\.(?:ts|md))`/g)) expect(existsSync(`${root}${path}`), path).toBe(true);
    for (const [, name] of text.matchAll(/`(\w+Error)`/g)) expect(publish, name).toHaveProperty(name!);
  });
});
