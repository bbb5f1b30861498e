// Sort and filter for the class matrix: a select, a text filter, and 'only stuck'.

import type { SortKey } from './matrix-model'

export interface View {
  sort: SortKey
  text: string
  onlyStuck: boolean
}

export function Controls(p: View & { set: (patch: Partial<View>) => void }) {
  return (
    <div class="ins-controls" role="group" aria-label="Sort and filter learners">
      <div class="field">
        <label for="ins-sort">Sort by</label>
        <select
          id="ins-sort"
          value={p.sort}
          onChange={(e) => p.set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}
        >
          <option value="name">Name</option>
          <option value="progress">Progress (most tasks first)</option>
          <option value="last-active">Last active (most recent first)</option>
        </select>
      </div>
      <div class="field">
        <label for="ins-filter">Filter by name or email</label>
        <input
          id="ins-filter"
          type="search"
          value={p.text}
          onInput={(e) => p.set({ text: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <label class="ins-check">
        <input
          type="checkbox"
          checked={p.onlyStuck}
          onChange={(e) => p.set({ onlyStuck: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Only stuck learners
      </label>
    </div>
  )
}
