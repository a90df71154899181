import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../devnet/extension-browser';

/** Builds the extension the tests load, once per run. */
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`End-to-end tests need Debian's Chromium at ${chromiumPath}: run devnet/ensure-chromium.sh (as root) or 'apt-get install -y chromium'.`);
  }
  // Serialized with every other build on this machine: two at once would write the same output.
  execFileSync('flock', ['/tmp/verity-build.lock', 'npx', 'wxt', 'build'], { stdio: 'ignore' });
}
