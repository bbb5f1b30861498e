// Translates the `yaml` package's parse errors into the go-yaml v2 messages kubectl prints
// (sigs.k8s.io/yaml goyaml.v2 decode.go `fail`, scannerc.go, parserc.go). Heuristic: it covers the
// mistakes people make in manifests (tabs, `a: b: c`, bad indentation, missing colon, open quotes
// and brackets), not every corner of the YAML grammar.

import type { YAMLError } from 'yaml'
import { goYamlFirstError, type GoYamlError } from './go-yaml-scan'
import { flowError } from './yaml-flow-errors'

interface Located {
  code: string
  message: string
  /** 1-based line of the error start and end within the document */
  line: number
  endLine: number
  /** offset of the error start */
  start: number
}

/** `yaml: line N: <problem>` for a document; scanner errors count from 1, parser errors from 0. */
export function goYamlMessage(errors: YAMLError[], doc: string): string {
  const exact = goYamlFirstError(doc)
  if (exact && exact !== 'unsupported') return formatGoYamlError(exact)
  const lines = doc.split('\n')
  const located = errors.map((e) => locate(e, doc))
  const first = located[0]
  if (!first) return 'yaml: unknown problem parsing YAML content'
  const { problem, line, scanner } = classify(first, located, lines, doc)
  const n = scanner ? (line - 1 === 0 ? 0 : line) : line
  return `yaml: ${n > 0 ? `line ${n}: ` : ''}${problem}`
}

/** decode.go fail(): parser marks are 0-based, scanner ones 1-based; line 0 falls back to the context. */
export function formatGoYamlError(e: GoYamlError): string {
  const line = e.problemLine !== 0 ? e.problemLine + (e.scanner ? 1 : 0) : e.contextLine
  return `yaml: ${line !== 0 ? `line ${line}: ` : ''}${e.problem}`
}

function locate(e: YAMLError, doc: string): Located {
  const [start, end] = e.pos
  return {
    code: e.code,
    message: e.message,
    line: lineAt(doc, start),
    endLine: lineAt(doc, end),
    start,
  }
}

function lineAt(doc: string, pos: number): number {
  let n = 1
  for (let i = 0; i < pos && i < doc.length; i++) if (doc[i] === '\n') n++
  return n
}

interface Classified {
  problem: string
  /** for scanner errors the 1-based line; for parser errors go-yaml's 0-based mark line */
  line: number
  scanner: boolean
}

const NO_TOKEN = 'found character that cannot start any token'
const MAPPING_VALUES = 'mapping values are not allowed in this context'

function classify(e: Located, all: Located[], lines: string[], doc: string): Classified {
  const text = (n: number) => lines[n - 1] ?? ''
  const indent = (n: number) => /^ */.exec(text(n))?.[0].length ?? 0
  const flow = flowError(doc)
  if (flow && flow.open < e.start) return flow
  if (e.code === 'TAB_AS_INDENT' || e.code === 'BAD_SCALAR_START')
    return { problem: NO_TOKEN, line: e.line, scanner: true }
  if (e.code === 'MISSING_CHAR' && /closing .?quote/.test(e.message))
    return { problem: 'found unexpected end of stream', line: newlines(doc) + 1, scanner: true }
  if (e.code === 'BAD_INDENT' && e.message.startsWith('Flow sequence'))
    return {
      problem: "did not find expected ',' or ']'",
      line: newlines(doc),
      scanner: false,
    }
  if (e.code === 'BAD_INDENT' && e.message.startsWith('Flow map'))
    return {
      problem: "did not find expected ',' or '}'",
      line: newlines(doc),
      scanner: false,
    }
  const entryAfterKey = all.find((x) => /:\s+-(\s|$)/.test(text(x.line)))
  if (entryAfterKey)
    return {
      problem: 'block sequence entries are not allowed in this context',
      line: entryAfterKey.line,
      scanner: true,
    }
  if (/^\s*- /.test(text(e.line)) || /^\s*-$/.test(text(e.line)))
    return { problem: 'did not find expected key', line: e.line - 1, scanner: false }
  const multi = all.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY' && x.endLine > x.line)
  if (multi) {
    const end = multi.endLine
    if (indent(end) <= indent(multi.line))
      return { problem: "could not find expected ':'", line: end, scanner: true }
    return { problem: MAPPING_VALUES, line: end, scanner: true }
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')
    return { problem: MAPPING_VALUES, line: e.line, scanner: true }
  if (e.code === 'BAD_INDENT' || e.code === 'MISSING_CHAR') {
    const prev = previousContentLine(lines, e.line)
    const seqHere = prev > 0 && isSequenceAt(lines, prev, indent(e.line))
    const problem = seqHere ? "did not find expected '-' indicator" : 'did not find expected key'
    return { problem, line: e.line - 1, scanner: false }
  }
  return { problem: 'did not find expected key', line: Math.max(0, e.line - 1), scanner: false }
}

function newlines(doc: string): number {
  return doc.split('\n').length - 1
}

function previousContentLine(lines: string[], line: number): number {
  for (let n = line - 1; n >= 1; n--) {
    const t = lines[n - 1] ?? ''
    if (t.trim() !== '' && !t.trim().startsWith('#')) return n
  }
  return 0
}

/** Is there a block sequence whose `-` sits at `col`, above `line`, that is not indentless? */
function isSequenceAt(lines: string[], line: number, col: number): boolean {
  for (let n = line; n >= 1; n--) {
    const t = lines[n - 1] ?? ''
    if (t.trim() === '' || t.trim().startsWith('#')) continue
    const ind = /^ */.exec(t)?.[0].length ?? 0
    if (ind < col) return false
    if (ind === col && /^\s*-(\s|$)/.test(t)) {
      const parent = parentIndent(lines, n, col)
      return parent < col
    }
  }
  return false
}

function parentIndent(lines: string[], line: number, col: number): number {
  for (let n = line - 1; n >= 1; n--) {
    const t = lines[n - 1] ?? ''
    if (t.trim() === '' || t.trim().startsWith('#')) continue
    const ind = /^ */.exec(t)?.[0].length ?? 0
    if (ind < col || (ind === col && !/^\s*-/.test(t))) return ind
  }
  return -1
}
