import type { ReactNode, SVGProps } from 'react';
import type { VerdictState } from '../lib/verdict/states';

type IconProps = SVGProps<SVGSVGElement> & { className?: string };

/** A 20×20 outline icon; decorative unless given a title by its caller's text. */
function Icon({ children, className = 'size-4', ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`shrink-0 ${className}`}
      {...props}
    >
      {children}
    </svg>
  );
}

const statePaths: Record<VerdictState, ReactNode> = {
  verified: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M6.75 10.25l2.25 2.25 4.25-4.75" />
    </>
  ),
  pending: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 6v4.25l2.75 1.75" />
    </>
  ),
  // A broken ring: the check did not complete, which is not a failure.
  unavailable: (
    <>
      <circle cx="10" cy="10" r="7.5" strokeDasharray="2.6 2.6" />
      <path d="M7 10h6" />
    </>
  ),
  untrusted: (
    <>
      <path d="M10 2.5l6 2.25v4.5c0 3.9-2.55 6.95-6 8.25-3.45-1.3-6-4.35-6-8.25v-4.5z" />
      <path d="M10 6.75v3.75" />
      <path d="M10 13.25v.01" strokeWidth={2.25} />
    </>
  ),
  // "Not equal": what is shown is not what was signed.
  altered: (
    <>
      <rect x="2.75" y="2.75" width="14.5" height="14.5" rx="3.5" />
      <path d="M6.5 8.5h7M6.5 11.5h7M12 5.75l-4 8.5" />
    </>
  ),
  invalid: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.5 7.5l5 5M12.5 7.5l-5 5" />
    </>
  ),
  // Braces: the data itself could not be read.
  malformed: (
    <path d="M7.5 4.5c-1.6 0-2.25.75-2.25 2.1v1.6c0 .95-.6 1.8-1.75 1.8 1.15 0 1.75.85 1.75 1.8v1.6c0 1.35.65 2.1 2.25 2.1M12.5 4.5c1.6 0 2.25.75 2.25 2.1v1.6c0 .95.6 1.8 1.75 1.8-1.15 0-1.75.85-1.75 1.8v1.6c0 1.35-.65 2.1-2.25 2.1" />
  ),
};

export function StateIcon({ state, className }: { state: VerdictState; className?: string }) {
  return <Icon className={className}>{statePaths[state]}</Icon>;
}

export function SpinnerIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <Icon className={`animate-spin motion-reduce:animate-none ${className}`}>
      <circle cx="10" cy="10" r="7.5" opacity="0.25" />
      <path d="M17.5 10A7.5 7.5 0 0 0 10 2.5" />
    </Icon>
  );
}

export function CheckIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M5 10.5l3.25 3.25L15 6.5" />
    </Icon>
  );
}

export function CrossIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M6 6l8 8M14 6l-8 8" />
    </Icon>
  );
}

export function DashIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M6 10h8" />
    </Icon>
  );
}

export function CopyIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="7" y="7" width="10" height="10" rx="2" />
      <path d="M13 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2" />
    </Icon>
  );
}

export function ExternalIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M11 3.5h5.5V9M16.5 3.5L9.5 10.5M14 12.5v2.5a1.5 1.5 0 0 1-1.5 1.5h-7.5A1.5 1.5 0 0 1 3.5 15V7.5A1.5 1.5 0 0 1 5 6h2.5" />
    </Icon>
  );
}

export function RefreshIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M16 10a6 6 0 1 1-1.76-4.24M16 3.5v3h-3" />
    </Icon>
  );
}

export function SettingsIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M4 5.5h12M4 10h12M4 14.5h12" />
      <circle cx="7.5" cy="5.5" r="1.75" fill="white" />
      <circle cx="12.5" cy="10" r="1.75" fill="white" />
      <circle cx="8.5" cy="14.5" r="1.75" fill="white" />
    </Icon>
  );
}

export function TargetIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="10" cy="10" r="6.5" />
      <circle cx="10" cy="10" r="2" />
    </Icon>
  );
}

export function LockIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <rect x="4.5" y="9" width="11" height="8" rx="2" />
      <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
    </Icon>
  );
}

export function LinkIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </Icon>
  );
}

export function DownloadIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M10 3.5v9M6.5 9l3.5 3.5L13.5 9M4 16.5h12" />
    </Icon>
  );
}

export function SearchIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="8.75" cy="8.75" r="5" />
      <path d="M12.5 12.5l4 4" />
    </Icon>
  );
}

export function HistoryIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <path d="M3.75 10a6.25 6.25 0 1 0 1.83-4.42M3.5 3.5v2.75h2.75M10 6.5V10l2.5 1.5" />
    </Icon>
  );
}

export function ShareIcon({ className }: { className?: string }) {
  return (
    <Icon className={className}>
      <circle cx="14.5" cy="5" r="2" />
      <circle cx="5.5" cy="10" r="2" />
      <circle cx="14.5" cy="15" r="2" />
      <path d="M7.25 9l5.5-3M7.25 11l5.5 3" />
    </Icon>
  );
}

/** Verity's mark: a seal with a check, drawn in the current colour. */
export function VerityMark({ className = 'size-6' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <path d="M12 1.75l8.25 3.1v6.2c0 5.2-3.5 9.35-8.25 11.2-4.75-1.85-8.25-6-8.25-11.2v-6.2z" fill="currentColor" />
      <path
        d="M8.25 12.25l2.5 2.5 5-5.5"
        fill="none"
        stroke="white"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
