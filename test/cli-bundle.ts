import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI as the tests run it: cli/main.ts and its dependencies bundled (jsdom and the C2PA engine loaded by Node). */
    cliBundle: string;
  }
}

/**
 * Global setup: bundles the CLI once per test run, which runVerity then runs.
 * `cli/verity.mjs` compiles every TypeScript module through tsx's loader at
 * each start, seconds per run on a busy machine, and the publishing tests run
 * the CLI hundreds of times; one test of cli/source-limits.test.ts runs the binary itself.
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
    // Dependencies bundled too (a third less start-up than Node resolving each module), but jsdom, which reads
    // files beside its sources, and the C2PA engine, whose WASM file is found by its package.
    external: ['jsdom', '@contentauth/c2pa-wasm'],
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    logLevel: 'error',
  });
  project.provide('cliBundle', join(outdir, 'main.js'));
  return () => rm(outdir, { recursive: true, force: true });
}
