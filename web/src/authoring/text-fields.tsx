// The lab's text: title, summary, time, instructions with a live preview, and the explanation.
import { Markdown } from '../lab/markdown'
import type { LabForm } from './lab-doc'

interface Props {
  form: LabForm
  set: (patch: Partial<LabForm>) => void
}

export function TextFields({ form, set }: Props) {
  return (
    <section aria-labelledby="text-title">
      <h2 id="text-title">Text</h2>
      <label for="lab-title">Title</label>
      <input
        id="lab-title"
        value={form.title}
        onInput={(e) => set({ title: e.currentTarget.value })}
      />
      <label for="lab-summary">Summary</label>
      <input
        id="lab-summary"
        value={form.summary}
        onInput={(e) => set({ summary: e.currentTarget.value })}
      />
      <label for="lab-minutes">Estimated minutes</label>
      <input
        id="lab-minutes"
        type="number"
        min={1}
        max={240}
        value={form.estimatedMinutes}
        onInput={(e) => set({ estimatedMinutes: e.currentTarget.value })}
      />
      <div class="auth-md">
        <div>
          <label for="lab-instructions">Instructions (Markdown)</label>
          <textarea
            id="lab-instructions"
            class="auth-code"
            rows={18}
            value={form.instructions}
            onInput={(e) => set({ instructions: e.currentTarget.value })}
          />
        </div>
        <section class="auth-preview" aria-label="Instructions preview" tabIndex={0}>
          <Markdown text={form.instructions} />
        </section>
      </div>
      <label for="lab-explanation">Explanation, shown when every task is done (Markdown)</label>
      <textarea
        id="lab-explanation"
        class="auth-code"
        rows={6}
        value={form.explanation}
        onInput={(e) => set({ explanation: e.currentTarget.value })}
      />
    </section>
  )
}
