// YAML colouring for the manifest editor from one regular expression per line. It replaces
// @codemirror/lang-yaml + @lezer/* (about 30 KB gzip) so the lab page, terminal emulator
// included, stays within its 200 KB budget. Simplification: block scalars (`|`, `>`) and
// multi-line flow values are coloured line by line, not as one string.

import {
  Decoration,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view'

const TOKEN =
  /(?<comment>(?:^|(?<=\s))#.*$)|(?<key>[A-Za-z0-9_./-]+(?=:(?:\s|$)))|(?<string>"(?:[^"\\]|\\.)*"|'[^']*')|(?<bool>(?<=^\s*|:\s+|[[{,]\s*|^\s*-\s+)(?:true|false|null)(?=\s*(?:$|#|,|\]|\})))|(?<number>(?<=^\s*|:\s+|[[{,]\s*|^\s*-\s+)-?\d+(?:\.\d+)?(?=\s*(?:$|#|,|\]|\})))|(?<punctuation>^---$|^\s*-(?=\s|$)|\|[-+]?$|>[-+]?$)/gm

const CLASSES: Record<string, string> = {
  comment: 'tok-comment',
  key: 'tok-propertyName',
  string: 'tok-string',
  bool: 'tok-bool',
  number: 'tok-number',
  punctuation: 'tok-punctuation',
}

const marks = Object.fromEntries(
  Object.entries(CLASSES).map(([k, cls]) => [k, Decoration.mark({ class: cls })]),
)

/** The token class of a match: the named group that matched. */
export function tokenOf(m: RegExpExecArray): string | undefined {
  const groups = m.groups ?? {}
  return Object.keys(CLASSES).find((k) => groups[k] !== undefined)
}

const decorator = new MatchDecorator({
  regexp: TOKEN,
  decoration: (m) => {
    const kind = tokenOf(m)
    return kind ? (marks[kind] ?? null) : null
  },
})

export const yamlHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = decorator.createDeco(view)
    }
    update(u: ViewUpdate) {
      this.decorations = decorator.updateDeco(u, this.decorations)
    }
  },
  { decorations: (v) => v.decorations },
)

/** Colours `text` as the editor would: [token, text] pairs, for tests. */
export function yamlTokens(text: string): [string, string][] {
  const out: [string, string][] = []
  for (const m of text.matchAll(TOKEN)) {
    const kind = tokenOf(m)
    if (kind) out.push([kind, m[0]])
  }
  return out
}
