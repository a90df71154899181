import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorState, LoadingState } from '../../components/Status';
import { sendToTab, sendToWorker } from '../../lib/extension/client';
import type { TabState } from '../../lib/extension/messages';
import { type DisplaySettings, displaySettingsFrom, isSiteDisabled, settingsKeys, siteCovers } from '../../lib/extension/settings-keys';
import { inspectorUrl } from '../inspector/url';
import { PopupFrame, PopupView, type RevealResult } from './PopupView';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; tab: TabState }
  | { status: 'error'; message: string };

/** Asked again this soon while proofs are being checked, and this soon otherwise (pages add proofs as they scroll). */
const checkingPollMs = 700;
const idlePollMs = 3000;

const openOptions = () => void browser.runtime.openOptionsPage();

/** The popup: asks the worker about the active tab until the popup closes. */
export function Popup() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reveal, setReveal] = useState<RevealResult>();
  const [attempt, setAttempt] = useState(0);
  const [display, setDisplay] = useState<DisplaySettings>();

  useEffect(() => {
    let closed = false;
    browser.storage.local.get(settingsKeys.display).then(
      (stored) => !closed && setDisplay(displaySettingsFrom(stored[settingsKeys.display])),
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
      if (!closed) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    };
    const poll = (tabId: number) =>
      sendToWorker('tab-state', { tabId }).then((tab) => {
        if (closed) return;
        setLoad({ status: 'ready', tabId, tab });
        const checking = tab.proofs.some((proof) => !proof.verdict);
        timer = setTimeout(() => void poll(tabId).catch(fail), checking ? checkingPollMs : idlePollMs);
      });
    // The popup belongs to the tab it opened over: it closes when the user switches tabs.
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => {
        if (active?.id === undefined) throw new Error('There is no active tab.');
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
      sendToTab(tabId, 'reveal-proof', { id }).then(
        ({ found }) => setReveal({ id, found }),
        () => setReveal({ id, found: false }),
      );
    },
    [tabId],
  );

  if (load.status === 'loading') {
    return (
      <PopupFrame onOpenOptions={openOptions}>
        <LoadingState label="Looking at this page…" />
      </PopupFrame>
    );
  }
  if (load.status === 'error') {
    return (
      <PopupFrame onOpenOptions={openOptions}>
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
    void browser.storage.local.set({ [settingsKeys.display]: settings });
  };
  return (
    <PopupView
      off={display && hostname && isSiteDisabled(hostname, display) ? { onTurnOn: turnOn } : undefined}
      tab={load.tab}
      inspectorUrl={(proofId) => inspectorUrl(load.tabId, proofId)}
      onReveal={onReveal}
      reveal={reveal}
      onOpenOptions={openOptions}
    />
  );
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
