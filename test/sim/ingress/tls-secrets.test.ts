// ingress-nginx and TLS Secrets (controller-v1.12.1 backend_ssl.go, store.go, controller.go
// createServers): a Secret with a certificate for the host is taken into the local store and used
// without a warning; a missing, certificate-less or wrong-host Secret is named in the log and the
// default certificate used, as the controller logs it.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, NOW } from './fixture'
import { CN_ONLY_CRT, CN_ONLY_KEY, TLS_CRT, TLS_KEY } from '../kubectl/tls-fixture'

const LOGS = 'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller'
/** the controller's klog lines written after `since`, without their headers */
function logSince(s: ClusterState, since: number, at: number): string[] {
  const stamp = (ms: number) => {
    const d = new Date(ms).toISOString()
    return `${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}`
  }
  return run(cloneJSON(s), LOGS, { now: at })
    .stdout.split('\n')
    .filter((l) => /^[IWE]\d{4} /.test(l) && l.slice(1, 19) >= stamp(since))
    .map((l) => `${l[0]} ${l.replace(/^[IWE]\d{4} [\d:.]+ +7 /, '')}`)
}

function step(s: ClusterState, line: string, at: number): ClusterState {
  const r = run(s, line, { now: at })
  expect(r.exitCode, r.stderr).toBe(0)
  return r.state
}

const files = (crt: string, key: string) =>
  `printf '%s' '${crt}' > tls.crt; printf '%s' '${key}' > tls.key; `
const CREATE_TLS = 'kubectl create secret tls web-tls --cert=tls.crt --key=tls.key'
const ingress = (host: string) =>
  `kubectl create ingress sec --class=nginx --rule=${host}/*=echo:8080,tls=web-tls`
const certLines = (lines: string[]) =>
  lines.filter((l) => /controller\.go:1(441|447|448|455|456|461|462|472|474|720)\]/.test(l))

describe('ingress-nginx and TLS Secrets', () => {
  it('takes a Secret created before the Ingress into its store and uses it: no warning', () => {
    const t = NOW + 5_000
    let s = step(cloneJSON(ingressCluster()), files(TLS_CRT, TLS_KEY) + CREATE_TLS, t)
    s = step(s, ingress('foo.example'), t + 1_000)
    const log = logSince(s, t + 1_000, t + 2_000)
    expect(log).toContain(
      'I backend_ssl.go:67] "Adding secret to local store" name="default/web-tls"',
    )
    expect(log.join('\n')).not.toMatch(/X\.509|SSL certificate/)
  })

  it('uses a Secret that comes after the Ingress, on the Secret event', () => {
    const t = NOW + 5_000
    let s = step(cloneJSON(ingressCluster()), ingress('foo.example'), t)
    expect(certLines(logSince(s, t, t + 1_000))).toEqual([
      'W controller.go:1441] Error getting SSL certificate "default/web-tls": local SSL certificate default/web-tls was not found. Using default certificate',
    ])
    s = step(s, files(TLS_CRT, TLS_KEY) + CREATE_TLS, t + 10_000)
    const log = logSince(s, t + 10_000, t + 11_000)
    expect(log).toContain(
      'I store.go:611] "Secret was added and it is used in ingress annotations. Parsing" secret="default/web-tls"',
    )
    expect(log).toContain(
      'I backend_ssl.go:67] "Adding secret to local store" name="default/web-tls"',
    )
    expect(certLines(log)).toEqual([])
    s = step(s, 'kubectl delete secret web-tls', t + 20_000)
    const gone = logSince(s, t + 20_000, t + 21_000)
    expect(gone).toContain(
      'I store.go:687] "secret was deleted and it is used in ingress annotations. Parsing" secret="default/web-tls"',
    )
    expect(certLines(gone)).toEqual([
      'W controller.go:1441] Error getting SSL certificate "default/web-tls": local SSL certificate default/web-tls was not found. Using default certificate',
    ])
  })

  it('refuses a certificate for another host and says why', () => {
    const t = NOW + 5_000
    let s = step(cloneJSON(ingressCluster()), files(TLS_CRT, TLS_KEY) + CREATE_TLS, t)
    s = step(s, ingress('bar.example'), t + 1_000)
    const err = 'x509: certificate is valid for foo.example, not bar.example'
    expect(certLines(logSince(s, t + 1_000, t + 2_000))).toEqual([
      `W controller.go:1455] Unexpected error validating SSL certificate "default/web-tls" for server "bar.example": ${err}`,
      'W controller.go:1456] Validating certificate against DNS names. This will be deprecated in a future version',
      `W controller.go:1461] SSL certificate "default/web-tls" does not contain a Common Name or Subject Alternative Name for server "bar.example": ${err}`,
      'W controller.go:1462] Using default certificate',
    ])
  })

  it('uses a certificate with only a Common Name, after its legacy warnings', () => {
    const t = NOW + 5_000
    let s = step(cloneJSON(ingressCluster()), files(CN_ONLY_CRT, CN_ONLY_KEY) + CREATE_TLS, t)
    s = step(s, ingress('foo.example'), t + 1_000)
    expect(certLines(logSince(s, t + 1_000, t + 2_000))).toEqual([
      'W controller.go:1455] Unexpected error validating SSL certificate "default/web-tls" for server "foo.example": x509: certificate relies on legacy Common Name field, use SANs instead',
      'W controller.go:1456] Validating certificate against DNS names. This will be deprecated in a future version',
    ])
  })

  it('names a Secret without a certificate, whatever its type', () => {
    const t = NOW + 5_000
    let s = step(
      cloneJSON(ingressCluster()),
      'kubectl create secret generic web-tls --from-literal=a=b',
      t,
    )
    s = step(s, ingress('foo.example'), t + 1_000)
    const log = logSince(s, t + 1_000, t + 2_000)
    expect(log).toContain(
      'W backend_ssl.go:47] Error obtaining X.509 certificate: secret "default/web-tls" contains no keypair or CA certificate',
    )
    expect(certLines(log)).toEqual([
      'W controller.go:1441] Error getting SSL certificate "default/web-tls": local SSL certificate default/web-tls was not found. Using default certificate',
    ])
  })

  it('names a certificate whose key is not its own (create secret generic does not check)', () => {
    const t = NOW + 5_000
    const mismatched =
      files(TLS_CRT, CN_ONLY_KEY) +
      'kubectl create secret generic web-tls --type=kubernetes.io/tls --from-file=tls.crt --from-file=tls.key'
    let s = step(cloneJSON(ingressCluster()), mismatched, t)
    s = step(s, ingress('foo.example'), t + 1_000)
    expect(logSince(s, t + 1_000, t + 2_000)).toContain(
      'W backend_ssl.go:47] Error obtaining X.509 certificate: unexpected error creating SSL Cert: certificate and private key does not have a matching public key: tls: private key does not match public key',
    )
  })
})
