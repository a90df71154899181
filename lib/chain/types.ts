import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, ContractFunctionParameters, Hex, Log, ReadContractReturnType, TransactionReceipt } from 'viem';
import type { ChainConfig } from '../trust/schema';

/** The block every read of one verification pass is made at. */
export type PinnedBlock = { number: bigint; hash: `0x${string}`; timestamp: bigint };

/** A view call: viem's contract parameters and, rarely, an earlier block. */
export type ChainReadContractParameters<
  abi extends Abi | readonly unknown[] = Abi,
  functionName extends ContractFunctionName<abi, 'pure' | 'view'> = ContractFunctionName<abi, 'pure' | 'view'>,
  args extends ContractFunctionArgs<abi, 'pure' | 'view', functionName> = ContractFunctionArgs<abi, 'pure' | 'view', functionName>,
> = ContractFunctionParameters<abi, 'pure' | 'view', functionName, args> & {
  /** A block at or before the pinned block; the pinned block when omitted. */
  blockNumber?: bigint | undefined;
};

/** An eth_getLogs query over one contract, up to the pinned block. */
export type ChainGetLogsParameters = {
  address: Address;
  /** Per topic position: one value, any of several, or null for any. */
  topics: readonly (Hex | readonly Hex[] | null)[];
  /** The first block searched; the pinned block is the last. */
  fromBlock: bigint;
};

/**
 * Reads one chain for one verification pass. Every read is pinned to the
 * same block, shared between callers (the same read is made once), batched
 * with concurrent reads, bounded by a timeout, and, when the chain has two or
 * more RPCs, cross-checked across them. Any failure rejects with a
 * ChainUnavailableError (an RpcDisagreementError on disagreement); a revert
 * rejects with a ContractRevertedError.
 */
export type ChainReader = {
  readonly chainId: number;
  readonly config: ChainConfig;
  /** The pinned block: the newest block that every answering RPC has. */
  head(): Promise<PinnedBlock>;
  /** A view call at the pinned block, or at `blockNumber` when given. */
  readContract<
    const abi extends Abi | readonly unknown[],
    functionName extends ContractFunctionName<abi, 'pure' | 'view'>,
    const args extends ContractFunctionArgs<abi, 'pure' | 'view', functionName>,
  >(
    parameters: ChainReadContractParameters<abi, functionName, args>,
  ): Promise<ReadContractReturnType<abi, functionName, args>>;
  /**
   * The receipt of a transaction mined at or before the pinned block; null
   * when there is none by then (unknown, or mined after the pinned block).
   */
  getTransactionReceipt(hash: `0x${string}`): Promise<TransactionReceipt | null>;
  /**
   * The logs matching the query from `fromBlock` to the pinned block, in
   * chain order. An empty list is a definite answer only as far as the
   * cross-check makes it one; an RPC that refuses the range rejects with a
   * ChainUnavailableError like any other failure.
   */
  getLogs(parameters: ChainGetLogsParameters): Promise<Log<bigint, number, false>[]>;
  /** The endpoints whose answers were used so far, in configuration order. */
  endpoints(): string[];
  /**
   * What the pass's reads rested on, for the verdict: "Read with proofs
   * against block 12, agreed by 2 of 3 RPCs", followed by anything taken on
   * the endpoints' agreement alone ("; a missing transaction agreed by 2
   * RPCs"), or "Agreed by 2 of 3 RPCs at block 12". Undefined until the block
   * is pinned.
   */
  readBasis?(): string | undefined;
};

/** The chains of the trust configuration, for one verification pass. */
export type ChainAccess = {
  /** The reader for a configured chain; undefined when the chain is not configured. */
  reader(chainId: number): ChainReader | undefined;
};

/** One HTTP request to an RPC endpoint, for counting (benchmarks, tests). */
export type ChainRequestEvent = {
  chainId: number;
  url: string;
  /** The JSON-RPC methods the request carries, one per call. */
  methods: string[];
};
