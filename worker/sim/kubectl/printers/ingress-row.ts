// `kubectl get ingress|ingressclass` columns (k8s v1.32.1 printers.go printIngress,
// printIngressClass; INGRESS-FACTS I11, I12).

import type { KubeObject } from '../../objects/types'
import type { Ingress, IngressClass, IngressRule } from '../../objects/ingress-types'
import { ageSince } from './duration'
import { columns, type TableDef } from './table-def'

/** HOSTS (formatHosts): rule hosts in rule order, not deduplicated, 3 then ` + N more...`. */
export function formatIngressHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = []
  let more = false
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true
    if (!more && rule.host) list.push(rule.host)
  }
  if (list.length === 0) return '*'
  const ret = list.join(',')
  return more ? `${ret} + ${(rules?.length ?? 0) - 3} more...` : ret
}

/**
 * ADDRESS (ingressLoadBalancerStatusStringer): IP else hostname, a sorted set joined by `,`;
 * blank when no status. The API server builds rows wide, so `kubectl get` never clips it.
 */
export function ingressAddress(ing: Ingress): string {
  const set = new Set<string>()
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  return [...set].sort().join(',')
}

/** PORTS (formatPorts): `80`, or `80, 443` once spec.tls has an entry. */
export const ingressPorts = (ing: Ingress) => ((ing.spec?.tls ?? []).length ? '80, 443' : '80')

export const INGRESS_TABLE: TableDef = {
  columns: columns(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']),
  row: (obj: KubeObject, now: number) => {
    const ing = obj as Ingress
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      formatIngressHosts(ing.spec?.rules),
      ingressAddress(ing),
      ingressPorts(ing),
      ageSince(ing.metadata.creationTimestamp, now),
    ]
  },
}

/** PARAMETERS: `<none>` or `Kind[.apiGroup]/name`. */
export function ingressClassParameters(ic: IngressClass): string {
  const p = ic.spec?.parameters
  if (!p) return '<none>'
  return `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name}`
}

export const INGRESSCLASS_TABLE: TableDef = {
  columns: columns(['Name', 'Controller', 'Parameters', 'Age']),
  row: (obj: KubeObject, now: number) => {
    const ic = obj as IngressClass
    return [
      ic.metadata.name,
      ic.spec?.controller ?? '',
      ingressClassParameters(ic),
      ageSince(ic.metadata.creationTimestamp, now),
    ]
  },
}
