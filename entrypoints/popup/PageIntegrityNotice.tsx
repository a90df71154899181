import { integrityWarnings } from '../../components/integrity-words';
import { displaySafe } from '../../lib/text/display-safe';
import { sendToWorker } from '../../messaging/client';
import type { PageIntegrity } from '../../messaging/messages';
import { useTabAnswer } from './use-tab-answer';

const askIntegrity = (tabId: number) => sendToWorker('tab-integrity', { tabId }).then((answer) => answer.integrity);

/**
 * Says, where the page cannot reach, that the tab's page works against
 * Verity's display: hides or keeps taking off its badges, closes or covers
 * its card, or draws badges of its own that pass for Verity's. Nothing for
 * a page that does none of it.
 */
export function PageIntegrityNotice({ tabId }: { tabId: number }) {
  const integrity = useTabAnswer(tabId, askIntegrity, null);

  return integrity === null ? null : <PageIntegrityWarnings integrity={integrity} />;
}

/** The warnings themselves, as the popup shows them. */
export function PageIntegrityWarnings({ integrity }: { integrity: PageIntegrity }) {
  const warnings = integrityWarnings(integrity);
  if (warnings.length === 0) return null;
  return (
    <section role="alert" aria-label="This page and Verity's badges" className="border-b border-amber-200 bg-amber-50 px-4 py-3">
      {warnings.map((warning) => (
        <p key={warning} className="text-[13px] leading-snug text-amber-950 [&+&]:mt-1.5">
          {warning}
        </p>
      ))}
      {integrity.lookAlikeWords.length > 0 && (
        <ul aria-label="What the page’s look-alike badges say" className="mt-1 space-y-0.5 pl-3 text-xs text-amber-900">
          {integrity.lookAlikeWords.map((words, index) => (
            // The page's own words, quoted as it wrote them: shown for what they are, never as Verity's.
            <li key={index} className="truncate">
              The page drew “{displaySafe(words)}”
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
