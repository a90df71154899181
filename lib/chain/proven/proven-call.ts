import { createEVM } from '@ethereumjs/evm';
import { createAddressFromString } from '@ethereumjs/util';
import { bytesToHex, hexToBytes, numberToHex, type Hex } from 'viem';
import { z } from 'zod';
import { ChainUnavailableError } from '../errors';
import type { ProvenEndpoints } from './first-proven';
import type { ProvenState } from './proven-state';
import { ProvenStateManager } from './proven-state-manager';

/** What a call answered: its return data, or its revert data. */
export type ProvenCallAnswer = { reverted: boolean; data: Hex };

export type ProvenCallParameters = {
  state: ProvenState;
  /** Asked for an access list, an untrusted hint of what the call reads. */
  endpoints: ProvenEndpoints;
  to: Hex;
  data: Hex;
};

const accessList = z.object({
  accessList: z.array(z.object({ address: z.string().regex(/^0x[0-9a-fA-F]{40}$/), storageKeys: z.array(z.string().regex(/^0x[0-9a-fA-F]{64}$/)) })),
});

/** At most this many accounts and slots of a hint are proven ahead: a lying endpoint's list should not make us prove the world. */
const maxHintedAccounts = 32;
const maxHintedSlots = 256;

/** The sender of an eth_call that names none. */
const zeroAddress: Hex = '0x0000000000000000000000000000000000000000';

/**
 * Executes a view call in a local EVM over proven state, as eth_call would at
 * the block: the answer is what the chain's own code computes from state
 * checked against the header, whatever any endpoint says it returns.
 *
 * A revert is an answer, and so is any other exceptional halt (an invalid
 * opcode, a bad jump): the contract's code failed on the chain's state. Only
 * running out of gas is not, as the gas given is ours (the block's gas limit,
 * as nodes give eth_call).
 */
export async function provenCall({ state, endpoints, to, data }: ProvenCallParameters): Promise<ProvenCallAnswer> {
  await prefetchAccessList({ state, endpoints, to, data });
  const { header } = state.header;
  const evm = await createEVM({ common: state.header.common.copy(), stateManager: new ProvenStateManager(state) });
  const { execResult } = await evm.runCall({
    to: createAddressFromString(to),
    caller: createAddressFromString(zeroAddress),
    origin: createAddressFromString(zeroAddress),
    data: hexToBytes(data),
    gasLimit: header.gasLimit,
    gasPrice: 0n,
    skipBalance: true,
    block: { header },
  });
  const returned = bytesToHex(execResult.returnValue);
  const halt = execResult.exceptionError?.error;
  if (halt === 'out of gas') {
    throw new ChainUnavailableError('The call ran out of gas when executed locally', { chainId: endpoints.chainId, details: `call to ${to} at block ${header.number}, gas ${header.gasLimit}` });
  }
  return { reverted: halt !== undefined, data: returned };
}

/**
 * Asks one endpoint which accounts and slots the call reads and proves them
 * in one batch. The list is a hint: a wrong or missing one only costs the
 * round trips the EVM then makes, slot by slot.
 */
async function prefetchAccessList({ state, endpoints, to, data }: ProvenCallParameters): Promise<void> {
  const endpoint = endpoints.endpoints.find(({ url }) => !endpoints.failed.has(url));
  const entries: { address: Hex; slots: Hex[] }[] = [{ address: to, slots: [] }];
  if (endpoint) {
    const reply = await endpoint.request('eth_createAccessList', [{ from: zeroAddress, to, data }, numberToHex(state.header.number)]);
    const parsed = reply.kind === 'result' ? accessList.safeParse(reply.result) : undefined;
    let slots = 0;
    for (const item of (parsed?.success ? parsed.data.accessList : []).slice(0, maxHintedAccounts)) {
      const hinted = item.storageKeys.slice(0, Math.max(0, maxHintedSlots - slots)) as Hex[];
      slots += hinted.length;
      entries.push({ address: item.address as Hex, slots: hinted });
    }
  }
  state.prefetch(entries);
}
