// A tiny, safe Markdown renderer: text becomes Preact nodes, never an HTML string.
// Supports headings, paragraphs, lists, fenced code, inline code, bold, italics and http(s) links.
// Lab text may come from instructors (authored labs), so nothing in it is ever HTML: tags and
// attributes stay text, images are shown as their alt text (never loaded), and links carry
// rel="noopener noreferrer".

import type { ComponentChildren, VNode } from 'preact'

export interface CodeBlockRenderer {
  (lang: string, code: string, key: number): VNode
}

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'para'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; lang: string; code: string }
  | { type: 'quote'; text: string }
  | { type: 'rule' }

const LIST_ITEM = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/

/** Splits Markdown into blocks; anything it does not know stays a paragraph of plain text. */
export function parseBlocks(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line)
    if (fence) {
      const marker = fence[1] ?? '```'
      const code: string[] = []
      i++
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker))
        code.push(lines[i++] ?? '')
      i++
      blocks.push({ type: 'code', lang: (fence[2] ?? '').toLowerCase(), code: code.join('\n') })
      continue
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      blocks.push({ type: 'heading', level: (heading[1] ?? '#').length, text: heading[2] ?? '' })
      i++
      continue
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ type: 'rule' })
      i++
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item) {
      const ordered = /\d/.test(item[1] ?? '')
      const items: string[] = []
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i] ?? '')
        if (m) items.push(m[2] ?? '')
        else if (/^\s{2,}\S/.test(lines[i] ?? '') && items.length)
          items[items.length - 1] += ' ' + (lines[i] ?? '').trim()
        else break
        i++
      }
      blocks.push({ type: 'list', ordered, items })
      continue
    }
    if (/^\s*>/.test(line)) {
      const quote: string[] = []
      while (i < lines.length && /^\s*>/.test(lines[i] ?? ''))
        quote.push((lines[i++] ?? '').replace(/^\s*>\s?/, ''))
      blocks.push({ type: 'quote', text: quote.join(' ') })
      continue
    }
    if (!line.trim()) {
      i++
      continue
    }
    const para: string[] = []
    while (i < lines.length && (lines[i] ?? '').trim() && !startsBlock(lines[i] ?? ''))
      para.push((lines[i++] ?? '').trim())
    blocks.push({ type: 'para', text: para.join(' ') })
  }
  return blocks
}

function startsBlock(line: string): boolean {
  return /^\s{0,3}(#{1,6}\s|`{3,}|~{3,}|>)/.test(line) || LIST_ITEM.test(line)
}

const INLINE =
  /(`+)([\s\S]*?)\1|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b|(!?)\[([^\]]+)\]\(([^)\s]+)\)/g

/** Only absolute http(s) links and same-site paths; anything else (javascript:, data:) is plain text. */
export function safeHref(url: string): string | undefined {
  if (/^https?:\/\//i.test(url)) return url
  // a same-site path; `//host` and `/\host` would leave the site
  if (/^\/(?![/\\])/.test(url)) return url
  return undefined
}

/** Renders inline Markdown (code, bold, italics, links) as Preact children. */
export function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = []
  let last = 0
  let key = 0
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index))
    last = m.index + m[0].length
    if (m[1]) out.push(<code key={key++}>{(m[2] ?? '').trim()}</code>)
    else if (m[3] ?? m[4]) out.push(<strong key={key++}>{renderInline(m[3] ?? m[4] ?? '')}</strong>)
    else if (m[5] ?? m[6]) out.push(<em key={key++}>{renderInline(m[5] ?? m[6] ?? '')}</em>)
    else if (m[7]) out.push(`[image: ${m[8] ?? ''}]`)
    else {
      const href = safeHref(m[9] ?? '')
      const external = href !== undefined && !href.startsWith('/')
      out.push(
        href ? (
          <a key={key++} href={href} rel="noopener noreferrer" {...(external ? { target: '_blank' } : {})}>
            {renderInline(m[8] ?? '')}
          </a>
        ) : (
          m[0]
        ),
      )
    }
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}

function Heading({ level, children }: { level: number; children: ComponentChildren }) {
  // The lab page owns h1 (the lab's title) and h2 (panel titles), so Markdown headings start at h3.
  const l = Math.min(6, level + 2)
  if (l === 3) return <h3>{children}</h3>
  if (l === 4) return <h4>{children}</h4>
  if (l === 5) return <h5>{children}</h5>
  return <h6>{children}</h6>
}

/** Markdown text to Preact nodes; fenced code goes through `code` so the page can add buttons. */
export function Markdown({ text, code }: { text: string; code?: CodeBlockRenderer }) {
  const blocks = parseBlocks(text)
  return (
    <>
      {blocks.map((b, k) => {
        if (b.type === 'heading')
          return (
            <Heading key={k} level={b.level}>
              {renderInline(b.text)}
            </Heading>
          )
        if (b.type === 'para') return <p key={k}>{renderInline(b.text)}</p>
        if (b.type === 'quote') return <blockquote key={k}>{renderInline(b.text)}</blockquote>
        if (b.type === 'rule') return <hr key={k} />
        if (b.type === 'code') {
          return code ? (
            code(b.lang, b.code, k)
          ) : (
            <pre key={k}>
              <code>{b.code}</code>
            </pre>
          )
        }
        const items = b.items.map((t, j) => <li key={j}>{renderInline(t)}</li>)
        return b.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>
      })}
    </>
  )
}
