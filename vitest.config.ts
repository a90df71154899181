import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        // Real anvil nodes and the real EAS contracts: slower, so run on their own.
        test: {
          name: 'chain',
          include: ['test/chain/**/*.test.ts', 'devnet/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
