import { useState } from 'react';

export type TrustSignerPromptProps = {
  /** The signer's address, lowercased. */
  address: string;
  /** Whether it is trusted now (just added, or already in the list). */
  trusted: boolean;
  busy: boolean;
  onTrust: (label: string) => void;
  onUndo: () => void;
  onDismiss: () => void;
};

/**
 * "Trust this signer", asked from a badge's card: one confirmation, and
 * once trusted, an undo right there (the list below can remove it later).
 */
export function TrustSignerPrompt({ address, trusted, busy, onTrust, onUndo, onDismiss }: TrustSignerPromptProps) {
  const [label, setLabel] = useState('');
  const name = label.trim() || 'Signer I trust';
  if (trusted) {
    return (
      <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
        <p className="font-semibold">You trust this signer now</p>
        <p className="mt-1">
          Its proofs show as Verified when they check out. <span className="font-mono text-xs break-all">{address}</span>
        </p>
        <button type="button" disabled={busy} onClick={onUndo} className="focus-ring mt-2 rounded-md border border-emerald-400 bg-white px-3 py-1 font-medium hover:bg-emerald-100">
          Undo
        </button>
      </div>
    );
  }
  return (
    <section aria-labelledby="trust-signer-heading" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-slate-900">
      <h2 id="trust-signer-heading" className="font-semibold">
        Trust this signer?
      </h2>
      <p className="mt-1 text-slate-700">
        A proof on a page you read was signed by someone you haven't chosen to trust. Trust them only if you know who this
        is: Verity will then show their proofs as Verified, on every site. It still checks each one.
      </p>
      <p className="mt-2 font-mono text-xs break-all">{address}</p>
      <label className="mt-3 block">
        <span className="text-slate-700">Who is it, in your words</span>
        <input
          value={label}
          maxLength={100}
          onChange={(event) => setLabel(event.target.value)}
          placeholder="Signer I trust"
          className="focus-ring mt-1 block w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      <div className="mt-3 flex gap-2">
        <button type="button" disabled={busy} onClick={() => onTrust(name)} className="focus-ring rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
          Trust this signer
        </button>
        <button type="button" onClick={onDismiss} className="focus-ring rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          Not now
        </button>
      </div>
    </section>
  );
}
