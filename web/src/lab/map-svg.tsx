// The static drawing of the map: workstation, DNS, Services with arrows to endpoints, nodes with pods.

import type { MapLayout, PodBox, ServiceBox } from './map-layout'
import { IngressLayer } from './map-ingress-svg'

function short(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}

/** Shortens in the middle, so sibling pods (which differ only in their last characters) stay apart. */
export function shortMiddle(text: string, max: number): string {
  if (text.length <= max) return text
  const tail = Math.min(12, Math.floor((max - 1) / 2))
  return text.slice(0, max - 1 - tail) + '…' + text.slice(text.length - tail)
}

// Widths of a character in the map's fonts (bold 12px names, 11px details), on the wide side so
// that wide fallback fonts (DejaVu Sans) still fit inside the boxes.
const NAME_CHAR = 7.8
const SMALL_CHAR = 6.1

function PodShape({ p, active }: { p: PodBox; active: boolean }) {
  return (
    <g class={`map-pod tone-${p.status.tone}${active ? ' map-active' : ''}`}>
      <title>{`Pod ${p.name}`}</title>
      <rect x={p.x} y={p.y} width={p.w} height={p.h} rx="6" />
      <circle cx={p.x + 12} cy={p.y + 15} r="5" class="status-dot" />
      <text x={p.x + 24} y={p.y + 19} class="map-name">
        {shortMiddle(p.name, Math.floor((p.w - 32) / NAME_CHAR))}
      </text>
      <text x={p.x + 10} y={p.y + 37} class="map-small">
        {short(`${p.ip || 'no IP yet'} · ${p.status.text}`, Math.floor((p.w - 16) / SMALL_CHAR))}
      </text>
    </g>
  )
}

/** Says what the arrows cannot: no endpoints at all, or addresses no pod has (stale Endpoints). */
function EndpointNote({ s }: { s: ServiceBox }) {
  const stale = s.endpoints.filter((e) => !e.podKey).map((e) => e.ip)
  const y = s.y + 33 + Math.min(3, s.lines.length) * 14
  if (!s.endpoints.length && !s.lines[0]?.startsWith('ExternalName')) {
    return (
      <text x={s.x + 10} y={y} class="map-small map-warn">
        ⚠ no endpoints
      </text>
    )
  }
  if (!stale.length) return null
  return (
    <text x={s.x + 10} y={y} class="map-small map-warn">
      {short(`⚠ no pod at ${stale.join(', ')}`, 28)}
    </text>
  )
}

function ServiceShape({ s, active }: { s: ServiceBox; active: boolean }) {
  return (
    <g class={`map-service${active ? ' map-active' : ''}`}>
      <title>{`Service ${s.name}`}</title>
      <rect x={s.x} y={s.y} width={s.w} height={s.h} rx="14" />
      <text x={s.x + 10} y={s.y + 17} class="map-name">
        {shortMiddle(s.namespace === 'default' ? s.name : `${s.name} (${s.namespace})`, 21)}
      </text>
      {s.lines.slice(0, 3).map((l, i) => (
        <text key={i} x={s.x + 10} y={s.y + 33 + i * 14} class="map-small">
          {short(l, 28)}
        </text>
      ))}
      <EndpointNote s={s} />
    </g>
  )
}

function EndpointArrows({ s, layout }: { s: ServiceBox; layout: MapLayout }) {
  return (
    <g class="map-arrows">
      {s.endpoints.map((e, i) => {
        const pod = e.podKey ? layout.pods.get(e.podKey) : undefined
        if (!pod) return null
        const x1 = s.x + s.w / 2
        const y1 = s.y + s.h
        const x2 = pod.x + pod.w / 2
        const y2 = pod.y
        const my = (y1 + y2) / 2
        return (
          <path
            key={i}
            d={`M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`}
            class={e.ready ? 'map-arrow' : 'map-arrow map-arrow-notready'}
            marker-end="url(#map-arrowhead)"
          />
        )
      })}
    </g>
  )
}

export function MapSvgBody({ layout, activeKeys }: { layout: MapLayout; activeKeys: Set<string> }) {
  const { workstation: ws, dns } = layout
  return (
    <>
      <defs>
        <marker
          id="map-arrowhead"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" class="map-arrowhead" />
        </marker>
      </defs>
      <g class={`map-workstation${activeKeys.has('workstation') ? ' map-active' : ''}`}>
        <rect x={ws.x} y={ws.y} width={ws.w} height={ws.h} rx="6" />
        <text x={ws.x + 10} y={ws.y + 22} class="map-name">
          Your workstation
        </text>
        <text x={ws.x + 10} y={ws.y + 40} class="map-small">
          outside the cluster
        </text>
      </g>
      <g class={`map-dns${activeKeys.has('dns') ? ' map-active' : ''}`}>
        <rect x={dns.x} y={dns.y} width={dns.w} height={dns.h} rx="6" />
        <text x={dns.x + 10} y={dns.y + 20} class="map-name">
          Cluster DNS
        </text>
        <text x={dns.x + 10} y={dns.y + 37} class="map-small">
          kube-dns {dns.ip}
        </text>
      </g>
      {layout.nodes.map((n) => (
        <g key={n.name} class="map-node">
          <rect x={n.x} y={n.y} width={n.w} height={n.h} rx="8" />
          <text x={n.x + 10} y={n.y + 18} class="map-name">
            {n.name === 'not scheduled' ? 'Not scheduled yet' : `Node ${n.name}`}
          </text>
          <text x={n.x + 10} y={n.y + 34} class="map-small">
            {n.ip ? `InternalIP ${n.ip}` : ''}
          </text>
          {n.pods.length === 0 && (
            <text x={n.x + 10} y={n.y + 62} class="map-small map-muted">
              no pods
            </text>
          )}
          {n.pods.map((p) => (
            <PodShape key={p.key} p={p} active={activeKeys.has(p.key)} />
          ))}
        </g>
      ))}
      {layout.services.map((s) => (
        <EndpointArrows key={s.key} s={s} layout={layout} />
      ))}
      {layout.services.map((s) => (
        <ServiceShape key={s.key} s={s} active={activeKeys.has('svc:' + s.key)} />
      ))}
      <IngressLayer layout={layout} activeKeys={activeKeys} />
    </>
  )
}
