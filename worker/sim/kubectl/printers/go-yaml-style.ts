// How go-yaml v2 (sigs.k8s.io/yaml goyaml.v2, used by kubectl's YAML printer) decides to write a
// string: plain, 'single', "double" or a | literal block (encode.go stringv, resolve.go resolve,
// emitterc.go yaml_emitter_analyze_scalar / select_scalar_style).

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

const RESOLVE_NON_STR = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
])

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
]

/** resolve("", s) != !!str: a plain scalar would read back as a bool, null, number or time. */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_NON_STR.has(s)) return true
  const c = s[0] ?? ''
  if (c === '.') return s.length > 1 && !Number.isNaN(Number(s)) && /^\.\d/.test(s)
  if (!/[-+0-9]/.test(c)) return false
  if (TIMESTAMP.some((r) => r.test(s))) return true
  const plain = s.replaceAll('_', '')
  if (/^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.test(plain)) return true
  return YAML_FLOAT.test(plain)
}

/** The style encode.go asks for, then the emitter's veto (single when plain is not allowed, ...). */
export function scalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  const canUsePlain = !resolvesToNonString(s) && !(BASE60.test(s) && /^[-+0-9]/.test(s))
  let style: ScalarStyle = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double'
  const a = analyzeScalar(s)
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (s.length === 0 && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

interface Analysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

export function isBreak(ch: string): boolean {
  return ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029'
}

export function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0
  if (c === 0x0a || (c >= 0x20 && c <= 0x7e)) return true
  if (c >= 0xa0 && c <= 0xd7ff) return true
  if (c >= 0xe000 && c <= 0xfffd) return c !== 0xfeff
  return c >= 0x10000
}

function analyzeScalar(s: string): Analysis {
  if (s.length === 0)
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    }
  const chars = [...s]
  let blockIndicators = s.startsWith('---') || s.startsWith('...')
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWs = true
  let prevSpace = false
  let prevBreak = false
  chars.forEach((ch, i) => {
    const next = chars[i + 1]
    const followedByWs = next === undefined || next === ' ' || next === '\t' || isBreak(next)
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWs) blockIndicators = true
    } else if ((ch === ':' && followedByWs) || (ch === '#' && precededByWs)) blockIndicators = true
    if (!isPrintable(ch)) special = true
    if (ch === ' ') {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (prevBreak) breakSpace = true
      prevSpace = true
      prevBreak = false
    } else if (isBreak(ch)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (prevSpace) spaceBreak = true
      prevSpace = false
      prevBreak = true
    } else {
      prevSpace = false
      prevBreak = false
    }
    precededByWs = ch === ' ' || ch === '\t' || isBreak(ch)
  })
  let blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak)
  let single = true
  let block = !trailingSpace
  if (breakSpace) blockPlain = single = false
  if (spaceBreak || special) blockPlain = single = block = false
  if (lineBreaks || blockIndicators) blockPlain = false
  return {
    multiline: lineBreaks,
    blockPlainAllowed: blockPlain,
    singleQuotedAllowed: single,
    blockAllowed: block,
  }
}
