// `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...` (kubectl pkg/cmd/portforward/portforward.go,
// pkg/util/service_port.go, client-go tools/portforward): resolves the pod (a Service's or
// Deployment's first pod), translates service ports to container ports, prints the two listener
// lines and records the forward so `curl localhost:PORT` on the workstation reaches the pod.
// The real command stays in the foreground until Ctrl-C; here it returns at once and the forward
// stays open while the pod lives.

import type { ProcessResult } from '../context'
import type { Pod, Service } from '../objects/types'
import { getObject, randomInt } from '../state'
import type { Invocation } from './invocation'
import { clientError, renderApiError, usageError } from './errors'
import { podForArgument } from './pod-for-object'
import { resolveTypes } from './resource-args'

/** `[local, remote]` or the error text kubectl prints. */
type PortPair = [string, string] | string

function splitPort(spec: string): [string, string] {
  const parts = spec.split(':')
  return parts.length === 2
    ? [parts[0] as string, parts[1] as string]
    : [parts[0] as string, parts[0] as string]
}

function containerPortByName(pod: Pod, name: string): number | string {
  for (const c of pod.spec.containers)
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort
  return `Pod '${pod.metadata.name}' does not have a named port '${name}'`
}

/** translateServicePortToTargetPort + LookupContainerPortNumberByServicePort. */
function viaService(svc: Service, pod: Pod, spec: string): PortPair {
  const [first, remote] = splitPort(spec)
  let local = first
  let portnum = Number(remote)
  if (!/^\d+$/.test(remote)) {
    const named = (svc.spec.ports ?? []).find((p) => p.name === remote)
    if (!named) return `Service '${svc.metadata.name}' does not have a named port '${remote}'`
    portnum = named.port
    if (local === remote) local = String(portnum)
  }
  const sp = (svc.spec.ports ?? []).find((p) => p.port === portnum)
  if (!sp) return `Service ${svc.metadata.name} does not have a service port ${portnum}`
  if (svc.spec.clusterIP === 'None') return [local, String(portnum)]
  const tp = sp.targetPort ?? sp.port
  const target = typeof tp === 'number' ? (tp === 0 ? sp.port : tp) : containerPortByName(pod, tp)
  return typeof target === 'string' ? target : [local, String(target)]
}

/** convertPodNamedPortToNumber. */
function viaPod(pod: Pod, spec: string): PortPair {
  const [local, remote] = splitPort(spec)
  if (remote === '') return 'remote port cannot be empty'
  if (/^\d+$/.test(remote)) return [local, remote]
  const n = containerPortByName(pod, remote)
  return typeof n === 'string' ? n : [local, String(n)]
}

/** client-go portforward parsePorts: ports are uint16 numbers. */
function portNumber(what: string, s: string): number | string {
  if (!/^\d+$/.test(s))
    return `Error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": invalid syntax`
  if (Number(s) > 65535)
    return `Error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": value out of range`
  return Number(s)
}

function portPairs(inv: Invocation, pod: Pod, target: string): [number, number][] | string {
  const slash = target.indexOf('/')
  const typed = slash >= 0 ? resolveTypes(target.slice(0, slash)) : { kinds: ['Pod'] }
  const svcName = target.slice(slash + 1)
  const svc =
    'kinds' in typed && typed.kinds[0] === 'Service'
      ? getObject<Service>(inv.ctx.s, 'Service', inv.namespace, svcName)
      : undefined
  const pairs: [number, number][] = []
  for (const spec of inv.args.slice(1)) {
    const pair = svc ? viaService(svc, pod, spec) : viaPod(pod, spec)
    if (typeof pair === 'string') return pair
    const local =
      pair[0] === '' ? 32768 + randomInt(inv.ctx.s, 28000) : portNumber('local', pair[0])
    const remote = portNumber('remote', pair[1])
    if (typeof local === 'string') return local
    if (typeof remote === 'string') return remote
    pairs.push([local, remote])
  }
  return pairs
}

function inUse(localPort: number, podPort: number): string {
  const errs = `unable to create listener: Error listen tcp4 127.0.0.1:${localPort}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${localPort}: bind: address already in use`
  return `Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [${errs}]\nerror: unable to listen on any of the requested ports: [{${localPort} ${podPort}}]\n`
}

/** --address: `localhost` means 127.0.0.1 and [::1]; IPs as given (IPv6 in brackets). */
function listenAddresses(inv: Invocation): string[] {
  const given = inv.flags.has('address') ? inv.flags.list('address') : ['localhost']
  return given.flatMap((a) =>
    a === 'localhost' ? ['127.0.0.1', '[::1]'] : a.includes(':') ? [`[${a}]`] : [a],
  )
}

/** `kubectl port-forward ...`. */
export function portForwardVerb(inv: Invocation): ProcessResult {
  if (inv.args.length < 2)
    return usageError(inv.commandPath, 'TYPE/NAME and list of ports are required for port-forward')
  const target = inv.args[0] as string
  const found = podForArgument(inv, target)
  if (!found.ok)
    return found.api
      ? { stdout: '', stderr: renderApiError(found.api), exitCode: 1 }
      : clientError(found.text ?? '')
  const pod = found.pod
  const pairs = portPairs(inv, pod, target)
  if (typeof pairs === 'string') return clientError(pairs)
  if (pod.status.phase !== 'Running')
    return clientError(
      `unable to forward port because pod is not running. Current status=${pod.status.phase}`,
    )
  let stdout = ''
  // a forward whose pod is gone has ended (the real kubectl process exits with it): its port is free
  const rt = inv.ctx.s.runtime
  rt.portForwards = rt.portForwards.filter(
    (f) => getObject(inv.ctx.s, 'Pod', f.namespace, f.pod) !== undefined,
  )
  const forwards = rt.portForwards
  for (const [localPort, podPort] of pairs) {
    if (forwards.some((f) => f.localPort === localPort))
      return { stdout, stderr: inUse(localPort, podPort), exitCode: 1 }
    forwards.push({ localPort, namespace: inv.namespace, pod: pod.metadata.name, podPort, target })
    for (const addr of listenAddresses(inv))
      stdout += `Forwarding from ${addr}:${localPort} -> ${podPort}\n`
  }
  return { stdout, stderr: '', exitCode: 0 }
}
