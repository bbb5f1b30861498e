// Where the class goes wrong: the misconceptions found in its commands, most learners first.

import { api } from '../api'
import { useTitle } from '../components/use-title'
import type { Misconception, ProgressMatrix } from './types'
import { useDocumentTitle } from './use-document-title'
import { usePoll } from './use-poll'

interface Loaded {
  name: string
  learners: number
  misconceptions: Misconception[]
}

function Item({ m, total }: { m: Misconception; total: number }) {
  return (
    <li class="ins-insight">
      <h2>{m.title}</h2>
      <p class="ins-insight-counts">
        <strong>
          {m.learners} learner{m.learners === 1 ? '' : 's'}
        </strong>
        {total ? ` of ${total}` : ''}, {m.occurrences} time{m.occurrences === 1 ? '' : 's'}
      </p>
      {m.example && (
        <div class="ins-example">
          <p class="ins-out-label">For example:</p>
          <pre tabIndex={0}>
            <code>$ {m.example.command}</code>
          </pre>
          {m.example.output ? (
            <pre class="ins-stderr" tabIndex={0}>
              {m.example.output}
            </pre>
          ) : (
            <p class="muted">The command printed nothing.</p>
          )}
        </div>
      )}
    </li>
  )
}

export function InsightsPage({ classId }: { classId: string }) {
  const base = `/api/classes/${encodeURIComponent(classId)}`
  const poll = usePoll<Loaded>(
    async () => {
      const [m, i] = await Promise.all([
        api<ProgressMatrix>('GET', `${base}/progress`),
        api<{ misconceptions: Misconception[] }>('GET', `${base}/insights`),
      ])
      return { name: m.class.name, learners: m.learners.length, misconceptions: i.misconceptions }
    },
    30_000,
    classId,
  )
  const d = poll.data
  useTitle('Insights')
  useDocumentTitle(d && `Insights · ${d.name}`)
  const list = d
    ? [...d.misconceptions].sort((a, b) => b.learners - a.learners || b.occurrences - a.occurrences)
    : []
  return (
    <>
      <p class="ins-crumbs">
        <a href="/instructor">Instructor dashboard</a> <span aria-hidden="true">›</span>{' '}
        <a href={`/instructor/classes/${encodeURIComponent(classId)}`}>{d?.name ?? 'Class'}</a>
      </p>
      <h1>{d ? `Insights: ${d.name}` : 'Insights'}</h1>
      <p>
        The misunderstandings about Services that your learners' commands reveal, the one that
        affects most learners first.
      </p>
      {poll.error && (
        <p role="alert" class="form-error">
          {poll.error}
        </p>
      )}
      {!d && !poll.error && <p class="loading">Loading the insights…</p>}
      {d && list.length === 0 && <p>No misconception has shown up in this class yet.</p>}
      {list.length > 0 && (
        <ol class="ins-insights" aria-label="Misconceptions, largest first">
          {list.map((m) => (
            <Item key={m.id} m={m} total={d?.learners ?? 0} />
          ))}
        </ol>
      )}
    </>
  )
}
