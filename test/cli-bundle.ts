import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI as the tests run it: cli/main.ts bundled, its dependencies loaded by Node from node_modules. */
    cliBundle: string;
  }
}

/**
 * Global setup: bundles the CLI once per test run, which runVerity then runs.
 * `cli/verity.mjs` compiles every TypeScript module through tsx's loader at
 * each start, seconds per run on a busy machine, and the publishing tests run
 * the CLI hundreds of times; cli/source-limits.test.ts still runs the binary itself.
 * The folder sits one level under the checkout, as cli/ does, so files the
 * CLI reads beside its sources (the shipped C2PA trust lists) resolve alike;
 * one per process, since two Vitest processes run side by side.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outdir = join(project.config.root, `.test-cli-${process.pid}-${project.name}`);
  await build({
    entryPoints: [join(project.config.root, 'cli/main.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  project.provide('cliBundle', join(outdir, 'main.js'));
  return () => rm(outdir, { recursive: true, force: true });
}
