// Drawing of the Ingress boxes: name, class/ADDRESS (or why it is ignored), one line per rule with
// the matched one highlighted during a trace, and dashed arrows to the backend Services.

import type { MapLayout } from './map-layout'
import type { IngressBox } from './map-ingress'

const SMALL_CHAR = 6.1

function short(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}

function IngressShape({ i, activeKeys }: { i: IngressBox; activeKeys: Set<string> }) {
  const active = activeKeys.has(`ing:${i.key}`)
  const max = Math.floor((i.w - 20) / SMALL_CHAR)
  const title = i.namespace === 'default' ? i.name : `${i.name} (${i.namespace})`
  return (
    <g
      class={`map-ingress${active ? ' map-active' : ''}${i.ignored ? ' map-ingress-ignored' : ''}`}
    >
      <title>{`Ingress ${i.name}`}</title>
      <rect x={i.x} y={i.y} width={i.w} height={i.h} rx="4" />
      <text x={i.x + 10} y={i.y + 17} class="map-name">
        {short(`Ingress ${title}`, 40)}
      </text>
      <text x={i.x + 10} y={i.y + 32} class={`map-small${i.ignored ? ' map-warn' : ''}`}>
        {short(i.ignored ? `⚠ ${i.status}` : i.status, max)}
      </text>
      {i.rules.slice(0, 6).map((r, n) => {
        const lit = activeKeys.has(`ingrule:${i.key}/${r.rule}/${r.path}`)
        return (
          <text
            key={n}
            x={i.x + 10}
            y={i.y + 47 + n * 14}
            class={`map-small${lit ? ' map-rule-active' : ''}`}
          >
            {short(`${lit ? '▶ ' : ''}${r.text}`, max)}
          </text>
        )
      })}
    </g>
  )
}

function IngressArrows({ i, layout }: { i: IngressBox; layout: MapLayout }) {
  const targets = [...new Set(i.rules.map((r) => r.service).filter(Boolean))]
  return (
    <g class="map-arrows">
      {targets.map((name) => {
        const svc = layout.services.find((s) => s.name === name && s.namespace === i.namespace)
        if (!svc) return null
        const x1 = i.x + i.w / 2
        const x2 = svc.x + svc.w / 2
        const y2 = svc.y + svc.h
        return (
          <path
            key={name}
            d={`M${x1},${i.y} L${x2},${y2}`}
            class="map-arrow map-ingress-arrow"
            marker-end="url(#map-arrowhead)"
          />
        )
      })}
    </g>
  )
}

/** Every Ingress of the layout, arrows first so the boxes stay readable. */
export function IngressLayer({
  layout,
  activeKeys,
}: {
  layout: MapLayout
  activeKeys: Set<string>
}) {
  return (
    <>
      {layout.ingresses.map((i) => (
        <IngressArrows key={`a-${i.key}`} i={i} layout={layout} />
      ))}
      {layout.ingresses.map((i) => (
        <IngressShape key={i.key} i={i} activeKeys={activeKeys} />
      ))}
    </>
  )
}
