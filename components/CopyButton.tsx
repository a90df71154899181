import { useEffect, useState, type ReactNode } from 'react';
import { CheckIcon, CopyIcon } from './icons';

export type CopyButtonProps = {
  /** What goes on the clipboard. */
  text: string;
  /** The visible word; the icon-only variant uses it as its accessible name. */
  label?: string;
  /** What is copied, for the accessible name of the icon-only variant ("Copy transaction hash"). */
  what?: string;
  variant?: 'button' | 'icon';
  /** Nothing to copy yet (still being made), or it cannot be made; `title` says why. */
  disabled?: boolean;
  title?: string;
  /** Replaces the copy icon of the button variant. */
  icon?: ReactNode;
};

type CopyStatus = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, label = 'Copy', what, variant = 'button', disabled = false, title, icon }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>('idle');

  // The confirmation fades back after a moment; a new copy restarts it.
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1800);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  const said = status === 'copied' ? 'Copied' : status === 'failed' ? "Couldn't copy" : null;

  if (variant === 'icon') {
    return (
      <button
        type="button"
        onClick={copy}
        aria-label={what ? `Copy ${what}` : label}
        title={said ?? (what ? `Copy ${what}` : label)}
        className="focus-ring inline-flex size-6 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700"
      >
        {status === 'copied' ? <CheckIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />}
        <span role="status" className="sr-only">
          {said}
        </span>
      </button>
    );
  }
  return (
    <button type="button" onClick={copy} className="btn-secondary" disabled={disabled} title={title}>
      {status === 'copied' ? <CheckIcon className="size-4 text-emerald-600" /> : (icon ?? <CopyIcon className="size-4" />)}
      <span>{said ?? label}</span>
      <span role="status" className="sr-only">
        {said}
      </span>
    </button>
  );
}
