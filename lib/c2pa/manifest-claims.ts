import { actionsOf } from './ai-marker';
import type { Manifest } from './manifest-store';

/** One action as the manifest states it. */
export type ClaimedAction = {
  action: string;
  digitalSourceType?: string;
  softwareAgent?: string;
  when?: string;
};

/**
 * What a manifest says about itself: who signed it, with what tool, when,
 * and what was done. These are the manifest's claims, shown as such and never
 * as Verity's findings; the signer's name is the certificate's, and whether
 * that certificate is trusted is the verdict's state.
 */
export type ManifestClaims = {
  claimGenerator?: string;
  /** The signing certificate's common name, else its organisation. */
  signer?: string;
  /** The signing certificate's issuer (organisation). */
  issuer?: string;
  /** When the signature was time-stamped (ISO 8601); absent when it was not. */
  signedAt?: string;
  title?: string;
  actions: ClaimedAction[];
};

export function manifestClaimsOf(manifest: Manifest): ManifestClaims {
  const { signature_info: signature } = manifest;
  const signer = signature?.common_name ?? signature?.issuer;
  const claimGenerator = claimGeneratorOf(manifest);
  return {
    ...(claimGenerator !== undefined && { claimGenerator }),
    ...(signer !== undefined && { signer }),
    ...(signature?.issuer !== undefined && { issuer: signature.issuer }),
    ...(signature?.time !== undefined && { signedAt: signature.time }),
    ...(manifest.title !== undefined && { title: manifest.title }),
    actions: actionsOf(manifest).map(({ action, digitalSourceType, softwareAgent, when }) => {
      const agent = typeof softwareAgent === 'string' ? softwareAgent : softwareAgent?.name;
      return {
        action,
        ...(digitalSourceType !== undefined && { digitalSourceType }),
        ...(agent !== undefined && { softwareAgent: agent }),
        ...(when !== undefined && { when }),
      };
    }),
  };
}

/** Claim version 2's first generator with its version ("Firefly 3.1"), else version 1's string. */
function claimGeneratorOf({ claim_generator_info: info, claim_generator: legacy }: Manifest): string | undefined {
  const first = info?.[0];
  if (first !== undefined) return first.version === undefined ? first.name : `${first.name} ${first.version}`;
  return legacy;
}
