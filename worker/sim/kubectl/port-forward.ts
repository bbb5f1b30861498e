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

function splitPort(spec: string): [string, string] {
  const parts = spec.split(':')
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : [parts[0] as string, parts[0] as string]
}

function containerPortByName(pod: Pod, name: string): number | string {
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort
  return `Pod '${pod.metadata.name}' does not have a named port '${name}'`
}

/** translateServicePortToTargetPort: `local:containerPort` for a Service's port. */
function viaService(svc: Service, pod: Pod, spec: string): string {
  const [first, remote] = splitPort(spec)
  let local = first
  let portnum = Number(remote)
  if (!/^\d+$/.test(remote)) {
    const named = (svc.spec.ports ?? []).find((p) => p.name === remote)
    if (!named) throw new Error(`Service '${svc.metadata.name}' does not have a named port '${remote}'`)
    portnum = named.port
    if (local === remote) local = String(portnum)
  }
  const sp = (svc.spec.ports ?? []).find((p) => p.port === portnum)
  if (!sp) throw new Error(`Service ${svc.metadata.name} does not have a service port ${portnum}`)
  let target: number | string = portnum
  if (svc.spec.clusterIP !== 'None') {
    const tp = sp.targetPort ?? sp.port
    target = typeof tp === 'number' ? (tp === 0 ? sp.port : tp) : containerPortByName(pod, tp)
    if (typeof target === 'string') throw new Error(target)
  }
  return `${local}:${target}`
}

function viaPod(pod: Pod, spec: string): string {
  const [local, remote] = splitPort(spec)
  if (remote === '') throw new Error('remote port cannot be empty')
  if (/^\d+$/.test(remote)) return `${local}:${remote}`
  const n = containerPortByName(pod, remote)
  if (typeof n === 'string') throw new Error(n)
  return `${local}:${n}`
}

function parsePort(what: string, s: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`Error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": invalid syntax`)
  const n = Number(s)
  if (n > 65535) throw new Error(`Error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": value out of range`)
  return n
}

/** `kubectl port-forward ...`. */
export function portForwardVerb(inv: Invocation): ProcessResult {
  if (inv.args.length < 2) return usageError(inv.commandPath, 'TYPE/NAME and list of ports are required for port-forward')
  const target = inv.args[0] as string
  const found = podForArgument(inv, target)
  if (!found.ok) return found.api ? { stdout: '', stderr: renderApiError(found.api), exitCode: 1 } : clientError(found.text ?? '')
  const pod = found.pod
  const typed = target.includes('/') ? resolveTypes(target.slice(0, target.indexOf('/'))) : { kinds: ['Pod'] }
  const isService = 'kinds' in typed && typed.kinds[0] === 'Service'
  const pairs: [number, number][] = []
  try {
    for (const spec of inv.args.slice(1)) {
      const svc = isService ? getObject<Service>(inv.ctx.s, 'Service', inv.namespace, target.slice(target.indexOf('/') + 1)) : undefined
      const [local, remote] = splitPort(svc ? viaService(svc, pod, spec) : viaPod(pod, spec))
      const localPort = local === '' ? 32768 + randomInt(inv.ctx.s, 28000) : parsePort('local', local)
      pairs.push([localPort, parsePort('remote', remote)])
    }
  } catch (e) {
    return clientError((e as Error).message)
  }
  if (pod.status.phase !== 'Running')
    return clientError(`unable to forward port because pod is not running. Current status=${pod.status.phase}`)
  let stdout = ''
  const forwards = inv.ctx.s.runtime.portForwards
  for (const [localPort, podPort] of pairs) {
    if (forwards.some((f) => f.localPort === localPort)) {
      const errs = `unable to create listener: Error listen tcp4 127.0.0.1:${localPort}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${localPort}: bind: address already in use`
      return {
        stdout,
        stderr: `Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [${errs}]\nerror: unable to listen on any of the requested ports: [{${localPort} ${podPort}}]\n`,
        exitCode: 1,
      }
    }
    forwards.push({ localPort, namespace: inv.namespace, pod: pod.metadata.name, podPort, target })
    stdout += `Forwarding from 127.0.0.1:${localPort} -> ${podPort}\nForwarding from [::1]:${localPort} -> ${podPort}\n`
  }
  return { stdout, stderr: '', exitCode: 0 }
}
