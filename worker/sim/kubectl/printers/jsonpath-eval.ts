// Executing a parsed JSONPath template over decoded JSON the way client-go's util/jsonpath does:
// each top-level node yields a result list, {range}...{end} repeats its body per value, missing
// keys are skipped when allowed, and errors carry client-go's texts.

import { goV, sortedKeys } from './go-format'
import type { JpList, JpNode, Param } from './jsonpath-ast'

type Value = unknown

export class JsonPathRun {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: JpNode | undefined

  constructor(private allowMissingKeys: boolean) {}

  /** FindResults: one list of values per top-level node, range bodies expanded. */
  findResults(data: Value, nodes: JpNode[]): Value[][] {
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JpNode
      const results = this.walk([data], node)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = node
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        const rest = nodes.slice(i + 1)
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, rest))
        else this.findResults(undefined, rest)
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: JpNode): Value[] {
    switch (node.t) {
      case 'list':
        return node.nodes.reduce<Value[]>((cur, n) => this.walk(cur, n), input)
      case 'text':
        return [node.text]
      case 'field':
        return this.field(input, node.name)
      case 'array':
        return arraySlice(input, node.params)
      case 'filter':
        return this.filter(input, node)
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap(children)
      case 'recursive':
        return recursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, l))
      case 'identifier':
        return this.identifier(input, node.name)
    }
  }

  private identifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new Error('not in range, nothing to end')
    }
    throw new Error(`unrecognized identifier ${name}`)
  }

  private field(input: Value[], name: string): Value[] {
    if (input.length === 0) return []
    const out: Value[] = []
    for (const v of input) {
      if (v === null || v === undefined) continue
      if (
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.prototype.hasOwnProperty.call(v, name)
      ) {
        out.push((v as Record<string, Value>)[name])
      }
    }
    if (out.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`)
    return out
  }

  private filter(input: Value[], node: Extract<JpNode, { t: 'filter' }>): Value[] {
    const out: Value[] = []
    for (const v of input) {
      if (!Array.isArray(v))
        throw new Error(`${goV(v)} is not array or slice and cannot be filtered`)
      for (const el of v) {
        const lefts = this.safeWalk([el], node.left, node.op === 'exists')
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(el)
          continue
        }
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new Error('can only compare one element at a time')
        const rights = this.walk([el], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new Error('can only compare one element at a time')
        if (compare(lefts[0], rights[0], node.op)) out.push(el)
      }
    }
    return out
  }

  private safeWalk(input: Value[], list: JpList, swallow: boolean): Value[] {
    try {
      return this.walk(input, list)
    } catch (e) {
      if (swallow) return []
      throw e
    }
  }
}

function children(v: Value): Value[] {
  if (v === null || v === undefined) return []
  if (Array.isArray(v)) return v
  if (typeof v === 'object') {
    const o = v as Record<string, Value>
    return sortedKeys(o).map((k) => o[k])
  }
  if (typeof v === 'string') return [...new TextEncoder().encode(v)]
  return []
}

function recursive(input: Value[]): Value[] {
  const out: Value[] = []
  for (const v of input) {
    const kids = children(v)
    if (kids.length > 0) out.push(v, ...recursive(kids))
  }
  return out
}

function arraySlice(input: Value[], nodeParams: [Param, Param, Param]): Value[] {
  const out: Value[] = []
  for (const v of input) {
    if (v === null || v === undefined) continue
    if (!Array.isArray(v)) throw new Error(`${goType(v)} is not array or slice`)
    const p = nodeParams.map((x) => ({ ...x }))
    const [a, b, c] = p as [Param, Param, Param]
    const len = v.length
    if (!a.known) a.value = 0
    if (a.value < 0) a.value += len
    if (!b.known) b.value = len
    if (b.value < 0 || (b.value === 0 && b.derived)) b.value += len
    if (b.value === a.value) return out
    if (a.value >= len || a.value < 0)
      throw new Error(`array index out of bounds: index ${a.value}, length ${len}`)
    if (b.value > len || b.value < 0)
      throw new Error(`array index out of bounds: index ${b.value - 1}, length ${len}`)
    if (a.value > b.value)
      throw new Error(`starting index ${a.value} is greater than ending index ${b.value}`)
    let step = 1
    if (c.known) {
      if (c.value <= 0) throw new Error('step must be > 0')
      step = c.value
    }
    const slice = v.slice(a.value, b.value)
    for (let i = 0; i < slice.length; i += step) out.push(slice[i])
  }
  return out
}

/** reflect.Type names of decoded JSON values, for client-go's error texts. */
export function goType(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (v === null || v === undefined) return 'interface {}'
  if (typeof v === 'object') return 'map[string]interface {}'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return typeof v === 'boolean' ? 'bool' : 'string'
}

/** text/template's eq/ne/lt/le/gt/ge on basic values; mismatched kinds never match. */
function compare(l: Value, r: Value, op: string): boolean {
  if (
    typeof l !== typeof r ||
    (typeof l !== 'number' && typeof l !== 'string' && typeof l !== 'boolean')
  ) {
    if (op === '==' || op === '!=') {
      if (typeof l === typeof r && l === r) return op === '=='
      throw new Error('incompatible types for comparison')
    }
    throw new Error('incompatible types for comparison')
  }
  const a = l as number | string
  const b = r as number | string
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
  }
  throw new Error(`unrecognized filter operator ${op}`)
}
