/** One JSON-RPC answer, as startTamperProxy hands it over. */
type JsonRpcAnswer = { id: unknown; result?: unknown; error?: unknown };

/** One kind of lie a relay in front of an honest node can tell about the reads that decide verdicts. */
export type Lie = (answer: JsonRpcAnswer, call: { method: string; params: unknown[] }) => JsonRpcAnswer;

/** Flips the lowest bit of the hex string's last byte: a different answer of the same shape. */
function flipLastBit(hex: string): string {
  const last = parseInt(hex.slice(-2), 16) ^ 1;
  return `${hex.slice(0, -2)}${last.toString(16).padStart(2, '0')}`;
}

/** Flips a bit in the middle of a hex string: a node whose hash no longer matches its parent's reference. */
function flipMiddleBit(hex: string): string {
  const at = 2 + 2 * Math.floor((hex.length - 2) / 4);
  const byte = parseInt(hex.slice(at, at + 2), 16) ^ 1;
  return `${hex.slice(0, at)}${byte.toString(16).padStart(2, '0')}${hex.slice(at + 2)}`;
}

type GetProofAnswer = {
  accountProof: string[];
  balance: string;
  nonce: string;
  codeHash: string;
  storageHash: string;
  storageProof: { key: string; value: string; proof: string[] }[];
};

const withResult = (answer: JsonRpcAnswer, change: (result: unknown) => unknown): JsonRpcAnswer =>
  answer.result === undefined || answer.result === null ? answer : { ...answer, result: change(answer.result) };

/** The lies, by what they tamper. Each leaves every other read honest. */
export const lies = {
  /** eth_call answers another value, and a revert becomes a value. */
  callResults: (answer, { method }) => {
    if (method !== 'eth_call') return answer;
    if (answer.error) return { id: answer.id, result: `0x${'00'.repeat(31)}01` };
    return withResult(answer, (result) => (result === '0x' ? `0x${'00'.repeat(31)}01` : flipLastBit(result as string)));
  },
  /** eth_getProof's plain fields (balance, storage values, …) say something else; the proofs are untouched. */
  proofFields: (answer, { method }) =>
    method !== 'eth_getProof'
      ? answer
      : withResult(answer, (result) => {
          const proof = result as GetProofAnswer;
          return {
            ...proof,
            balance: '0x1',
            nonce: '0x7',
            storageHash: flipLastBit(proof.storageHash),
            storageProof: proof.storageProof.map((entry) => ({ ...entry, value: entry.value === '0x0' ? '0x1' : '0x0' })),
          };
        }),
  /** eth_getProof's storage values come with proof nodes changed to match a lie. */
  storageProofNodes: (answer, { method }) =>
    method !== 'eth_getProof'
      ? answer
      : withResult(answer, (result) => {
          const proof = result as GetProofAnswer;
          return { ...proof, storageProof: proof.storageProof.map((entry) => ({ ...entry, proof: entry.proof.map((node, index) => (index === entry.proof.length - 1 ? flipMiddleBit(node) : node)) })) };
        }),
  /** eth_getProof's account proof is changed in its last node (the account itself). */
  accountProofNodes: (answer, { method }) =>
    method !== 'eth_getProof'
      ? answer
      : withResult(answer, (result) => {
          const proof = result as GetProofAnswer;
          return { ...proof, accountProof: proof.accountProof.map((node, index) => (index === proof.accountProof.length - 1 ? flipMiddleBit(node) : node)) };
        }),
  /** eth_getProof says every account and slot is absent: no proof nodes at all. */
  absentState: (answer, { method }) =>
    method !== 'eth_getProof'
      ? answer
      : withResult(answer, (result) => ({ ...(result as GetProofAnswer), accountProof: [], storageProof: (result as GetProofAnswer).storageProof.map((entry) => ({ ...entry, value: '0x0', proof: [] })) })),
  /** eth_getCode answers other code: a contract that returns true to everything. */
  code: (answer, { method }) => (method !== 'eth_getCode' ? answer : withResult(answer, (result) => (result === '0x' ? result : '0x600160005260206000f3'))),
  /** Block headers by hash carry another state root. */
  headers: (answer, { method }) =>
    method !== 'eth_getBlockByHash' ? answer : withResult(answer, (result) => ({ ...(result as { stateRoot: string }), stateRoot: flipLastBit((result as { stateRoot: string }).stateRoot) })),
  /** eth_getTransactionReceipt says no transaction exists: the settlement "never happened". */
  absentReceipts: (answer, { method }) => (method !== 'eth_getTransactionReceipt' ? answer : { id: answer.id, result: null }),
  /** eth_getTransactionReceipt names the block before the real one. */
  receiptBlocks: (answer, { method }) =>
    method !== 'eth_getTransactionReceipt' ? answer : withResult(answer, (result) => ({ ...(result as object), blockNumber: `0x${(BigInt((result as { blockNumber: string }).blockNumber) - 1n).toString(16)}` })),
  /** Receipts lose their logs and a success becomes a failure: "the batch log is not there". */
  receiptContents: (answer, { method }) =>
    method !== 'eth_getBlockReceipts' && method !== 'eth_getTransactionReceipt'
      ? answer
      : withResult(answer, (result) => {
          const strip = (receipt: { status: string }) => ({ ...receipt, status: '0x0', logs: [] });
          return Array.isArray(result) ? result.map(strip) : strip(result as { status: string });
        }),
  /** eth_getLogs finds nothing. */
  absentLogs: (answer, { method }) => (method !== 'eth_getLogs' ? answer : withResult(answer, () => [])),
  /** A block's transactions carry other calldata. */
  blockTransactions: (answer, { method, params }) =>
    method !== 'eth_getBlockByHash' || params[1] !== true
      ? answer
      : withResult(answer, (result) => {
          const block = result as { transactions: { input: string }[] };
          return { ...block, transactions: block.transactions.map((transaction) => ({ ...transaction, input: transaction.input === '0x' ? '0x00' : flipLastBit(transaction.input) })) };
        }),
  /** A block's first transaction is listed with a type Verity cannot encode (Arbitrum's pre-Nitro wrapper 0x78, whose hash is not of its bytes): a true node of such a chain, or a liar forcing the quorum fallback. */
  unknownTransactionTypes: (answer, { method, params }) =>
    method !== 'eth_getBlockByHash' || params[1] !== true
      ? answer
      : withResult(answer, (result) => {
          const block = result as { transactions: { type: string }[] };
          return { ...block, transactions: block.transactions.map((transaction, index) => (index === 0 ? { ...transaction, type: '0x78' } : transaction)) };
        }),
  /** Older headers fetched by number carry another receipts root: a history that is not the agreed chain's. */
  olderHeaders: (answer, { method, params }) =>
    method !== 'eth_getBlockByNumber' || params[0] === 'latest'
      ? answer
      : withResult(answer, (result) => ({ ...(result as { receiptsRoot: string }), receiptsRoot: flipLastBit((result as { receiptsRoot: string }).receiptsRoot) })),
} satisfies Record<string, Lie>;

export type LieName = keyof typeof lies;
