// The first error go-yaml v2 (the parser inside kubectl, sigs.k8s.io/yaml goyaml.v2) finds in a
// document, found the way it finds it: its block-context scanner (indent stack, simple keys, lazy
// token fetching) and parser states, re-implemented for the block subset. Flow collections,
// anchors, tags, block scalars and `?` keys are not modelled: those answer 'unsupported'.

import { parseDocument } from './go-yaml-parse'

export interface GoYamlError {
  scanner: boolean
  problem: string
  problemLine: number
  contextLine: number
}

type T =
  'BSS' | 'BMS' | 'END' | 'ENTRY' | 'KEY' | 'VALUE' | 'SCALAR' | 'STREAM_END' | 'STREAM_START'
export interface Mark {
  index: number
  line: number
  column: number
}
interface Token {
  t: T
  start: Mark
}
interface SimpleKey {
  possible: boolean
  required: boolean
  tokenNumber: number
  mark: Mark
}

export class Stop {
  constructor(readonly error: GoYamlError | 'unsupported') {}
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t'
const isBreak = (c: string | undefined) => c === '\n' || c === '\r'
const isBlankz = (c: string | undefined) => c === undefined || isBlank(c) || isBreak(c)

/** The error go-yaml reports for this document, undefined when it parses, or 'unsupported'. */
export function goYamlFirstError(doc: string): GoYamlError | 'unsupported' | undefined {
  const r = goYamlParse(doc)
  return typeof r === 'number' ? undefined : r
}

/**
 * go-yaml's verdict on a document: its first error, or where its root node ends. yaml.Unmarshal
 * reads one node and stops, so text after a root that began indented (` a: 1\nb: 2`) is ignored.
 */
export function goYamlParse(doc: string): GoYamlError | 'unsupported' | number {
  const sc = new Scanner(doc)
  try {
    return parseDocument(sc)
  } catch (e) {
    // anything but a modelled stop is a gap in the model: let the full parser decide
    return e instanceof Stop ? e.error : 'unsupported'
  }
}

export class Scanner {
  pos = 0
  line = 0
  col = 0
  tokens: Token[] = []
  head = 0
  parsed = 0
  indent = -1
  indents: number[] = []
  allowed = true
  key: SimpleKey = { possible: false, required: false, tokenNumber: 0, mark: this.mark() }
  started = false
  ended = false

  constructor(readonly s: string) {}

  mark(): Mark {
    return { index: this.pos, line: this.line, column: this.col }
  }
  ch(o = 0): string | undefined {
    return this.s[this.pos + o]
  }
  skip() {
    this.pos++
    this.col++
  }
  skipLine() {
    this.pos += this.ch() === '\r' && this.ch(1) === '\n' ? 2 : 1
    this.col = 0
    this.line++
  }
  scannerError(problem: string, context?: Mark): never {
    const contextLine = (context ?? this.mark()).line
    throw new Stop({ scanner: true, problem, problemLine: this.line, contextLine })
  }
  insert(t: Token, at = -1) {
    if (at < 0) this.tokens.push(t)
    else this.tokens.splice(this.head + at, 0, t)
  }

  peek(): Token {
    this.fetchMore()
    return this.tokens[this.head] as Token
  }
  next() {
    this.head++
    this.parsed++
  }

  fetchMore() {
    for (;;) {
      if (this.head !== this.tokens.length) {
        if (!this.key.possible || this.key.tokenNumber !== this.parsed) break
        if (!this.keyValid()) break
      }
      if (this.ended) return
      this.fetchNext()
    }
  }

  keyValid(): boolean {
    if (!this.key.possible) return false
    if (this.key.mark.line < this.line || this.key.mark.index + 1024 < this.pos) {
      if (this.key.required) this.scannerError("could not find expected ':'", this.key.mark)
      this.key.possible = false
      return false
    }
    return true
  }

  saveKey() {
    if (!this.allowed) return
    const key = {
      possible: true,
      required: this.indent === this.col,
      tokenNumber: this.parsed + (this.tokens.length - this.head),
      mark: this.mark(),
    }
    this.removeKey()
    this.key = key
  }

  removeKey() {
    if (this.key.possible && this.key.required)
      this.scannerError("could not find expected ':'", this.key.mark)
    this.key.possible = false
  }

  roll(column: number, number: number, t: T, mark: Mark) {
    if (this.indent >= column) return
    this.indents.push(this.indent)
    this.indent = column
    this.insert({ t, start: mark }, number > -1 ? number - this.parsed : -1)
  }

