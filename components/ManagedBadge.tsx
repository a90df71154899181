import { LockIcon } from './icons';

export type ManagedBadgeProps = {
  /** Only the lock, for narrow fields; the words stay its accessible name and tooltip. */
  compact?: boolean;
};

const words = 'Set by your organisation';

/** Marks a value the organisation set by policy; the reader cannot change it here. */
export function ManagedBadge({ compact = false }: ManagedBadgeProps) {
  const box = 'inline-flex shrink-0 items-center rounded-full bg-indigo-50 font-medium text-indigo-800 ring-1 ring-indigo-600/20 ring-inset';
  if (compact) {
    return (
      <span className={`${box} p-1`} title={words}>
        <LockIcon className="size-3" />
        <span className="sr-only">{words}</span>
      </span>
    );
  }
  return (
    <span className={`${box} gap-1 px-1.5 py-0.5 text-[11px] whitespace-nowrap`}>
      <LockIcon className="size-3" />
      {words}
    </span>
  );
}
