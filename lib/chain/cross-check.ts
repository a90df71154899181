import { truncate, type EndpointFailure } from './endpoint-failure';
import { ChainUnavailableError, RpcDisagreementError } from './errors';

/** One endpoint's part in one read: its answer, or why there is none. */
export type EndpointOutcome<value> =
  | {
      url: string;
      ok: true;
      value: value;
      /** Equal strings mean equal answers. */
      comparable: string;
    }
  | { url: string; ok: false; failure: EndpointFailure };

export type CrossCheckParameters<value> = {
  chainId: number;
  /** What was read, for the details: "get(uint256) on 0x… at block 12". */
  what: string;
  /** One per configured endpoint, including those that failed earlier in the pass. */
  outcomes: readonly EndpointOutcome<value>[];
};

export type CrossCheckReturnType<value> = { value: value; urls: string[] };

/**
 * The rule for a chain with several RPCs: every answer must be the same, and
 * at least two endpoints must have answered (one, when only one is
 * configured).
 * - Any two answers differ: RpcDisagreementError, even when most agree. A
 *   majority vote would hide the very attack or fault the cross-check is for.
 * - Fewer answers than that: ChainUnavailableError naming the endpoints that
 *   failed. Falling back to a lone endpoint would let whoever can block the
 *   others choose what the reader sees.
 */
export function crossCheck<value>({ chainId, what, outcomes }: CrossCheckParameters<value>): CrossCheckReturnType<value> {
  const answers = outcomes.filter((outcome) => outcome.ok);
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
  const needed = Math.min(2, outcomes.length);

  if (new Set(answers.map(({ comparable }) => comparable)).size > 1) {
    throw new RpcDisagreementError({ chainId, details: describeOutcomes(what, outcomes) });
  }
  const [first] = answers;
  if (!first || answers.length < needed) {
    const [failure] = failures;
    const message = !failure
      ? 'No RPC answered'
      : outcomes.length === 1
        ? failure.message
        : `${withUrl(failure)}; ${answers.length} of ${outcomes.length} RPCs answered, the cross-check needs ${needed}`;
    throw new ChainUnavailableError(message, { chainId, details: describeOutcomes(what, outcomes) });
  }
  return { value: first.value, urls: answers.map(({ url }) => url) };
}

/** The failure's message, naming the endpoint; an unreachable endpoint's message already does. */
function withUrl(failure: EndpointFailure): string {
  return failure.kind === 'unreachable' ? failure.message : `${failure.message} (${failure.url})`;
}

function describeOutcomes(what: string, outcomes: readonly EndpointOutcome<unknown>[]): string {
  const lines = outcomes.map((outcome) =>
    outcome.ok ? `${outcome.url} answered ${truncate(outcome.comparable, 200)}` : `${outcome.url} failed: ${outcome.failure.message} (${outcome.failure.details})`,
  );
  return [what, ...lines].join('\n');
}
