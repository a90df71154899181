import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { ExternalIcon, HistoryIcon, SettingsIcon, SpinnerIcon, TargetIcon, VerityMark } from '../../components/icons';
import { RevealNote } from '../../components/QuoteParts';
import { ReportExport } from '../../components/ReportExport';
import { SelectionCheckView } from '../../components/SelectionCheckView';
import { StateBadge } from '../../components/StateBadge';
import { StateCounts } from '../../components/StateCounts';
import { stateStyles } from '../../components/state-style';
import type { SelectionCheck, TabProof, TabState } from '../../messaging/messages';
import type { Report } from '../../lib/report/schema';
import type { VerdictState } from '../../lib/verdict/states';
import { frameLabel } from './frame-label';
import { pageVouchersOf, summarizePage } from './page-summary';
import { OriginWords } from '../../components/OriginWords';
import type { OriginFact } from '../../lib/verdict/origin-facts';
import { scopeOf } from '../../lib/verdict/scope';
import { readerReasonOf } from '../../lib/verdict/reader-reason';
import { PersonalMarkGlyph } from '../../components/PersonalMark';
import type { PersonalMark } from '../../storage/personal-mark';

/** What became of the last "show on page" request. */
export type RevealResult = { id: string; found: boolean };

export type PopupViewProps = {
  tab: TabState;
  /** The reader's personal mark, shown in the header (PopupFrame). */
  mark?: PersonalMark | undefined;
  /** The inspector's address for one proof, or for the whole tab. */
  inspectorUrl: (proofId?: string) => string;
  onReveal: (proofId: string) => void;
  reveal?: RevealResult;
  onOpenOptions: () => void;
  onOpenHistory?: () => void;
  /** The user turned Verity off for this site; `onTurnOn` turns it back on. */
  off?: { onTurnOn: () => void };
  /** The last "Verify selection" answer in this tab. */
  selection?: SelectionCheck | null;
  /** A fresh report of the tab's proofs, for "Export report"; without it there is no export. */
  getReport?: () => Promise<Report | null>;
  panels?: PopupPanels;
  /** The page's images with Content Credentials, under its proofs. */
  images?: ReactNode;
  /** `images` lists at least one: the page's report has them, so it is offered on a page without proofs too. */
  imagesListed?: boolean;
  /** What the page did against Verity's badges and card, above everything. */
  integrity?: ReactNode;
};

/** The popup's two panels: the page (the frame's children) and "Check pasted". */
export type PopupPanel = 'page' | 'paste';
export type PopupPanels = { active: PopupPanel; onChange: (panel: PopupPanel) => void; paste: ReactNode };

const panelNames: Record<PopupPanel, string> = { page: 'This page', paste: 'Check pasted' };
const panelOrder: readonly PopupPanel[] = ['page', 'paste'];

/**
 * The popup's frame: a header with the page's host and the ways to the
 * history and settings, then the panels as tabs when there are two.
 */
export function PopupFrame({
  host,
  onOpenOptions,
  onOpenHistory,
  panels,
  mark,
  children,
}: {
  host?: string;
  /** The reader's personal mark, taught here: no mark, not Verity. */
  mark?: PersonalMark | undefined;
  onOpenOptions: () => void;
  onOpenHistory?: () => void;
  panels?: PopupPanels;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-[220px] w-[380px] max-w-[100vw] flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="flex items-center gap-2.5 px-4 py-3">
          <VerityMark className="size-6 text-slate-900" />
          <div className="min-w-0 flex-1">
            <h1 className="text-sm leading-tight font-semibold text-slate-900">Verity</h1>
            {host && <p className="truncate text-xs leading-tight text-slate-500">{host}</p>}
          </div>
          {onOpenHistory && (
            <button type="button" onClick={onOpenHistory} className="btn-quiet px-1.5" aria-label="History" title="History of what you verified">
              <HistoryIcon className="size-[18px]" />
            </button>
          )}
          <button type="button" onClick={onOpenOptions} className="btn-quiet px-1.5" aria-label="Settings" title="Settings">
            <SettingsIcon className="size-[18px]" />
          </button>
        </div>
        {mark && (
          <p className="flex items-center gap-1.5 border-t border-slate-100 px-4 py-1.5 text-xs text-slate-600">
            <PersonalMarkGlyph mark={mark} className="text-sm leading-none" />
            <span>Verity’s badges carry your mark. No mark, not Verity.</span>
          </p>
        )}
        {panels && <PanelTabs panels={panels} />}
      </header>
      <main className="flex flex-1 flex-col">
        {panels
          ? panelOrder.map((panel) => (
              <div
                key={panel}
                id={`popup-panel-${panel}`}
                role="tabpanel"
                aria-labelledby={`popup-tab-${panel}`}
                hidden={panels.active !== panel}
                className="flex-1"
              >
                {panel === 'page' ? children : panels.paste}
              </div>
            ))
          : children}
      </main>
    </div>
  );
}

