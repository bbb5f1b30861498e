// The PEM half of Go's crypto/tls X509KeyPair, which `kubectl create secret tls` runs on its
// --cert and --key files (tls.go X509KeyPair, encoding/pem Decode): a CERTIFICATE block in the
// cert, a `PRIVATE KEY` block in the key, with Go's messages when one is missing. Left out: parsing
// the DER inside (x509.ParseCertificate, the private key) and checking that the key matches the
// certificate's public key, so a well-formed but mismatched or corrupt pair is accepted here.

import { decodeBase64 } from '../objects/go-base64'

const BLOCK = /-----BEGIN ([^\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g

/** pem.Decode repeated: the types of the blocks whose body is base64 (headers are skipped). */
function pemBlockTypes(text: string): string[] {
  const types: string[] = []
  for (const m of text.matchAll(BLOCK)) {
    const body = (m[2] ?? '').replace(/^[\w-]+:.*\r?\n/gm, '').replace(/\s+/g, '')
    if (!('corruptAt' in decodeBase64(body))) types.push(m[1] ?? '')
  }
  return types
}

const isKeyType = (t: string) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY')
const goList = (ts: string[]) => `[${ts.join(' ')}]`

/** The error X509KeyPair returns for these PEM inputs, or undefined when the blocks are there. */
export function keyPairError(cert: string, key: string): string | undefined {
  const certTypes = pemBlockTypes(cert)
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input'
    if (certTypes.length === 1 && (certTypes[0] ?? '').endsWith('PRIVATE KEY'))
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(certTypes)}`
  }
  const keyTypes = pemBlockTypes(key)
  const at = keyTypes.findIndex(isKeyType)
  if (at !== -1) return undefined
  if (keyTypes.length === 0) return 'tls: failed to find any PEM data in key input'
  if (keyTypes.length === 1 && keyTypes[0] === 'CERTIFICATE')
    return 'tls: found a certificate rather than a key in the PEM for the private key'
  return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(keyTypes)}`
}
