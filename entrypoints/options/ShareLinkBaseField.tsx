import { useEffect, useState, type FormEvent } from 'react';
import { defaultShareLinkBase, shareLinkBaseFrom, shareLinkBaseProblem } from '../../lib/share/share-base';
import { shareLinkBaseItem } from '../../storage/settings-items';

/**
 * "Share links open at": the verifier page (`npm run build:web`, hosted
 * anywhere) that the share links and citations Verity makes point to.
 * Saved on its own, at once: it touches no trust setting.
 */
export function ShareLinkBaseField() {
  const [saved, setSaved] = useState(defaultShareLinkBase);
  const [typed, setTyped] = useState<string>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    let closed = false;
    shareLinkBaseItem.getValue().then((stored) => !closed && setSaved(shareLinkBaseFrom(stored)), () => undefined);
    const unwatch = shareLinkBaseItem.watch((stored) => setSaved(shareLinkBaseFrom(stored)));
    return () => {
      closed = true;
      unwatch();
    };
  }, []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = (typed ?? saved).trim();
    const problem = shareLinkBaseProblem(value);
    setError(problem);
    if (problem !== undefined) return;
    const base = shareLinkBaseFrom(value);
    const write = base === defaultShareLinkBase ? shareLinkBaseItem.removeValue() : shareLinkBaseItem.setValue(base);
    write.then(
      () => {
        setTyped(undefined);
        setStatus(`Share links now open at ${base}`);
      },
      (failure: unknown) => setError(`Could not save: ${failure instanceof Error ? failure.message : String(failure)}`),
    );
  };

  return (
    <form onSubmit={save} noValidate className="mt-4 rounded-xl border border-slate-200 bg-white px-4 py-4">
      <label htmlFor="share-link-base" className="text-sm font-medium text-slate-900">
        Share links open at
      </label>
      <p id="share-link-base-hint" className="mt-0.5 text-sm text-slate-600">
        The Verity verifier page your share links and citations point to, so that anyone can check them in any browser.
        Build it with <span className="font-mono text-xs">npm run build:web</span> and host it anywhere. Verity opens
        share links to any verifier page in its own inspector. Until you set one here, your links point to{' '}
        {defaultShareLinkBase}, a placeholder that never loads: they open only where Verity is installed.
      </p>
      <div className="mt-3 flex max-w-xl items-start gap-2">
        <div className="flex-1">
          <input
            id="share-link-base"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            className="field font-mono text-[13px]"
            value={typed ?? saved}
            onChange={(event) => {
              setTyped(event.target.value);
              setStatus('');
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'share-link-base-hint share-link-base-error' : 'share-link-base-hint'}
          />
          {error && (
            <p id="share-link-base-error" className="mt-1 text-xs text-red-700">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="btn-secondary">
          Save address
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-slate-600">
        {status}
      </p>
    </form>
  );
}
