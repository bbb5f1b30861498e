// How kubectl names objects in its messages (cli-runtime pkg/printers/name.go, kubectl delete.go).

import { RESOURCES, type Kind } from '../objects/resources'

/** `deployment.apps`, `service`, `endpointslice.discovery.k8s.io`: lower-case kind plus group. */
export function kindGroup(kind: Kind | string): string {
  const info = RESOURCES[kind as Kind]
  const lower = kind.toLowerCase()
  return info && info.group ? `${lower}.${info.group}` : lower
}

/** NamePrinter with an operation: `deployment.apps/web created`; bare `kind/name` without one. */
export function nameLine(kind: Kind | string, name: string, op?: string): string {
  return op ? `${kindGroup(kind)}/${name} ${op}\n` : `${kindGroup(kind)}/${name}\n`
}

export type DryRun = 'none' | 'client' | 'server'

/** The NamePrinter's operation suffix for dry runs (`created (dry run)`, `created (server dry run)`). */
export function withDryRun(op: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${op} (dry run)`
  if (dryRun === 'server') return `${op} (server dry run)`
  return op
}