/** Where each key moves among `count` tabs from `index` (wrapping around). */
const tabSteps: Partial<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/** The tabs, as the ARIA tabs pattern has them: one tab stop, arrows move between tabs. */
function PanelTabs({ panels }: { panels: PopupPanels }) {
  const tabs = useRef<Partial<Record<PopupPanel, HTMLButtonElement | null>>>({});
  const move = (event: KeyboardEvent) => {
    const step = tabSteps[event.key];
    if (!step) return;
    event.preventDefault();
    const count = panelOrder.length;
    const next = panelOrder[(step(panelOrder.indexOf(panels.active), count) + count) % count]!;
    panels.onChange(next);
    tabs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Verity" className="flex gap-5 px-4" onKeyDown={move}>
      {panelOrder.map((panel) => {
        const selected = panels.active === panel;
        return (
          <button
            key={panel}
            ref={(element) => {
              tabs.current[panel] = element;
            }}
            type="button"
            role="tab"
            id={`popup-tab-${panel}`}
            aria-controls={`popup-panel-${panel}`}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => panels.onChange(panel)}
            className={`focus-ring -mb-px border-b-2 pt-0.5 pb-2 text-[13px] font-medium transition-colors ${
              selected ? 'border-slate-900 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'
            }`}
          >
            {panelNames[panel]}
          </button>
        );
      })}
    </div>
  );
}

/** The active tab: the last selection checked, the page at a glance, then each proof. */
export function PopupView(props: PopupViewProps) {
  const { tab, inspectorUrl, onReveal, reveal, onOpenOptions, onOpenHistory, off, selection, getReport, panels, mark, images, imagesListed = false, integrity } = props;
  const summary = summarizePage(tab.proofs);
  return (
    <PopupFrame host={hostOf(tab.url)} onOpenOptions={onOpenOptions} onOpenHistory={onOpenHistory} panels={panels} mark={mark}>
      {integrity}
      {selection && (
        <section aria-labelledby="selection-heading" className="border-b border-slate-200 bg-white px-4 pt-3 pb-4">
          <h2 id="selection-heading" className="pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Selection
          </h2>
          <SelectionCheckView check={selection} onReveal={onReveal} missing={reveal && !reveal.found ? reveal.id : undefined} />
        </section>
      )}
      {off && summary.total === 0 ? (
        <div className="px-5 py-6">
          <h2 className="text-[15px] font-semibold text-slate-900">Verity is off for this site</h2>
          <p className="mt-1.5 text-[13px] leading-relaxed text-slate-600">
            You turned Verity off for {hostOf(tab.url)}, so it does not look for proofs here.
          </p>
          <button type="button" className="btn-primary mt-4" onClick={off.onTurnOn}>
            Turn on for this site
          </button>
        </div>
      ) : summary.total === 0 ? (
        <NothingFound notChecked={tab.notChecked} />
      ) : (
        <>
          <section aria-label="This page" className="space-y-3 border-b border-slate-200 bg-white px-4 pt-3 pb-4">
            <Overall summary={summary} vouchers={pageVouchersOf(tab.proofs)} />
            <StateCounts counts={summary.counts} checking={summary.checking} />
            {summary.checking > 0 && <Progress done={summary.total - summary.checking} total={summary.total} />}
          </section>
          <section aria-labelledby="proofs-heading" className="px-3 pt-3 pb-2">
            <h2 id="proofs-heading" className="px-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              On this page <span className="font-normal tabular-nums">({summary.total})</span>
            </h2>
            <ul className="space-y-1.5">
              {tab.proofs.map((proof) => (
                <ProofItem
                  key={proof.id}
                  proof={proof}
                  href={proof.kept === false ? undefined : inspectorUrl(proof.id)}
                  onReveal={onReveal}
                  missing={reveal?.id === proof.id && !reveal.found}
                />
              ))}
            </ul>
            {tab.notChecked > 0 && <NotChecked count={tab.notChecked} />}
          </section>
        </>
      )}
      {images}
      {(summary.total > 0 || imagesListed) && getReport && (
        <div className="px-4 pt-1 pb-2">
          <ReportExport title="Export report" getReport={getReport} disabled={summary.checking > 0} />
        </div>
      )}
      {/* Below 300 px (a zoom of 300 % and more, where Chrome caps the popup at 800 pixels) the link goes under the line and may wrap. */}
      {summary.total > 0 && (
        <footer className="flex items-center justify-between gap-3 px-4 pt-1 pb-3 text-xs text-slate-500 max-[300px]:flex-wrap">
          <span>Checked in your browser, against the chain.</span>
          <a
            href={inspectorUrl()}
            target="_blank"
            rel="noopener"
            className="link inline-flex shrink-0 items-center gap-1 text-xs whitespace-nowrap max-[300px]:shrink max-[300px]:whitespace-normal"
          >
            All proofs in the inspector
            <ExternalIcon className="size-3" />
          </a>
        </footer>
      )}
    </PopupFrame>
  );
}

