// What ingress-nginx reads from a certificate (Go crypto/x509 ParseCertificate, VerifyHostname,
// HostnameError; ingress-nginx certificate.go verifyHostname): the subject's Common Name, the
// DNS names of the subjectAltName extension and notAfter, read from the DER of the first PEM
// CERTIFICATE block. Not modelled: signatures, IP SANs, name constraints, the key's match (a
// parse failure is reported as Go's generic `x509: malformed certificate`).

import { decodeBase64 } from '../objects/go-base64'
import { children, hex, readTlv, type Tlv } from './der'

export interface CertSummary {
  /** the SubjectPublicKeyInfo's content (for the key-pair check; not kept by ingress-nginx here) */
  spki?: Uint8Array
  commonName: string
  dnsNames: string[]
  hasSAN: boolean
  /** ms since epoch */
  notAfter: number
}

const text = (b: Uint8Array) => new TextDecoder().decode(b)
const OID_CN = '550403'
const OID_SAN = '551d11'

function commonNameOf(name: Uint8Array): string {
  let cn = ''
  for (const rdn of children(name) ?? [])
    for (const atv of children(rdn.body) ?? []) {
      const [oid, value] = children(atv.body) ?? []
      if (oid && value && hex(oid.body) === OID_CN) cn = text(value.body)
    }
  return cn
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function timeOf(t: Tlv): number {
  const s = text(t.body)
  const m = (
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
  ).exec(s)
  if (!m) return NaN
  let year = Number(m[1])
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
}

function sanDNSNames(extensions: Uint8Array): { has: boolean; names: string[] } {
  for (const ext of children(extensions) ?? []) {
    const parts = children(ext.body) ?? []
    if (!parts[0] || hex(parts[0].body) !== OID_SAN) continue
    const value = parts[parts.length - 1]
    const seq = value ? readTlv(value.body, 0) : undefined
    const names = (children(seq?.body ?? new Uint8Array()) ?? [])
      .filter((g) => g.tag === 0x82)
      .map((g) => text(g.body))
    return { has: true, names }
  }
  return { has: false, names: [] }
}

/** The summary of a DER certificate, or undefined when its structure does not parse. */
export function parseDER(der: Uint8Array): CertSummary | undefined {
  const cert = readTlv(der, 0)
  const tbs = cert && cert.tag === 0x30 ? children(cert.body)?.[0] : undefined
  const fields = tbs && tbs.tag === 0x30 ? children(tbs.body) : undefined
  if (!fields) return undefined
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields
  const [, , , validity, subject, spki] = rest
  if (!validity || !subject || !spki) return undefined
  const [, notAfter] = children(validity.body) ?? []
  const extensions = rest.find((f) => f.tag === 0xa3)
  const inner = extensions ? readTlv(extensions.body, 0) : undefined
  const san = inner ? sanDNSNames(inner.body) : { has: false, names: [] }
  const at = notAfter ? timeOf(notAfter) : NaN
  if (Number.isNaN(at)) return undefined
  return {
    spki: spki.body,
    commonName: commonNameOf(subject.body),
    dnsNames: san.names,
    hasSAN: san.has,
    notAfter: at,
  }
}

/** ssl.CreateSSLCert's reading of tls.crt: its first PEM block must be a parseable CERTIFICATE. */
export function parseCertificatePEM(pem: string): CertSummary | { error: string } {
  const m = /-----BEGIN ([^\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/.exec(pem)
  const body = m ? (m[2] ?? '').replace(/^[\w-]+:.*\r?\n/gm, '').replace(/\s+/g, '') : ''
  const der = m ? decodeBase64(body) : { corruptAt: 0 }
  if ('corruptAt' in der) return { error: 'no valid PEM formatted block found' }
  if (m?.[1] !== 'CERTIFICATE')
    return {
      error:
        "no certificate PEM data found, make sure certificate content starts with 'BEGIN CERTIFICATE'",
    }
  return parseDER(der) ?? { error: 'x509: malformed certificate' }
}

/** x509 matchHostnames: case-folded, a trailing dot ignored, `*` for the whole first label. */
export function matchHostnames(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '').split('.')
  const h = host.toLowerCase().replace(/\.$/, '').split('.')
  if (p.join('') === '' || h.join('') === '' || p.length !== h.length) return false
  return p.every((part, i) => (i === 0 && part === '*') || part === h[i])
}

/** HostnameError.Error(): why `host` is not a name of the certificate. */
export function hostnameError(c: CertSummary, host: string): string {
  if (!c.hasSAN && matchHostnames(c.commonName, host))
    return 'x509: certificate relies on legacy Common Name field, use SANs instead'
  if (c.dnsNames.length === 0)
    return `x509: certificate is not valid for any names, but wanted to match ${host}`
  return `x509: certificate is valid for ${c.dnsNames.join(', ')}, not ${host}`
}

/** Certificate.VerifyHostname: the SAN DNS names only (Go ignores the Common Name since 1.15). */
export function verifiesHostname(c: CertSummary, host: string): boolean {
  return c.dnsNames.some((n) => matchHostnames(n, host))
}

/** ingress-nginx's verifyHostname: the SAN names, or the Common Name when there are none. */
export function verifiesLegacyHostname(c: CertSummary, host: string): boolean {
  return c.dnsNames.length > 0 ? verifiesHostname(c, host) : matchHostnames(c.commonName, host)
}
