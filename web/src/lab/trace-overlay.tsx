// The request drawn over the map, hop by hop; a failed hop gets a cross and its diagnosis beside it.

import type { TraceEntry } from '../types'
import type { CalloutBox } from './callout-place'
import type { TracePoint } from './trace-path'

/** What the callout says at this step: the hop reached, or at a failed end the diagnosis. */
export function calloutText(entry: TraceEntry, points: TracePoint[], step: number): string {
  const current = points[Math.min(step, points.length - 1)]
  if (!current) return ''
  const failed = step >= points.length - 1 && !current.hop.ok
  const mark = current.hop.ok ? '✓' : '✗'
  return failed && entry.diagnosis
    ? `${mark} ${current.hop.label}: ${entry.diagnosis}`
    : `${mark} ${current.hop.label}`
}

export interface Callout {
  lines: string[]
  box: CalloutBox
}

interface Props {
  points: TracePoint[]
  step: number
  callout: Callout | undefined
}

/** A thin line from the hop to the nearest point of its callout, so the two read together. */
function Leader({ x, y, box }: { x: number; y: number; box: CalloutBox }) {
  const nx = Math.min(Math.max(x, box.x), box.x + box.w)
  const ny = Math.min(Math.max(y, box.y), box.y + box.h)
  if (Math.hypot(nx - x, ny - y) < 12) return null
  return <path d={`M${x},${y} L${nx},${ny}`} class="trace-leader" />
}

function CalloutShape({ callout, tone }: { callout: Callout; tone: string }) {
  const { box, lines } = callout
  return (
    <g class={`trace-callout trace-callout-${tone}`}>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx="6" />
      {lines.map((l, i) => (
        <text key={i} x={box.x + 10} y={box.y + 20 + i * 15}>
          {l}
        </text>
      ))}
    </g>
  )
}

export function TraceOverlay({ points, step, callout }: Props) {
  const shown = points.slice(0, step + 1)
  const current = shown[shown.length - 1]
  if (!current) return null
  const finished = step >= points.length - 1
  const failed = finished && !current.hop.ok
  const d = shown.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ')
  return (
    <g class="trace-overlay" aria-hidden="true">
      <path d={d} class={failed ? 'trace-path trace-path-failed' : 'trace-path'} />
      {shown.map((p, i) => (
        <circle
          key={i}
          cx={p.x}
          cy={p.y}
          r="5"
          class={p.hop.ok ? 'trace-stop' : 'trace-stop trace-stop-failed'}
        />
      ))}
      {callout && <Leader x={current.x} y={current.y} box={callout.box} />}
      <g class="trace-packet" transform={`translate(${current.x} ${current.y})`}>
        {failed ? <path d="M-9,-9 L9,9 M9,-9 L-9,9" class="trace-cross" /> : <circle r="9" />}
      </g>
      {callout && <CalloutShape callout={callout} tone={failed ? 'failed' : 'ok'} />}
    </g>
  )
}
