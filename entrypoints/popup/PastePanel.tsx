import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';
import { SpinnerIcon } from '../../components/icons';
import { SelectionCheckView } from '../../components/SelectionCheckView';
import { StateBadge } from '../../components/StateBadge';
import { stateStyles } from '../../components/state-style';
import { ErrorState } from '../../components/Status';
import type { PastedCheck, StandaloneResult } from '../../messaging/messages';
import type { PastedKind } from '../../lib/paste/classify-paste';
import type { ProofShareLinkReturnType } from '../inspector/share';
import { PastedProofCard } from './PastedProofCard';

/** What the user typed; kept while results come and go. */
export type PasteDraft = { input: string; compareText: string };

export type PasteOutcome =
  | { status: 'idle' }
  | { status: 'busy' }
  /** `checkedAt`: when the answer came, ms since the epoch (for the citation). */
  | { status: 'done'; check: PastedCheck; checkedAt: number }
  /** The worker could not be asked, or failed: not a verdict. */
  | { status: 'failed'; message: string };

export type PastePanelProps = {
  draft: PasteDraft;
  onDraftChange: (draft: PasteDraft) => void;
  onCheck: () => void;
  outcome: PasteOutcome;
  inspectorLinkOf: (result: StandaloneResult) => ProofShareLinkReturnType;
  citationOf: (result: StandaloneResult, checkedAt: number) => string;
  /** Shows a proof's snippet in the tab, for a quote found there. */
  onReveal?: (proofId: string) => void;
  /** The proof whose snippet could not be found when it was last asked for. */
  missing?: string;
};

/** How the worker read the input, for the line above the answer. */
const kindWords: Record<PastedKind, string> = {
  empty: 'nothing',
  text: 'a quote',
  envelope: 'a proof envelope',
  token: 'a proof token',
  'share-link': 'a share link',
  transaction: 'a transaction',
  attestation: 'an attestation',
  hash: 'a transaction hash or attestation UID',
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Check pasted material: the form, and the answer below it, announced as it appears. */
export function PastePanel(props: PastePanelProps) {
  const { draft, onDraftChange, onCheck, outcome } = props;
  const busy = outcome.status === 'busy';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onCheck();
  };
  const submitOnShortcut = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!busy) onCheck();
    }
  };
  /** What both fields share: their part of the draft, the shortcut, the look. */
  const draftField = (part: keyof PasteDraft) => ({
    value: draft[part],
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => onDraftChange({ ...draft, [part]: event.target.value }),
    onKeyDown: submitOnShortcut,
    className: 'field mt-1.5 resize-y text-[13px] leading-snug',
  });
  return (
    <div>
      <form onSubmit={submit} className="space-y-3 border-b border-slate-200 bg-white px-4 pt-3 pb-4">
        <div>
          <label htmlFor="paste-input" className="block text-[13px] font-medium text-slate-800">
            Text, proof token, envelope, share link, or transaction
          </label>
          <textarea id="paste-input" rows={5} {...draftField('input')} spellCheck={false} placeholder="Paste what you want to check" />
        </div>
        <div>
          <label htmlFor="paste-compare" className="block text-[13px] font-medium text-slate-800">
            Text to compare <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <p id="paste-compare-hint" className="mt-0.5 text-xs leading-snug text-slate-500">
            The text a proof is for, when the proof doesn't carry it or you want to check a version of it.
          </p>
          <textarea id="paste-compare" rows={2} {...draftField('compareText')} aria-describedby="paste-compare-hint" />
        </div>
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500" aria-hidden="true">
            <kbd className="font-sans">{isMac ? '⌘' : 'Ctrl'}</kbd> + <kbd className="font-sans">Enter</kbd> to check
          </p>
          <button
            type="submit"
            className="btn-primary"
            aria-disabled={busy}
            aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
          >
            {busy && <SpinnerIcon className="size-4" />}
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
      </form>
      {/* Always in the page, empty until a check, so screen readers announce what appears in it. */}
      <section aria-label="Result" aria-live="polite" aria-busy={busy}>
        <Answer {...props} />
      </section>
    </div>
  );
}

function Answer({ outcome, inspectorLinkOf, citationOf, onReveal, missing }: PastePanelProps) {
  switch (outcome.status) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p className="flex items-center gap-2 px-4 py-5 text-[13px] text-slate-600">
          <SpinnerIcon className="size-4 text-slate-500" />
          Checking against the chain…
        </p>
      );
    case 'failed':
      return (
        <div className="p-3">
          <ErrorState title="Verity couldn't check this">{outcome.message}</ErrorState>
        </div>
      );
    case 'done':
      break;
  }
  const { check } = outcome;
  if (check.kind === 'quote') {
    return (
      <div className="space-y-2 p-3">
        <ReadAs kind="text" />
        <SelectionCheckView check={check.check} onReveal={onReveal} missing={missing} />
      </div>
    );
  }
  if (check.kind === 'problem') {
    return (
      <div className="space-y-2 p-3">
        <ReadAs kind={check.input} />
        {check.unavailable ? (
          <div className={`space-y-1.5 rounded-lg border px-3 py-2.5 ${stateStyles.unavailable.panel}`}>
            <StateBadge state="unavailable" size="md" />
            <p className="text-[13px] leading-snug text-slate-700">{check.message}</p>
            <p className="text-xs leading-snug text-slate-500">This says nothing against the material; try again later.</p>
          </div>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white px-3 py-2.5">
            <p className="text-sm font-semibold text-slate-900">Nothing to verify</p>
            <p className="mt-0.5 text-[13px] leading-snug text-slate-700">{check.message}</p>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-2 p-3">
      <ReadAs kind={check.input} count={check.results.length} />
      {check.results.map((result, index) => (
        <PastedProofCard key={index} result={result} inspectorLink={inspectorLinkOf(result)} citation={citationOf(result, outcome.checkedAt)} />
      ))}
    </div>
  );
}

function ReadAs({ kind, count }: { kind: PastedKind; count?: number }) {
  return (
    <p className="px-1 text-xs text-slate-500">
      Read as {kindWords[kind]}
      {count !== undefined && count > 1 && <> · {count} proofs</>}
    </p>
  );
}
