import type { Account } from '@ethereumjs/util';
import { bytesToHex, numberToHex, pad, type Hex } from 'viem';
import type { ProvenHeader } from './block-header';
import { firstProven, type ProvenEndpoints } from './first-proven';
import { verifyStateProof, type ProvenAccountState } from './state-proof';
import { verifyCode } from './verify-code';

/** The state of one block, every piece proven against its header before it is handed out. */
export type ProvenState = {
  readonly header: ProvenHeader;
  account(address: Hex): Promise<Account | undefined>;
  /** A storage slot's value: minimal big-endian bytes, empty for zero. */
  storage(address: Hex, slot: Hex): Promise<Uint8Array>;
  code(address: Hex): Promise<Uint8Array>;
  /**
   * Starts proving these accounts, slots and codes at once (one HTTP batch)
   * instead of one round trip per EVM step. An untrusted hint: what is
   * fetched is proven like anything else, and what it leaves out is fetched
   * when asked for.
   */
  prefetch(entries: readonly { address: Hex; slots: readonly Hex[] }[]): void;
};

export type CreateProvenStateParameters = {
  endpoints: ProvenEndpoints;
  header: ProvenHeader;
  /** Code by code hash, shared between blocks and passes: code at a hash never changes. */
  codeByHash: Map<Hex, Promise<Uint8Array>>;
};

const emptyCodeHash: Hex = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';

/** Proven reads of one block, each made once per pass. */
export function createProvenState({ endpoints, header, codeByHash }: CreateProvenStateParameters): ProvenState {
  const block = numberToHex(header.number);
  const accounts = new Map<Hex, Promise<Account | undefined>>();
  const slots = new Map<string, Promise<Uint8Array>>();

  function prove(address: Hex, asked: Hex[]): Promise<ProvenAccountState> {
    return firstProven(endpoints, {
      what: `eth_getProof of ${address} (${asked.length} slots) at block ${header.number}`,
      method: 'eth_getProof',
      params: [address, asked, block],
      verify: (proof) => verifyStateProof({ stateRoot: header.stateRoot, address, slots: asked, proof }),
    });
  }

  /** One eth_getProof for the account and the slots not yet asked; each answer is remembered by its key. */
  function load(address: Hex, wanted: readonly Hex[]): void {
    const fresh = [...new Set(wanted.map((slot) => pad(slot.toLowerCase() as Hex, { size: 32 })))].filter((slot) => !slots.has(`${address} ${slot}`));
    if (accounts.has(address) && fresh.length === 0) return;
    const proven = prove(address, fresh);
    if (!accounts.has(address)) accounts.set(address, handled(proven.then(({ account }) => account)));
    for (const slot of fresh) slots.set(`${address} ${slot}`, handled(proven.then(({ storage }) => storage.get(slot)!)));
  }

  function code(address: Hex, account: Account | undefined): Promise<Uint8Array> {
    const codeHash = account ? bytesToHex(account.codeHash) : emptyCodeHash;
    if (codeHash === emptyCodeHash) return Promise.resolve(new Uint8Array());
    let known = codeByHash.get(codeHash);
    if (!known) {
      known = firstProven(endpoints, {
        what: `eth_getCode of ${address} at block ${header.number}`,
        method: 'eth_getCode',
        params: [address, block],
        verify: (answer) => verifyCode({ address, codeHash, code: answer }),
      });
      // A failed read is not kept: another pass may find an endpoint that proves it.
      handled(known).catch(() => codeByHash.delete(codeHash));
      codeByHash.set(codeHash, known);
    }
    return known;
  }

  const key = (address: Hex) => address.toLowerCase() as Hex;

  return {
    header,
    account(address) {
      load(key(address), []);
      return accounts.get(key(address))!;
    },
    storage(address, slot) {
      load(key(address), [slot]);
      return slots.get(`${key(address)} ${pad(slot.toLowerCase() as Hex, { size: 32 })}`)!;
    },
    async code(address) {
      return code(key(address), await this.account(address));
    },
    prefetch(entries) {
      for (const { address, slots: wanted } of entries) load(key(address), wanted);
      // Code hashes come with the proofs, so code is asked for in the next round.
      for (const { address } of entries) void this.code(address).catch(() => undefined);
    },
  };
}

/** A read that may be prefetched and never asked for: its failure is for whoever awaits it, not an unhandled rejection. */
function handled<value>(promise: Promise<value>): Promise<value> {
  promise.catch(() => undefined);
  return promise;
}
