// The lab's task list: read-only checkboxes that turn green as the grader marks them done.

import { useState } from 'preact/hooks'
import type { LabTask } from '../types'

function Hints({ task }: { task: LabTask }) {
  const hints = task.hints ?? []
  const [shown, setShown] = useState(0)
  if (!hints.length) return null
  const id = `hints-${task.id}`
  return (
    <div class="hints">
      {shown > 0 && (
        <ul id={id} class="hint-list" aria-label={`Hints for ${task.title}`}>
          {hints.slice(0, shown).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ul>
      )}
      {shown < hints.length && (
        <button
          type="button"
          class="small secondary"
          aria-expanded={shown > 0 ? 'true' : 'false'}
          aria-controls={shown > 0 ? id : undefined}
          aria-describedby={`task-title-${task.id}`}
          onClick={() => setShown(shown + 1)}
        >
          {shown === 0 ? 'Hint' : 'Next hint'}
        </button>
      )}
    </div>
  )
}

export function TaskList({ tasks, fresh }: { tasks: LabTask[]; fresh: Set<string> }) {
  if (!tasks.length) {
    return <p class="muted">This lab has no tasks: the cluster is yours to explore.</p>
  }
  const done = tasks.filter((t) => t.done).length
  return (
    <>
      <h3 id="tasks-title">
        Tasks{' '}
        <span class="muted">
          ({done} of {tasks.length} done)
        </span>
        <progress class="task-progress" value={done} max={tasks.length} aria-hidden="true" />
      </h3>
      {/* a compact checklist that scrolls on its own, so the steps below start near the top */}
      <div class="tasks-scroll" tabIndex={0} role="group" aria-labelledby="tasks-title">
        <ul class="tasks" aria-label="Tasks">
          {tasks.map((t) => (
            <li
              key={t.id}
              class={`task${t.done ? ' task-done' : ''}${fresh.has(t.id) ? ' task-fresh' : ''}`}
            >
              <div class="task-row">
                <span
                  role="checkbox"
                  aria-checked={t.done ? 'true' : 'false'}
                  aria-readonly="true"
                  aria-labelledby={`task-title-${t.id}`}
                  class="task-box"
                >
                  <span aria-hidden="true">{t.done ? '✓' : ''}</span>
                </span>
                <span id={`task-title-${t.id}`} class="task-title">
                  {t.title}
                </span>
                <span class="task-state">{t.done ? 'done' : 'not done'}</span>
              </div>
              {!t.done && <Hints task={t} />}
            </li>
          ))}
        </ul>
      </div>
    </>
  )
}
