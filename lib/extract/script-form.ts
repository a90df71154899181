import { maxScriptBytes, maxTargetSelectorLength } from '../envelope/limits';
import { sizeReason } from '../envelope/size';

export type ReadScriptEntriesReturnType = { ok: true; entries: unknown[] } | { ok: false; reason: string };

/**
 * The entries of a proof script (spec §1.2): one envelope or a JSON array
 * of them. An empty array holds no proofs. Size is checked before parsing.
 */
export function readScriptEntries(script: Element): ReadScriptEntriesReturnType {
  const text = script.textContent ?? '';
  const tooLarge = sizeReason({ text, limit: maxScriptBytes, name: 'proof script' });
  if (tooLarge !== undefined) return { ok: false, reason: tooLarge };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `proof script is not valid JSON: ${message.slice(0, 160)}` };
  }
  if (Array.isArray(value)) return { ok: true, entries: value };
  if (typeof value === 'object' && value !== null) return { ok: true, entries: [value] };
  return { ok: false, reason: 'proof script must hold an envelope or an array of envelopes' };
}

export type LocateScriptEntryReturnType = {
  element: Element;
  /** Why the entry has no snippet of its own; absent when its target matched. */
  unplaced?: string;
};

/**
 * Where one script-form entry's snippet is: the first element its `target`
 * selector matches in the script's own tree (its document, or the shadow
 * root it is in). When there is none to be had (no target, an invalid
 * selector, no match), the entry is attributed to the script's parent
 * element (the script itself when it has none), with the reason. Nothing
 * is validated here: an envelope fault, found later, is reported before a
 * target fault.
 */
export function locateScriptEntry(entry: unknown, script: Element): LocateScriptEntryReturnType {
  const fallback = script.parentElement ?? script;
  const target = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as { target?: unknown }).target : undefined;
  if (typeof target !== 'string') return { element: fallback, unplaced: 'script-form envelope has no "target" CSS selector' };
  if (target.length > maxTargetSelectorLength) {
    return { element: fallback, unplaced: `target is longer than ${maxTargetSelectorLength} characters` };
  }

  const shown = JSON.stringify(target.length > 80 ? `${target.slice(0, 79)}…` : target);
  let element: Element | null;
  try {
    // The first match in the script's own tree (spec §1): its document, or the shadow root it is in.
    element = (script.getRootNode() as Document | ShadowRoot | Element).querySelector(target);
  } catch {
    return { element: fallback, unplaced: `target ${shown} is not a valid CSS selector` };
  }
  return element === null ? { element: fallback, unplaced: `target ${shown} matches no element` } : { element };
}