function Overall({ summary, vouchers }: { summary: ReturnType<typeof summarizePage>; vouchers: OriginFact | undefined }) {
  const { overall } = summary;
  if (!overall) {
    return (
      <div className="flex items-center gap-2 py-1 text-sm text-slate-700">
        <SpinnerIcon className="size-4 text-slate-500" />
        Checking {summary.total} {summary.total === 1 ? 'proof' : 'proofs'}…
      </div>
    );
  }
  const checked = summary.total - summary.checking;
  const verified = summary.counts.verified ?? 0;
  // Counted, not scored: one weak proof's confidence would read as the whole page's.
  return (
    <div className="space-y-2.5">
      {overall.mixed ? (
        // Drawn in no one state's colour or icon: the chips below give each state its own.
        <p className="text-base font-semibold text-slate-900">
          {verified} of {checked} verified
        </p>
      ) : (
        <StateBadge state={overall.state} size="lg" />
      )}
      <p className="text-[13px] leading-snug text-slate-700">
        {summary.checking > 0
          ? `Results so far; ${summary.checking} still being checked.`
          : overall.mixed
            ? 'Each proof below says what Verity found of where its text came from (not whether it is true).'
            : pageSentences[overall.state](checked)}
      </p>
      {summary.checking === 0 && !overall.mixed && <OriginWords scope={scopeOf(overall.state, checked)} facts={vouchers === undefined ? [] : [vouchers]} />}
    </div>
  );
}

/** The page at a glance when every checked proof has the same state; `count` is how many. */
const pageSentences: Record<VerdictState, (count: number) => string> = {
  verified: (count) => (count === 1 ? 'The proof on this page checks out.' : `All ${count} proofs on this page check out.`),
  pending: (count) => `Valid so far; waiting for the chain to confirm ${count === 1 ? 'it' : 'them'}.`,
  unavailable: () => "Couldn't check right now. This says nothing against the content; try again later.",
  untrusted: () => 'From no one you have chosen to trust.',
  altered: (count) => (count === 1 ? 'The text was changed after it was signed.' : 'The texts were changed after they were signed.'),
  invalid: (count) => (count === 1 ? "The proof doesn't hold." : "None of the proofs hold."),
  malformed: () => "The proof data is damaged or in a form Verity can't read.",
};

