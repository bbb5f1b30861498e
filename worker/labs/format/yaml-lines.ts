// Where a YAML mistake is: kubectl counts a parse error's line within its `---` document, and a lab
// file holds its manifests as block texts, so neither number is the line an instructor's editor
// shows. These turn them into the line of the manifest text, and of the lab file.
import type { Document, LineCounter } from 'yaml'
import { isScalar } from 'yaml'
import { parseYamlDoc } from '../../sim/objects/manifest-parse'

/** The line (1-based) of a manifest text at which kubectl's first parse error is, if it says one. */
export function parseErrorLine(text: string): number | undefined {
  const lines = text.split(/(?<=\n)/)
  let start = 1
  let doc = ''
  const errorLine = (): number | undefined => {
    if (doc.trim() === '') return undefined
    const m = /\byaml: line (\d+):/.exec(parseYamlDoc(doc).error ?? '')
    return m ? start + Number(m[1]) - 1 : undefined
  }
  for (const [i, line] of lines.entries()) {
    // apimachinery's YAMLReader: a line starting with --- ends a document
    if (!line.startsWith('---')) {
      doc += line
      continue
    }
    const found = errorLine()
    if (found) return found
    doc = ''
    start = i + 2
  }
  return errorLine()
}

function keysOf(path: string): (string | number)[] {
  return [...path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  )
}

/**
 * The line of the lab file a problem is at: the value its JSON path names (or the nearest one above
 * it the file has), or within a manifest written as a block (`- |`), the manifest's own line.
 */
export function fileLine(
  doc: Document,
  counter: LineCounter,
  path: string,
  lineInValue?: number,
): number | undefined {
  const keys = keysOf(path)
  for (let n = keys.length; n > 0; n--) {
    const node: unknown = doc.getIn(keys.slice(0, n), true)
    const range = (node as { range?: [number, number, number] } | undefined)?.range
    if (!range) continue
    const line = counter.linePos(range[0]).line
    const block =
      n === keys.length &&
      isScalar(node) &&
      (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')
    return block && lineInValue !== undefined ? line + lineInValue : line
  }
  return undefined
}
