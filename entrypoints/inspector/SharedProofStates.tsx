import { ErrorState } from '../../components/Status';
import { InspectorFrame } from './InspectorView';

/**
 * What a shared proof's page shows when it cannot show the proof: the same
 * in the extension's inspector and on the static verifier page, with who
 * read the link named (`reader`: "Verity", "The page").
 */
export function SharedLinkUnreadable({ reader, reason }: { reader: string; reason: string }) {
  return (
    <InspectorFrame shared>
      <ErrorState level={1} title="This share link can't be opened">
        <p>
          {reader} read the link but could not take a proof from it: {reason}.
        </p>
        <p className="mt-1">Ask whoever sent it to copy the whole link again; a link cut short or edited cannot be verified.</p>
      </ErrorState>
    </InspectorFrame>
  );
}

export function SharedVerificationFailed({ title, error, onRetry }: { title: string; error: string; onRetry: () => void }) {
  return (
    <InspectorFrame shared>
      <ErrorState
        level={1}
        title={title}
        action={
          <button type="button" className="btn-secondary" onClick={onRetry}>
            Try again
          </button>
        }
      >
        {error}
      </ErrorState>
    </InspectorFrame>
  );
}
