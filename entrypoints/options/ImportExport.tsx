import { useState, type ChangeEvent } from 'react';
import type { TrustConfigIssue } from '../../lib/trust/errors';
import { issueWords } from './field-words';

/** A configuration that could be imported: what it would change, and the step that takes it into the form. */
export type ImportPreview = { ok: true; changes: readonly string[]; replace: () => { note?: string } };

export type ImportExportProps = {
  /** Reads a configuration: what taking it would change, or the issues that name each bad field. */
  onImport: (json: string) => ImportPreview | { ok: false; issues: readonly TrustConfigIssue[] };
  /** The form's configuration as JSON; null (and the form shows why) when it does not validate. */
  exportJson: () => string | null;
  /** Saves JSON text as a file. */
  download: (json: string) => void;
};

type Outcome =
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'imported'; note?: string }
  | { kind: 'invalid'; issues: readonly TrustConfigIssue[] }
  | { kind: 'exported' };

/**
 * Import a configuration from a file or pasted JSON, after seeing what it
 * would change; export the form's as a file or text.
 */
export function ImportExport({ onImport, exportJson, download }: ImportExportProps) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();

  const take = (json: string) => {
    const result = onImport(json);
    setOutcome(result.ok ? { kind: 'preview', preview: result } : { kind: 'invalid', issues: result.issues });
  };
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    file.text().then(
      (json) => {
        setText(json);
        take(json);
      },
      () => setOutcome({ kind: 'invalid', issues: [{ path: '', message: `could not read ${file.name}` }] }),
    );
  };
  const show = () => {
    const json = exportJson();
    if (json !== null) {
      setText(json);
      setOutcome({ kind: 'exported' });
    }
  };
  const save = () => {
    const json = exportJson();
    if (json !== null) download(json);
  };

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <label htmlFor="config-json" className="text-sm font-medium text-slate-900">
        Configuration JSON
      </label>
      <p id="config-json-hint" className="mt-0.5 mb-2 text-sm text-slate-500">
        Paste a configuration to import it, or show yours to copy it. An import replaces your own settings; your
        organisation's stay as they are. You see what it would change first, and nothing is saved until you choose Save.
      </p>
      <textarea
        id="config-json"
        rows={8}
        spellCheck={false}
        className="field font-mono text-xs leading-relaxed"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'{\n  "chains": { "31337": { "name": "Local", "rpc": ["http://127.0.0.1:8545"], "confirmations": 1, "explorer": null } }\n}'}
        aria-describedby="config-json-hint"
        aria-invalid={outcome?.kind === 'invalid' ? true : undefined}
      />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className="btn-primary" onClick={() => take(text)} disabled={text.trim() === ''}>
          Import this JSON
        </button>
        <label className="btn-secondary cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600">
          Import a file…
          <input type="file" accept=".json,application/json" className="sr-only" onChange={readFile} />
        </label>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <button type="button" className="btn-secondary" onClick={show}>
          Show as JSON
        </button>
        <button type="button" className="btn-secondary" onClick={save}>
          Download JSON
        </button>
      </div>
      {outcome?.kind === 'preview' && (
        <ImportChanges
          changes={outcome.preview.changes}
          onReplace={() => setOutcome({ kind: 'imported', note: outcome.preview.replace().note })}
          onCancel={() => setOutcome(undefined)}
        />
      )}
      <div role="status" aria-live="polite">
        {outcome?.kind === 'imported' && (
          <p className="mt-3 text-sm text-emerald-800">
            Imported into the form. Review it, then save.{outcome.note && ` ${outcome.note}`}
          </p>
        )}
        {outcome?.kind === 'exported' && <p className="mt-3 text-sm text-slate-600">Your configuration is in the box above.</p>}
      </div>
      {outcome?.kind === 'invalid' && (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50/60 px-3 py-2">
          <p className="text-sm font-medium text-red-900">This configuration can't be imported:</p>
          <ul className="mt-1 space-y-0.5 text-[13px] text-red-900/90">
            {outcome.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{issueWords(issue)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** What an import would change, with the choice to take it or not. */
function ImportChanges({ changes, onReplace, onCancel }: { changes: readonly string[]; onReplace: () => void; onCancel: () => void }) {
  return (
    <section aria-labelledby="import-changes-heading" className="mt-3 rounded-md border border-sky-200 bg-sky-50/60 px-3 py-2">
      <h3 id="import-changes-heading" className="text-sm font-medium text-slate-900">
        {changes.length === 0 ? 'This is the configuration you have: importing it changes nothing.' : 'Importing this would change your settings:'}
      </h3>
      {changes.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[13px] break-words text-slate-800">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={onReplace}>
          Replace my settings with this
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          Keep mine
        </button>
      </div>
    </section>
  );
}
