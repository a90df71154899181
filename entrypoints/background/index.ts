import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createChainAccess } from '../../lib/chain/access';
import { sendToTab } from '../../messaging/client';
import { createFramesAround } from './frames/frames-around';
import { ensurePersonalMark } from '../../storage/personal-mark-item';
import { frameProofId } from '../../messaging/frame-proof-id';
import type { ContentMessages } from '../../messaging/messages';
import type { ImageVerdict } from '../../lib/c2pa/image-verdict';
import { createPastedCheck } from './paste/pasted-check';
import { createMessageRouter } from './messaging/router';
import { createSelectionService } from './selection/selection-service';
import { createTabReport } from './verification/tab-report';
import { createTrustSource } from './verification/trust-state';
import { createVerificationService } from './verification/verification-service';
import { createWorkerHandlers } from './messaging/worker-handlers';
import { createHistoryRecorder } from './history/history-recorder';
import { createImageChecker } from './images/image-checker';
import { readImageAnchorSets, refreshImageTrustLists } from './images/image-anchors';
import { ensureImageTrustListAlarm, imageTrustListAlarmName } from './images/trust-list-alarm';
import { createPageEnginePool } from './images/engine-worker';
import { hasImageAccess, isImageAccessChange, storeImageAccess } from './images/image-access';
import { syncImageAccessScript } from './images/image-access-script';
import { createPageImageChecks } from './images/page-image-checks';
import { createTabImages } from './images/tab-images';
import { createTabIntegrity } from './integrity/tab-integrity';
import { createVerifyImageMenu, verifyImageFromMenu, verifyImageMenuId } from './images/verify-image-menu';
import { isOtherOrigin, requestImageSiteAccess } from './images/image-site-access';
import { createHistoryStore } from '../../storage/history-store';
import { readShareLinkBase } from '../../storage/settings-items';
import type { TrustConfig } from '../../lib/trust/schema';
import { imageInspectorUrl, inspectorUrl } from '../inspector/url';
import { showTabBadge, showTabIntegrity } from './action-badge';
import { ensureHistoryAlarm, historyAlarmName } from './history-alarm';
import { recheckAlarm, recheckAlarmName } from './recheck-alarm';
import { localStorage, sessionStorage } from './session-storage';
import { shareLinkNavigation } from './share-link-navigation';
import { createTrustListRefresher, ensureTrustListAlarm, trustListAlarmName } from './trust-list-refresh';
import { isTrustChange, readTrustSources } from './trust-sources';
import { createVerifySelectionMenu, verifySelectionCommand, verifySelectionMenuId } from './verify-selection-menu';
import { trustRequestHash } from '../../lib/trust/trust-request';
import { openWelcomeOnInstall } from './welcome';

/**
 * The background worker: verifies the proofs content scripts find and
 * answers the extension's pages. This function runs on every start of the
 * worker (MV3 stops it when idle), and its listeners are registered
 * synchronously, as MV3 requires to deliver the event that woke it.
 *
 * The only state in memory, for as long as this worker lives: the trust
 * configuration as last read (re-read on storage.onChanged), the
 * verification passes' collecting and running passes, and a copy of the
 * session records it has read or written (storage-mirror.ts). Everything
 * else is in storage.session (see verification/session-records.ts), and
 * the history in storage.local (storage/history-types.ts).
 */
