// ingress-nginx's TLS Secrets (controller-v1.12.1 store/backend_ssl.go syncSecret and
// getPemCertificate, store.go's Secret event handlers, controller.go createServers and
// extractTLSSecretName): a Secret an Ingress's tls names is read into the local SSL store when the
// Ingress is synced or the Secret comes, changes or goes; each sync then picks every TLS host's
// certificate, or the default (fake) one with the warnings the controller logs. Any Secret with
// tls.crt and tls.key will do, whatever its type, as upstream. Left out: annotation Secrets
// (auth-tls-secret), the default-ssl-certificate flag, CRLs.

import type { Ingress } from '../objects/types'
import type { Secret } from '../objects/secret-types'
import { getObject, type ClusterState, type IngressNginxMemory, type LocalSSLCert } from '../state'
import { decodeBase64 } from '../objects/go-base64'
import { textOfBytes } from '../shell/bytes'
import {
  hostnameError,
  parseCertificatePEM,
  verifiesHostname,
  verifiesLegacyHostname,
} from '../net/x509'
import { keyPairError } from '../net/pem-pair'

export interface LogLine {
  level: 'I' | 'W'
  text: string
}

/** The `<ns>/<name>` keys of the Secrets an Ingress's tls names (secretIngressMap). */
export function referencedSecrets(ing: Ingress): string[] {
  const ns = ing.metadata.namespace ?? 'default'
  const names = (ing.spec?.tls ?? []).map((t) => t.secretName ?? '').filter(Boolean)
  return [...new Set(names)].map((n) => `${ns}/${n}`)
}

function secretAt(s: ClusterState, key: string): Secret | undefined {
  const [ns = '', name = ''] = key.split('/')
  return getObject<Secret>(s, 'Secret', ns, name)
}

const dataText = (v: string) => {
  const b = decodeBase64(v)
  return 'corruptAt' in b ? '' : textOfBytes(b)
}

/** getPemCertificate: the certificate a Secret holds, 'auth' for a basic-auth one, or the error. */
function readCertificate(s: ClusterState, key: string): LocalSSLCert | 'auth' | { error: string } {
  const secret = secretAt(s, key)
  if (!secret) return { error: `no object matching key "${key}" in local store` }
  const data = secret.data ?? {}
  const crt = data['tls.crt']
  const tlsKey = data['tls.key']
  if (crt !== undefined && tlsKey !== undefined) {
    const cert = parseCertificatePEM(dataText(crt))
    if ('error' in cert) return { error: `unexpected error creating SSL Cert: ${cert.error}` }
    const pair = keyPairError(dataText(crt), dataText(tlsKey))
    if (pair)
      return {
        error: `unexpected error creating SSL Cert: certificate and private key does not have a matching public key: ${pair}`,
      }
    const { commonName, dnsNames, hasSAN, notAfter } = cert
    return { commonName, dnsNames, hasSAN, notAfter }
  }
  if (data['ca.crt']) return { caOnly: true }
  if (data.auth !== undefined) return 'auth'
  return { error: `secret "${key}" contains no keypair or CA certificate` }
}

/** syncSecret: a failure is only logged (the store keeps what it had); a new certificate is stored. */
export function syncSecret(s: ClusterState, mem: IngressNginxMemory, key: string): LogLine[] {
  const read = readCertificate(s, key)
  if (read === 'auth') return []
  if ('error' in read)
    return [
      { level: 'W', text: `backend_ssl.go:47] Error obtaining X.509 certificate: ${read.error}` },
    ]
  mem.certs ??= {}
  const cur = mem.certs[key]
  if (cur && JSON.stringify(cur) === JSON.stringify(read)) return []
  mem.certs[key] = read
  const what = cur
    ? 'backend_ssl.go:59] "Updating secret in local store"'
    : 'backend_ssl.go:67] "Adding secret to local store"'
  return [{ level: 'I', text: `${what} name="${key}"` }]
}

/** syncSecrets(ing), noting what the Secret informer has seen of each. */
export function syncSecrets(s: ClusterState, mem: IngressNginxMemory, ing: Ingress): LogLine[] {
  mem.secrets ??= {}
  const out: LogLine[] = []
  for (const key of referencedSecrets(ing)) {
    mem.secrets[key] = secretAt(s, key)?.metadata.resourceVersion ?? ''
    out.push(...syncSecret(s, mem, key))
  }
  return out
}

/**
 * The Secret informer's events for the Secrets served Ingresses name: added, updated or deleted
 * since last seen. Returns the lines and whether a sync follows (an event was queued).
 */
