import type { RpcEndpoint, RpcReply } from '../endpoint';
import { rpcErrorFailure, type EndpointFailure } from '../endpoint-failure';
import { ProofMismatchError, ProofUnavailableError } from './errors';

/** The endpoints of one chain for proven reads, and what each did wrong in this pass. */
export type ProvenEndpoints = {
  chainId: number;
  endpoints: readonly RpcEndpoint[];
  /** Endpoints that failed or answered with a read that did not prove: not asked again in the pass. */
  failed: Map<string, EndpointFailure>;
  /** Called with each endpoint whose answer proved, for the verdict's list of RPCs. */
  onProven?: ((url: string) => void) | undefined;
};

export type FirstProvenParameters<value> = {
  /** What is read, for the details: "the account 0x… at block 12". */
  what: string;
  method: string;
  params: readonly unknown[];
  /** Checks the result against the agreed block; throws ProofMismatchError when it does not prove. */
  verify: (result: unknown) => value | Promise<value>;
};

/** One call to make of an endpoint. */
export type ProvenCall = { method: string; params: readonly unknown[] };

export type FirstProvenAllParameters<value> = {
  what: string;
  /** Made of one endpoint at once (one HTTP batch); they prove together or not at all. */
  calls: readonly ProvenCall[];
  /** Checks the results, in the order of the calls; throws ProofMismatchError when they do not prove. */
  verify: (results: unknown[]) => value | Promise<value>;
};

/**
 * Asks one endpoint at a time, in configuration order, until one answers with
 * a result that proves. Any one honest endpoint is enough; an endpoint whose
 * answer does not prove is never believed and not asked again in the pass.
 * None proves: ProofUnavailableError naming what each did.
 */
export function firstProven<value>(endpoints: ProvenEndpoints, { what, method, params, verify }: FirstProvenParameters<value>): Promise<value> {
  return firstProvenAll(endpoints, { what, calls: [{ method, params }], verify: ([result]) => verify(result) });
}

/** firstProven for reads that prove only together, such as a run of headers linked by their parent hashes. */
export async function firstProvenAll<value>(endpoints: ProvenEndpoints, { what, calls, verify }: FirstProvenAllParameters<value>): Promise<value> {
  for (const endpoint of endpoints.endpoints) {
    if (endpoints.failed.has(endpoint.url)) continue;
    const outcome = await attempt(endpoint, calls, verify);
    if (outcome.ok) {
      endpoints.onProven?.(endpoint.url);
      return outcome.value;
    }
    endpoints.failed.set(endpoint.url, outcome.failure);
  }
  const reasons = endpoints.endpoints.map(({ url }) => `${url}: ${endpoints.failed.get(url)?.message ?? 'not asked'} (${endpoints.failed.get(url)?.details ?? ''})`);
  const [first] = endpoints.endpoints.map(({ url }) => endpoints.failed.get(url)).filter(Boolean);
  const message = endpoints.endpoints.length === 1 && first ? first.message : `No RPC gave a read that proves against the agreed block`;
  throw new ProofUnavailableError(message, { chainId: endpoints.chainId, details: [what, ...reasons].join('\n') });
}

type Attempt<value> = { ok: true; value: value } | { ok: false; failure: EndpointFailure };

async function attempt<value>(endpoint: RpcEndpoint, calls: readonly ProvenCall[], verify: (results: unknown[]) => value | Promise<value>): Promise<Attempt<value>> {
  const replies: RpcReply[] = await Promise.all(calls.map(({ method, params }) => endpoint.request(method, params)));
  const results: unknown[] = [];
  for (const [index, reply] of replies.entries()) {
    if (reply.kind === 'failure') return { ok: false, failure: reply.failure };
    if (reply.kind === 'error') return { ok: false, failure: rpcErrorFailure(endpoint.url, calls[index]!.method, reply) };
    results.push(reply.result);
  }
  const method = [...new Set(calls.map((call) => call.method))].join(', ');
  try {
    return { ok: true, value: await verify(results) };
  } catch (error) {
    if (!(error instanceof ProofMismatchError)) throw error;
    const failure: EndpointFailure = { kind: 'invalid-response', url: endpoint.url, message: `RPC answer does not prove: ${error.shortMessage}`, details: `${method}: ${error.details}` };
    return { ok: false, failure };
  }
}
