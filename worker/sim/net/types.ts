// What a simulated request is, where it starts, and the trace of hops it leaves for the UI.

/** Where a request starts. */
export type Origin =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string }

export interface HttpRequest {
  /** as typed: a name (`my-service`, `web.default.svc.cluster.local`) or an IP */
  host: string
  port: number
  method: string
  path: string
  headers: Record<string, string>
  body?: string
  /** `https` for `curl https://...`; absent means http */
  scheme?: 'http' | 'https'
}

export interface HttpResponse {
  status: number
  reason: string
  /** in wire order; names as the server writes them (`Server`, `Content-Type`) */
  headers: [string, string][]
  body: string
}

/** One step of a request's journey, drawn on the cluster map. */
export interface Hop {
  /** client: where it started; dns: a lookup; service: a ClusterIP/NodePort/LB rule; pod: a pod reached; network: routing; ingress: the Ingress rule ingress-nginx matched */
  kind:
    | 'client'
    | 'dns'
    | 'service'
    | 'nodeport'
    | 'loadbalancer'
    | 'portforward'
    | 'network'
    | 'pod'
    | 'ingress'
  /** short text for the map: `my-service 10.96.14.2:8080`, `nginx-x (10.244.1.4:80)` */
  label: string
  /** the object this hop is about, when there is one */
  object?: { kind: string; namespace?: string; name: string }
  ok: boolean
  detail?: string
}

export type Outcome =
  | 'answered' // a server answered (any HTTP status)
  | 'refused' // TCP RST / ICMP port unreachable
  | 'timeout' // packets dropped
  | 'nxdomain' // name did not resolve
  | 'unreachable' // no route (e.g. ping to a ClusterIP)

export interface RouteResult {
  outcome: Outcome
  /** the resolved destination IP, when resolution succeeded */
  ip?: string
  /** the pod that answered (or refused), when one was reached */
  pod?: { namespace: string; name: string; ip: string; port: number }
  response?: HttpResponse
  hops: Hop[]
  /** A sentence a learner understands, naming the objects and values involved. Set for every failed or surprising request. */
  diagnosis?: string
  /** machine-readable cause for grading and instructor insights, e.g. 'selector-mismatch', 'clusterip-from-outside' */
  cause?: string
  /** the name DNS answered for (after the search list), when a name was resolved */
  fqdn?: string
  /** the CNAME an ExternalName Service answered with */
  cname?: string
  /** every address DNS answered, in order (headless Services answer several) */
  addresses?: string[]
  /** the names the resolver asked for, in order (search list), when resolution was needed */
  tried?: string[]
  /** simulated milliseconds until connected/refused (deterministic); absent for timeouts */
  timeMs?: number
  /** the client address the server saw (after any SNAT) */
  clientIP?: string
  /** the client's own address (pod IP, node IP, 172.18.0.1 for the workstation, 127.0.0.1 via localhost): curl's %{local_ip} */
  localIP?: string
  /** for https requests: 'ok' = TLS server (API server, cluster CA: curl needs -k), 'plain-server' = it speaks plain HTTP (curl 35), 'self-signed' = ingress-nginx's fake certificate (curl needs -k) */
  tls?: 'ok' | 'plain-server' | 'self-signed'
}

/** A request as recorded in a run's trace. */
export interface TraceEntry {
  from: Origin
  /** `GET http://my-service:8080/` or `nslookup my-service` */
  request: string
  outcome: Outcome
  hops: Hop[]
  diagnosis?: string
  cause?: string
}
