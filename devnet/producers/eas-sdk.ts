import type * as EasSdk from '@ethereum-attestation-service/eas-sdk';
import { createRequire } from 'node:module';

/**
 * The EAS SDK, loaded from its CommonJS build: its ESM build imports
 * `{ isEqual } from 'lodash'`, which Node's ESM loader rejects (lodash is
 * CommonJS without named exports).
 */
export const easSdk = createRequire(import.meta.url)('@ethereum-attestation-service/eas-sdk') as typeof EasSdk;
