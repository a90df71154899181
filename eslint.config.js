import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'devnet/.build/', '.test-cli-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // What ships (extension, CLI, core) never reaches into the tests' fakes, fixtures or generators.
    files: ['lib/**', 'messaging/**', 'storage/**', 'entrypoints/**', 'components/**', 'cli/**', 'web/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'test/ holds test helpers; shipped code must not import them.' }] },
      ],
    },
  },
  {
    // Command-line programs talk to the terminal.
    files: ['cli/**', 'devnet/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
