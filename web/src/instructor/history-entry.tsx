// One command of a learner's history: what they typed, what came back, and what it completed.

import type { HistoryEntry } from './types'

interface Props {
  entry: HistoryEntry
  index: number
  taskTitle: (id: string) => string
}

export function HistoryEntryView({ entry, index, taskTitle }: Props) {
  const at = new Date(entry.at)
  const ok = entry.exitCode === 0
  return (
    <article class="ins-entry" aria-labelledby={`entry-${index}`}>
      <h3 id={`entry-${index}`} class="ins-entry-title">
        <span class="visually-hidden">Command {index + 1}: </span>
        <code>$ {entry.command}</code>
      </h3>
      <p class="ins-entry-meta">
        <time dateTime={at.toISOString()}>{at.toLocaleString()}</time>
        <span class={ok ? 'ins-exit' : 'ins-exit ins-exit-failed'}>
          exit code {entry.exitCode}
          {ok ? '' : ' (failed)'}
        </span>
      </p>
      {entry.stdin ? (
        <details class="ins-stdin">
          <summary>Input sent to the command (stdin)</summary>
          <pre tabIndex={0}>{entry.stdin}</pre>
        </details>
      ) : null}
      {entry.stdout && (
        <div class="ins-out">
          <p class="ins-out-label">Output (stdout)</p>
          <pre class="ins-stdout" tabIndex={0}>
            {entry.stdout}
          </pre>
        </div>
      )}
      {entry.stderr && (
        <div class="ins-out">
          <p class="ins-out-label ins-err-label">
            <span aria-hidden="true">⚠ </span>Errors (stderr)
          </p>
          <pre class="ins-stderr" tabIndex={0}>
            {entry.stderr}
          </pre>
        </div>
      )}
      {!entry.stdout && !entry.stderr && <p class="muted">No output.</p>}
      {entry.tasksCompleted.length > 0 && (
        <ul class="ins-completed" aria-label="Tasks completed by this command">
          {entry.tasksCompleted.map((id) => (
            <li key={id}>
              <span aria-hidden="true">✓ </span>Completed task: {taskTitle(id)}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
