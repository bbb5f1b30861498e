// Up/Down recall and Ctrl+R reverse-i-search over the command history, as bash shows them.

export class HistoryCursor {
  private index = 0
  private draft = ''

  constructor(private items: string[] = []) {
    this.index = items.length
  }

  /** Replaces the list (e.g. when the server's history arrives) and forgets any walk in progress. */
  reset(items: string[]): void {
    this.items = items
    this.index = items.length
  }

  /** One step older (-1) or newer (+1); undefined at either end. */
  step(dir: -1 | 1, current: string): string | undefined {
    const next = this.index + dir
    if (next < 0 || next > this.items.length) return undefined
    if (this.index === this.items.length) this.draft = current
    this.index = next
    return next === this.items.length ? this.draft : (this.items[next] ?? '')
  }

  /**
   * The newest entry older than `before` that contains `query`, searching back from there;
   * `before` = the list length searches everything.
   */
  search(query: string, before: number): { index: number; text: string } | undefined {
    for (let i = Math.min(before, this.items.length) - 1; i >= 0; i--) {
      const text = this.items[i] ?? ''
      if (text.includes(query)) return { index: i, text }
    }
    return undefined
  }

  get length(): number {
    return this.items.length
  }
}

export interface SearchState {
  query: string
  /** index of the current match in the history, or the history length when none yet */
  at: number
  match: string
  failed: boolean
  /** the line as it was before Ctrl+R, restored by Ctrl+G */
  original: string
}

/** What bash prints instead of the prompt while searching. */
export function searchPrompt(s: SearchState): string {
  return `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `
}

/** Applies a typed query to the search: same match if it still fits, else an older one. */
export function refine(
  h: HistoryCursor,
  s: SearchState,
  query: string,
  older: boolean,
): SearchState {
  const from = older ? s.at : s.at + 1
  const hit = query ? h.search(query, s.failed && !older ? h.length : from) : undefined
  if (hit) return { ...s, query, at: hit.index, match: hit.text, failed: false }
  return { ...s, query, failed: query !== '' }
}
