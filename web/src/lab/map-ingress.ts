// Ingresses on the map: one box per Ingress listing its rules (host + path -> Service:port), placed
// in rows between the Services and the nodes; a traced request lights the rule it matched.

import type { Hop, KubeObject } from '../types'
import type { Box } from './map-layout'

export const INGRESS_W = 372
const LINE_H = 14
const MAX_LINES = 6

export interface IngressRuleLine {
  text: string
  rule: number
  path: number
  /** the backend Service (same namespace), for the arrow */
  service?: string
}

export interface IngressBox extends Box {
  key: string
  name: string
  namespace: string
  /** `class nginx · 172.18.255.200`, or why nothing serves it */
  status: string
  ignored: boolean
  rules: IngressRuleLine[]
}

interface Backend {
  service?: { name?: string; port?: { number?: number; name?: string } }
}
interface IngressSpec {
  ingressClassName?: string
  defaultBackend?: Backend
  rules?: {
    host?: string
    http?: { paths?: { path?: string; pathType?: string; backend?: Backend }[] }
  }[]
}

function backendText(b: Backend | undefined): string {
  const s = b?.service
  return s ? `${s.name ?? '?'}:${s.port?.number ?? s.port?.name ?? '?'}` : '?'
}

function ruleLines(spec: IngressSpec): IngressRuleLine[] {
  const lines: IngressRuleLine[] = []
  ;(spec.rules ?? []).forEach((r, ri) =>
    (r.http?.paths ?? []).forEach((p, pi) =>
      lines.push({
        text: `${r.host || '*'}${p.path ?? '/'} ${p.pathType === 'Exact' ? '(exact) ' : ''}→ ${backendText(p.backend)}`,
        rule: ri,
        path: pi,
        service: p.backend?.service?.name,
      }),
    ),
  )
  if (spec.defaultBackend)
    lines.push({
      text: `default → ${backendText(spec.defaultBackend)}`,
      rule: -1,
      path: -1,
      service: spec.defaultBackend.service?.name,
    })
  return lines
}

/** Whether ingress-nginx serves it (INGRESS-FACTS I18): an IngressClass of its controller, or the annotation. */
function statusLine(
  o: KubeObject,
  spec: IngressSpec,
  classes: KubeObject[],
): { status: string; ignored: boolean } {
  const meta = o.metadata as { annotations?: Record<string, string> }
  const annotation = meta.annotations?.['kubernetes.io/ingress.class']
  const lb = (o.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] })?.ingress
  const address = (lb ?? []).map((i) => i.ip ?? i.hostname).join(', ')
  const cls = spec.ingressClassName
  if (!cls && annotation === undefined)
    return { status: 'no ingressClassName: ignored', ignored: true }
  const known = cls
    ? classes.some(
        (c) =>
          c.metadata.name === cls &&
          (c.spec as { controller?: string } | undefined)?.controller === 'k8s.io/ingress-nginx',
      )
    : annotation === 'nginx'
  if (!known)
    return { status: `class ${cls ?? annotation}: no controller serves it`, ignored: true }
  return { status: `class ${cls ?? annotation} · ${address || 'no ADDRESS yet'}`, ignored: false }
}

/** Boxes for the Ingresses, two per row from (x0, top); returns them and the bottom edge. */
export function placeIngresses(
  objects: KubeObject[],
  x0: number,
  top: number,
): { ingresses: IngressBox[]; bottom: number } {
  const ings = objects
    .filter((o) => o.kind === 'Ingress')
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace}/${b.metadata.name}`,
      ),
    )
  const classes = objects.filter((o) => o.kind === 'IngressClass')
  let y = top
  let bottom = top
  const ingresses = ings.map((o, i) => {
    const spec = (o.spec ?? {}) as IngressSpec
    const rules = ruleLines(spec)
    const h = 40 + Math.min(MAX_LINES, rules.length) * LINE_H
    const col = i % 2
    if (col === 0 && i > 0) y = bottom + 12
    const box: IngressBox = {
      key: `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`,
      name: o.metadata.name,
      namespace: o.metadata.namespace ?? 'default',
      ...statusLine(o, spec, classes),
      rules,
      x: x0 + col * (INGRESS_W + 12),
      y,
      w: INGRESS_W,
      h,
    }
    bottom = Math.max(bottom, y + h)
    return box
  })
  return { ingresses, bottom }
}

/** The map keys a hop lights: the Ingress, and the rule line it matched (`spec.rules[i].http.paths[j]`). */
export function ingressActiveKeys(hop: Hop): string[] {
  const o = hop.object
  if (hop.kind !== 'ingress' || o?.kind !== 'Ingress') return []
  const key = `${o.namespace ?? 'default'}/${o.name}`
  const m = /^spec\.rules\[(\d+)\]\.http\.paths\[(\d+)\]$/.exec(hop.detail ?? '')
  const rule = m ? `ingrule:${key}/${m[1]}/${m[2]}` : `ingrule:${key}/-1/-1`
  return [`ing:${key}`, rule]
}
