// go-yaml v2's block parser states (parserc.go parse_block_sequence_entry,
// parse_indentless_sequence_entry, parse_block_mapping_key/value, parse_node) over the emulated
// scanner's tokens: what raises "did not find expected key" and its siblings, at which mark.

import { Stop, type Mark, type Scanner } from './go-yaml-scan'

function parserError(problem: string, at: Mark, context?: Mark): never {
  throw new Stop({
    scanner: false,
    problem,
    problemLine: at.line,
    contextLine: (context ?? at).line,
  })
}

/** The first document's root node, then one more token fetched (as DOCUMENT-END does); where the root ends. */
export function parseDocument(sc: Scanner): number {
  if (sc.peek().t === 'STREAM_START') sc.next()
  if (sc.peek().t === 'STREAM_END') return sc.s.length
  parseNode(sc, true, false)
  const next = sc.peek()
  return next.t === 'STREAM_END' ? sc.s.length : next.start.index
}

function parseNode(sc: Scanner, block: boolean, indentless: boolean) {
  const t = sc.peek()
  if (indentless && t.t === 'ENTRY') return parseIndentlessSeq(sc)
  if (t.t === 'SCALAR') return sc.next()
  if (block && t.t === 'BSS') return parseBlockSeq(sc)
  if (block && t.t === 'BMS') return parseBlockMap(sc)
  parserError('did not find expected node content', t.start)
}

function parseBlockSeq(sc: Scanner) {
  const start = sc.peek().start
  sc.next()
  for (;;) {
    const t = sc.peek()
    if (t.t === 'ENTRY') {
      sc.next()
      const n = sc.peek().t
      if (n !== 'ENTRY' && n !== 'END') parseNode(sc, true, false)
    } else if (t.t === 'END') return sc.next()
    else parserError("did not find expected '-' indicator", t.start, start)
  }
}

function parseIndentlessSeq(sc: Scanner) {
  while (sc.peek().t === 'ENTRY') {
    sc.next()
    const n = sc.peek().t
    if (n !== 'ENTRY' && n !== 'KEY' && n !== 'VALUE' && n !== 'END') parseNode(sc, true, false)
  }
}

function parseBlockMap(sc: Scanner) {
  const start = sc.peek().start
  sc.next()
  for (;;) {
    const t = sc.peek()
    if (t.t === 'END') return sc.next()
    if (t.t !== 'KEY') parserError('did not find expected key', t.start, start)
    sc.next()
    let n = sc.peek().t
    if (n !== 'KEY' && n !== 'VALUE' && n !== 'END') parseNode(sc, true, true)
    if (sc.peek().t !== 'VALUE') continue
    sc.next()
    n = sc.peek().t
    if (n !== 'KEY' && n !== 'VALUE' && n !== 'END') parseNode(sc, true, true)
  }
}
