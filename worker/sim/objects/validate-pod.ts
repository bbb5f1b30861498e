// ValidatePodSpec / validateContainers / validateContainerPorts (pkg/apis/core/validation) for the
// fields learners write; volumes, security contexts and resources are not checked.

import type { Container, PodSpec, Probe } from './types'
import {
  type FieldError,
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
} from './field-errors'
import { isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isValidPortName } from './names'
import { validateLabels } from './validate-meta'
import { validatePortNum, validatePortNumOrName, validateProtocol } from './validate-ports'

/** ValidatePodSpec for Pods and templates: containers, restart and DNS policy, names. */
export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (spec.terminationGracePeriodSeconds === undefined)
    errs.push(required(`${path}.terminationGracePeriodSeconds`))
  errs.push(...validateContainers(spec.containers ?? [], `${path}.containers`))
  const init = Array.isArray(spec.initContainers) ? (spec.initContainers as Container[]) : []
  init.forEach((c, i) => errs.push(...validateContainerCommon(c, `${path}.initContainers[${i}]`)))
  const restart = spec.restartPolicy ?? ''
  if (!restart) errs.push(required(`${path}.restartPolicy`))
  else if (!['Always', 'OnFailure', 'Never'].includes(restart))
    errs.push(notSupported(`${path}.restartPolicy`, restart, ['Always', 'OnFailure', 'Never']))
  const dns = spec.dnsPolicy ?? ''
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
  if (!dns) errs.push(required(`${path}.dnsPolicy`))
  else if (!dnsPolicies.includes(dns))
    errs.push(notSupported(`${path}.dnsPolicy`, dns, dnsPolicies))
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`))
  if (spec.serviceAccountName)
    for (const m of isDNS1123Subdomain(spec.serviceAccountName))
      errs.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m))
  if (spec.nodeName)
    for (const m of isDNS1123Subdomain(spec.nodeName))
      errs.push(invalid(`${path}.nodeName`, spec.nodeName, m))
  if (spec.hostname)
    for (const m of isDNS1123Label(spec.hostname))
      errs.push(invalid(`${path}.hostname`, spec.hostname, m))
  if (spec.subdomain)
    for (const m of isDNS1123Label(spec.subdomain))
      errs.push(invalid(`${path}.subdomain`, spec.subdomain, m))
  return errs
}

function validateContainers(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = []
  if (containers.length === 0) return [required(path)]
  const names = new Set<string>()
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`
    errs.push(...validateContainerCommon(c, p))
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name))
    else names.add(c.name)
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true))
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false))
    errs.push(...validateProbe(c.startupProbe as Probe | undefined, `${p}.startupProbe`, true))
  })
  return errs
}

function validateContainerCommon(c: Container, p: string): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(required(`${p}.name`))
  else for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${p}.name`, c.name, m))
  if (!c.image) errs.push(required(`${p}.image`))
  const tmp = c.terminationMessagePolicy
  if (!tmp) errs.push(required(`${p}.terminationMessagePolicy`))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
    errs.push(notSupported(`${p}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']))
  errs.push(...validateContainerPorts(c, `${p}.ports`))
  for (const [i, e] of (c.env ?? []).entries()) {
    if (!e.name) errs.push(required(`${p}.env[${i}].name`))
    else for (const m of isEnvVarName(e.name)) errs.push(invalid(`${p}.env[${i}].name`, e.name, m))
  }
  const pull = c.imagePullPolicy ?? ''
  if (!pull) errs.push(required(`${p}.imagePullPolicy`))
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull))
    errs.push(notSupported(`${p}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']))
  return errs
}

function validateContainerPorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  for (const [i, port] of (c.ports ?? []).entries()) {
    const p = `${path}[${i}]`
    if (port.name) {
      const msgs = isValidPortName(port.name)
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${p}.name`, port.name, m))
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name))
      else names.add(port.name)
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`))
    else errs.push(...validatePortNum(port.containerPort, `${p}.containerPort`))
    if (port.hostPort) errs.push(...validatePortNum(port.hostPort, `${p}.hostPort`))
    errs.push(...validateProtocol(port.protocol, `${p}.protocol`))
  }
  return errs
}

/** validateProbe + validateHandler: one handler, its ports; liveness/startup need successThreshold 1. */
function validateProbe(
  probe: Probe | undefined,
  path: string,
  mustSucceedOnce: boolean,
): FieldError[] {
  if (!probe) return []
  const errs: FieldError[] = []
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
  let n = 0
  for (const h of handlers) {
    const v = (probe as Record<string, unknown>)[h]
    if (v === undefined || v === null) continue
    if (n++ > 0) errs.push(forbidden(`${path}.${h}`, 'may not specify more than 1 handler type'))
    else errs.push(...validateHandler(probe, h, `${path}.${h}`))
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'))
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    const v = probe[f]
    if (typeof v === 'number' && v < 0)
      errs.push(invalid(`${path}.${f}`, v, 'must be greater than or equal to 0'))
  }
  if (mustSucceedOnce && (probe.successThreshold ?? 1) !== 1)
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'))
  return errs
}

function validateHandler(
  probe: Probe,
  h: 'exec' | 'httpGet' | 'tcpSocket' | 'grpc',
  path: string,
): FieldError[] {
  if (h === 'exec')
    return (probe.exec?.command ?? []).length === 0 ? [required(`${path}.command`)] : []
  if (h === 'tcpSocket') return validatePortNumOrName(probe.tcpSocket?.port ?? 0, `${path}.port`)
  if (h === 'grpc') return []
  const get = probe.httpGet ?? { port: 0 }
  const errs: FieldError[] = []
  if (!get.path) errs.push(required(`${path}.path`))
  errs.push(...validatePortNumOrName(get.port ?? 0, `${path}.port`))
  if (!['HTTP', 'HTTPS'].includes(get.scheme ?? ''))
    errs.push(notSupported(`${path}.scheme`, get.scheme ?? '', ['HTTP', 'HTTPS']))
  return errs
}
