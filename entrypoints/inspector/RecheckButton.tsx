import { RefreshIcon, SpinnerIcon } from '../../components/icons';

export type RecheckButtonProps = { busy: boolean; label: string; busyLabel: string; onClick: () => void };

/** "Verify again" or "Check again": spins and waits while the check runs. */
export function RecheckButton({ busy, label, busyLabel, onClick }: RecheckButtonProps) {
  return (
    <button type="button" className="btn-secondary" onClick={onClick} disabled={busy}>
      {busy ? <SpinnerIcon className="size-4" /> : <RefreshIcon className="size-4" />}
      {busy ? busyLabel : label}
    </button>
  );
}
