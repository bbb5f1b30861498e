// Tab completion for the terminal: kubectl verbs, resource kinds and the cluster's object names.

import type { KubeObject } from '../types'

export const KUBECTL_VERBS = [
  'annotate',
  'api-resources',
  'apply',
  'cluster-info',
  'config',
  'create',
  'delete',
  'describe',
  'edit',
  'exec',
  'explain',
  'expose',
  'get',
  'help',
  'label',
  'logs',
  'port-forward',
  'rollout',
  'run',
  'scale',
  'set',
  'version',
]
const PROGRAMS = ['kubectl', 'curl', 'clear', 'echo', 'for', 'history', 'nslookup', 'ping', 'wget']
const KINDS: Record<string, string> = {
  pods: 'Pod',
  pod: 'Pod',
  po: 'Pod',
  services: 'Service',
  service: 'Service',
  svc: 'Service',
  deployments: 'Deployment',
  deployment: 'Deployment',
  deploy: 'Deployment',
  replicasets: 'ReplicaSet',
  replicaset: 'ReplicaSet',
  rs: 'ReplicaSet',
  endpoints: 'Endpoints',
  ep: 'Endpoints',
  endpointslices: 'EndpointSlice',
  endpointslice: 'EndpointSlice',
  nodes: 'Node',
  node: 'Node',
  no: 'Node',
  namespaces: 'Namespace',
  namespace: 'Namespace',
  ns: 'Namespace',
  events: 'Event',
  ev: 'Event',
  ingresses: 'Ingress',
  ingress: 'Ingress',
  ing: 'Ingress',
  ingressclasses: 'IngressClass',
  ingressclass: 'IngressClass',
  secrets: 'Secret',
  secret: 'Secret',
  configmaps: 'ConfigMap',
  configmap: 'ConfigMap',
  cm: 'ConfigMap',
}
const KIND_WORDS = [
  'all',
  'configmaps',
  'deployments',
  'endpoints',
  'endpointslices',
  'events',
  'ingressclasses',
  'ingresses',
  'namespaces',
  'nodes',
  'pods',
  'replicasets',
  'secrets',
  'services',
]
const KIND_VERBS = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'explain',
  'scale',
  'expose',
])
const POD_VERBS = new Set(['exec', 'logs', 'port-forward'])
const OUTPUTS = ['json', 'jsonpath=', 'name', 'wide', 'yaml']
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'restart', 'status', 'undo'],
  create: ['configmap', 'deployment', 'ingress', 'namespace', 'secret', 'service'],
  set: ['image'],
  config: ['current-context', 'get-contexts', 'view'],
}

export interface Completion {
  /** the whole input line after completion */
  line: string
  /** every candidate when there was more than one */
  candidates: string[]
}

function commonPrefix(words: string[]): string {
  if (!words.length) return ''
  let p = words[0] ?? ''
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1)
  return p
}

function namesOf(objects: KubeObject[], kind: string, namespace: string): string[] {
  const scoped = kind !== 'Node' && kind !== 'Namespace' && kind !== 'IngressClass'
  return objects
    .filter(
      (o) => o.kind === kind && (!scoped || (o.metadata.namespace ?? 'default') === namespace),
    )
    .map((o) => o.metadata.name)
    .sort()
}

function namespaceOf(words: string[]): string {
  const i = words.findIndex((w) => w === '-n' || w === '--namespace')
  const inline = words.find((w) => w.startsWith('--namespace='))
  return (i >= 0 ? words[i + 1] : inline?.slice(12)) || 'default'
}

/** The words that may follow `done` (the words before the one being completed). */
function candidatesFor(done: string[], current: string, objects: KubeObject[]): string[] {
  const prev = done[done.length - 1]
  if (done.length === 0) return PROGRAMS
  if (done[0] !== 'kubectl') return []
  const ns = namespaceOf(done)
  if (prev === '-n' || prev === '--namespace') return namesOf(objects, 'Namespace', '')
  if (prev === '-o' || prev === '--output') return OUTPUTS
  const args = done
    .slice(1)
    .filter(
      (w, i, all) =>
        !w.startsWith('-') && !['-n', '--namespace', '-o', '-l', '-c'].includes(all[i - 1] ?? ''),
    )
  const verb = args[0]
  if (!verb) return KUBECTL_VERBS
  if (current.includes('/')) {
    const [kindWord = ''] = current.split('/')
    const kind = KINDS[kindWord]
    return kind ? namesOf(objects, kind, ns).map((n) => `${kindWord}/${n}`) : []
  }
  if (SUBCOMMANDS[verb] && args.length === 1) return SUBCOMMANDS[verb] ?? []
  if (POD_VERBS.has(verb)) return args.length === 1 ? namesOf(objects, 'Pod', ns) : []
  if (verb === 'rollout' && args.length === 2) return ['deployment/']
  if (!KIND_VERBS.has(verb) && verb !== 'set') return []
  if (args.length === 1) return KIND_WORDS
  const kind = KINDS[args[1] ?? '']
  return kind ? namesOf(objects, kind, ns) : []
}

/** Completes the last word of `line` (cursor at the end); unknown contexts leave it unchanged. */
export function complete(line: string, objects: KubeObject[]): Completion {
  const m = /^(.*?)(\S*)$/s.exec(line)
  const before = m?.[1] ?? ''
  const current = m?.[2] ?? ''
  const segment = before.split(/[|;&]+/).pop() ?? ''
  const done = segment.trim() ? segment.trim().split(/\s+/) : []
  const matches = [...new Set(candidatesFor(done, current, objects))].filter((c) =>
    c.startsWith(current),
  )
  if (!matches.length) return { line, candidates: [] }
  if (matches.length === 1) {
    const word = matches[0] ?? ''
    const space = word.endsWith('/') || word.endsWith('=') ? '' : ' '
    return { line: before + word + space, candidates: [] }
  }
  const prefix = commonPrefix(matches)
  return { line: before + (prefix.length > current.length ? prefix : current), candidates: matches }
}
