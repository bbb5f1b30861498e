// CodeMirror 6 for YAML manifests, loaded only on the lab page. Built from the core packages
// (view, state); colouring, undo and Enter-indent are small local versions (size budget).

import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state'
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view'
import { yamlHighlight } from './yaml-highlight'

export interface EditorHandle {
  getText: () => string
  setText: (text: string) => void
  markLine: (line: number) => void
  clearMarks: () => void
  focusLine: (line: number) => void
  focus: () => void
  destroy: () => void
}

const setErrorLine = StateEffect.define<number | null>()
const errorLineDeco = Decoration.line({
  class: 'cm-error-line',
  attributes: { 'aria-invalid': 'true' },
})

const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue
      if (e.value === null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none
      return Decoration.set([errorLineDeco.range(tr.state.doc.line(e.value).from)])
    }
    return tr.docChanged ? Decoration.none : deco.map(tr.changes)
  },
  provide: (f) => EditorView.decorations.from(f),
})

function newlineAndIndent(view: EditorView): boolean {
  const { state } = view
  const range = state.selection.main
  const line = state.doc.lineAt(range.from)
  const own = /^\s*/.exec(line.text)?.[0] ?? ''
  const extra = /:\s*$|^\s*-\s*$/.test(line.text.slice(0, range.from - line.from)) ? '  ' : ''
  const indent = own + extra
  view.dispatch({
    changes: { from: range.from, to: range.to, insert: '\n' + indent },
    selection: { anchor: range.from + 1 + indent.length },
    scrollIntoView: true,
    userEvent: 'input',
  })
  return true
}

/** Snapshot undo: enough for short manifests without @codemirror/commands. */
function snapshotHistory(): {
  ext: Extension
  undo: (v: EditorView) => boolean
  redo: (v: EditorView) => boolean
} {
  const past: string[] = []
  const future: string[] = []
  let last = 0
  let restoring = false
  const ext = EditorView.updateListener.of((u) => {
    if (!u.docChanged || restoring) return
    const now = Date.now()
    if (now - last > 600 || !past.length) past.push(u.startState.doc.toString())
    if (past.length > 200) past.shift()
    future.length = 0
    last = now
  })
  const swap = (from: string[], to: string[]) => (v: EditorView) => {
    const text = from.pop()
    if (text === undefined) return true
    to.push(v.state.doc.toString())
    restoring = true
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } })
    restoring = false
    last = 0
    return true
  }
  return { ext, undo: swap(past, future), redo: swap(future, past) }
}

/** Mounts the editor in `parent`; `onChange` gets the text after every edit. */
export function createEditor(
  parent: HTMLElement,
  doc: string,
  onChange: (text: string) => void,
  label = 'Manifest editor',
): EditorHandle {
  const history = snapshotHistory()
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        EditorState.tabSize.of(2),
        yamlHighlight,
        errorLine,
        history.ext,
        keymap.of([
          { key: 'Enter', run: newlineAndIndent },
          { key: 'Mod-z', run: history.undo, preventDefault: true },
          { key: 'Mod-y', run: history.redo, preventDefault: true },
          { key: 'Mod-Shift-z', run: history.redo, preventDefault: true },
        ]),
        EditorView.contentAttributes.of({
          'aria-label': label,
          'aria-multiline': 'true',
          spellcheck: 'false',
          tabindex: '0',
        }),
        EditorView.updateListener.of((u) => u.docChanged && onChange(u.state.doc.toString())),
      ],
    }),
  })
  return {
    getText: () => view.state.doc.toString(),
    setText: (text) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    markLine: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    clearMarks: () => view.dispatch({ effects: setErrorLine.of(null) }),
    focusLine: (line) => {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines))
      view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true })
      view.focus()
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  }
}
