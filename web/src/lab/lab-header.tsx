// The lab's title bar: back to the labs, progress in words, and Reset cluster.

import type { LabTask } from '../types'
import { ResetButton } from './reset-dialog'

interface Props {
  title: string
  tasks: LabTask[]
  busy: boolean
  /** a short line about the last page action (Reset cluster), shown beside the title */
  notice?: string
  onReset: () => void
}

export function LabHeader({ title, tasks, busy, notice, onReset }: Props) {
  const done = tasks.filter((t) => t.done).length
  return (
    <header class="lab-header">
      <a href="/labs" class="back-link">
        <span aria-hidden="true">← </span>Back to labs
      </a>
      <h1>{title}</h1>
      {notice && <p class="lab-notice">{notice}</p>}
      {tasks.length > 0 && (
        <p class="lab-progress">
          {done} of {tasks.length} tasks
          {done === tasks.length && <span class="badge badge-done">Completed</span>}
        </p>
      )}
      <ResetButton busy={busy} onConfirm={onReset} />
    </header>
  )
}
