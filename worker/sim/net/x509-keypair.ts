// The DER half of Go's crypto/tls X509KeyPair (tls.go; x509 ParsePKCS1PrivateKey,
// ParsePKCS8PrivateKey, ParseECPrivateKey): the certificate parses, the private key parses, is of
// the certificate's key type and holds the same public key (an RSA modulus, an EC point). Left
// out: an EC key without its public point and Ed25519 keys are taken as matching (Go derives the
// public key from the private one), and a key's internal consistency is not checked.

import { children, hex, readTlv } from './der'
import { parseDER } from './x509'

type KeyType = 'rsa' | 'ec' | 'ed25519' | 'other'
interface PublicKey {
  type: KeyType
  /** RSA modulus (no leading zeros) or EC point; absent when the key does not carry it */
  value?: string
}

const OIDS: Record<string, KeyType> = {
  '2a864886f70d010101': 'rsa',
  '2a8648ce3d0201': 'ec',
  '2b6570': 'ed25519',
}

const integer = (b: Uint8Array) => hex(b).replace(/^(00)+/, '')
/** a BIT STRING's bits, after its unused-bits byte */
const bits = (b: Uint8Array) => hex(b.subarray(1))

function rsaModulus(seq: Uint8Array, at: number): string | undefined {
  const ints = children(seq)
  const n = ints?.[at]
  return n && n.tag === 0x02 ? integer(n.body) : undefined
}

/** The certificate's SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING }. */
function certificateKey(spki: Uint8Array): PublicKey {
  const [alg, key] = children(spki) ?? []
  const oid = alg ? children(alg.body)?.[0] : undefined
  const type = (oid && OIDS[hex(oid.body)]) || 'other'
  if (!key || key.tag !== 0x03) return { type }
  if (type === 'rsa') {
    const seq = readTlv(key.body.subarray(1), 0)
    return { type, value: seq ? rsaModulus(seq.body, 0) : undefined }
  }
  return { type, value: type === 'ec' ? bits(key.body) : undefined }
}

/** ECPrivateKey (SEC1): version 1, the scalar, optional [0] parameters and [1] public point. */
function ecKey(body: Uint8Array): PublicKey | undefined {
  const parts = children(body)
  if (!parts || parts[0]?.tag !== 0x02 || parts[1]?.tag !== 0x04) return undefined
  const pub = parts.find((p) => p.tag === 0xa1)
  const point = pub ? readTlv(pub.body, 0) : undefined
  return { type: 'ec', value: point?.tag === 0x03 ? bits(point.body) : undefined }
}

/** parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1, as crypto/tls tries them. */
function privateKey(der: Uint8Array): PublicKey | undefined {
  const top = readTlv(der, 0)
  const parts = top?.tag === 0x30 ? children(top.body) : undefined
  if (!top || !parts || parts[0]?.tag !== 0x02) return undefined
  if (parts.length >= 9 && parts.every((p) => p.tag === 0x02))
    return { type: 'rsa', value: rsaModulus(top.body, 1) }
  const [, alg, inner] = parts
  if (alg?.tag === 0x30 && inner?.tag === 0x04) {
    const oid = children(alg.body)?.[0]
    const type = (oid && OIDS[hex(oid.body)]) || 'other'
    const seq = readTlv(inner.body, 0)
    if (type === 'rsa') return seq ? { type, value: rsaModulus(seq.body, 1) } : undefined
    if (type === 'ec') return seq ? ecKey(seq.body) : undefined
    return type === 'ed25519' ? { type } : undefined
  }
  return ecKey(top.body)
}

/** X509KeyPair after the PEM blocks were found: Go's error for these DER bytes, if any. */
export function derKeyPairError(certDER: Uint8Array, keyDER: Uint8Array): string | undefined {
  const cert = parseDER(certDER)
  if (!cert?.spki) return 'x509: malformed certificate'
  const key = privateKey(keyDER)
  if (!key) return 'tls: failed to parse private key'
  const pub = certificateKey(cert.spki)
  if (pub.type === 'other') return 'tls: unknown public key algorithm'
  if (pub.type !== key.type) return 'tls: private key type does not match public key type'
  if (pub.value !== undefined && key.value !== undefined && pub.value !== key.value)
    return 'tls: private key does not match public key'
  return undefined
}
