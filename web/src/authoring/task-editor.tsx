// One task of the lab being written: id, title, hints, and its check (YAML) with snippets.
import type { TaskForm } from './lab-doc'
import { CHECK_SNIPPETS } from './snippets'

interface Props {
  index: number
  task: TaskForm
  onChange: (t: TaskForm) => void
  onRemove: () => void
}

export function TaskEditor({ index, task, onChange, onRemove }: Props) {
  const n = index + 1
  const id = (what: string) => `task-${index}-${what}`
  const set = (patch: Partial<TaskForm>) => onChange({ ...task, ...patch })
  const insert = (e: Event) => {
    const select = e.currentTarget as HTMLSelectElement
    const snippet = CHECK_SNIPPETS[Number(select.value)]
    if (snippet)
      set({
        check: task.check.trim()
          ? `${task.check.trimEnd()}\n# ${snippet.label}:\n${snippet.yaml}`
          : snippet.yaml,
      })
    select.value = ''
  }
  return (
    <li class="auth-task">
      <fieldset>
        <legend>Task {n}</legend>
        <label for={id('id')}>Task {n} id</label>
        <input id={id('id')} value={task.id} onInput={(e) => set({ id: e.currentTarget.value })} />
        <label for={id('title')}>Task {n} title</label>
        <input
          id={id('title')}
          value={task.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
        />
        <label for={id('hints')}>Task {n} hints (one per line)</label>
        <textarea
          id={id('hints')}
          rows={3}
          value={task.hints}
          onInput={(e) => set({ hints: e.currentTarget.value })}
        />
        <label for={id('snippet')}>Insert a check snippet into task {n}</label>
        <select id={id('snippet')} onChange={insert}>
          <option value="">Choose a kind of check…</option>
          {CHECK_SNIPPETS.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
        <label for={id('check')}>Task {n} check (YAML)</label>
        <textarea
          id={id('check')}
          class="auth-code"
          rows={6}
          spellcheck={false}
          value={task.check}
          onInput={(e) => set({ check: e.currentTarget.value })}
        />
        <button type="button" onClick={onRemove}>
          Remove task {n}
        </button>
      </fieldset>
    </li>
  )
}
