import { stateStyles } from '../../../components/state-style';
import { worstState, type VerdictState } from '../../../lib/verdict/states';

/** What the toolbar icon shows for a tab. */
export type TabBadge = {
  text: string;
  /** Background, `#rrggbb`. */
  color: string;
  /** Text, `#rrggbb`. */
  textColor: string;
};

export type TabBadgeParameters = {
  /** The state of each proof Verity lists for the tab; undefined while it is being checked. */
  states: readonly (VerdictState | undefined)[];
  /** Proofs beyond the per-page cap, not checked. */
  notChecked: number;
};

/**
 * The number of proofs on the tab, on the colour of the worst state among
 * them (spec §6 precedence), so the icon never looks better than the
 * weakest proof. While any proof is still being checked the colour is
 * neutral: a green that turns red a second later would mislead. Null when
 * the tab has no proofs (the badge is cleared).
 */
export function tabBadge({ states, notChecked }: TabBadgeParameters): TabBadge | null {
  if (states.length === 0) return null;
  const count = states.length > 999 ? '999' : String(states.length);
  const text = notChecked > 0 || states.length > 999 ? `${count}+` : count;
  if (states.some((state) => state === undefined)) return { text, ...checkingColors };
  return { text, ...stateColors(worstState(states as VerdictState[])) };
}

/** Light grey with dark text: distinct from every state, including "couldn't check" (slate, white text). */
const checkingColors = { color: '#e2e8f0', textColor: '#334155' } as const;

/**
 * A dark shade (700; 600 for slate) of each Tailwind hue the pages use:
 * white text on it reads at badge size (contrast 4.5:1 or more), where the
 * pages' lighter fills would not.
 */
const badgeShades: Record<string, string> = {
  emerald: '#047857',
  sky: '#0369a1',
  slate: '#475569',
  amber: '#b45309',
  orange: '#c2410c',
  red: '#b91c1c',
  purple: '#7e22ce',
};

/** The badge colours of a state, in the hue components/state-style.ts gives it, so the icon and the pages agree. */
export function stateColors(state: VerdictState): { color: string; textColor: string } {
  const hue = /^bg-([a-z]+)-\d+$/.exec(stateStyles[state].fill)?.[1];
  return { color: (hue && badgeShades[hue]) || badgeShades.slate!, textColor: '#ffffff' };
}
