import { bytesToHex, keccak256, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

/**
 * Anvil's first five default accounts (from its published test mnemonic),
 * funded at genesis. Public knowledge: never use them on a real chain.
 */
export const devnetPrivateKeys = {
  /** Deploys and owns the trusted contracts; settles inferences. */
  deployer: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  /** The attester the trust configuration names. */
  trustedAttester: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  /** A valid signer the trust configuration does not name. */
  untrustedAttester: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  /** Signs the proofs the trusted ERC-7007 contract accepts. */
  erc7007Oracle: '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  /** Deploys the rogue contracts a page could bring along, and is their oracle. */
  rogue: '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
} as const satisfies Record<string, Hex>;

export type DevnetRole = keyof typeof devnetPrivateKeys;
export type DevnetAccounts = Record<DevnetRole, PrivateKeyAccount>;

export function devnetAccounts(): DevnetAccounts {
  const entries = Object.entries(devnetPrivateKeys).map(([role, key]) => [role, privateKeyToAccount(key)]);
  return Object.fromEntries(entries) as DevnetAccounts;
}

/** An enclave's signing key, as OpenGradient's TEE gateway holds it. */
export type TeeKey = {
  /** DER SubjectPublicKeyInfo: what the registry stores. */
  publicKey: Hex;
  privateKey: CryptoKey;
  /** keccak256 of the DER public key. */
  teeId: Hex;
};

/** A fresh RSA-2048 (e = 65537) RSA-PSS SHA-256 key pair. */
export async function generateTeeKey(): Promise<TeeKey> {
  const { publicKey, privateKey } = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const der = bytesToHex(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
  return { publicKey: der, privateKey, teeId: keccak256(der) };
}