export default defineBackground(() => {
  const warn = (error: unknown) => console.warn('Verity:', error);
  const trust = createTrustSource({ read: readTrustSources });
  const trustLists = createTrustListRefresher({ trust: trust.current });
  const history = createHistoryStore({ storage: localStorage() });
  const recorder = createHistoryRecorder({
    // Every write applies the retention too, besides the daily alarm.
    store: history,
    // The title needs the `tabs` permission, which Verity does not ask for: it is there only where the browser gives it anyway.
    tabInfo: (tabId) => browser.tabs.get(tabId).then(({ incognito, title, url }) => ({ incognito, title, url })),
    onError: warn,
  });
  const session = sessionStorage();
  const createChains = (config: TrustConfig) => createChainAccess({ trust: config });
  const service = createVerificationService({
    storage: session,
    trust: trust.current,
    createChains,
    notifyTab: async (tabId, update) => {
      const { frameId, id } = frameProofId(update.id);
      const message: { type: 'verdict-updated' } & ContentMessages['verdict-updated']['request'] = { type: 'verdict-updated', ...update, id };
      // No one to tell is no fault: the page may have gone, or Verity may be off for the site.
      await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
    },
    showBadge: showTabBadge,
    liveFrames: async (tabId) => {
      const frames = (await browser.webNavigation.getAllFrames({ tabId })) as ({ frameId: number; documentId?: string }[] | null);
      return frames === null ? undefined : new Map(frames.map(({ frameId, documentId }) => [frameId, documentId]));
    },
    isShownDocument: async (tabId, documentId) => {
      const frame = (await browser.webNavigation.getFrame({ tabId, frameId: 0 })) as { documentId?: string } | null;
      return frame?.documentId === documentId;
    },
    recheck: recheckAlarm,
    onVerdicts: (verdicts) => void recorder.pageVerdicts(verdicts),
    onError: warn,
  });
  const selections = createSelectionService({
    storage: session,
    service,
    // Rejects, or answers nothing, where no content script listens: a browser page, a disabled site, a frame Verity does not run in.
    readSelection: (tabId, frameId) => sendToTab(tabId, 'read-selection', {}, { frameId }).catch(() => undefined),
    showSelectionCheck: async (tabId, frameId, check) => void (await sendToTab(tabId, 'show-selection-check', { check }, { frameId })),
    onChecked: (tabId, check) => void recorder.selection(tabId, check),
    onError: warn,
    shareLinkBase: readShareLinkBase,
  });

  // Known at build time: Chrome's build keeps no engine worker in its service worker.
  // The organisation's image anchors come with its trust configuration; the rest from storage, at each check.
  const imageAnchors = async () => readImageAnchorSets((await trust.current()).config.c2pa);
  const images = createImageChecker({ trustAnchors: imageAnchors, startEngine: import.meta.env.FIREFOX ? createPageEnginePool : undefined });
  const pageImages = createPageImageChecks({ checker: images, hasAccess: hasImageAccess, trustAnchors: imageAnchors, store: browser.storage.session });
  const tabImages = createTabImages(browser.storage.session);
  const tabIntegrity = createTabIntegrity(browser.storage.session);

  browser.runtime.onMessage.addListener(
    createMessageRouter({
      own: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
      handlers: createWorkerHandlers({
        service,
        trust: trust.current,
        openInspector: async (tabId, proofId) => {
          await browser.tabs.create({ url: inspectorUrl(tabId, proofId), openerTabId: tabId });
        },
        openImageInspector: async (tabId, imageUrl) => {
          const { url: pageUrl } = await browser.tabs.get(tabId);
          await browser.tabs.create({ url: imageInspectorUrl(imageUrl, pageUrl), openerTabId: tabId });
        },
        openTrustSigner: async (tabId, request) => {
          await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${trustRequestHash(request)}`, openerTabId: tabId });
        },
        selections,
        checkPasted: createPastedCheck({
          trust: trust.current,
          createChains,
          verifyStandalone: service.verifyStandalone,
          checkQuote: selections.checkQuote,
        }),
        report: createTabReport({
          service,
          version: browser.runtime.getManifest().version,
          titleOf: (tabId) => browser.tabs.get(tabId).then((tab) => tab.title),
          imagesOf: tabImages.verdicts,
        }),
        history: recorder,
        images,
        pageImages,
        showPageImage: (tabId, frameId, url, verdict) => sendToTab(tabId, 'page-image-checked', { url, verdict }, { frameId }),
        framesAround: createFramesAround({
          parentsOf: async (tabId) => new Map((await browser.webNavigation.getAllFrames({ tabId }) ?? []).map(({ frameId, parentFrameId }) => [frameId, parentFrameId])),
          sendToFrame: (tabId, frameId, type, request) => sendToTab(tabId, type, request, { frameId }),
        }),
        tabImages,
        integrity: tabIntegrity,
        showIntegrity: showTabIntegrity,
      }),
      onError: warn,
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === recheckAlarmName) service.recheck().catch(warn);
    if (alarm.name === historyAlarmName) history.prune().catch(warn);
    if (alarm.name === imageTrustListAlarmName) refreshImageTrustLists().catch(warn);
    if (alarm.name === trustListAlarmName) trustLists.refresh().catch(warn);
  });
  ensureHistoryAlarm().catch(warn);
  ensureImageTrustListAlarm().catch(warn);
  ensureTrustListAlarm().catch(warn);
  // The image-access script as the grant is now: Firefox's registration ends with its background page.
  void (async () => syncImageAccessScript(await hasImageAccess()))().catch(warn);
  // A list subscribed while the worker was stopped, or whose first fetch it never made.
  trustLists.refresh({ onlyNew: true }).catch(warn);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    openWelcomeOnInstall(reason).catch(warn);
    createVerifySelectionMenu().then(createVerifyImageMenu).catch(warn);
    storeImageAccess().catch(warn);
    trustLists.refresh().catch(warn);
  });
  // Every reader has a personal mark from the first start (an update from before marks gets one too).
  ensurePersonalMark().catch(warn);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === verifyImageMenuId && tab?.id !== undefined && tab.id >= 0 && info.srcUrl !== undefined) {
      const [tabId, frameId] = [tab.id, info.frameId ?? 0];
      const show = async (answer: { url: string; verdict: ImageVerdict | null }) => {
        void tabImages.record(tabId, answer.url, answer.verdict).catch(warn);
        await sendToTab(tabId, 'show-image-check', answer, { frameId });
      };
      const readInFrame = (url: string) => sendToTab(tabId, 'read-image', { url }, { frameId });
      // Asked now, in the click's gesture: after an await the browser would not ask the reader.
      const siteAccess = isOtherOrigin(info.srcUrl, info.frameUrl ?? info.pageUrl) ? requestImageSiteAccess(info.srcUrl) : undefined;
      verifyImageFromMenu({ url: info.srcUrl, hasAccess: hasImageAccess, checks: pageImages, siteAccess, readInFrame, checker: images, show }).catch(warn);
      return;
    }
    // A tab id of -1: a click outside any tab (a devtools page), where there is no selection of a page to check.
    if (info.menuItemId !== verifySelectionMenuId || tab?.id === undefined || tab.id < 0) return;
    selections.verifySelection({ tabId: tab.id, frameId: info.frameId ?? 0, selectionText: info.selectionText, pageUrl: info.frameUrl ?? info.pageUrl }).catch(warn);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== verifySelectionCommand) return;
    void (async () => {
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (target?.id === undefined || target.id < 0) return;
      await selections.verifySelection({ tabId: target.id, frameId: 0, pageUrl: target.url });
    })().catch(warn);
  });

  // Every open page's content scripts start or stop looking at images as the stored grant changes.
  const imageAccessChanged = (change: { origins?: string[] }) => void (isImageAccessChange(change) && storeImageAccess().catch(warn));
  browser.permissions.onAdded.addListener(imageAccessChanged);
  browser.permissions.onRemoved.addListener(imageAccessChanged);
  // The grant may have changed while Verity did not run (the browser's own settings), or come with the install.
  browser.runtime.onStartup.addListener(() => {
    storeImageAccess().catch(warn);
    // Every list again when the browser starts, besides the daily alarm.
    trustLists.refresh().catch(warn);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (!isTrustChange(changes, area)) return;
    trust.invalidate();
    service.trustChanged().catch(warn);
    // A new subscription is fetched at once; otherwise there is nothing new to fetch.
    trustLists.refresh({ onlyNew: true }).catch(warn);
  });

  // A new document in a tab or one of its frames: the proofs of the one before are gone. Same-document navigations
  // (history.pushState, #fragment) keep them; tabs.onUpdated cannot tell the two apart.
  browser.webNavigation.onCommitted.addListener((details) => {
    const { tabId, frameId, url, documentId, documentLifecycle } = details as typeof details & { documentId?: string; documentLifecycle?: string };
    if (tabId < 0 || documentLifecycle === 'prerender') return;
    if (frameId !== 0) {
      service.frameCommitted({ tabId, frameId, documentId }).catch(warn);
      return;
    }
    service.documentCommitted({ tabId, url, documentId }).catch(warn);
    tabImages.forget(tabId).catch(warn);
    tabIntegrity.forget(tabId).catch(warn);
    selections.documentCommitted({ tabId, documentId }).catch(warn);
  });
  // A share link to the reader's verifier page: this Verity verifies it itself, in its inspector.
  const openShareLink = shareLinkNavigation({
    shareLinkBase: readShareLinkBase,
    openInspector: async (tabId, fragment) => void (await browser.tabs.update(tabId, { url: `${browser.runtime.getURL('/inspector.html')}${fragment}` })),
  });
  browser.webNavigation.onBeforeNavigate.addListener((details) => void openShareLink(details).catch(warn));
  const tabRemoved = (tabId: number) => {
    service.tabRemoved(tabId).catch(warn);
    tabImages.forget(tabId).catch(warn);
    tabIntegrity.forget(tabId).catch(warn);
    selections.tabRemoved(tabId).catch(warn);
  };
  browser.tabs.onRemoved.addListener(tabRemoved);
  browser.tabs.onReplaced.addListener((_added, removed) => tabRemoved(removed));
});
