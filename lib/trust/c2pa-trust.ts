import { z } from 'zod';
import { BaseError } from '../errors';
import { readPemCertificates } from '../c2pa/pem-certificates';

/**
 * The `c2pa` section of a trust configuration (docs/protocol.md §14, "Trust
 * anchors"): certificates whose chains count as trusted signers of images'
 * Content Credentials, and whether the retired interim list counts. In an
 * organisation's policy these are the organisation's; in a `--config`
 * file, the file's.
 */
export const c2paTrust = z.looseObject({
  /** PEM text of one or more X.509 certificates. */
  anchors: z
    .string()
    .superRefine((pem, context) => {
      try {
        readPemCertificates(pem);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof BaseError ? error.shortMessage : String(error) });
      }
    })
    .optional(),
  /** Whether the retired interim list (the Content Credentials temporary list) counts; off when absent. */
  interimList: z.boolean('must be true or false').optional(),
});

export type C2paTrust = z.infer<typeof c2paTrust>;
