// Why ingress-nginx answered 404 or 503 instead of the application: the questions its error pages
// leave open (which host it saw, which rules exist, which Ingress it ignored and why, what the
// backend Service lacks), in the style of the other diagnoses, with cause ids for grading.

import type { Ingress, IngressServiceBackend } from '../objects/types'
import type { IngressConfig, IngressServer } from './ingress-config'
import type { Upstream } from './ingress-backend'
import { whyNoEndpoints } from './why-no-endpoints'
import { isIPv4 } from './ip'
import { portList } from './kube-proxy'
import type { NetView } from './view'

export interface Explanation {
  cause: string
  diagnosis: string
}

const HEAD = 'ingress-nginx answered with its own 404 page'

function hostsOf(ing: Ingress): string[] {
  return (ing.spec?.rules ?? []).map((r) => r.host || '*')
}

function ignoredReason(entry: IngressConfig['ignored'][number]): Explanation {
  const name = entry.ingress.metadata.name
  const v = entry.verdict
  if (v.reason === 'no-class')
    return {
      cause: 'ingress-no-class',
      diagnosis: `Ingress ${name} has no spec.ingressClassName, and this controller runs without --watch-ingress-without-class and no IngressClass is the default, so it ignores the Ingress: no rules, no ADDRESS, no events. Add ingressClassName: nginx to its spec.`,
    }
  if (v.reason === 'unknown-class')
    return {
      cause: 'ingress-unknown-class',
      diagnosis: `Ingress ${name} asks for ingressClassName: ${v.className ?? ''}, but no IngressClass has that name (kubectl get ingressclass lists nginx), so no controller serves it. Use ingressClassName: nginx.`,
    }
  return {
    cause: 'ingress-other-class',
    diagnosis: `Ingress ${name} belongs to class ${v.className ?? '?'}, which is not this controller's (k8s.io/ingress-nginx, class nginx), so ingress-nginx ignores it.`,
  }
}

/** An ignored Ingress that has a rule for this host (or any, for the catch-all). */
function ignoredFor(
  config: IngressConfig,
  host: string,
): IngressConfig['ignored'][number] | undefined {
  return config.ignored.find((e) => {
    const hosts = hostsOf(e.ingress)
    return hosts.includes(host) || (hosts.length === 0 && e.ingress.spec?.defaultBackend)
  })
}

/** The 404 of a request that reached no backend: unknown host, no matching path, or nothing served. */
export function explainNotFound(
  config: IngressConfig,
  server: IngressServer,
  host: string,
  uri: string,
): Explanation {
  const ignored =
    ignoredFor(config, host) ?? (config.served.length === 0 ? config.ignored[0] : undefined)
  if (ignored) return ignoredReason(ignored)
  if (config.served.length === 0)
    return {
      cause: 'ingress-none',
      diagnosis: `${HEAD}: no Ingress exists that it serves, so every request ends at its default server. Create an Ingress with ingressClassName: nginx.`,
    }
  const known = config.servers.filter((s) => s.name !== '_').map((s) => s.name)
  if (server.name === '_' && server.ingresses.length === 0) {
    const list = known.join(', ')
    if (isIPv4(host))
      return {
        cause: 'ingress-no-host-header',
        diagnosis: `${HEAD}: the request carried Host: ${host} (curl sends the URL's host), and no rule is for that host. The rules are for ${list}: send the name in the Host header, e.g. curl -H 'Host: ${known[0] ?? 'example.com'}' http://${host}/.`,
      }
    return {
      cause: 'ingress-unknown-host',
      diagnosis: `${HEAD}: no Ingress it serves has a rule for host ${host}, so the request went to the default server. Hosts with rules: ${list || 'none'}. Hosts are matched exactly (a *.wildcard covers one label).`,
    }
  }
  const paths = server.locations
    .filter((l) => !l.implicit)
    .map((l) => `${l.path} (${l.pathType})`)
    .join(', ')
  const exactRoot = server.locations.some((l) => l.path === '/' && l.match === 'exact')
  const tip = exactRoot
    ? ' An Exact / matches only /; kubectl create ingress writes Exact unless the path ends in *: use pathType: Prefix to cover everything below.'
    : ' Exact matches the path only; Prefix /app matches /app and /app/..., not /application.'
  const who = server.name === '_' ? 'the rules without a host' : `host ${server.name} has rules`
  const owners = server.ingresses.map((r) => r.name).join(', ')
  return {
    cause: 'ingress-no-path',
    diagnosis: `${HEAD}: ${who} (Ingress ${owners}), but none of its paths matches ${uri}: ${paths}.${tip}`,
  }
}

/** The 503 of a rule whose backend has nothing to proxy to (I24). */
export function explainUpstream(
  v: NetView,
  ingress: string,
  namespace: string,
  b: IngressServiceBackend,
  up: Upstream & { ok: false },
): Explanation {
  const head = `ingress-nginx answered 503: the rule of Ingress ${ingress} sends this request to Service ${b.name}`
  const port = b.port?.number ?? b.port?.name ?? '?'
  if (up.problem === 'missing')
    return {
      cause: 'ingress-backend-missing',
      diagnosis: `${head}, which does not exist in namespace ${namespace}. An Ingress reaches Services of its own namespace only; check the name (kubectl get svc -n ${namespace}).`,
    }
  if (up.problem === 'no-port' && up.svc)
    return {
      cause: 'ingress-backend-port',
      diagnosis: `${head} port ${port}, but Service ${b.name} has ports ${portList(up.svc)}; ${port} is neither one of them, a targetPort nor a port name, so the upstream has no endpoints. Use the Service's port (kubectl get svc ${b.name}).`,
    }
  if (up.problem === 'external-name')
    return {
      cause: 'ingress-backend-external-name',
      diagnosis: `${head}, an ExternalName Service; this simulation does not proxy Ingress traffic to external names.`,
    }
  const why = up.svc && up.sp && up.eps ? whyNoEndpoints(v, up.svc, up.sp, up.eps) : undefined
  const rest = why ? why.diagnosis.replace(/^.*?kube-proxy rejects the connection:?\s*/, '') : ''
  const reason = rest.charAt(0).toUpperCase() + rest.slice(1)
  return {
    cause: 'ingress-no-endpoints',
    diagnosis: `${head}, which has no ready endpoints, and ingress-nginx proxies to the pods behind a Service, not to its ClusterIP.${reason ? ` ${reason}` : ''}`,
  }
}