function Progress({ done, total }: { done: number; total: number }) {
  return (
    <div>
      <div className="mb-1 flex justify-between text-xs text-slate-600">
        <span>Checking against the chain…</span>
        <span className="tabular-nums">
          {done} of {total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Proofs checked"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-sky-600 transition-[width]" style={{ width: `${(done / total) * 100}%` }} />
      </div>
    </div>
  );
}

function ProofItem({
  proof,
  href,
  onReveal,
  missing,
}: {
  proof: TabProof;
  /** The inspector's page for it; none for a proof Verity did not keep. */
  href: string | undefined;
  onReveal: (id: string) => void;
  missing: boolean;
}) {
  const { verdict } = proof;
  const excerpt = proof.excerpt.trim() || 'No text';
  return (
    <li className="group flex items-stretch rounded-lg border border-slate-200 bg-white shadow-xs transition-colors hover:border-slate-300">
      <button
        type="button"
        onClick={() => onReveal(proof.id)}
        className={`focus-ring min-w-0 flex-1 px-3 py-2.5 text-left ${href === undefined ? 'rounded-lg' : 'rounded-l-lg'}`}
        title="Show on the page"
      >
        <span className="flex items-center justify-between gap-2">
          <StateBadge state={verdict?.state ?? null} size="sm" />
          {verdict && <ConfidenceMeter value={verdict.confidence} state={verdict.state} variant="compact" />}
        </span>
        <span className="mt-1.5 line-clamp-2 text-[13px] leading-snug text-slate-800">{excerpt}</span>
        {proof.frameUrl !== undefined && <span className="mt-1 block truncate text-xs text-slate-600">{frameLabel(proof.frameUrl)}</span>}
        {verdict && verdict.state !== 'verified' && (
          <span className={`mt-1 line-clamp-2 text-xs leading-snug ${stateStyles[verdict.state].ink}`}>{readerReasonOf(verdict)}</span>
        )}
        <RevealNote missing={missing} />
      </button>
      {href !== undefined && (
        <a
          href={href}
          target="_blank"
          rel="noopener"
          className="focus-ring flex w-10 shrink-0 items-center justify-center rounded-r-lg border-l border-slate-100 text-slate-400 hover:bg-slate-50 hover:text-slate-700"
          aria-label={`Inspect the proof of “${truncate(excerpt, 60)}”`}
          title="Inspect this proof"
        >
          <ExternalIcon className="size-4" />
        </a>
      )}
    </li>
  );
}

function NotChecked({ count }: { count: number }) {
  return (
    <p className="mt-2 rounded-md border border-dashed border-slate-300 px-3 py-2 text-xs leading-snug text-slate-600">
      <span className="font-semibold tabular-nums">{count}</span> more {count === 1 ? 'proof' : 'proofs'} not checked.
      Verity checks a limited number per page so browsing stays fast.
    </p>
  );
}

function NothingFound({ notChecked }: { notChecked: number }) {
  return (
    <div className="px-5 py-6">
      <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <TargetIcon className="size-5" />
      </div>
      <h2 className="text-[15px] font-semibold text-slate-900">No AI text with a proof on this page</h2>
      <p className="mt-1.5 text-[13px] leading-relaxed text-slate-600">
        Verity looks for AI-generated content that carries a proof of where it came from:
      </p>
      <ul className="mt-2 space-y-1 text-[13px] text-slate-700">
        <li className="flex gap-2">
          <span aria-hidden="true" className="text-slate-400">•</span>
          <span>
            elements with a <code className="rounded bg-slate-100 px-1 font-mono text-xs">data-ai-proof</code> attribute
          </span>
        </li>
        <li className="flex gap-2">
          <span aria-hidden="true" className="text-slate-400">•</span>
          <span>
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">application/ai-proof+json</code> scripts
          </span>
        </li>
        <li className="flex gap-2">
          <span aria-hidden="true" className="text-slate-400">•</span>
          <span>
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">ai-proof:v1:</code> tokens in text
          </span>
        </li>
      </ul>
      {notChecked > 0 && <NotChecked count={notChecked} />}
      <p className="mt-4 flex gap-2 rounded-md bg-white px-3 py-2 text-xs leading-snug text-slate-600 ring-1 ring-slate-200">
        Proofs are checked by your browser, straight against the blockchain. Nothing is sent to any server of ours.
      </p>
    </div>
  );
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
