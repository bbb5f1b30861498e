// cobra's "Did you mean this?": commands within Levenshtein distance 2 of what was typed (case
// insensitive), or starting with it, in registration order (spf13/cobra command.go SuggestionsFor).

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost)
      diag = up
    }
  }
  return prev[b.length] as number
}

/** Suggested command names for a mistyped one, as cobra picks them. */
export function suggestCommands(typed: string, names: string[]): string[] {
  const t = typed.toLowerCase()
  return names.filter((n) => levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t))
}
