import type { ReactNode } from 'react';
import { HistoryIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { ManagedBadge } from '../../components/ManagedBadge';
import type { TrustConfigIssue } from '../../lib/trust/errors';
import { DisplaySettingsForm, type DisplaySettingsFormProps } from './DisplaySettingsForm';
import { fieldId } from './fields';
import { ImageAccessSection } from './ImageAccessSection';
import { ImportExport, type ImportExportProps } from './ImportExport';
import { TrustSignerPrompt, type TrustSignerPromptProps } from './TrustSignerPrompt';
import { SectionHeading, TrustForm, type TrustFormProps } from './TrustForm';
import { issueWords } from './field-words';

/** The page's frame; `footer` stays in view at the bottom while the page scrolls. */
export function OptionsFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <PageHeader page="Settings" width="max-w-3xl" heading />
      <main className="mx-auto max-w-3xl px-6 pt-8 pb-16">{children}</main>
      {footer}
    </div>
  );
}

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

export type OptionsViewProps = {
  display: DisplaySettingsFormProps;
  trust: TrustFormProps;
  /** Problems that stop the trust configuration being saved, listed above the form. */
  issues: readonly TrustConfigIssue[];
  /** The organisation set part of the configuration. */
  hasManaged: boolean;
  /** The organisation's configuration could not be read, so none of it applies. */
  managedError?: string;
  /** The saved configuration of the user's own could not be read, so none of it applies. */
  userError?: string;
  importExport: ImportExportProps;
  dirty: boolean;
  save: SaveState;
  onSave: () => void;
  onDiscard: () => void;
  onResetToDefaults: () => void;
  /** Asked from a badge's card (options.html#trust=ADDRESS). */
  trustSigner?: TrustSignerPromptProps | undefined;
  /** "Share links open at" (ShareLinkBaseField): it keeps its own stored value, which Node (the visual review) cannot read. */
  shareLinkBase?: ReactNode;
  /** "Your mark" (PersonalMarkField), likewise kept by itself. */
  personalMark?: ReactNode;
  /** "Image signers you trust" (ImageSignersSection), kept by itself. */
  imageSigners?: ReactNode;
  /** "Trust lists" (TrustListsSection), above the trust configuration. */
  trustLists?: ReactNode;
};

export function OptionsView(props: OptionsViewProps) {
  const { display, trust, issues, hasManaged, managedError, userError, importExport, dirty, save } = props;
  return (
    <OptionsFrame
      footer={
        <SaveBar dirty={dirty} save={save} onSave={props.onSave} onDiscard={props.onDiscard} />
      }
    >
      <div className="space-y-12">
        {props.trustSigner && <TrustSignerPrompt {...props.trustSigner} />}
        {managedError && (
          <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3">
            <p className="text-sm font-semibold text-amber-950">Your organisation's settings couldn't be read</p>
            <p className="mt-1 text-sm text-amber-900">
              They are ignored until they are fixed, so Verity is using the built-in settings and your own. Tell whoever
              manages your browser: <span className="font-mono text-xs">{managedError}</span>
            </p>
          </div>
        )}
        {hasManaged && !managedError && (
          <p className="flex items-center gap-3 rounded-xl border border-indigo-200 bg-indigo-50/50 px-4 py-3 text-sm text-indigo-950">
            <ManagedBadge />
            <span>Some settings come from your organisation. They are marked, and can't be changed here.</span>
          </p>
        )}
        {userError && (
          <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p className="font-semibold text-amber-950">Your saved configuration couldn't be read</p>
            <p className="mt-1">
              It is ignored until you save again. <span className="font-mono text-xs">{userError}</span>
            </p>
          </div>
        )}

        <section aria-labelledby="display-heading">
          <SectionHeading id="display-heading" title="On pages">
            How Verity shows itself while you read. Changes apply at once, without reloading pages.
          </SectionHeading>
          <DisplaySettingsForm {...display} />
          {props.personalMark}
          {props.shareLinkBase}
        </section>

        <ImageAccessSection />
        {props.imageSigners}

        {props.trustLists}

        <section aria-labelledby="trust-heading" className="space-y-6">
          <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2 border-b border-slate-200 pb-4">
            <div className="max-w-2xl">
              <h2 id="trust-heading" className="text-lg font-semibold tracking-tight text-slate-900">
                Trust configuration
              </h2>
              <p className="mt-1 text-sm leading-relaxed text-slate-600">
                Who you trust comes from here, never from the page. A proof that rests on a contract or attester not
                listed here is at best “Untrusted”.
              </p>
            </div>
            <button type="button" className="btn-quiet" onClick={props.onResetToDefaults}>
              Reset to defaults
            </button>
          </div>
          {issues.length > 0 && <IssueSummary issues={issues} />}
          <TrustForm {...trust} />
        </section>

        <section aria-labelledby="history-heading">
          <SectionHeading
            id="history-heading"
            title="History"
            action={
              <a href="verity-history.html" className="btn-secondary">
                <HistoryIcon className="size-4" />
                Open history
              </a>
            }
          >
            What Verity verified, searchable, with how long it is kept and “Clear history”. Stored only on this computer.
          </SectionHeading>
        </section>

        <section aria-labelledby="import-heading">
          <SectionHeading id="import-heading" title="Import and export">
            Share a configuration with colleagues, or move it to another browser. The format is the AI proof trust
            configuration (spec §7).
          </SectionHeading>
          <ImportExport {...importExport} />
        </section>
      </div>
    </OptionsFrame>
  );
}

function IssueSummary({ issues }: { issues: readonly TrustConfigIssue[] }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50/60 px-4 py-3">
      <p className="text-sm font-semibold text-red-900">
        {issues.length === 1 ? 'One thing to fix' : `${issues.length} things to fix`} before saving
      </p>
      <ul className="mt-1.5 space-y-1 text-sm">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <a
              href={`#${fieldId(issue.path)}`}
              onClick={(event) => {
                const field = document.getElementById(fieldId(issue.path));
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.scrollIntoView({ block: 'center' });
              }}
              className="link text-red-800 decoration-red-800/30 hover:decoration-red-800"
            >
              {issueWords(issue)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SaveBar({
  dirty,
  save,
  onSave,
  onDiscard,
}: {
  dirty: boolean;
  save: SaveState;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const message =
    save.status === 'saving'
      ? 'Saving…'
      : save.status === 'failed'
        ? `Couldn't save: ${save.message}`
        : dirty
          ? 'Unsaved changes to the trust configuration'
          : save.status === 'saved'
            ? 'Saved. Open pages use it from now on.'
            : 'No unsaved changes';
  return (
    <div className="sticky bottom-0 border-t border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-3 px-6 py-3">
        <p role="status" className={`mr-auto text-sm ${save.status === 'failed' ? 'text-red-700' : 'text-slate-600'}`}>
          {message}
        </p>
        <button type="button" className="btn-secondary" onClick={onDiscard} disabled={!dirty}>
          Discard
        </button>
        <button type="button" className="btn-primary" onClick={onSave} disabled={!dirty || save.status === 'saving'}>
          Save changes
        </button>
      </div>
    </div>
  );
}
