// The progress matrix: one row per learner, one column per lab, with text for every state.

import { ConfirmButton } from '../components/confirm-button'
import type { Cell, Row } from './matrix-model'
import { ACTIVE_WINDOW_MS, relativeTime } from './stuck'
import type { LabColumn } from './types'

interface Props {
  classId: string
  className: string
  labs: LabColumn[]
  rows: Row[]
  now: number
  removing: string
  onRemove: (row: Row) => void
  /** the learner a password reset code is being made for */
  resetting: string
  onResetCode: (row: Row) => void
}

function When({ ms, now }: { ms: number | null; now: number }) {
  if (!ms) return <span class="muted">never</span>
  return (
    <time dateTime={new Date(ms).toISOString()} title={new Date(ms).toLocaleString()}>
      {relativeTime(ms, now)}
    </time>
  )
}

function Status({ row, now }: { row: Row; now: number }) {
  if (row.stuck) return <strong class="ins-stuck-text">Stuck</strong>
  if (row.lastActivityAt && now - row.lastActivityAt <= ACTIVE_WINDOW_MS) return <span>Active</span>
  return <span class="muted">Not active</span>
}

function CellView(p: { cell: Cell; lab: LabColumn; row: Row; classId: string }) {
  const { cell, lab, row } = p
  const href = `/instructor/classes/${encodeURIComponent(p.classId)}/learners/${encodeURIComponent(row.id)}/labs/${encodeURIComponent(lab.id)}`
  const cls = ['ins-cell', cell.completed && 'ins-cell-done', cell.stuck && 'ins-cell-stuck']
  if (!cell.started)
    return (
      <td class="ins-cell ins-cell-none">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">not started</span>
      </td>
    )
  return (
    <td class={cls.filter(Boolean).join(' ')}>
      <a href={href}>
        {cell.done} / {cell.total}
        <span class="visually-hidden">
          {' '}
          tasks: {row.name} in {lab.title}
        </span>
      </a>
      {cell.completed && (
        <span class="ins-badge ins-badge-done">
          <span aria-hidden="true">✓ </span>Completed
        </span>
      )}
      {cell.stuck && (
        <span class="ins-badge ins-badge-stuck">
          <span aria-hidden="true">⚠ </span>Stuck
        </span>
      )}
    </td>
  )
}

export function MatrixTable(p: Props) {
  return (
    <div class="ins-table-wrap" tabIndex={0} role="region" aria-label="Progress matrix">
      <table class="ins-matrix">
        <caption>
          Tasks done per lab for {p.rows.length} learner{p.rows.length === 1 ? '' : 's'} of{' '}
          {p.className}. Select a cell to see that learner's commands.
        </caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            {p.labs.map((l) => (
              <th scope="col" key={l.id}>
                {l.title}
              </th>
            ))}
            <th scope="col">Last active</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.id} class={r.stuck ? 'ins-row-stuck' : undefined}>
              <th scope="row">
                {r.name}
                <span class="ins-email">{r.email}</span>
              </th>
              {r.cells.map((c, i) => (
                <CellView key={c.labId} cell={c} lab={p.labs[i]!} row={r} classId={p.classId} />
              ))}
              <td>
                <When ms={r.lastActivityAt} now={p.now} />
              </td>
              <td>
                <Status row={r} now={p.now} />
              </td>
              <td>
                <div class="ins-row-actions">
                  <ConfirmButton
                    label="Reset password"
                    detail={r.name}
                    title={`A password reset code for ${r.name}`}
                    confirmLabel="Make a code"
                    busy={p.resetting === r.id}
                    onConfirm={() => p.onResetCode(r)}
                  >
                    <p>
                      The code lets {r.name} ({r.email}) set a new password under Log in → Forgot
                      your password?, once, within a day. Give it to them yourself; any earlier code
                      stops working. Their labs and progress are kept.
                    </p>
                  </ConfirmButton>
                  <ConfirmButton
                    label="Remove"
                    detail={r.name}
                    title={`Remove ${r.name} from ${p.className}?`}
                    confirmLabel="Remove"
                    danger
                    busy={p.removing === r.id}
                    onConfirm={() => p.onRemove(r)}
                  >
                    <p>
                      {r.name} ({r.email}) leaves the class and disappears from this table. Their
                      own labs and progress are kept; they can join again with the join code.
                    </p>
                  </ConfirmButton>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
