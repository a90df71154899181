import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

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
          include: [
            'lib/**/*.test.ts',
            'messaging/**/*.test.ts',
            'storage/**/*.test.ts',
            'cli/**/*.test.ts',
            'components/**/*.test.tsx',
            'entrypoints/**/*.test.{ts,tsx}',
            'test/docs/**/*.test.ts',
            'web/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          globalSetup: ['test/cli-bundle.ts'],
          // The suite shares two cores with the browsers' lane: a test that takes 1 s alone can take 6 s there.
          testTimeout: 20_000,
        },
      },
      {
        // Real anvil nodes and the real EAS contracts: slower, so run on their own.
        test: {
          name: 'chain',
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
