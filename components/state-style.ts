import { signatureChecked } from '../lib/verdict/signature-checked';
import type { VerdictState } from '../lib/verdict/states';
import type { Verdict } from '../lib/verdict/types';

/**
 * How each verdict state looks and reads, in one place so every page
 * agrees. Colour is never the only signal: each state also has an icon and
 * a word. Class names are written out in full so Tailwind finds them.
 */
export type StateStyle = {
  /** The badge word. */
  word: string;
  /** What the state means, for a reader, in a few words. */
  headline: string;
  /** Tinted chip: background, text, and a ring in the text's colour, so the chip stands out 3:1 from light and dark pages (entrypoints/content/palette.test.ts). */
  chip: string;
  /** Solid fill, for meters and dots. */
  fill: string;
  /** Coloured text on white. */
  ink: string;
  /** A calm tinted panel: background and border. */
  panel: string;
  /** A faint background, for a row that needs the eye. */
  tint: string;
  /** The left rule of such a row. */
  rail: string;
};

export const stateStyles: Record<VerdictState, StateStyle> = {
  verified: {
    word: 'Verified',
    headline: 'The proof checks out',
    chip: 'bg-emerald-50 text-emerald-800 ring-emerald-800',
    fill: 'bg-emerald-600',
    ink: 'text-emerald-700',
    panel: 'bg-emerald-50/60 border-emerald-200',
    tint: 'bg-emerald-50/70',
    rail: 'border-l-emerald-600',
  },
  pending: {
    word: 'Pending',
    headline: 'Valid so far, waiting for the chain to confirm it',
    chip: 'bg-sky-50 text-sky-800 ring-sky-800',
    fill: 'bg-sky-600',
    ink: 'text-sky-700',
    panel: 'bg-sky-50/60 border-sky-200',
    tint: 'bg-sky-50/70',
    rail: 'border-l-sky-600',
  },
  unavailable: {
    word: "Couldn't check",
    headline: "Couldn't check right now",
    chip: 'bg-slate-100 text-slate-700 ring-slate-700',
    fill: 'bg-slate-400',
    ink: 'text-slate-600',
    panel: 'bg-slate-50 border-slate-200',
    tint: 'bg-slate-50/70',
    rail: 'border-l-slate-400',
  },
  untrusted: {
    word: 'Untrusted',
    headline: 'Signed, by someone you have not chosen to trust',
    chip: 'bg-amber-50 text-amber-900 ring-amber-900',
    fill: 'bg-amber-500',
    ink: 'text-amber-800',
    panel: 'bg-amber-50/60 border-amber-200',
    tint: 'bg-amber-50/70',
    rail: 'border-l-amber-500',
  },
  altered: {
    word: 'Altered',
    headline: 'The text was changed after it was signed',
    chip: 'bg-orange-50 text-orange-900 ring-orange-900',
    fill: 'bg-orange-600',
    ink: 'text-orange-800',
    panel: 'bg-orange-50/60 border-orange-200',
    tint: 'bg-orange-50/70',
    rail: 'border-l-orange-600',
  },
  invalid: {
    word: 'Invalid',
    headline: "The proof doesn't hold",
    chip: 'bg-red-50 text-red-800 ring-red-800',
    fill: 'bg-red-600',
    ink: 'text-red-700',
    panel: 'bg-red-50/60 border-red-200',
    tint: 'bg-red-50/70',
    rail: 'border-l-red-600',
  },
  malformed: {
    word: 'Unreadable',
    headline: "The proof is damaged or in a form Verity can't read",
    chip: 'bg-purple-50 text-purple-900 ring-purple-900',
    fill: 'bg-purple-400',
    ink: 'text-purple-800',
    panel: 'bg-purple-50/50 border-purple-200',
    tint: 'bg-purple-50/70',
    rail: 'border-l-purple-400',
  },
};

/** `untrusted` when the signature was not checked: nothing was, so nothing may read as signed (spec §6). */
export const uncheckedUntrustedHeadline = 'Nothing was checked: the proof rests on a contract you have not chosen to trust';

/** What a verdict means in a few words; an `untrusted` proof reads as signed only when its signature was checked. */
export function headlineOf(verdict: Pick<Verdict, 'state' | 'proofType' | 'checks'>): string {
  if (verdict.state === 'untrusted' && !signatureChecked(verdict)) return uncheckedUntrustedHeadline;
  if (unconfirmedRendering(verdict)) return 'Couldn’t confirm what you see';
  return stateStyles[verdict.state].headline;
}

/** `unavailable` because of how the page draws the text, not because something could not be reached. */
export function unconfirmedRendering(verdict: Pick<Verdict, 'state' | 'checks'>): boolean {
  return verdict.state === 'unavailable' && verdict.checks.find((check) => check.implies === 'unavailable')?.id === 'rendering';
}

/** A proof that has no verdict yet. */
export const checkingStyle = {
  word: 'Checking',
  chip: 'bg-white text-slate-600 ring-slate-700',
} as const;
