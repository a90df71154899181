import { execFileSync } from 'node:child_process';
import { installedFirefoxes } from '../../devnet/firefox-browser';

/** Builds the Firefox extension the tests install, once per run. */
export default function setup(): void {
  if (installedFirefoxes().length === 0) {
    throw new Error("Firefox end-to-end tests need Debian's firefox-esr: run devnet/ensure-firefox.sh (as root).");
  }
  // Serialized with every other build on this machine: two at once would write the same output.
  execFileSync('flock', ['/tmp/verity-build.lock', 'npx', 'wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
}
