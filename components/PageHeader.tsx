import type { ReactNode } from 'react';
import { VerityMark } from './icons';

export type PageHeaderProps = {
  /** The page's name, after "Verity /". */
  page: string;
  /** The width of the page's main column, so the header lines up with it. */
  width: 'max-w-3xl' | 'max-w-4xl';
  /** The name is the page's main heading; otherwise the page has a heading of its own below. */
  heading?: boolean;
  /** What sits at the header's right end: a link, the page's address. */
  children?: ReactNode;
};

/** The header of a full extension page: the Verity mark and which page this is. */
export function PageHeader({ page, width, heading = false, children }: PageHeaderProps) {
  const Name = heading ? 'h1' : 'p';
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className={`mx-auto flex ${width} items-center gap-3 px-6 py-3.5`}>
        <VerityMark className="size-6 text-slate-900" />
        <Name className="text-sm font-semibold text-slate-900">
          Verity <span className="font-normal text-slate-400">/</span> <span className="font-medium text-slate-600">{page}</span>
        </Name>
        {children}
      </div>
    </header>
  );
}
