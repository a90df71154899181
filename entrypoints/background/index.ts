import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createChainAccess } from '../../lib/chain/access';
import type { ContentMessages } from '../../lib/extension/messages';
import { createMessageRouter } from '../../lib/extension/router';
import { createTrustSource } from '../../lib/extension/trust-state';
import { createVerificationService } from '../../lib/extension/verification-service';
import { createWorkerHandlers } from '../../lib/extension/worker-handlers';
import { inspectorUrl } from '../inspector/url';
import { showTabBadge } from './action-badge';
import { recheckAlarm, recheckAlarmName } from './recheck-alarm';
import { sessionStorage } from './session-storage';
import { isTrustChange, readTrustSources } from './trust-sources';

/**
 * The background worker: verifies the proofs content scripts find and
 * answers the extension's pages. This function runs on every start of the
 * worker (MV3 stops it when idle), and its listeners are registered
 * synchronously, as MV3 requires to deliver the event that woke it.
 *
 * The only state in memory, for as long as this worker lives: the trust
 * configuration as last read (re-read on storage.onChanged) and the
 * verification queue's collecting and running passes. Everything else is
 * in storage.session (see lib/extension/session-records.ts).
 */
export default defineBackground(() => {
  const warn = (error: unknown) => console.warn('Verity:', error);
  const trust = createTrustSource({ read: readTrustSources });
  const service = createVerificationService({
    storage: sessionStorage(),
    trust: trust.current,
    createChains: (config) => createChainAccess({ trust: config }),
    notifyTab: async (tabId, update) => {
      const message: { type: 'verdict-updated' } & ContentMessages['verdict-updated']['request'] = { type: 'verdict-updated', ...update };
      // No one to tell is no fault: the page may have gone, or Verity may be off for the site.
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
    showBadge: showTabBadge,
    recheck: recheckAlarm,
    onError: warn,
  });

  browser.runtime.onMessage.addListener(
    createMessageRouter({
      own: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
      handlers: createWorkerHandlers({
        service,
        trust: trust.current,
        openInspector: async (tabId, proofId) => {
          await browser.tabs.create({ url: inspectorUrl(tabId, proofId), openerTabId: tabId });
        },
      }),
      onError: warn,
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === recheckAlarmName) service.recheck().catch(warn);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (!isTrustChange(changes, area)) return;
    trust.invalidate();
    service.trustChanged().catch(warn);
  });

  // A new document in a tab: the proofs of the one before are gone. Same-document navigations
  // (history.pushState, #fragment) keep them; tabs.onUpdated cannot tell the two apart.
  browser.webNavigation.onCommitted.addListener((details) => {
    const { tabId, frameId, url, documentId, documentLifecycle } = details as typeof details & { documentId?: string; documentLifecycle?: string };
    if (frameId !== 0 || tabId < 0 || documentLifecycle === 'prerender') return;
    service.documentCommitted({ tabId, url, documentId }).catch(warn);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    service.tabRemoved(tabId).catch(warn);
  });
  browser.tabs.onReplaced.addListener((_added, removed) => {
    service.tabRemoved(removed).catch(warn);
  });
});
