import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** Other people build in this checkout too: every build takes this lock. */
const buildLock = '/tmp/verity-build.lock';

export type BuiltExtension = {
  /** A copy of .output/chrome-mv3 of its own, made under the lock, so no later build changes it. */
  path: string;
  buildMs: number;
  remove(): Promise<void>;
};

/** `wxt build` under the shared lock, then the Chrome build copied away while still holding it. */
export async function buildExtension(): Promise<BuiltExtension> {
  const directory = await mkdtemp(join(tmpdir(), 'verity-bench-extension-'));
  const path = join(directory, 'chrome-mv3');
  const started = performance.now();
  try {
    await run('flock', [buildLock, 'sh', '-c', 'npx wxt build >/dev/null && cp -R .output/chrome-mv3 "$0"', path], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return { path, buildMs: performance.now() - started, remove: () => rm(directory, { recursive: true, force: true }) };
}

export type BundleFile = { file: string; raw: number; gzip: number };
export type EntrypointBundle = { entrypoint: string; files: BundleFile[] };

/**
 * The JS and CSS each entrypoint loads: the manifest's worker and content
 * scripts, and for each HTML page the scripts and styles it names, with
 * the chunks they import in turn. Shared chunks count in every entrypoint
 * that loads them.
 */
export async function entrypointBundles(extensionPath: string): Promise<EntrypointBundle[]> {
  const manifest = JSON.parse(await readFile(join(extensionPath, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const roots: { entrypoint: string; files: string[] }[] = [];
  if (manifest.background?.service_worker !== undefined) roots.push({ entrypoint: 'background', files: [manifest.background.service_worker] });
  for (const script of manifest.content_scripts ?? []) {
    const files = [...(script.js ?? []), ...(script.css ?? [])];
    roots.push({ entrypoint: posix.basename(files[0] ?? 'content', '.js'), files });
  }
  for (const page of (await readdir(extensionPath)).filter((name) => name.endsWith('.html')).sort()) {
    const html = await readFile(join(extensionPath, page), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    roots.push({ entrypoint: posix.basename(page, '.html'), files });
  }
  const bundles: EntrypointBundle[] = [];
  for (const { entrypoint, files } of roots) {
    const seen = new Set<string>();
    const queue = [...files];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.endsWith('.js')) continue;
      const code = await readFile(join(extensionPath, file), 'utf8');
      for (const match of code.matchAll(/(?:from\s*|import\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g)) {
        const target = match[1]!.startsWith('/') ? match[1]!.slice(1) : posix.normalize(posix.join(posix.dirname(file), match[1]!));
        queue.push(target);
      }
    }
    const sized: BundleFile[] = [];
    for (const file of seen) {
      const bytes = await readFile(join(extensionPath, file));
      sized.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    bundles.push({ entrypoint, files: sized });
  }
  return bundles;
}

/** Every file of the build, by its path in the build with forward slashes, sorted. */
export async function allBuildFiles(extensionPath: string, directory = extensionPath): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await allBuildFiles(extensionPath, full)));
    else found.push(relative(extensionPath, full).split(/[\\/]/).join('/'));
  }
  return found.sort();
}

/** Every JS and CSS file of the build, for the files no entrypoint was found to load. */
export async function allAssetFiles(extensionPath: string): Promise<string[]> {
  return (await allBuildFiles(extensionPath)).filter((file) => /\.(?:js|css)$/.test(file));
}
