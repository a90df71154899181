import { useState, type FormEvent } from 'react';
import { CrossIcon } from '../../components/icons';
import type { DisplaySettings } from '../../storage/settings-keys';

export type DisplaySettingsFormProps = {
  settings: DisplaySettings;
  onChange: (settings: DisplaySettings) => void;
};

/**
 * The host name in what the user typed: a bare host, or one taken from a
 * pasted URL. Null when it is not a host name.
 */
export function siteHost(typed: string): string | null {
  const text = typed.trim().toLowerCase();
  if (!text) return null;
  let host = text;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  return /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/.test(host) && /[a-z0-9]/.test(host) ? host : null;
}

/** Badges on or off, and the sites where Verity stays out of the way. Applies as soon as it changes. */
export function DisplaySettingsForm({ settings, onChange }: DisplaySettingsFormProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();

  const addSite = (event: FormEvent) => {
    event.preventDefault();
    const host = siteHost(typed);
    if (!host) {
      setError('Enter a host name such as example.com');
      return;
    }
    setError(undefined);
    setTyped('');
    if (!settings.disabledSites.includes(host)) onChange({ ...settings, disabledSites: [...settings.disabledSites, host] });
  };

  return (
    <div className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
      <div className="flex items-start justify-between gap-6 px-4 py-4">
        <div>
          <p id="badges-label" className="text-sm font-medium text-slate-900">
            Show badges on pages
          </p>
          <p id="badges-hint" className="mt-0.5 text-sm text-slate-500">
            A small badge beside each piece of content that carries a proof. The Verity button in the toolbar always
            has the full result, whatever a page draws.
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={settings.showBadges}
          aria-labelledby="badges-label"
          aria-describedby="badges-hint"
          onClick={() => onChange({ ...settings, showBadges: !settings.showBadges })}
          className={`focus-ring relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${settings.showBadges ? 'bg-emerald-600' : 'bg-slate-300'}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-5 rounded-full bg-white shadow-sm transition-transform ${settings.showBadges ? 'translate-x-5.5' : 'translate-x-0.5'}`}
          />
        </button>
      </div>
      <div className="px-4 py-4">
        <p id="sites-label" className="text-sm font-medium text-slate-900">
          Sites where Verity is off
        </p>
        <p className="mt-0.5 text-sm text-slate-500">
          Verity neither looks for proofs nor draws anything on these sites or their subdomains.
        </p>
        {settings.disabledSites.length > 0 && (
          <ul aria-labelledby="sites-label" className="mt-3 flex flex-wrap gap-2">
            {settings.disabledSites.map((site) => (
              <li
                key={site}
                className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-0.5 pl-2 font-mono text-[13px] text-slate-800"
              >
                {site}
                <button
                  type="button"
                  className="focus-ring inline-flex size-6 items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                  aria-label={`Turn Verity back on for ${site}`}
                  title="Remove"
                  onClick={() => onChange({ ...settings, disabledSites: settings.disabledSites.filter((each) => each !== site) })}
                >
                  <CrossIcon className="size-3.5" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addSite} className="mt-3 flex max-w-md items-start gap-2">
          <div className="flex-1">
            <label htmlFor="add-site" className="sr-only">
              Site to turn Verity off for
            </label>
            <input
              id="add-site"
              type="text"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="example.com"
              className="field font-mono text-[13px]"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'add-site-error' : undefined}
            />
            {error && (
              <p id="add-site-error" className="mt-1 text-xs text-red-700">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="btn-secondary">
            Turn off here
          </button>
        </form>
      </div>
    </div>
  );
}
