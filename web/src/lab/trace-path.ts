// Where each hop of a request's trace sits on the map.

import type { Hop, TraceEntry } from '../types'
import type { Box, MapLayout } from './map-layout'

export interface TracePoint {
  x: number
  y: number
  hop: Hop
}

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 })

function podBox(layout: MapLayout, namespace: string | undefined, name: string): Box | undefined {
  return (
    layout.pods.get(`${namespace ?? 'default'}/${name}`) ??
    [...layout.pods.values()].find((p) => p.name === name)
  )
}

function serviceBox(
  layout: MapLayout,
  namespace: string | undefined,
  name: string,
): Box | undefined {
  return layout.services.find((s) => s.name === name && (!namespace || s.namespace === namespace))
}

function originBox(entry: TraceEntry, layout: MapLayout): Box | undefined {
  const f = entry.from
  if (f.kind === 'pod') return podBox(layout, f.namespace, f.name)
  if (f.kind === 'node') {
    const n = layout.nodes.find((x) => x.name === f.name)
    return n && { x: n.x, y: n.y, w: n.w, h: 40 }
  }
  return layout.workstation
}

function hopBox(hop: Hop, entry: TraceEntry, layout: MapLayout): Box | undefined {
  const o = hop.object
  if (hop.kind === 'client') return originBox(entry, layout)
  if (hop.kind === 'dns') return layout.dns
  if (o?.kind === 'Pod') return podBox(layout, o.namespace, o.name)
  if (o?.kind === 'Service') return serviceBox(layout, o.namespace, o.name)
  if (o?.kind === 'Ingress')
    return layout.ingresses.find(
      (i) => i.name === o.name && i.namespace === (o.namespace ?? 'default'),
    )
  if (o?.kind === 'Node') {
    const n = layout.nodes.find((x) => x.name === o.name)
    return n && { x: n.x, y: n.y, w: n.w, h: 40 }
  }
  return undefined
}

/** A box whose address the hop's label names (`10.96.14.2:80 not routed`), to aim a hop without an object. */
function boxNamedIn(label: string, layout: MapLayout): Box | undefined {
  const ips = label.match(/\d+\.\d+\.\d+\.\d+/g) ?? []
  for (const ip of ips) {
    const pod = [...layout.pods.values()].find((p) => p.ip === ip)
    if (pod) return pod
    const svc = layout.services.find((s) => s.lines.some((l) => l.includes(ip)))
    if (svc) return svc
    const node = layout.nodes.find((n) => n.ip === ip)
    if (node) return { x: node.x, y: node.y, w: node.w, h: 40 }
  }
  return undefined
}

/** One point per hop; a hop with no place of its own sits between the previous one and what it aims at. */
export function tracePoints(entry: TraceEntry, layout: MapLayout): TracePoint[] {
  const points: TracePoint[] = []
  let prev = centre(originBox(entry, layout) ?? layout.workstation)
  for (const hop of entry.hops) {
    const box = hopBox(hop, entry, layout)
    const aim = box ? undefined : boxNamedIn(hop.label, layout)
    const towards = aim && centre(aim)
    const p = box
      ? centre(box)
      : towards
        ? { x: (prev.x + towards.x) / 2, y: (prev.y + towards.y) / 2 }
        : { x: prev.x + 40, y: prev.y + 24 }
    points.push({ ...p, hop })
    prev = p
  }
  return points
}

/** A short line about where the request came from, for the hop list. */
export function originText(entry: TraceEntry): string {
  const f = entry.from
  if (f.kind === 'pod')
    return `pod ${f.name}${f.namespace && f.namespace !== 'default' ? ` (namespace ${f.namespace})` : ''}`
  if (f.kind === 'node') return `node ${f.name}`
  return 'your workstation (outside the cluster)'
}
