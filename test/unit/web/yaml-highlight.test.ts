import { describe, expect, it } from 'vitest'
import { yamlTokens } from '../../../web/src/lab/yaml-highlight'
import { ndjsonLines } from '../../../web/src/terminal/ndjson'
import { bufferLines } from '../../../web/src/terminal/mirror'

describe('yaml colouring', () => {
  it('colours keys, strings, numbers, booleans, comments and list dashes', () => {
    const text = [
      '# a comment',
      'apiVersion: v1',
      'metadata:',
      '  name: "web"',
      '  labels: {app: web}',
      'spec:',
      '  replicas: 2',
      '  ports:',
      '  - port: 80 # http',
      '    enabled: true',
      '---',
    ].join('\n')
    expect(yamlTokens(text)).toEqual([
      ['comment', '# a comment'],
      ['key', 'apiVersion'],
      ['key', 'metadata'],
      ['key', 'name'],
      ['string', '"web"'],
      ['key', 'labels'],
      ['key', 'app'],
      ['key', 'spec'],
      ['key', 'replicas'],
      ['number', '2'],
      ['key', 'ports'],
      ['punctuation', '  -'],
      ['key', 'port'],
      ['number', '80'],
      ['comment', '# http'],
      ['key', 'enabled'],
      ['bool', 'true'],
      ['punctuation', '---'],
    ])
  })

  it('leaves a # inside a value alone and an image tag uncoloured as a key', () => {
    expect(yamlTokens('image: nginx:1.27')).toEqual([['key', 'image']])
    expect(yamlTokens('url: http://x/#frag')).toEqual([['key', 'url']])
  })
})

describe('ndjsonLines', () => {
  it('keeps a half-received line for the next chunk', () => {
    const a = ndjsonLines('', '{"type":"start"}\n{"type":"out')
    expect(a).toEqual({ lines: ['{"type":"start"}'], rest: '{"type":"out' })
    expect(ndjsonLines(a.rest, 'put"}\n\n')).toEqual({ lines: ['{"type":"output"}'], rest: '' })
  })
})

describe('terminal mirror', () => {
  it('joins rows the terminal wrapped and drops trailing blank rows', () => {
    const rows = [
      { isWrapped: false, text: '$ kubectl get pods -o wide' },
      { isWrapped: false, text: 'NAME   READY   STATUS   NOMI' },
      { isWrapped: true, text: 'NATED NODE' },
      { isWrapped: false, text: '$ ' },
      { isWrapped: false, text: '' },
    ]
    const buffer = {
      length: rows.length,
      getLine: (y: number) => {
        const r = rows[y]
        return r && { isWrapped: r.isWrapped, translateToString: () => r.text }
      },
    }
    expect(bufferLines(buffer)).toEqual([
      '$ kubectl get pods -o wide',
      'NAME   READY   STATUS   NOMINATED NODE',
      '$ ',
    ])
  })
})
