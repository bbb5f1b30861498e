// The terminal tabs of one cluster and the shown one, kept in localStorage across reloads.

import { useCallback, useState } from 'preact/hooks'

const MAX_TABS = 4

interface Saved {
  ids: string[]
  active: string
  /** the number of the next new tab: ids are not reused, so a new tab never lands in the shell a
   * closed one left open on the server */
  next: number
}

const numberOf = (id: string) => Number(id.slice(1)) || 0

function key(clusterId: string): string {
  return `servicelab:terminals:${clusterId}`
}

function load(clusterId: string): Saved {
  try {
    const v = JSON.parse(localStorage.getItem(key(clusterId)) ?? 'null') as Partial<Saved> | null
    const ids = (v?.ids ?? []).filter((i) => typeof i === 'string' && /^t\d{1,3}$/.test(i))
    const next = Math.max(Number(v?.next) || 0, ...ids.map((i) => numberOf(i) + 1))
    const active = ids.includes(v?.active ?? '') ? (v?.active ?? '') : (ids[0] ?? 't1')
    if (ids.length) return { ids, active, next }
  } catch {
    // unreadable: start with one tab
  }
  return { ids: ['t1'], active: 't1', next: 2 }
}

export function useTabList(clusterId: string) {
  const [state, setState] = useState<Saved>(() => load(clusterId))
  const update = useCallback(
    (change: (old: Saved) => Saved) =>
      setState((old) => {
        const next = change(old)
        try {
          localStorage.setItem(key(clusterId), JSON.stringify(next))
        } catch {
          // storage unavailable: tabs last for this visit
        }
        return next
      }),
    [clusterId],
  )
  const add = (): string | undefined => {
    if (state.ids.length >= MAX_TABS) return undefined
    // wrap before the id pattern's 3 digits run out; by then the server has long forgotten t2..
    const n = state.next > 999 ? 2 : state.next
    const id = `t${n}`
    update((old) => ({
      ids: old.ids.includes(id) ? old.ids : [...old.ids, id],
      active: id,
      next: n + 1,
    }))
    return id
  }
  const close = (id: string) =>
    update((old) => {
      const ids = old.ids.filter((i) => i !== id)
      if (!ids.length) return old
      return { ...old, ids, active: old.active === id ? (ids[0] ?? 't1') : old.active }
    })
  const select = (id: string) => update((old) => ({ ...old, active: id }))
  return { ...state, add, close, select, canAdd: state.ids.length < MAX_TABS }
}
