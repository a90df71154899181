import type { ReactNode } from 'react';
import { SpinnerIcon } from './icons';

/** Something is on its way; announced politely. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center justify-center gap-2 py-10 text-sm text-slate-500">
      <SpinnerIcon className="size-4" />
      {label}
    </div>
  );
}

export type MessageStateProps = {
  title: string;
  children?: ReactNode;
  /** A button or link that gets the reader out of here. */
  action?: ReactNode;
  /** 1 when the state is all the page shows, so its title is the page's heading. */
  level?: 1 | 2;
};

/** Nothing to show, and why; calm, not an error. */
export function EmptyState({ title, children, action, level = 2 }: MessageStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="flex flex-col items-center px-6 py-8 text-center">
      <Heading className="text-[15px] font-semibold text-slate-900">{title}</Heading>
      {children && <div className="mt-1.5 max-w-prose text-sm leading-relaxed text-slate-600">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

/** Something went wrong on our side of the page; announced at once. */
export function ErrorState({ title, children, action, level = 2 }: MessageStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50/60 px-4 py-3">
      <Heading className="text-sm font-semibold text-red-900">{title}</Heading>
      {children && <div className="mt-1 text-sm leading-relaxed text-red-900/80">{children}</div>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
