import { parseAbi } from 'viem';

/**
 * EAS (reference: eas.md), the one definition shared by the verifiers, the
 * publishing tools, the devnet and the tests, as in the EAS artifact. The
 * views a verifier reads come first; the writes follow.
 */
export const easAbi = parseAbi([
  'struct Attestation { bytes32 uid; bytes32 schema; uint64 time; uint64 expirationTime; uint64 revocationTime; bytes32 refUID; address recipient; address attester; bool revocable; bytes data; }',
  'function getAttestation(bytes32 uid) view returns (Attestation)',
  'function getRevokeOffchain(address revoker, bytes32 data) view returns (uint64)',
  'function getTimestamp(bytes32 data) view returns (uint64)',
  'function version() view returns (string)',
  // A reference lookup reads an attestation's UID from its Attested log (IEAS.sol).
  'event Attested(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID)',
  // Writes: what verity attest and the devnet's producers make attestations and revocations with.
  'struct AttestationRequestData { address recipient; uint64 expirationTime; bool revocable; bytes32 refUID; bytes data; uint256 value; }',
  'struct AttestationRequest { bytes32 schema; AttestationRequestData data; }',
  'function attest(AttestationRequest request) payable returns (bytes32)',
  'struct RevocationRequestData { bytes32 uid; uint256 value; }',
  'struct RevocationRequest { bytes32 schema; RevocationRequestData data; }',
  'function revoke(RevocationRequest request) payable',
  'function revokeOffchain(bytes32 data) returns (uint64)',
]);

/** EAS's SchemaRegistry: the view a verifier reads, and `register`, which refuses a schema registered already. */
export const schemaRegistryAbi = parseAbi([
  'struct SchemaRecord { bytes32 uid; address resolver; bool revocable; string schema; }',
  'function getSchema(bytes32 uid) view returns (SchemaRecord)',
  'function register(string schema, address resolver, bool revocable) returns (bytes32)',
]);
