import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const unitFolders = ['lib', 'messaging', 'storage', 'cli', 'components', 'entrypoints', 'test/docs', 'web'];
const unitFiles = unitFolders.map((folder) => `${folder}/**/*.test.{ts,tsx}`);

const unitTestFiles = unitFolders
  .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => ({ file, source: readFileSync(file, 'utf8') }));

/**
 * The unit files that replace a module with vi.mock: each needs a module graph of its own, since one shared
 * with other files may already hold the real module.
 */
const moduleMockingFiles = unitTestFiles.filter(({ source }) => source.includes('vi.mock(')).map(({ file }) => file);

/**
 * The other unit files that run in jsdom, a project of their own: Vitest hands a worker on to the next file
 * only when both have one project and one environment, so node and jsdom files queued in turn started a new
 * worker, which imported everything again, almost at every file (the unit files took 155 s on two workers
 * and 85 s on one, on 2026-12-07).
 */
const domFiles = unitTestFiles
  .filter(({ file, source }) => source.includes('@vitest-environment jsdom') && !moduleMockingFiles.includes(file))
  .map(({ file }) => file);

const unitOptions = {
  environment: 'node' as const,
  setupFiles: ['test/unit-setup.ts'],
  // The suite shares two cores with the browsers' lane: a test that takes 1 s alone can take 6 s there.
  testTimeout: 20_000,
  // The first file in a worker to ask for the C2PA test images signs them in its beforeAll: over 10 s there once.
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Two files at a time, whatever the cores (vitest's default is one fewer than them: one on a 2-core CI machine).
    // The slow files mostly wait on other processes (Chromium, Firefox, anvil, the CLI), so a second lane halves the wait.
    maxWorkers: 2,
    projects: [
      {
        // WXT's fakeBrowser as `browser`, `chrome` and `wxt/browser`: in-memory storage and events for the extension's code.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: unitFiles,
          exclude: [...moduleMockingFiles, ...domFiles],
          // One module graph per worker, not per file: importing viem, React and jsdom again for each of 200 files
          // was most of this project's time. test/unit-setup.ts puts back what a file may leave behind.
          isolate: false,
          globalSetup: ['test/cli-bundle.ts'],
          ...unitOptions,
        },
      },
      {
        // As `unit`, in jsdom (each file also says so itself, for a reader and for a run of that file alone).
        plugins: [WxtVitest()],
        test: {
          name: 'unit-dom',
          include: domFiles,
          isolate: false,
          ...unitOptions,
          environment: 'jsdom',
        },
      },
      {
        // Files that replace a module (vi.mock) for their own tests: each in its own module graph, as a shared
        // graph may already hold the real module.
        plugins: [WxtVitest()],
        test: { name: 'unit-isolated', include: moduleMockingFiles, ...unitOptions },
      },
      {
        // Real anvil nodes and the real EAS contracts: slower, so run on their own.
        test: {
          name: 'chain',
          isolate: false,
          include: ['test/chain/**/*.test.ts', 'devnet/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cli-bundle.ts'],
          // The publishing tests run the CLI a dozen times in one test, each run seconds on a busy machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built extension in Debian's Chromium against the devnet: one browser at a time.
        test: {
          name: 'e2e',
          isolate: false,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts', 'test/cli-bundle.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The Firefox build in Debian's Firefox ESR, over WebDriver BiDi: one browser at a time.
        test: {
          name: 'firefox',
          isolate: false,
          // After the other projects of its Vitest, not beside them: one browser at a time, and the lanes end together.
          sequence: { groupOrder: 1 },
          include: ['test/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
