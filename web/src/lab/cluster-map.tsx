// The Cluster map panel: the SVG drawing, the animated last request, and a text summary of both.

import { useEffect, useMemo, useState } from 'preact/hooks'
import type { KubeObject, TraceEntry } from '../types'
import { layoutMap, type MapLayout } from './map-layout'
import { MapSvgBody } from './map-svg'
import { TraceList } from './trace-list'
import { calloutText, TraceOverlay } from './trace-overlay'
import { placeCallout } from './callout-place'
import { tracePoints, type TracePoint } from './trace-path'
import { ingressActiveKeys } from './map-ingress'

const STEP_MS = 650

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

function activeKey(p: TracePoint, entry: TraceEntry): string | undefined {
  const o = p.hop.object
  if (p.hop.kind === 'dns') return 'dns'
  if (p.hop.kind === 'client')
    return entry.from.kind === 'pod'
      ? `${entry.from.namespace ?? 'default'}/${entry.from.name}`
      : 'workstation'
  if (o?.kind === 'Service') return `svc:${o.namespace ?? 'default'}/${o.name}`
  if (o?.kind === 'Pod') return `${o.namespace ?? 'default'}/${o.name}`
  return undefined
}

function Summary({ layout }: { layout: MapLayout }) {
  return (
    <div class="visually-hidden">
      <h3>Cluster map as text</h3>
      <ul>
        {layout.nodes.map((n) => (
          <li key={n.name}>
            {n.name === 'not scheduled' ? 'Not scheduled yet' : `Node ${n.name}`}:{' '}
            {n.pods.length
              ? n.pods.map((p) => `pod ${p.name} ${p.ip || 'no IP'} ${p.status.text}`).join('; ')
              : 'no pods'}
          </li>
        ))}
        {layout.ingresses.map((i) => (
          <li key={`ing-${i.key}`}>
            Ingress {i.name}: {i.status}; rules {i.rules.map((r) => r.text).join(', ') || 'none'}
          </li>
        ))}
        {layout.services.map((s) => (
          <li key={s.key}>
            Service {s.name}: {s.lines.join(', ')}; endpoints{' '}
            {s.endpoints.length
              ? s.endpoints
                  .map(
                    (e) =>
                      `${e.ip}${e.podKey ? '' : ', no pod has this address'}${e.ready ? '' : ' (not ready)'}`,
                  )
                  .join(', ')
              : 'none'}
          </li>
        ))}
      </ul>
    </div>
  )
}

interface Props {
  objects: KubeObject[]
  trace: { id: number; entry: TraceEntry } | null
}

export function ClusterMap({ objects, trace }: Props) {
  const layout = useMemo(() => layoutMap(objects), [objects])
  const points = useMemo(() => (trace ? tracePoints(trace.entry, layout) : []), [trace, layout])
  const [progress, setProgress] = useState({ id: 0, step: 0 })
  const reduced = prefersReducedMotion()
  const last = trace ? trace.entry.hops.length - 1 : 0
  // a new trace starts at its first hop (or, without motion, shows the whole path at once)
  const step = trace && progress.id === trace.id ? progress.step : reduced ? last : 0

  useEffect(() => {
    if (!trace) return
    if (reduced) return setProgress({ id: trace.id, step: last })
    let i = 0
    const timer = setInterval(() => {
      i++
      setProgress({ id: trace.id, step: Math.min(i, last) })
      if (i >= last) clearInterval(timer)
    }, STEP_MS)
    return () => clearInterval(timer)
  }, [trace?.id])

  const current = points[Math.min(step, points.length - 1)]
  const callout = useMemo(
    () =>
      trace && current
        ? placeCallout(current.x, current.y, calloutText(trace.entry, points, step), layout)
        : undefined,
    [trace, points, step, layout],
  )
  const height = layout.height + (callout?.box.band ? callout.box.h + 8 : 0)

  const active = new Set<string>()
  if (trace)
    for (const p of points.slice(0, step + 1)) {
      const k = activeKey(p, trace.entry)
      if (k) active.add(k)
      for (const key of ingressActiveKeys(p.hop)) active.add(key)
    }

  return (
    <section class="panel panel-map">
      <h2 id="map-title">Cluster map</h2>
      <div
        class="map-scroll"
        tabIndex={0}
        role="group"
        aria-label="Map drawing (scrolls sideways on small screens)"
      >
        <svg
          class="cluster-map"
          viewBox={`0 0 ${layout.width} ${height}`}
          role="img"
          aria-label="Cluster map"
          aria-describedby="map-legend"
        >
          <MapSvgBody layout={layout} activeKeys={active} />
          {trace && points.length > 0 && (
            <TraceOverlay key={trace.id} points={points} step={step} callout={callout} />
          )}
        </svg>
      </div>
      <p id="map-legend" class="map-legend small-text">
        <span class="legend tone-ok">● Running and ready</span>{' '}
        <span class="legend tone-wait">◐ starting or not ready</span>{' '}
        <span class="legend tone-bad">✗ failing</span>{' '}
        <span class="legend tone-gone">○ terminating</span>. Solid arrows: ready endpoints; dashed:
        not ready.
      </p>
      {trace && (
        <TraceList entry={trace.entry} open={reduced || !trace.entry.hops.every((h) => h.ok)} />
      )}
      <Summary layout={layout} />
    </section>
  )
}
