// A learner in a lab: their commands with outputs and task completions, replayable step by step.

import { useState } from 'preact/hooks'
import { api } from '../api'
import { useTitle } from '../components/use-title'
import { HistoryEntryView } from './history-entry'
import type { HistoryEntry, ProgressMatrix } from './types'
import { useDocumentTitle } from './use-document-title'
import { usePoll } from './use-poll'

interface Props {
  classId: string
  userId: string
  labId: string
}

interface Loaded {
  matrix: ProgressMatrix
  history: HistoryEntry[]
}

function Replay(p: { history: HistoryEntry[]; taskTitle: (id: string) => string }) {
  const n = p.history.length
  const [pos, setPos] = useState(0)
  const [all, setAll] = useState(false)
  const at = Math.min(pos, n - 1)
  const entry = p.history[at]
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Commands</h2>
      <div class="ins-replay" role="group" aria-label="Replay">
        <button type="button" disabled={all || at <= 0} onClick={() => setPos(at - 1)}>
          Previous
        </button>
        <button type="button" disabled={all || at >= n - 1} onClick={() => setPos(at + 1)}>
          Next
        </button>
        <span class="ins-position" aria-live="polite">
          {all ? `All ${n} commands` : `Step ${at + 1} of ${n}`}
        </span>
        <button type="button" aria-pressed={all ? 'true' : 'false'} onClick={() => setAll(!all)}>
          Show all
        </button>
      </div>
      {all ? (
        <ol class="ins-timeline">
          {p.history.map((h, i) => (
            <li key={i}>
              <HistoryEntryView entry={h} index={i} taskTitle={p.taskTitle} />
            </li>
          ))}
        </ol>
      ) : (
        entry && <HistoryEntryView entry={entry} index={at} taskTitle={p.taskTitle} />
      )}
    </section>
  )
}

export function TimelinePage({ classId, userId, labId }: Props) {
  const base = `/api/classes/${encodeURIComponent(classId)}`
  const poll = usePoll<Loaded>(
    async () => {
      const [matrix, h] = await Promise.all([
        api<ProgressMatrix>('GET', `${base}/progress`),
        api<{ history: HistoryEntry[] }>(
          'GET',
          `${base}/learners/${encodeURIComponent(userId)}/labs/${encodeURIComponent(labId)}/history`,
        ),
      ])
      return { matrix, history: h.history }
    },
    0,
    `${classId}/${userId}/${labId}`,
  )
  const learner = poll.data?.matrix.learners.find((l) => l.id === userId)
  const lab = poll.data?.matrix.labs.find((l) => l.id === labId)
  const title = learner && lab ? `${learner.name} in ${lab.title}` : 'Learner timeline'
  useTitle('Learner timeline')
  useDocumentTitle(learner && lab && title)
  const taskTitle = (id: string) => lab?.tasks.find((t) => t.id === id)?.title ?? id
  const progress = learner?.labs[labId]
  return (
    <>
      <p class="ins-crumbs">
        <a href="/instructor">Instructor dashboard</a> <span aria-hidden="true">›</span>{' '}
        <a href={`/instructor/classes/${encodeURIComponent(classId)}`}>
          {poll.data?.matrix.class.name ?? 'Class'}
        </a>
      </p>
      <h1>{title}</h1>
      {poll.error && (
        <p role="alert" class="form-error">
          {poll.error}
        </p>
      )}
      {!poll.data && !poll.error && <p class="loading">Loading the commands…</p>}
      {poll.data && lab && (
        <p>
          {progress ? progress.tasksDone.length : 0} of {lab.tasks.length} tasks done
          {progress?.completedAt ? ', lab completed' : ''}; {poll.data.history.length} command
          {poll.data.history.length === 1 ? '' : 's'}.{' '}
          <button type="button" class="small" onClick={() => void poll.reload()}>
            Refresh
          </button>
        </p>
      )}
      {poll.data && poll.data.history.length === 0 && <p>No commands in this lab yet.</p>}
      {poll.data && poll.data.history.length > 0 && (
        <Replay history={poll.data.history} taskTitle={taskTitle} />
      )}
    </>
  )
}
