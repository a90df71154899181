import type { OriginFact } from '../lib/verdict/origin-facts';

export type OriginWordsProps = {
  /** What the verdict is about: where an AI text came from, never whether it is true. */
  scope?: string | undefined;
  /** Who vouches, and the model claimed. */
  facts: readonly OriginFact[];
};

/** The popup's form of what the badge's card says under a verdict: its scope, then who vouches. */
export function OriginWords({ scope, facts }: OriginWordsProps) {
  if (scope === undefined && facts.length === 0) return null;
  return (
    <div role="group" aria-label="Where it came from" className="space-y-1.5">
      {scope !== undefined && <p className="text-xs leading-snug text-slate-600">{scope}</p>}
      {facts.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          {facts.map((fact) => (
            <div key={`${fact.label}\n${fact.value}`} className="contents">
              <dt className="text-slate-600">{fact.label}</dt>
              <dd className="break-words text-slate-900" title={fact.title}>
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