  unroll(column: number) {
    while (this.indent > column) {
      this.insert({ t: 'END', start: this.mark() })
      this.indent = this.indents.pop() ?? -1
    }
  }

  fetchNext() {
    if (!this.started) {
      this.started = true
      this.insert({ t: 'STREAM_START', start: this.mark() })
      return
    }
    this.toNextToken()
    this.unroll(this.col)
    const c = this.ch()
    if (c === undefined) return this.streamEnd()
    if (
      this.col === 0 &&
      (c === '%' || this.s.startsWith('---', this.pos) || this.s.startsWith('...', this.pos))
    )
      throw new Stop('unsupported')
    if ('[]{},&*!|>?'.includes(c) && !(c === '?' && !isBlankz(this.ch(1))))
      throw new Stop('unsupported')
    if (c === '-' && isBlankz(this.ch(1))) return this.blockEntry()
    if (c === ':' && isBlankz(this.ch(1))) return this.value()
    if (c === "'" || c === '"') return this.quoted(c)
    const plain =
      !(isBlankz(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) ||
      (c === '-' && !isBlank(this.ch(1))) ||
      ((c === '?' || c === ':') && !isBlankz(this.ch(1)))
    if (plain) return this.plain()
    this.scannerError('found character that cannot start any token')
  }

  toNextToken() {
    for (;;) {
      while (this.ch() === ' ' || (!this.allowed && this.ch() === '\t')) this.skip()
      if (this.ch() === '#') while (this.ch() !== undefined && !isBreak(this.ch())) this.skip()
      if (!isBreak(this.ch())) return
      this.skipLine()
      this.allowed = true
    }
  }

  streamEnd() {
    if (this.col !== 0) {
      this.col = 0
      this.line++
    }
    this.unroll(-1)
    this.removeKey()
    this.allowed = false
    this.ended = true
    this.insert({ t: 'STREAM_END', start: this.mark() })
  }

  blockEntry() {
    if (!this.allowed) this.scannerError('block sequence entries are not allowed in this context')
    this.roll(this.col, -1, 'BSS', this.mark())
    this.removeKey()
    this.allowed = true
    const start = this.mark()
    this.skip()
    this.insert({ t: 'ENTRY', start })
  }

  value() {
    if (this.keyValid()) {
      this.insert({ t: 'KEY', start: this.key.mark }, this.key.tokenNumber - this.parsed)
      this.roll(this.key.mark.column, this.key.tokenNumber, 'BMS', this.key.mark)
      this.key.possible = false
      this.allowed = false
    } else {
      if (!this.allowed) this.scannerError('mapping values are not allowed in this context')
      this.roll(this.col, -1, 'BMS', this.mark())
      this.allowed = true
    }
    const start = this.mark()
    this.skip()
    this.insert({ t: 'VALUE', start })
  }

  quoted(q: string) {
    this.saveKey()
    this.allowed = false
    const start = this.mark()
    this.skip()
    for (;;) {
      const c = this.ch()
      if (
        this.col === 0 &&
        (this.s.startsWith('---', this.pos) || this.s.startsWith('...', this.pos)) &&
        isBlankz(this.ch(3))
      )
        this.scannerError('found unexpected document indicator', start)
      if (c === undefined) this.scannerError('found unexpected end of stream', start)
      if (q === "'" && c === "'" && this.ch(1) === "'") this.skip()
      else if (c === q) break
      else if (q === '"' && c === '\\') {
        this.skip()
        if (isBreak(this.ch())) this.skipLine()
        else this.skip()
        continue
      }
      if (isBreak(c)) this.skipLine()
      else this.skip()
    }
    this.skip()
    this.insert({ t: 'SCALAR', start })
  }

  plain() {
    this.saveKey()
    this.allowed = false
    const start = this.mark()
    const indent = this.indent + 1
    let leadingBlanks = false
    for (;;) {
      if (
        this.col === 0 &&
        (this.s.startsWith('---', this.pos) || this.s.startsWith('...', this.pos)) &&
        isBlankz(this.ch(3))
      )
        break
      if (this.ch() === '#') break
      while (!isBlankz(this.ch()) && !(this.ch() === ':' && isBlankz(this.ch(1)))) {
        leadingBlanks = false
        this.skip()
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.col < indent && this.ch() === '\t')
            this.scannerError('found a tab character that violates indentation', start)
          this.skip()
        } else {
          this.skipLine()
          leadingBlanks = true
        }
      }
      if (this.col < indent) break
    }
    this.insert({ t: 'SCALAR', start })
    if (leadingBlanks) this.allowed = true
  }
}
