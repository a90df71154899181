import type { ReactNode } from 'react';

/** One titled part of an inspector page. */
export function Section({
  id,
  title,
  intro,
  aside,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      {intro && <p className="-mt-1.5 mb-3 text-sm text-slate-500">{intro}</p>}
      {children}
    </section>
  );
}
