// One class: its live progress matrix with sort, filter, CSV download and removing learners.

import { useMemo, useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import { JoinCode } from './join-code'
import {
  filterRows,
  observe,
  sortRows,
  toRows,
  type Observed,
  type Row,
  type SortKey,
} from './matrix-model'
import { MatrixTable } from './matrix-table'
import type { ProgressMatrix } from './types'
import { usePoll } from './use-poll'

export const POLL_MS = 5_000

function Controls(p: {
  sort: SortKey
  text: string
  onlyStuck: boolean
  set: (patch: Partial<{ sort: SortKey; text: string; onlyStuck: boolean }>) => void
}) {
  return (
    <div class="ins-controls" role="group" aria-label="Sort and filter learners">
      <div class="field">
        <label for="ins-sort">Sort by</label>
        <select
          id="ins-sort"
          value={p.sort}
          onChange={(e) => p.set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}
        >
          <option value="name">Name</option>
          <option value="progress">Progress (most tasks first)</option>
          <option value="last-active">Last active (most recent first)</option>
        </select>
      </div>
      <div class="field">
        <label for="ins-filter">Filter by name or email</label>
        <input
          id="ins-filter"
          type="search"
          value={p.text}
          onInput={(e) => p.set({ text: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <label class="ins-check">
        <input
          type="checkbox"
          checked={p.onlyStuck}
          onChange={(e) => p.set({ onlyStuck: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Only stuck learners
      </label>
    </div>
  )
}

export function ClassPage({ classId }: { classId: string }) {
  const observed = useRef<Observed>(new Map())
  const base = `/api/classes/${encodeURIComponent(classId)}`
  const poll = usePoll(
    async () => {
      const m = await api<ProgressMatrix>('GET', `${base}/progress`)
      observe(observed.current, m.learners, Date.now())
      return m
    },
    POLL_MS,
    classId,
  )
  const m = poll.data
  useTitle(m ? `${m.class.name} · class progress` : 'Class progress')
  const [view, setView] = useState({ sort: 'name' as SortKey, text: '', onlyStuck: false })
  const [removing, setRemoving] = useState('')
  const [status, setStatus] = useState('')
  const [joinCode, setJoinCode] = useState<string | undefined>()
  const now = poll.loadedAt ?? Date.now()
  const rows = useMemo(() => (m ? toRows(m.learners, m.labs, now, observed.current) : []), [m, now])
  const shown = sortRows(filterRows(rows, view.text, view.onlyStuck), view.sort)

  const remove = async (r: Row) => {
    setRemoving(r.id)
    try {
      await api('DELETE', `${base}/members/${encodeURIComponent(r.id)}`)
      setStatus(`${r.name} was removed from the class.`)
      await poll.reload()
    } catch (e) {
      setStatus(errorText(e))
    } finally {
      setRemoving('')
    }
  }

  if (!m)
    return (
      <>
        <h1>Class progress</h1>
        {poll.error ? (
          <p role="alert" class="form-error">
            {poll.error} <a href="/instructor">Back to the instructor dashboard</a>
          </p>
        ) : (
          <p class="loading">Loading the class…</p>
        )}
      </>
    )
  const cls = { ...m.class, joinCode: joinCode ?? m.class.joinCode }
  const stuck = rows.filter((r) => r.stuck).length
  return (
    <>
      <p class="ins-crumbs">
        <a href="/instructor">Instructor dashboard</a>
      </p>
      <h1>{cls.name}</h1>
      <JoinCode cls={cls} onRotated={(c) => setJoinCode(c.joinCode)} />
      <p class="ins-links">
        <a href={`/instructor/classes/${encodeURIComponent(classId)}/insights`}>Insights</a>
        <a href={`${base}/progress.csv`} download>
          Download CSV
        </a>
      </p>
      <h2>Progress</h2>
      <p class="ins-summary">
        {rows.length} learner{rows.length === 1 ? '' : 's'}, {stuck} stuck (active in the last 30
        minutes but no new task in 10). Updates every {POLL_MS / 1000} seconds
        {poll.loadedAt ? `; last update ${new Date(poll.loadedAt).toLocaleTimeString()}` : ''}.
      </p>
      {poll.error && (
        <p role="alert" class="form-error">
          Could not refresh: {poll.error}
        </p>
      )}
      <p role="status" class="ins-status">
        {status}
      </p>
      {rows.length === 0 ? (
        <p>
          No learners yet. They join on their Labs page with the code <code>{cls.joinCode}</code>.
        </p>
      ) : (
        <>
          <Controls {...view} set={(patch) => setView((v) => ({ ...v, ...patch }))} />
          {shown.length === 0 ? (
            <p>No learner matches the filter.</p>
          ) : (
            <MatrixTable
              classId={classId}
              className={cls.name}
              labs={m.labs}
              rows={shown}
              now={now}
              removing={removing}
              onRemove={remove}
            />
          )}
        </>
      )}
    </>
  )
}