export function secretEvents(
  s: ClusterState,
  mem: IngressNginxMemory,
  served: readonly Ingress[],
): { lines: LogLine[]; changed: boolean } {
  const seen = (mem.secrets ??= {})
  const lines: LogLine[] = []
  let changed = false
  for (const key of Object.keys(seen)) {
    const users = served.filter((ing) => referencedSecrets(ing).includes(key))
    if (users.length === 0) {
      delete seen[key]
      continue
    }
    const rv = secretAt(s, key)?.metadata.resourceVersion ?? ''
    if (rv === seen[key]) continue
    changed = true
    const what = !seen[key] ? 'Secret was added' : rv ? 'secret was updated' : 'secret was deleted'
    const line = !seen[key] ? 'store.go:611]' : rv ? 'store.go:645]' : 'store.go:687]'
    seen[key] = rv
    if (!rv) delete mem.certs?.[key]
    lines.push({
      level: 'I',
      text: `${line} "${what} and it is used in ingress annotations. Parsing" secret="${key}"`,
    })
    if (rv) for (const ing of users) lines.push(...syncSecrets(s, mem, ing))
  }
  return { lines, changed }
}

const notFound = (key: string) => `local SSL certificate ${key} was not found`

/** Go's %v of a UTC time.Time: `2027-12-07 00:32:08 +0000 UTC`. */
function goTime(ms: number): string {
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} +0000 UTC`
}

/** extractTLSSecretName: the tls entry listing the host, else one whose certificate names it. */
function tlsSecretName(
  host: string,
  ing: Ingress,
  certs: Record<string, LocalSSLCert>,
  out: string[],
): string {
  const ns = ing.metadata.namespace ?? 'default'
  const tls = ing.spec?.tls ?? []
  for (const t of tls)
    if ((t.hosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase()))
      return t.secretName ?? ''
  for (const t of tls) {
    if (!t.secretName) continue
    const key = `${ns}/${t.secretName}`
    const cert = certs[key]
    if (!cert)
      out.push(`controller.go:1720] Error getting SSL certificate "${key}": ${notFound(key)}`)
    else if (!('caOnly' in cert) && verifiesHostname(cert, host)) return t.secretName
  }
  return ''
}

/** The warnings of one server's certificate choice (createServers); none when its own is used. */
function serverCertificate(
  key: string,
  host: string,
  cert: LocalSSLCert | undefined,
  now: number,
): string[] {
  if (!cert)
    return [
      `controller.go:1441] Error getting SSL certificate "${key}": ${notFound(key)}. Using default certificate`,
    ]
  if ('caOnly' in cert)
    return [
      `controller.go:1447] SSL certificate "${key}" does not contain a valid SSL certificate for server "${host}"`,
      'controller.go:1448] Using default certificate',
    ]
  const out: string[] = []
  if (!verifiesHostname(cert, host)) {
    const err = hostnameError(cert, host)
    out.push(
      `controller.go:1455] Unexpected error validating SSL certificate "${key}" for server "${host}": ${err}`,
      'controller.go:1456] Validating certificate against DNS names. This will be deprecated in a future version',
    )
    if (!verifiesLegacyHostname(cert, host))
      return [
        ...out,
        `controller.go:1461] SSL certificate "${key}" does not contain a Common Name or Subject Alternative Name for server "${host}": ${err}`,
        'controller.go:1462] Using default certificate',
      ]
  }
  if (cert.notAfter < now)
    out.push(
      `controller.go:1472] SSL certificate for server "${host}" expired (${goTime(cert.notAfter)})`,
    )
  else if (cert.notAfter < now + 240 * 3600_000)
    out.push(
      `controller.go:1474] SSL certificate for server "${host}" is about to expire (${goTime(cert.notAfter)})`,
    )
  return out
}

/** createServers' certificate loop over the served Ingresses (store order): the first wins a host. */
export function certificateWarnings(
  mem: IngressNginxMemory,
  served: readonly Ingress[],
  now: number,
): string[] {
  const certs = mem.certs ?? {}
  const done = new Set<string>(['_'])
  const out: string[] = []
  for (const ing of served) {
    const ns = ing.metadata.namespace ?? 'default'
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || '_'
      if (done.has(host) || (ing.spec?.tls ?? []).length === 0) continue
      done.add(host)
      const name = tlsSecretName(host, ing, certs, out)
      // no secretName for the host: the default certificate, said at -v=3 only
      if (name) out.push(...serverCertificate(`${ns}/${name}`, host, certs[`${ns}/${name}`], now))
    }
  }
  return out
}
