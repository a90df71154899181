/**
 * Tests only: X.509 chains for signing C2PA manifests, made with Debian's
 * openssl on first use: a root, an intermediate and an end-entity
 * certificate with the key usages the C2PA trust model asks for
 * (digitalSignature, critical; an allowed extended key usage), and beside
 * it a time-stamping authority under the same intermediate, answering
 * RFC 3161 requests with `openssl ts`.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TestSigningChain = {
  /** End-entity certificate first, then the intermediate: the COSE x5chain. */
  chainDer: Uint8Array[];
  signingKey: KeyObject;
  /** The root, as a trust anchor. */
  rootPem: string;
  signerName: string;
  /** An RFC 3161 TimeStampToken (DER) over a SHA-256 digest, signed now by the chain's time-stamping authority. */
  stampTime: (sha256: Uint8Array) => Uint8Array;
  /** The time in each token made so far, in order, as the authority wrote it (to the second). */
  stampedAt: Date[];
};

const extensions = `
[ca]
basicConstraints=critical,CA:true
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[signer]
basicConstraints=critical,CA:false
keyUsage=critical,digitalSignature
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa]
basicConstraints=critical,CA:false
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

/** openssl ts's one authority: SHA-256 throughout, the signer named by an ESS certificate id of SHA-256. */
const timeStampConfig = `
[tsa]
default_tsa = tsa_config
[tsa_config]
serial = tsa-serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** `openssl ca`'s own configuration: the one way openssl 3.0 issues a certificate with a validity to the second. */
const shortLivedConfig = `
[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
serial = ca-serial
default_md = sha256
policy = any_name
unique_subject = no
[any_name]
organizationName = supplied
commonName = supplied
`;

/** ASN.1 GeneralizedTime to the second, as `openssl ca -enddate` takes it. */
const generalizedTime = (date: Date) => `${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;

export type MakeTestSigningChainOptions = {
  /** The signer certificate stops being valid then (from a day before now); 30 days from now by default. */
  signerValidUntil?: Date;
};

/** A fresh chain whose certificates name `organisation`; its end-entity certificate is `${organisation} Signer`. */
export function makeTestSigningChain(organisation: string, { signerValidUntil }: MakeTestSigningChainOptions = {}): TestSigningChain {
  const dir = mkdtempSync(join(tmpdir(), 'verity-c2pa-pki-'));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('ext.cnf'), extensions);
  writeFileSync(path('ts.cnf'), timeStampConfig);
  writeFileSync(path('tsa-serial'), '01\n');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path(name));
  /** A key and a certificate for it, valid 30 days from now, or from a day ago until `validUntil` (then by `openssl ca`). */
  const issue = (name: string, subject: string, issuer: string | undefined, section: string, validUntil?: Date) => {
    newKey(`${name}.key`);
    openssl('req', '-new', '-key', path(`${name}.key`), '-subj', subject, '-out', path(`${name}.csr`));
    const extensionsOf = ['-extfile', path('ext.cnf'), '-extensions', section];
    if (validUntil !== undefined && issuer !== undefined) {
      writeFileSync(path('ca.cnf'), shortLivedConfig);
      writeFileSync(path('index.txt'), '');
      writeFileSync(path('ca-serial'), '1000\n');
      const validity = ['-startdate', generalizedTime(new Date(Date.now() - 86_400_000)), '-enddate', generalizedTime(validUntil)];
      openssl('ca', '-batch', '-notext', '-config', path('ca.cnf'), '-cert', path(`${issuer}.pem`), '-keyfile', path(`${issuer}.key`), '-in', path(`${name}.csr`), '-out', path(`${name}.pem`), ...validity, ...extensionsOf);
      return;
    }
    const signWith = issuer === undefined ? ['-signkey', path(`${name}.key`)] : ['-CA', path(`${issuer}.pem`), '-CAkey', path(`${issuer}.key`), '-CAcreateserial'];
    openssl('x509', '-req', '-in', path(`${name}.csr`), ...signWith, '-days', '30', '-sha256', ...extensionsOf, '-out', path(`${name}.pem`));
  };
  issue('root', `/O=${organisation}/CN=${organisation} Root CA`, undefined, 'ca');
  issue('intermediate', `/O=${organisation}/CN=${organisation} Intermediate CA`, 'root', 'ca');
  const signerName = `${organisation} Signer`;
  issue('signer', `/O=${organisation}/CN=${signerName}`, 'intermediate', 'signer', signerValidUntil);
  issue('tsa', `/O=${organisation}/CN=${organisation} Time Stamping`, 'intermediate', 'tsa');
  const stampedAt: Date[] = [];
  const stampTime = (sha256: Uint8Array): Uint8Array => {
    openssl('ts', '-query', '-digest', Buffer.from(sha256).toString('hex'), '-sha256', '-cert', '-out', path('request.tsq'));
    openssl('ts', '-reply', '-config', path('ts.cnf'), '-queryfile', path('request.tsq'), '-signer', path('tsa.pem'), '-inkey', path('tsa.key'), '-chain', path('intermediate.pem'), '-token_out', '-out', path('token.der'));
    stampedAt.push(timeInToken(openssl('ts', '-reply', '-in', path('token.der'), '-token_in', '-text').toString()));
    return new Uint8Array(readFileSync(path('token.der')));
  };
  const der = (name: string) => new Uint8Array(new X509Certificate(readFileSync(path(`${name}.pem`))).raw);
  return {
    chainDer: [der('signer'), der('intermediate')],
    signingKey: createPrivateKey(readFileSync(path('signer.key'))),
    rootPem: readFileSync(path('root.pem'), 'utf8'),
    signerName,
    stampTime,
    stampedAt,
  };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time `openssl ts -text` prints for a token ("Time stamp: Dec  6 10:34:41 2026 GMT"). */
function timeInToken(text: string): Date {
  const found = /Time stamp: (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d{4}) GMT/.exec(text);
  if (found === null) throw new Error(`openssl ts printed no time stamp: ${text}`);
  const [, month, day, hours, minutes, seconds, year] = found;
  return new Date(Date.UTC(Number(year), months.indexOf(month!), Number(day), Number(hours), Number(minutes), Number(seconds)));
}
