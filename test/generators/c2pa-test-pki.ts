/**
 * Tests only: X.509 chains for signing C2PA manifests, made with Debian's
 * openssl on first use: a root, an intermediate and an end-entity
 * certificate with the key usages the C2PA trust model asks for
 * (digitalSignature, critical; an allowed extended key usage).
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
`;

/** A fresh chain whose certificates name `organisation`; its end-entity certificate is `${organisation} Signer`. */
export function makeTestSigningChain(organisation: string): TestSigningChain {
  const dir = mkdtempSync(join(tmpdir(), 'verity-c2pa-pki-'));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('ext.cnf'), extensions);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path(name));
  const issue = (name: string, subject: string, issuer: string | undefined, section: string) => {
    newKey(`${name}.key`);
    openssl('req', '-new', '-key', path(`${name}.key`), '-subj', subject, '-out', path(`${name}.csr`));
    const signWith = issuer === undefined ? ['-signkey', path(`${name}.key`)] : ['-CA', path(`${issuer}.pem`), '-CAkey', path(`${issuer}.key`), '-CAcreateserial'];
    openssl('x509', '-req', '-in', path(`${name}.csr`), ...signWith, '-days', '30', '-sha256', '-extfile', path('ext.cnf'), '-extensions', section, '-out', path(`${name}.pem`));
  };
  issue('root', `/O=${organisation}/CN=${organisation} Root CA`, undefined, 'ca');
  issue('intermediate', `/O=${organisation}/CN=${organisation} Intermediate CA`, 'root', 'ca');
  const signerName = `${organisation} Signer`;
  issue('signer', `/O=${organisation}/CN=${signerName}`, 'intermediate', 'signer');
  const der = (name: string) => new Uint8Array(new X509Certificate(readFileSync(path(`${name}.pem`))).raw);
  return {
    chainDer: [der('signer'), der('intermediate')],
    signingKey: createPrivateKey(readFileSync(path('signer.key'))),
    rootPem: readFileSync(path('root.pem'), 'utf8'),
    signerName,
  };
}
