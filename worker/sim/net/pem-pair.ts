// Go's crypto/tls X509KeyPair, which `kubectl create secret tls` runs on its --cert and --key
// files and ingress-nginx on a Secret's tls.crt and tls.key (tls.go X509KeyPair, encoding/pem
// Decode): a CERTIFICATE block in the cert, a `PRIVATE KEY` block in the key, with Go's messages
// when one is missing; then the DER inside (x509-keypair.ts).

import { decodeBase64 } from '../objects/go-base64'
import { derKeyPairError } from './x509-keypair'

const BLOCK = /-----BEGIN ([^\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g

interface PemBlock {
  type: string
  bytes: Uint8Array
}

/** pem.Decode repeated: the blocks whose body is base64 (headers are skipped). */
function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  for (const m of text.matchAll(BLOCK)) {
    const body = (m[2] ?? '').replace(/^[\w-]+:.*\r?\n/gm, '').replace(/\s+/g, '')
    const bytes = decodeBase64(body)
    if (!('corruptAt' in bytes)) blocks.push({ type: m[1] ?? '', bytes })
  }
  return blocks
}

const isKeyType = (t: string) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY')
const goList = (ts: string[]) => `[${ts.join(' ')}]`

/** The error X509KeyPair returns for these PEM inputs, or undefined when the blocks are there. */
export function keyPairError(cert: string, key: string): string | undefined {
  const certBlocks = pemBlocks(cert)
  const certTypes = certBlocks.map((b) => b.type)
  const first = certBlocks.find((b) => b.type === 'CERTIFICATE')
  if (!first) {
    if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input'
    if (certTypes.length === 1 && (certTypes[0] ?? '').endsWith('PRIVATE KEY'))
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(certTypes)}`
  }
  const keyBlocks = pemBlocks(key)
  const keyTypes = keyBlocks.map((b) => b.type)
  const found = keyBlocks.find((b) => isKeyType(b.type))
  if (found) return derKeyPairError(first.bytes, found.bytes)
  if (keyTypes.length === 0) return 'tls: failed to find any PEM data in key input'
  if (keyTypes.length === 1 && keyTypes[0] === 'CERTIFICATE')
    return 'tls: found a certificate rather than a key in the PEM for the private key'
  return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(keyTypes)}`
}
