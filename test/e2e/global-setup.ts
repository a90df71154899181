import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtExtensionPath, chromiumPath } from '../../devnet/extension-browser';

const builtManifest = join(builtExtensionPath, 'manifest.json');

/** Builds the extension the tests load, once per run. */
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`End-to-end tests need Debian's Chromium at ${chromiumPath}: run devnet/ensure-chromium.sh (as root) or 'apt-get install -y chromium'.`);
  }
  // VERITY_E2E_BUILT=1: the build already made is the one to test (a file run by hand after `npx wxt build`).
  if (process.env.VERITY_E2E_BUILT === '1' && existsSync(builtManifest)) return;
  // Serialized with every other build on this machine: two at once would write the same output.
  execFileSync('flock', ['/tmp/verity-build.lock', 'npx', 'wxt', 'build'], { stdio: 'ignore' });
}
