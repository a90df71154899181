import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import { ErrorState, LoadingState } from '../../components/Status';
import { sendToTab, sendToWorker } from '../../messaging/client';
import { frameProofId } from '../../messaging/frame-proof-id';
import type { SelectionCheck, StandaloneResult, TabState } from '../../messaging/messages';
import { displaySettingsItem, readDisplaySettings } from '../../storage/settings-items';
import { type DisplaySettings, isSiteDisabled, siteCovers } from '../../storage/settings-keys';
import { citationText } from '../../lib/report/citation';
import { standaloneReport } from '../../lib/report/standalone-report';
import { proofShareLink, useShareLinkBase } from '../inspector/share';
import { inspectorUrl } from '../inspector/url';
import { type PasteDraft, type PasteOutcome, PastePanel } from './PastePanel';
import { usePersonalMark } from '../../components/PersonalMark';
import { PageImagesSection } from './PageImagesSection';
import { PageIntegrityNotice } from './PageIntegrityNotice';
import { PopupFrame, type PopupPanel, PopupView, type RevealResult } from './PopupView';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; tab: TabState; selection: SelectionCheck | null }
  | { status: 'error'; message: string };

/** Asked again this soon while proofs are being checked, and this soon otherwise (pages add proofs as they scroll). */
const checkingPollMs = 700;
const idlePollMs = 3000;

const openOptions = () => void browser.runtime.openOptionsPage();
const openHistory = () => void browser.tabs.create({ url: browser.runtime.getURL('/verity-history.html') });

/** The popup: asks the worker about the active tab until the popup closes, and checks what is pasted into it. */
export function Popup() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [activeTabId, setActiveTabId] = useState<number>();
  const [reveal, setReveal] = useState<RevealResult>();
  const [attempt, setAttempt] = useState(0);
  const [display, setDisplay] = useState<DisplaySettings>();
  const [panel, setPanel] = useState<PopupPanel>('page');
  const mark = usePersonalMark();
  const [draft, setDraft] = useState<PasteDraft>({ input: '', compareText: '' });
  const [pasted, setPasted] = useState<PasteOutcome>({ status: 'idle' });
  const shareBase = useShareLinkBase();
  const [imagesListed, setImagesListed] = useState(false);

  useEffect(() => {
    let closed = false;
    readDisplaySettings().then(
      (settings) => !closed && setDisplay(settings),
      () => undefined,
    );
    return () => {
      closed = true;
    };
  }, []);

  useEffect(() => {
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (!closed) setLoad({ status: 'error', message: messageOf(error) });
    };
    const poll = (tabId: number) =>
      Promise.all([
        sendToWorker('tab-state', { tabId }),
        // The selection is extra: the page's proofs show even when it cannot be read.
        sendToWorker('selection-check', { tabId }).catch(() => null),
      ]).then(([tab, selection]) => {
        if (closed) return;
        setLoad({ status: 'ready', tabId, tab, selection });
        const checking = tab.proofs.some((proof) => !proof.verdict);
        timer = setTimeout(() => void poll(tabId).catch(fail), checking ? checkingPollMs : idlePollMs);
      });
    // The popup belongs to the tab it opened over: it closes when the user switches tabs.
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => {
        if (active?.id === undefined) throw new Error('There is no active tab.');
        if (!closed) setActiveTabId(active.id);
        return poll(active.id);
      })
      .catch(fail);
    return () => {
      closed = true;
      clearTimeout(timer);
    };
  }, [attempt]);

  const tabId = load.status === 'ready' ? load.tabId : undefined;
  const onReveal = useCallback(
    (id: string) => {
      if (tabId === undefined) return;
      const inFrame = frameProofId(id);
      sendToTab(tabId, 'reveal-proof', { id: inFrame.id }, { frameId: inFrame.frameId }).then(
        ({ found }) => setReveal({ id, found }),
        () => setReveal({ id, found: false }),
      );
    },
    [tabId],
  );

  const checkPasted = () => {
    setPasted({ status: 'busy' });
    const request = {
      input: draft.input,
      ...(draft.compareText.trim() !== '' && { compareText: draft.compareText }),
      // A plain text is looked for in the proofs of the tab the popup opened over.
      ...(activeTabId !== undefined && { tabId: activeTabId }),
    };
    sendToWorker('check-pasted', request).then(
      (check) => setPasted({ status: 'done', check, checkedAt: Date.now() }),
      (error: unknown) => setPasted({ status: 'failed', message: messageOf(error) }),
    );
  };
  const panels = {
    active: panel,
    onChange: setPanel,
    paste: (
      <PastePanel
        draft={draft}
        onDraftChange={setDraft}
        onCheck={checkPasted}
        outcome={pasted}
        inspectorLinkOf={(result) => proofShareLink(result.proof)}
        citationOf={(result, checkedAt) => pastedCitation(result, checkedAt, shareBase)}
        onReveal={tabId === undefined ? undefined : onReveal}
        missing={reveal && !reveal.found ? reveal.id : undefined}
      />
    ),
  };

  if (load.status === 'loading') {
    return (
      <PopupFrame onOpenOptions={openOptions} onOpenHistory={openHistory} panels={panels} mark={mark}>
        <LoadingState label="Looking at this page…" />
      </PopupFrame>
    );
  }
  if (load.status === 'error') {
    return (
      <PopupFrame onOpenOptions={openOptions} onOpenHistory={openHistory} panels={panels} mark={mark}>
        <div className="p-4">
          <ErrorState
            title="Verity couldn't look at this tab"
            action={
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setLoad({ status: 'loading' });
                  setAttempt((count) => count + 1);
                }}
              >
                Try again
              </button>
            }
          >
            {load.message}
          </ErrorState>
          <p className="mt-3 text-[13px] text-slate-600">
            You can still{' '}
            <button type="button" className="link" onClick={() => setPanel('paste')}>
              check pasted material
            </button>
            .
          </p>
        </div>
      </PopupFrame>
    );
  }
  const hostname = hostnameOf(load.tab.url);
  const turnOn = () => {
    if (!display) return;
    // Every entry that covers this host, so the site is really on again.
    const settings = {
      ...display,
      disabledSites: display.disabledSites.filter((site) => !siteCovers(site, hostname)),
    };
    setDisplay(settings);
    void displaySettingsItem.setValue(settings);
  };
  const readyTabId = load.tabId;
  return (
    <PopupView
      off={display && hostname && isSiteDisabled(hostname, display) ? { onTurnOn: turnOn } : undefined}
      tab={load.tab}
      selection={load.selection}
      inspectorUrl={(proofId) => inspectorUrl(readyTabId, proofId)}
      onReveal={onReveal}
      reveal={reveal}
      onOpenOptions={openOptions}
      onOpenHistory={openHistory}
      getReport={() => sendToWorker('report', { tabId: readyTabId })}
      panels={panels}
      mark={mark}
      images={<PageImagesSection tabId={readyTabId} onListed={setImagesListed} />}
      imagesListed={imagesListed}
      integrity={<PageIntegrityNotice tabId={readyTabId} />}
    />
  );
}

/** The citation of one pasted proof, from its one-snippet report, with a share link to the reader's verifier page. */
function pastedCitation({ proof, verdict }: StandaloneResult, checkedAt: number, shareBase: string): string {
  const version = browser.runtime.getManifest().version;
  const share = proofShareLink(proof, undefined, shareBase);
  const report = standaloneReport({ version, source: { kind: 'pasted' }, raw: proof.raw, verdict, checkedAt: new Date(checkedAt) });
  return citationText(report, 0, { shareLink: share.ok ? share.link : undefined });
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
