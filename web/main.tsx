import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { proofOnly, readShareFragment } from '../lib/share/read-share-link';
import { loadPageTrust } from './page-trust';
import { verifyShared } from './verify-shared';
import { WebVerifier } from './WebVerifier';
import './style.css';

/** Set by vite.web.config.ts from package.json. */
declare const __VERITY_VERSION__: string;

const loadTrust = () => loadPageTrust({ pageUrl: location.href });
const verify: Parameters<typeof WebVerifier>[0]['verify'] = (shared, trust) => verifyShared({ shared, trust: trust.config });
const root = createRoot(document.getElementById('root')!);

/** Drawn again for every share link pasted into the same tab. */
function render(): void {
  const pageAddress = location.href.split('#')[0]!;
  root.render(
    <StrictMode>
      <WebVerifier key={location.hash} read={proofOnly(readShareFragment(location.hash))} pageAddress={pageAddress} loadTrust={loadTrust} verify={verify} version={__VERITY_VERSION__} />
    </StrictMode>,
  );
}

addEventListener('hashchange', render);
render();
