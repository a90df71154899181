import { BaseError } from '../lib/errors';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type Account,
  type Chain,
  type Hash,
  type PublicClient,
  type TestClient,
  type Transport,
  type TransactionReceipt,
  type WalletClient,
} from 'viem';
import { devnetAccounts, type DevnetAccounts, type DevnetRole } from './keys';

export type DevnetWalletClient = WalletClient<Transport, Chain, Account>;

export type DevnetClients = {
  chain: Chain;
  public: PublicClient<Transport, Chain>;
  /** Anvil's own methods: time travel, mining, automine. */
  test: TestClient<'anvil', Transport, Chain>;
  wallets: Record<DevnetRole, DevnetWalletClient>;
  accounts: DevnetAccounts;
};

export type CreateDevnetClientsParameters = { rpcUrl: string; chainId: number };

export function createDevnetClients({ rpcUrl, chainId }: CreateDevnetClientsParameters): DevnetClients {
  const chain = defineChain({
    id: chainId,
    name: 'Verity devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  // Anvil answers at once; viem's default 4 s polling would make every receipt wait.
  const transport = http(rpcUrl);
  const pollingInterval = 20;
  const accounts = devnetAccounts();
  const walletOf = (account: Account): DevnetWalletClient => createWalletClient({ account, chain, transport, pollingInterval });
  const wallets = Object.fromEntries(Object.entries(accounts).map(([role, account]) => [role, walletOf(account)])) as Record<
    DevnetRole,
    DevnetWalletClient
  >;
  return {
    chain,
    public: createPublicClient({ chain, transport, pollingInterval }),
    test: createTestClient({ mode: 'anvil', chain, transport, pollingInterval }),
    wallets,
    accounts,
  };
}

export class TransactionRevertedError extends BaseError {
  override name = 'TransactionRevertedError';
  readonly hash: Hash;
  constructor({ hash, what }: { hash: Hash; what: string }) {
    super(`${what} reverted (transaction ${hash})`);
    this.hash = hash;
  }
}

export type WaitForSuccessParameters = { clients: DevnetClients; hash: Hash; what: string };

/** The receipt of a mined transaction; throws when it reverted. */
export async function waitForSuccess({ clients, hash, what }: WaitForSuccessParameters): Promise<TransactionReceipt> {
  const receipt = await clients.public.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new TransactionRevertedError({ hash, what });
  return receipt;
}
