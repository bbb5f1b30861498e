// Where the trace's callout goes: the free spot nearest to the hop, so it never hides a Service,
// a pod or DNS; when the drawing has no room, a band added under it.

import type { Box, MapLayout } from './map-layout'

export interface CalloutBox extends Box {
  /** true when the callout sits in the band added under the drawing */
  band: boolean
}

const GAP = 6
const STEP = 8
const CHAR_W = 6.6
const LINE_H = 15

/** What the callout must not cover: the boxes and the labels of the drawing. */
export function mapObstacles(layout: MapLayout): Box[] {
  const boxes: Box[] = [layout.workstation, layout.dns, ...layout.services]
  for (const n of layout.nodes) {
    boxes.push({ x: n.x, y: n.y, w: n.w, h: 40 })
    if (!n.pods.length) boxes.push({ x: n.x, y: n.y + 48, w: 80, h: 20 })
    boxes.push(...n.pods)
  }
  return boxes
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP

function distance(b: Box, px: number, py: number): number {
  const dx = Math.max(b.x - px, 0, px - (b.x + b.w))
  const dy = Math.max(b.y - py, 0, py - (b.y + b.h))
  return Math.hypot(dx, dy)
}

/** The size of a callout holding these lines. */
export function calloutSize(lines: string[]): { w: number; h: number } {
  return {
    w: Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_W + 20),
    h: lines.length * LINE_H + 12,
  }
}

/** The free spot of size w x h nearest to (px, py) inside width x height, or undefined if none. */
export function freeSpot(
  px: number,
  py: number,
  size: { w: number; h: number },
  obstacles: Box[],
  bounds: { width: number; height: number },
): Box | undefined {
  let best: Box | undefined
  let bestDistance = Infinity
  for (let y = 4; y + size.h <= bounds.height - 4; y += STEP) {
    for (let x = 4; x + size.w <= bounds.width - 4; x += STEP) {
      const b = { x, y, w: size.w, h: size.h }
      const d = distance(b, px, py)
      if (d >= bestDistance || obstacles.some((o) => overlaps(b, o))) continue
      best = b
      bestDistance = d
    }
  }
  return best
}

/** Breaks text into lines of at most `width` characters, at spaces. */
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

/** Places the text beside the hop if the drawing has room there, else in a band under it
 * (wrapped to the band's width, so a long diagnosis is never cut). */
export function placeCallout(
  px: number,
  py: number,
  text: string,
  layout: MapLayout,
): { lines: string[]; box: CalloutBox } {
  const lines = wrapText(text, 48)
  const spot = freeSpot(px, py, calloutSize(lines), mapObstacles(layout), layout)
  if (spot) return { lines, box: { ...spot, band: false } }
  const wide = wrapText(text, Math.floor((layout.width - 40) / CHAR_W))
  const size = calloutSize(wide)
  return { lines: wide, box: { x: 10, y: layout.height + 4, ...size, band: true } }
}
