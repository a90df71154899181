/** The TEERegistry views a verifier uses (reference: opengradient.md). */
export const teeRegistryAbi = [
  {
    type: 'function',
    name: 'getTEEPublicKey',
    stateMutability: 'view',
    inputs: [{ name: 'teeId', type: 'bytes32' }],
    outputs: [{ name: '', type: 'bytes' }],
  },
  {
    type: 'function',
    name: 'isTEEEnabled',
    stateMutability: 'view',
    inputs: [{ name: 'teeId', type: 'bytes32' }],
    outputs: [{ name: '', type: 'bool' }],
  },
  {
    type: 'function',
    name: 'isTEEActive',
    stateMutability: 'view',
    inputs: [{ name: 'teeId', type: 'bytes32' }],
    outputs: [{ name: '', type: 'bool' }],
  },
  {
    type: 'function',
    name: 'computeTEEId',
    stateMutability: 'pure',
    inputs: [{ name: 'publicKey', type: 'bytes' }],
    outputs: [{ name: '', type: 'bytes32' }],
  },
  {
    type: 'event',
    name: 'TEERegistered',
    inputs: [
      { name: 'teeId', type: 'bytes32', indexed: true },
      { name: 'owner', type: 'address', indexed: true },
      { name: 'teeType', type: 'uint8', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'TEEDisabled',
    inputs: [{ name: 'teeId', type: 'bytes32', indexed: true }],
  },
  {
    type: 'event',
    name: 'HeartbeatReceived',
    inputs: [
      { name: 'teeId', type: 'bytes32', indexed: true },
      { name: 'timestamp', type: 'uint256', indexed: false },
    ],
  },
] as const;
