// nginx's host and path matching as ingress-nginx configures it, and rewrite-target (I20, I21, I27).
import { describe, expect, it } from 'vitest'
import { normalizeHost, rewritePath } from '../../../worker/sim/net/ingress-match'
import type { IngressLocation } from '../../../worker/sim/net/ingress-config'
import type { HttpRequest } from '../../../worker/sim/net/types'

const req = (path: string): HttpRequest => ({
  host: '172.18.255.200',
  port: 80,
  method: 'GET',
  path,
  headers: {},
})
const loc = (path: string, rewriteTarget?: string): IngressLocation => ({
  path,
  pathType: 'ImplementationSpecific',
  match: 'regex',
  rewriteTarget,
})

describe('rewrite-target replaces the whole URI (I27)', () => {
  const something = loc('/something(/|$)(.*)', '/$2')
  it.each([
    ['/something', '/'],
    ['/something/', '/'],
    ['/something/new', '/new'],
    ['/something/new?x=1', '/new?x=1'],
    ['/SOMETHING/New', '/New'],
  ])('%s -> %s', (from, to) => {
    expect(rewritePath(something, req(from))).toBe(to)
  })
  it('rewrite-target: / sends /app/hostname as /', () => {
    expect(rewritePath(loc('/app', '/'), req('/app/hostname'))).toBe('/')
  })
  it('leaves the path alone without the annotation', () => {
    expect(rewritePath(loc('/app'), req('/app/hostname'))).toBe('/app/hostname')
  })
})

describe('the Host nginx selects the server by (I20)', () => {
  it.each([
    ['FOO.Example:80', 'foo.example'],
    ['foo.example.', 'foo.example'],
    ['172.18.255.200:31040', '172.18.255.200'],
    ['  Foo.example  ', 'foo.example'],
  ])('%s -> %s', (raw, want) => {
    expect(normalizeHost(raw)).toBe(want)
  })
})
