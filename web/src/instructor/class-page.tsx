// One class: its live progress matrix with sort, filter, CSV download, password reset codes and
// removing learners.

import { useMemo, useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import { JoinCode } from './join-code'
import { Controls, type View } from './matrix-controls'
import { filterRows, observe, sortRows, toRows, type Observed, type Row } from './matrix-model'
import { MatrixTable } from './matrix-table'
import type { ClassInfo, ProgressMatrix } from './types'
import { useDocumentTitle } from './use-document-title'
import { usePoll } from './use-poll'

export const POLL_MS = 5_000

interface Loaded {
  classId: string
  cls: ClassInfo
  matrix: ProgressMatrix
  rows: Row[]
  now: number
  loadedAt: number | undefined
  error: string
  onRotated: (c: ClassInfo) => void
  onRemove: (r: Row) => Promise<void>
  onResetCode: (r: Row) => Promise<ResetCode>
}

/** A learner's one-time password reset code (POST .../members/:userId/reset-code). */
interface ResetCode {
  code: string
  expiresAt: string
}

function Header({ cls }: { cls: ClassInfo }) {
  return (
    <>
      <p class="ins-crumbs">
        <a href="/instructor">Instructor dashboard</a>
      </p>
      <h1>{cls.name}</h1>
    </>
  )
}

function Summary({ rows, loadedAt }: { rows: Row[]; loadedAt: number | undefined }) {
  const stuck = rows.filter((r) => r.stuck).length
  return (
    <p class="ins-summary">
      {rows.length} learner{rows.length === 1 ? '' : 's'}, {stuck} stuck (active in the last 30
      minutes but no new task in 10). Updates every {POLL_MS / 1000} seconds
      {loadedAt ? `; last update ${new Date(loadedAt).toLocaleTimeString()}` : ''}.
    </p>
  )
}

function ClassView(p: Loaded) {
  const [view, setView] = useState<View>({ sort: 'name', text: '', onlyStuck: false })
  const [removing, setRemoving] = useState('')
  const [status, setStatus] = useState('')
  const shown = sortRows(filterRows(p.rows, view.text, view.onlyStuck), view.sort)
  const remove = async (r: Row) => {
    setRemoving(r.id)
    try {
      await p.onRemove(r)
      setStatus(`${r.name} was removed from the class.`)
    } catch (e) {
      setStatus(errorText(e))
    } finally {
      setRemoving('')
    }
  }
  const [resetting, setResetting] = useState('')
  const resetCode = async (r: Row) => {
    setResetting(r.id)
    try {
      const made = await p.onResetCode(r)
      const until = new Date(made.expiresAt).toLocaleString()
      setStatus(
        `Reset code for ${r.name}: ${made.code} (works once, until ${until}). Give it to them: they enter it under Log in → Forgot your password?`,
      )
    } catch (e) {
      setStatus(errorText(e))
    } finally {
      setResetting('')
    }
  }
  const apiBase = `/api/classes/${encodeURIComponent(p.classId)}`
  return (
    <>
      <Header cls={p.cls} />
      <JoinCode cls={p.cls} onRotated={p.onRotated} />
      <p class="ins-links">
        <a href={`/instructor/classes/${encodeURIComponent(p.classId)}/insights`}>Insights</a>
        <a href={`${apiBase}/progress.csv`} download>
          Download CSV
        </a>
      </p>
      <h2>Progress</h2>
      <Summary rows={p.rows} loadedAt={p.loadedAt} />
      {p.error && (
        <p role="alert" class="form-error">
          Could not refresh: {p.error}
        </p>
      )}
      <p role="status" class="ins-status">
        {status}
      </p>
      {p.rows.length === 0 && (
        <p>
          No learners yet. They join on their Labs page with the code <code>{p.cls.joinCode}</code>.
        </p>
      )}
      {p.rows.length > 0 && (
        <Controls {...view} set={(patch) => setView((v) => ({ ...v, ...patch }))} />
      )}
      {p.rows.length > 0 && shown.length === 0 && <p>No learner matches the filter.</p>}
      {shown.length > 0 && (
        <MatrixTable
          classId={p.classId}
          className={p.cls.name}
          labs={p.matrix.labs}
          rows={shown}
          now={p.now}
          removing={removing}
          onRemove={remove}
          resetting={resetting}
          onResetCode={resetCode}
        />
      )}
    </>
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
  useTitle('Class progress')
  useDocumentTitle(m && `${m.class.name} · class progress`)
  const [joinCode, setJoinCode] = useState<string | undefined>()
  const now = poll.loadedAt ?? Date.now()
  const rows = useMemo(() => (m ? toRows(m.learners, m.labs, now, observed.current) : []), [m, now])
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
  const onRemove = async (r: Row) => {
    await api('DELETE', `${base}/members/${encodeURIComponent(r.id)}`)
    await poll.reload()
  }
  return (
    <ClassView
      classId={classId}
      cls={{ ...m.class, joinCode: joinCode ?? m.class.joinCode }}
      matrix={m}
      rows={rows}
      now={now}
      loadedAt={poll.loadedAt}
      error={poll.error}
      onRotated={(c) => setJoinCode(c.joinCode)}
      onRemove={onRemove}
      onResetCode={(r) =>
        api<ResetCode>('POST', `${base}/members/${encodeURIComponent(r.id)}/reset-code`, {})
      }
    />
  )
}
