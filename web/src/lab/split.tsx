// Resizable panes: a separator dragged with the pointer or moved with the arrow keys, and the
// size it sets remembered in localStorage.

import { useCallback, useState } from 'preact/hooks'

function read(key: string, fallback: number): number {
  try {
    const v = Number(localStorage.getItem(key))
    return Number.isFinite(v) && v > 0 ? v : fallback
  } catch {
    return fallback
  }
}

/** A size in pixels, kept per `key` across visits. */
export function useStoredSize(key: string, fallback: number): [number, (px: number) => void] {
  const [size, setSize] = useState(() => read(`servicelab:split:${key}`, fallback))
  const set = useCallback(
    (px: number) => {
      const v = Math.round(px)
      setSize(v)
      try {
        localStorage.setItem(`servicelab:split:${key}`, String(v))
      } catch {
        // storage unavailable: the size lasts for this visit
      }
    },
    [key],
  )
  return [size, set]
}

interface SeparatorProps {
  label: string
  /** 'vertical' separates side-by-side panes (drag left/right); 'horizontal' stacked ones */
  orientation: 'vertical' | 'horizontal'
  size: number
  min: number
  max: number
  onSize: (px: number) => void
}

const STEP = 24

export function Separator({ label, orientation, size, min, max, onSize }: SeparatorProps) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v))
  const vertical = orientation === 'vertical'
  const onPointerDown = (e: PointerEvent) => {
    e.preventDefault()
    const el = e.currentTarget as HTMLElement
    const start = vertical ? e.clientX : e.clientY
    const from = size
    el.setPointerCapture(e.pointerId)
    const move = (m: PointerEvent) =>
      onSize(clamp(from + (vertical ? m.clientX : m.clientY) - start))
    const up = () => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const less = vertical ? 'ArrowLeft' : 'ArrowUp'
    const more = vertical ? 'ArrowRight' : 'ArrowDown'
    if (e.key === less) onSize(clamp(size - STEP))
    else if (e.key === more) onSize(clamp(size + STEP))
    else if (e.key === 'Home') onSize(min)
    else if (e.key === 'End') onSize(max)
    else return
    e.preventDefault()
  }
  return (
    <div
      class={`separator separator-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
