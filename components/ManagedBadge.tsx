import { LockIcon } from './icons';

/** Marks a value the organisation set by policy; the reader cannot change it here. */
export function ManagedBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap text-indigo-800 ring-1 ring-indigo-600/20 ring-inset">
      <LockIcon className="size-3" />
      Set by your organisation
    </span>
  );
}
