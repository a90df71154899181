/** ERC-7007's verification view. */
export const erc7007Abi = [
  {
    type: 'function',
    name: 'verify',
    stateMutability: 'view',
    inputs: [
      { name: 'prompt', type: 'bytes' },
      { name: 'aigcData', type: 'bytes' },
      { name: 'proof', type: 'bytes' },
    ],
    outputs: [{ name: 'success', type: 'bool' }],
  },
] as const;
