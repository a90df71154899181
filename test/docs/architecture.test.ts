import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const architecture = readFileSync(`${root}docs/architecture.md`, 'utf8');

/** Every `path/like/this.ts` or `folder/` in backticks that starts at one of the repository's top folders. */
function namedPaths(markdown: string): string[] {
  const topFolders = /^(lib|messaging|storage|entrypoints|components|cli|devnet|test|docs)\//;
  return [...markdown.matchAll(/`([^`\s]+)`/g)].map(([, path]) => path!).filter((path) => topFolders.test(path));
}

describe('docs/architecture.md', () => {
  it('names files and folders', () => {
    expect(namedPaths(architecture).length).toBeGreaterThan(30);
  });

  it.each(namedPaths(architecture))('names %s, which exists', (path) => {
    expect(existsSync(`${root}${path}`)).toBe(true);
  });
});
