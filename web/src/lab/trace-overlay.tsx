// The request drawn over the map, hop by hop; a failed hop gets a cross and its diagnosis beside it.

import type { TraceEntry } from '../types'
import type { TracePoint } from './trace-path'

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else line = line ? line + ' ' + word : word
  }
  if (line) lines.push(line)
  return lines
}

interface Props {
  entry: TraceEntry
  points: TracePoint[]
  step: number
  width: number
  height: number
}

function Callout({
  x,
  y,
  lines,
  tone,
  width,
  height,
}: {
  x: number
  y: number
  lines: string[]
  tone: string
  width: number
  height: number
}) {
  const w = Math.min(340, Math.max(...lines.map((l) => l.length)) * 6.6 + 20)
  const h = lines.length * 15 + 12
  const bx = x + 16 + w > width ? Math.max(4, x - 16 - w) : x + 16
  const by = Math.min(Math.max(4, y - h / 2), height - h - 4)
  return (
    <g class={`trace-callout trace-callout-${tone}`}>
      <rect x={bx} y={by} width={w} height={h} rx="6" />
      {lines.map((l, i) => (
        <text key={i} x={bx + 10} y={by + 20 + i * 15}>
          {l}
        </text>
      ))}
    </g>
  )
}

export function TraceOverlay({ entry, points, step, width, height }: Props) {
  const shown = points.slice(0, step + 1)
  const current = shown[shown.length - 1]
  if (!current) return null
  const finished = step >= points.length - 1
  const failed = finished && !current.hop.ok
  const d = shown.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ')
  const text =
    failed && entry.diagnosis
      ? wrapText(`✗ ${current.hop.label}: ${entry.diagnosis}`, 48).slice(0, 8)
      : [`${current.hop.ok ? '✓' : '✗'} ${current.hop.label}`]
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
      <g class="trace-packet" transform={`translate(${current.x} ${current.y})`}>
        {failed ? <path d="M-9,-9 L9,9 M9,-9 L-9,9" class="trace-cross" /> : <circle r="9" />}
      </g>
      <Callout
        x={current.x}
        y={current.y}
        lines={text}
        tone={failed ? 'failed' : 'ok'}
        width={width}
        height={height}
      />
    </g>
  )
}
