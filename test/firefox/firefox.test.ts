import { describe } from 'vitest';
import { installedFirefoxes } from '../../devnet/firefox-browser';
import { describeDemoPage } from './demo-page-suite';
import { firefoxDemoSessionFor } from './firefox-session';
import { describeFramesAndShadow } from './frames-and-shadow-suite';
import { describeImageEngine } from './image-engine-suite';
import { describeRenderingTricks } from './rendering-tricks-suite';

/**
 * The Firefox build in Debian's Firefox ESR, installed as a temporary
 * add-on over WebDriver BiDi, in every Firefox installed by
 * devnet/ensure-firefox.sh: the current ESR and the oldest one the manifest
 * claims. One Firefox and one devnet per ESR serve every suite here, each in
 * tabs of its own: starting them took 10–15 s a time under the suite's load,
 * most of the Firefox tests' time when each file had its own.
 * (page-images.test.ts installs a build of its own, with image access granted.)
 */
describe.each(installedFirefoxes())('the extension in $name', ({ name, executablePath }) => {
  const session = firefoxDemoSessionFor(executablePath);
  describeDemoPage(session);
  describeFramesAndShadow(session, name);
  describeRenderingTricks(session);
  // Last: it makes the test images' signer trusted.
  describeImageEngine(session);
});
