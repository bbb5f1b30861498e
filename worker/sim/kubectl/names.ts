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

/**
 * What kubectl 1.32 delete prints for a deleted object (delete.go PrintObj): `deployment.apps
 * "web" deleted` (kind.group for grouped kinds, `pod "x" deleted` for core ones), `force deleted`
 * for a zero grace period, with the dry-run suffix.
 */
export function deletedLine(
  kind: Kind | string,
  name: string,
  gracePeriodSeconds?: number,
  dryRun: DryRun = 'none',
): string {
  const op = gracePeriodSeconds === 0 ? 'force deleted' : 'deleted'
  return `${kindGroup(kind)} "${name}" ${withDryRun(op, dryRun)}`
}
