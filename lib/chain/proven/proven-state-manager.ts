import type { AccountFields, StateManagerInterface, StorageDump } from '@ethereumjs/common';
import { Caches, OriginalStorageCache } from '@ethereumjs/statemanager';
import { Account, createAccountFromRLP, type Address } from '@ethereumjs/util';
import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { BaseError } from '../../errors';
import type { ProvenState } from './proven-state';

/**
 * The EVM's view of one block's state for a local call: every account, slot
 * and code the call touches comes from `ProvenState`, proven against the
 * header; what the call itself writes stays in caches that checkpoint and
 * revert with its frames, and is dropped with the call. Written for
 * `eth_call`-like execution only: no state root, no persistence, and storage
 * cleared by SELFDESTRUCT of a contract made earlier in the same call is not
 * modelled (a view does not do that).
 */
export class ProvenStateManager implements StateManagerInterface {
  readonly originalStorageCache: OriginalStorageCache;
  private readonly caches = new Caches();

  constructor(private readonly state: ProvenState) {
    // The value before the call: what proven storage says, whatever the call wrote since.
    this.originalStorageCache = new OriginalStorageCache((address, key) => this.state.storage(hex(address), bytesToHex(key)));
  }

  async getAccount(address: Address): Promise<Account | undefined> {
    const cached = this.caches.account!.get(address);
    if (cached !== undefined) return cached.accountRLP === undefined ? undefined : createAccountFromRLP(cached.accountRLP);
    return this.state.account(hex(address));
  }

  async putAccount(address: Address, account?: Account): Promise<void> {
    this.caches.account!.put(address, account);
  }

  async deleteAccount(address: Address): Promise<void> {
    this.caches.deleteAccount(address);
  }

  async modifyAccountFields(address: Address, fields: AccountFields): Promise<void> {
    const account = (await this.getAccount(address)) ?? new Account();
    account.nonce = fields.nonce ?? account.nonce;
    account.balance = fields.balance ?? account.balance;
    account.storageRoot = fields.storageRoot ?? account.storageRoot;
    account.codeHash = fields.codeHash ?? account.codeHash;
    account.codeSize = fields.codeSize ?? account.codeSize;
    await this.putAccount(address, account);
  }

  async putCode(address: Address, value: Uint8Array): Promise<void> {
    this.caches.code!.put(address, value);
  }

  async getCode(address: Address): Promise<Uint8Array> {
    const cached = this.caches.code!.get(address);
    if (cached !== undefined) return cached.code ?? new Uint8Array();
    return this.state.code(hex(address));
  }

  async getCodeSize(address: Address): Promise<number> {
    return (await this.getCode(address)).length;
  }

  async getStorage(address: Address, key: Uint8Array): Promise<Uint8Array> {
    const cached = this.caches.storage!.get(address, key);
    if (cached !== undefined) return cached;
    return this.state.storage(hex(address), bytesToHex(key));
  }

  async putStorage(address: Address, key: Uint8Array, value: Uint8Array): Promise<void> {
    this.caches.storage!.put(address, key, value);
  }

  async clearStorage(address: Address): Promise<void> {
    this.caches.storage!.clearStorage(address);
  }

  async dumpStorage(address: Address): Promise<StorageDump> {
    const dump: StorageDump = {};
    for (const [key, value] of this.caches.storage!.dump(address) ?? []) dump[key] = bytesToHex(value);
    return dump;
  }

  async checkpoint(): Promise<void> {
    this.caches.checkpoint();
  }

  async commit(): Promise<void> {
    this.caches.commit();
  }

  async revert(): Promise<void> {
    this.caches.revert();
  }

  async getStateRoot(): Promise<Uint8Array> {
    return hexToBytes(this.state.header.stateRoot);
  }

  async setStateRoot(): Promise<void> {
    throw new BaseError('A proven state is read at one block only');
  }

  async hasStateRoot(): Promise<boolean> {
    return false;
  }

  clearCaches(): void {
    this.caches.clear();
  }

  shallowCopy(): StateManagerInterface {
    return new ProvenStateManager(this.state);
  }
}

function hex(address: Address): Hex {
  return address.toString() as Hex;
}
