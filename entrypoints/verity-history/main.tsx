import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createHistoryStore } from '../../storage/history-store';
import { historyKeys } from '../../storage/history-types';
import { proofShareLink } from '../inspector/share';
import { imageInspectorUrl } from '../inspector/url';
import { shareLink } from '../../lib/share/share-link';
import { HistoryPage } from './HistoryPage';
import './style.css';

const store = createHistoryStore({ storage: browser.storage.local });

/** Changes to the history's keys in storage.local, from the worker or another history page. */
function subscribe(onChange: () => void): () => void {
  const keys: readonly string[] = Object.values(historyKeys);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => keys.includes(key))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HistoryPage
      store={store}
      subscribe={subscribe}
      verifyLink={(entry) => {
        // A shared image opens as its share link did: the page is only what the link said.
        if (entry.image && entry.source === 'shared') return shareLink(browser.runtime.getURL('/inspector.html'), { image: { url: entry.image.url }, ...(entry.pageUrl !== '' && { pageUrl: entry.pageUrl }) });
        if (entry.image) return imageInspectorUrl(entry.image.url, entry.pageUrl);
        if (!entry.proof) return null;
        const share = proofShareLink(entry.proof, entry.pageUrl);
        return share.ok ? share.link : null;
      }}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  </StrictMode>,
);
