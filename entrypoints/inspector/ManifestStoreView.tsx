import type { ReactNode } from 'react';
import { JsonView } from '../../components/JsonView';
import { StateBadge } from '../../components/StateBadge';
import { actionWord, sourceTypeWord } from '../../lib/c2pa/action-words';
import type { ImageVerdict, IngredientVerdict } from '../../lib/c2pa/image-verdict';
import type { ManifestClaims } from '../../lib/c2pa/manifest-claims';
import { signedOnWords } from '../../lib/c2pa/image-words';
import type { TimeStampTrust } from '../../lib/c2pa/validation-states';
import { manifestStoreDetailsOf } from '../../lib/c2pa/manifest-codes';
import type { ValidationStatus } from '../../lib/c2pa/manifest-store';
import { Section } from './Section';

/** The manifest store of an image: the active manifest's claims, its actions, its ingredients, every validation code, the JSON. */
export function ManifestStoreView({ verdict }: { verdict: ImageVerdict }) {
  const details = verdict.manifestStore === undefined ? undefined : manifestStoreDetailsOf(verdict.manifestStore);
  return (
    <>
      {verdict.claims && (
        <Section id="claims" title="What the Content Credentials claim" intro={claimsIntro(verdict)}>
          <ClaimsTable claims={verdict.claims} timeStamp={verdict.timeStamp} />
        </Section>
      )}
      {verdict.claims && verdict.claims.actions.length > 0 && (
        <Section id="actions" title="Actions" intro="What the manifest says was done to the image, in order.">
          <ActionList actions={verdict.claims.actions} />
        </Section>
      )}
      {verdict.ingredients.length > 0 && (
        <Section id="ingredients" title="Ingredients" intro="Images this one was made from. Each one’s own Content Credentials, if it has them, are checked on their own.">
          <IngredientList ingredients={verdict.ingredients} />
        </Section>
      )}
      {details && (
        <Section id="codes" title="Validation codes" intro={`What the C2PA engine reported for the active manifest (${details.activeManifest}).`}>
          <div className="space-y-4">
            <CodeList title="Failed" codes={details.codes.failure} tone="text-red-800" />
            <CodeList title="Informational" codes={details.codes.informational} tone="text-slate-700" />
            <CodeList title="Passed" codes={details.codes.success} tone="text-emerald-800" />
          </div>
        </Section>
      )}
      {verdict.manifestStore !== undefined && (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-3.5 py-2.5 text-sm font-medium text-slate-800">Manifest store (JSON, as the engine read it)</summary>
          <div className="border-t border-slate-200 p-3">
            <JsonView value={verdict.manifestStore} />
          </div>
        </details>
      )}
    </>
  );
}

/** A manifest whose signature does not hold vouches for nothing it says: the reader is told so before its claims. */
function claimsIntro({ state }: ImageVerdict): string {
  const own = 'The manifest’s own words about this image, not Verity’s findings.';
  if (state === 'verified' || state === 'untrusted') return `${own} Whether its signer is one you trust is the state above.`;
  return `${own} Its validation failed, so these words may not be its signer’s: anyone could have written them.`;
}

function ClaimsTable({ claims, timeStamp }: { claims: ManifestClaims; timeStamp: TimeStampTrust | undefined }) {
  const rows: [string, ReactNode][] = [];
  if (claims.title !== undefined) rows.push(['Title', claims.title]);
  if (claims.claimGenerator !== undefined) rows.push(['Made with', claims.claimGenerator]);
  if (claims.signer !== undefined) rows.push(['Signed by', claims.signer]);
  if (claims.issuer !== undefined && claims.issuer !== claims.signer) rows.push(['Certificate from', claims.issuer]);
  rows.push(['Signed on', claims.signedAt === undefined ? 'Not time-stamped' : signedOnWords(claims.signedAt, timeStamp)]);
  return (
    <dl aria-label="The manifest’s claims" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {rows.map(([term, value]) => (
        <div key={term} className="grid grid-cols-[10rem_minmax(0,1fr)] gap-3 px-3.5 py-2 text-sm">
          <dt className="text-slate-500">{term}</dt>
          <dd className="min-w-0 break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ActionList({ actions }: { actions: ManifestClaims['actions'] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {actions.map(({ action, digitalSourceType, softwareAgent, when }, index) => (
        <li key={index} className="space-y-0.5 px-3.5 py-2 text-sm">
          <p className="text-slate-900">
            <span className="font-medium">{actionWord(action)}</span> <code className="font-mono text-xs text-slate-500">{action}</code>
          </p>
          {digitalSourceType !== undefined && <p className="text-slate-700">Source: {sourceTypeWord(digitalSourceType)}</p>}
          {(softwareAgent !== undefined || when !== undefined) && (
            <p className="text-xs text-slate-500">{[softwareAgent && `With ${softwareAgent}`, when && `on ${when}`].filter(Boolean).join(', ')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function IngredientList({ ingredients }: { ingredients: IngredientVerdict[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {ingredients.map(({ title, relationship, state, failures }, index) => (
        <li key={index} className="flex flex-wrap items-start justify-between gap-3 px-3.5 py-2.5 text-sm">
          <div className="min-w-0 space-y-0.5">
            <p className="font-medium break-words text-slate-900">{title ?? 'Untitled ingredient'}</p>
            {relationship !== undefined && <p className="text-xs text-slate-500">{relationship === 'parentOf' ? 'The image it was edited from' : relationship === 'componentOf' ? 'A part placed in it' : relationship}</p>}
            {failures.length > 0 && <p className="text-xs text-red-800">Failure codes: {[...new Set(failures.map(({ code }) => code))].join(', ')}</p>}
          </div>
          {state === undefined ? <span className="text-xs text-slate-500">No Content Credentials of its own</span> : <StateBadge state={state} size="sm" />}
        </li>
      ))}
    </ul>
  );
}

function CodeList({ title, codes, tone }: { title: string; codes: ValidationStatus[]; tone: string }) {
  return (
    <section aria-label={`${title} validation codes`}>
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title} ({codes.length})
      </h3>
      {codes.length === 0 ? (
        <p className="text-sm text-slate-500">None</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {codes.map(({ code, explanation, url }, index) => (
            <li key={index} className="px-3.5 py-2 text-sm">
              <code className={`font-mono text-xs font-medium ${tone}`}>{code}</code>
              {explanation !== undefined && <p className="break-words text-slate-700">{explanation}</p>}
              {url !== undefined && <p className="font-mono text-xs break-all text-slate-500">{url}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
