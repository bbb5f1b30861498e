// The Instructions panel: the lab's Markdown, its tasks, and what was learned once all are done.

import { useEffect, useRef } from 'preact/hooks'
import type { Lab, LabTask } from '../types'
import { codeBlockRenderer, type CodeActions } from './code-block'
import { Markdown } from './markdown'
import { TaskList } from './tasks'

interface Props {
  lab: Lab
  tasks: LabTask[]
  fresh: Set<string>
  actions: CodeActions
}

/** Drops a first Markdown heading that only repeats a title the page already shows. */
export function withoutLeadingHeading(md: string, title: RegExp): string {
  const m = /^\s*#{1,6}\s+(.*?)\s*#*\s*(\n|$)/.exec(md)
  return m && title.test((m[1] ?? '').trim()) ? md.slice(m[0].length) : md
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function Instructions({ lab, tasks, fresh, actions }: Props) {
  const allDone = tasks.length > 0 && tasks.every((t) => t.done)
  const code = codeBlockRenderer(actions)
  const explanation = useRef<HTMLElement>(null)
  const wasDone = useRef<boolean | undefined>(undefined)
  // When the last task turns green, bring what was learned into view (not on a later visit).
  useEffect(() => {
    if (wasDone.current === false && allDone)
      explanation.current?.scrollIntoView({ block: 'nearest' })
    if (tasks.length) wasDone.current = allDone
  }, [allDone, tasks.length])
  return (
    <section class="panel panel-instructions" role="region" aria-labelledby="instructions-title">
      <h2 id="instructions-title">Instructions</h2>
      <div class="panel-body">
        {lab.summary && <p class="lead">{lab.summary}</p>}
        <TaskList tasks={tasks} fresh={fresh} />
        {allDone && lab.explanation && (
          <section class="explanation" aria-labelledby="explanation-title" ref={explanation}>
            <h3 id="explanation-title">
              <span aria-hidden="true">✓ </span>What you learned
            </h3>
            <div class="markdown">
              <Markdown
                text={withoutLeadingHeading(lab.explanation, /^what you learned$/i)}
                code={code}
              />
            </div>
          </section>
        )}
        <div class="markdown">
          <Markdown
            text={withoutLeadingHeading(
              lab.instructions,
              new RegExp(`^${escape(lab.title)}$`, 'i'),
            )}
            code={code}
          />
        </div>
      </div>
    </section>
  )
}
