// curl removes `.` and `..` path segments before it sends the request (RFC 3986 5.2.4, urlapi.c
// dedotdotify) unless --path-as-is: `curl http://<LB>/../etc/passwd` asks for /etc/passwd.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { removeDotSegments } from '../../../worker/sim/shell/tools/curl/url'
import { ingressCluster, LB, NOW } from './fixture'

const curl = (args: string) =>
  run(cloneJSON(ingressCluster()), `curl -sv -H 'Host: blue.example' ${args}`, { now: NOW })

describe('curl and dot segments', () => {
  it('sends the path without them, and the query untouched', () => {
    expect(curl(`http://${LB}/../etc/passwd`).stderr).toContain('> GET /etc/passwd HTTP/1.1\r\n')
    expect(curl(`http://${LB}/a/./b/../index.html?x=/../y`).stderr).toContain(
      '> GET /a/index.html?x=/../y HTTP/1.1\r\n',
    )
  })
  it('--path-as-is sends them as typed', () => {
    expect(curl(`--path-as-is http://${LB}/a/../index.html`).stderr).toContain(
      '> GET /a/../index.html HTTP/1.1\r\n',
    )
  })
  it.each([
    ['/a/b/c/./../../g', '/a/g'],
    ['/a/..', '/'],
    ['/a/b/..', '/a/'],
    ['/..', '/'],
    ['/./a', '/a'],
    ['/a.b/..c/.d', '/a.b/..c/.d'],
  ])('%s -> %s', (from, to) => {
    expect(removeDotSegments(from)).toBe(to)
  })
})
