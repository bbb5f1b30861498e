// The Instructions panel: the lab's Markdown, its tasks, and what was learned once all are done.

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

export function Instructions({ lab, tasks, fresh, actions }: Props) {
  const allDone = tasks.length > 0 && tasks.every((t) => t.done)
  const code = codeBlockRenderer(actions)
  return (
    <section class="panel panel-instructions" role="region" aria-labelledby="instructions-title">
      <h2 id="instructions-title">Instructions</h2>
      <div class="panel-body">
        {lab.summary && <p class="lead">{lab.summary}</p>}
        <TaskList tasks={tasks} fresh={fresh} />
        <div class="markdown">
          <Markdown text={lab.instructions} code={code} />
        </div>
        {allDone && lab.explanation && (
          <section class="explanation" aria-labelledby="explanation-title">
            <h3 id="explanation-title">
              <span aria-hidden="true">✓ </span>What you learned
            </h3>
            <div class="markdown">
              <Markdown text={lab.explanation} code={code} />
            </div>
          </section>
        )}
      </div>
    </section>
  )
}
