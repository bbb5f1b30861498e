// kubectl's JSONPath template grammar (client-go util/jsonpath/parser.go): text with `{...}`
// actions holding fields, [i:j:k] slices, [*], unions, [?(@.x=="y")] filters, .. recursion,
// quoted text and the range/end identifiers. Error texts are client-go's.

import type { JpList } from './jsonpath-ast'
import { isAlphaNumeric, isTerminator, sliceParams, unicodeName, unquote } from './jsonpath-text'

class JpParser {
  private pos = 0
  private start = 0
  readonly root: JpList = { t: 'list', nodes: [] }
  constructor(private input: string) {}

  parseText(): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.nodes.push({ t: 'text', text: this.consume() })
        this.pos += 1
        this.consume()
        const action: JpList = { t: 'list', nodes: [] }
        this.root.nodes.push(action)
        this.inside(action)
        return
      }
      if (this.pos >= this.input.length) break
      this.pos++
    }
    if (this.pos > this.start) this.root.nodes.push({ t: 'text', text: this.consume() })
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private inside(cur: JpList): void {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consume()
        this.parseText()
        return
      }
      if (rest.startsWith('[?(')) {
        this.filter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        if (cur.nodes[cur.nodes.length - 1]?.t === 'recursive')
          throw new Error('invalid multiple recursive descent')
        this.pos += 2
        this.consume()
        cur.nodes.push({ t: 'recursive' })
        if (isAlphaNumeric(this.input[this.pos])) this.field(cur)
        continue
      }
      this.step(cur)
    }
  }

  private step(cur: JpList): void {
    const r = this.input[this.pos]
    if (r === undefined || r === '\r' || r === '\n') throw new Error('unclosed action')
    this.pos++
    if (r === ' ' || r === '@' || r === '$') this.consume()
    else if (r === '[') this.array(cur)
    else if (r === '"' || r === "'") this.quote(cur, r)
    else if (r === '.') this.field(cur)
    else if (r === '+' || r === '-' || /\d/.test(r)) {
      this.pos--
      this.number(cur)
    } else if (isAlphaNumeric(r)) {
      this.pos--
      this.identifier(cur)
    } else throw new Error(`unrecognized character in action: ${unicodeName(r)}`)
  }

  private identifier(cur: JpList): void {
    while (!isTerminator(this.input[this.pos])) this.pos++
    const v = this.consume()
    cur.nodes.push(
      v === 'true' || v === 'false'
        ? { t: 'bool', value: v === 'true' }
        : { t: 'identifier', name: v },
    )
  }

  private number(cur: JpList): void {
    if (this.input[this.pos] === '+' || this.input[this.pos] === '-') this.pos++
    while (/[\d.]/.test(this.input[this.pos] ?? '')) this.pos++
    const v = this.consume()
    if (/^[+-]?\d+$/.test(v)) cur.nodes.push({ t: 'int', value: Number(v) })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.nodes.push({ t: 'float', value: Number(v) })
    else throw new Error(`cannot parse number ${v}`)
  }

  private field(cur: JpList): void {
    this.consume()
    for (;;) {
      const r = this.input[this.pos]
      if (r === '\\') this.pos += 2
      else if (isTerminator(r)) break
      else this.pos++
    }
    const v = this.consume()
    cur.nodes.push(v === '*' ? { t: 'wildcard' } : { t: 'field', name: v.replaceAll('\\', '') })
  }

  private quote(cur: JpList, end: string): void {
    for (;;) {
      const r = this.input[this.pos++]
      if (r === undefined || r === '\n') throw new Error('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const raw = this.consume()
    cur.nodes.push({ t: 'text', text: unquote(raw) })
  }

  private array(cur: JpList): void {
    for (;;) {
      const r = this.input[this.pos++]
      if (r === undefined || r === '\n') throw new Error('unterminated array')
      if (r === ']') break
    }
    let text = this.consume().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({ t: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) })
      return
    }
    const dict = /^'([^']*)'$/.exec(text)
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes)
      return
    }
    cur.nodes.push({ t: 'array', params: sliceParams(text) })
  }

  private filter(cur: JpList): void {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.input[this.pos++]
      if (r === undefined || r === '\n') throw new Error('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) break
    }
    if (this.input[this.pos++] !== ']') throw new Error('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text)
    if (!m)
      cur.nodes.push({
        t: 'filter',
        left: parseAction(text),
        right: { t: 'list', nodes: [] },
        op: 'exists',
      })
    else
      cur.nodes.push({
        t: 'filter',
        left: parseAction(m[1] ?? ''),
        right: parseAction(m[3] ?? ''),
        op: m[2] ?? '',
      })
  }
}

/** Parses `{text}` and returns its action list (client-go parseAction). */
function parseAction(text: string): JpList {
  const p = new JpParser(`{${text}}`)
  p.parseText()
  const first = p.root.nodes[0]
  return first?.t === 'list' ? first : { t: 'list', nodes: [] }
}

/** Parses a whole template; throws with client-go's message on bad syntax. */
export function parseJsonPath(template: string): JpList {
  const p = new JpParser(template)
  p.parseText()
  return p.root
}
