import { embedEnvelope, tokenSnippet, type EmbeddingForm } from '../../devnet/producers/embed';
import { findProofs, type FoundSnippet } from '../../lib/extract/find-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import type { BenchProof } from './proof-set';

export type SnippetHtmlParameters = {
  proof: BenchProof;
  form: EmbeddingForm;
  /** Unique in the page: the script form targets the snippet by it. */
  id: string;
};

/** One snippet carrying `proof` in `form`; `short-ref` needs a proof with a reference. */
export function snippetHtml({ proof, form, id }: SnippetHtmlParameters): string {
  if (form !== 'short-ref') return embedEnvelope({ form, envelope: proof.envelope, shown: proof.shown, id });
  if (proof.reference === undefined) throw new Error(`Snippet ${id}: this proof has no short reference`);
  return tokenSnippet({ token: proof.reference, shown: proof.shown });
}

/** The forms a proof can be carried in. */
export function formsOf(proof: BenchProof): EmbeddingForm[] {
  const envelopeForms: EmbeddingForm[] = ['attribute-json', 'attribute-base64url', 'script', 'text-token', 'link'];
  return proof.reference === undefined ? envelopeForms : [...envelopeForms, 'short-ref'];
}

export function pageHtml(snippets: readonly string[]): string {
  return `<!doctype html>\n<html><head><title>Verity bench</title></head><body>\n${snippets.join('\n')}\n</body></html>`;
}

/** The snippets of a page as the CLI finds them: parsed, decoded and read, ready to verify. */
export function findSnippets(html: string): FoundSnippet[] {
  return findProofs(parseHtml(html)).snippets;
}
