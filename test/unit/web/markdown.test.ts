import { describe, expect, it } from 'vitest'
import type { VNode } from 'preact'
import { parseBlocks, renderInline, safeHref } from '../../../web/src/lab/markdown'
import { commandOf } from '../../../web/src/lab/code-block'

describe('parseBlocks', () => {
  it('splits headings, paragraphs, lists and fenced code', () => {
    const md =
      '# Title\n\nSome *text*\nmore.\n\n- one\n- two\n\n```yaml\nkind: Pod\n```\n\n1. first\n2. second'
    expect(parseBlocks(md)).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'para', text: 'Some *text* more.' },
      { type: 'list', ordered: false, items: ['one', 'two'] },
      { type: 'code', lang: 'yaml', code: 'kind: Pod' },
      { type: 'list', ordered: true, items: ['first', 'second'] },
    ])
  })

  it('keeps raw HTML as paragraph text', () => {
    expect(parseBlocks('<script>alert(1)</script>')).toEqual([
      { type: 'para', text: '<script>alert(1)</script>' },
    ])
  })
})

describe('renderInline', () => {
  const vnodes = (text: string) =>
    renderInline(text).filter((n): n is VNode => typeof n === 'object' && n !== null)

  it('renders code, bold, italics and http links as elements', () => {
    const nodes = vnodes(
      'run `kubectl get pods`, **bold**, *it* and [docs](https://kubernetes.io/docs/)',
    )
    expect(nodes.map((n) => n.type)).toEqual(['code', 'strong', 'em', 'a'])
    expect((nodes[3]?.props as { href?: string }).href).toBe('https://kubernetes.io/docs/')
  })

  it('leaves javascript: and data: links as plain text', () => {
    expect(renderInline('[x](javascript:alert(1))').every((n) => typeof n === 'string')).toBe(true)
    expect(safeHref('data:text/html,hi')).toBeUndefined()
    expect(safeHref('//evil.example')).toBeUndefined()
    expect(safeHref('/labs/dns')).toBe('/labs/dns')
  })
})

describe('commandOf', () => {
  it('drops prompts and skips console output and comments', () => {
    expect(commandOf('sh', 'kubectl get pods')).toBe('kubectl get pods')
    expect(commandOf('console', '$ kubectl get svc')).toBe('kubectl get svc')
    expect(commandOf('console', 'NAME   READY')).toBeUndefined()
    expect(commandOf('bash', '# a comment')).toBeUndefined()
  })
})

describe('Markdown written by instructors (authored labs)', () => {
  const vnodes = (text: string) =>
    renderInline(text).filter((n): n is VNode => typeof n === 'object' && n !== null)
  const texts = (text: string) => renderInline(text).filter((n) => typeof n === 'string').join('')

  it('keeps tags and event handlers as text, never elements', () => {
    const md = '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> <script>alert(1)</script>'
    expect(parseBlocks(md)).toEqual([{ type: 'para', text: md }])
    expect(vnodes(md)).toEqual([])
  })

  it('shows an image as its alt text and never loads it', () => {
    const nodes = renderInline('see ![the map](https://evil.example/track.png) here')
    expect(nodes.every((n) => typeof n === 'string')).toBe(true)
    expect(texts('see ![the map](https://evil.example/track.png) here')).toBe('see [image: the map] here')
  })

  it('gives every link rel="noopener noreferrer"; only http(s) leaves the site, in a new tab', () => {
    const [ext, local] = vnodes('[a](https://kubernetes.io/) [b](/labs/dns)')
    expect(ext?.props).toMatchObject({ href: 'https://kubernetes.io/', rel: 'noopener noreferrer', target: '_blank' })
    expect(local?.props).toMatchObject({ href: '/labs/dns', rel: 'noopener noreferrer' })
    expect((local?.props as { target?: string }).target).toBeUndefined()
  })

  it('refuses links that look local but leave the site, and other schemes', () => {
    for (const url of ['/\\evil.example', '//evil.example', 'JavaScript:alert(1)', 'vbscript:x', 'data:text/html,x', ' javascript:x'])
      expect(safeHref(url), url).toBeUndefined()
    expect(vnodes('[x](/\\evil.example)')).toEqual([])
  })
})
