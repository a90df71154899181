import type { ImageVerdict } from '../c2pa/image-verdict';
import { imageHeadline } from '../c2pa/image-words';
import type { ValidationStatus } from '../c2pa/manifest-store';
import type { ReportImage } from './schema';

export type ReportImageParameters = { url: string; verdict: ImageVerdict; checkedAt?: Date | undefined };

/** An image's verdict as a report carries it: the words, the manifest's claims and codes, never the manifest store itself. */
export function reportImage({ url, verdict, checkedAt }: ReportImageParameters): ReportImage {
  const { state, ai, claims, timeStamp, ingredients, failures } = verdict;
  return {
    url,
    state,
    headline: imageHeadline(verdict),
    aiClaimed: ai.generated,
    ...(claims !== undefined && { claims: structuredClone(claims) }),
    ...(timeStamp !== undefined && { timeStamp }),
    ingredients: ingredients.map(({ title, relationship, state: ingredientState, failures: ingredientFailures }) => ({
      ...(title !== undefined && { title }),
      ...(relationship !== undefined && { relationship }),
      ...(ingredientState !== undefined && { state: ingredientState }),
      failures: ingredientFailures.map(codeOf),
    })),
    failures: failures.map(codeOf),
    ...(checkedAt !== undefined && { checkedAt: checkedAt.toISOString() }),
  };
}

function codeOf({ code, explanation }: ValidationStatus): ReportImage['failures'][number] {
  return { code, ...(explanation !== undefined && { explanation }) };
}
