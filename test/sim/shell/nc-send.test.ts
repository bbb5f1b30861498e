// nc without -z: it sends its stdin; an HTTP request typed into it gets the server's raw answer.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = scenario(7)
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })

describe('nc HOST PORT with a request on stdin', () => {
  it('busybox: an HTTP/1.0 request gets the status line, headers and page, connection closed', () => {
    const r = sh(
      `kubectl exec bb -- sh -c 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc my-blue-service 8080'`,
    )
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/[\d.]+\r\n/)
    expect(r.stdout).toContain('\r\nConnection: close\r\n')
    expect(r.stdout).toMatch(/\r\n\r\n<!DOCTYPE html>/)
    expect(r.trace).toHaveLength(1)
    expect(r.trace[0]?.outcome).toBe('answered')
  })

  it('HEAD answers headers only; -v says the connection opened first', () => {
    const r = sh(
      `kubectl exec bb -- sh -c 'printf "HEAD / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" | nc -v my-blue-service 8080'`,
    )
    expect(r.stdout).toMatch(/\r\n\r\n$/)
    expect(r.stderr).toMatch(/^my-blue-service \(10\.\d+\.\d+\.\d+:8080\) open\n$/)
  })

  it("the connection failing in busybox's words; with nothing to send, nothing printed", () => {
    expect(sh('kubectl exec bb -- nc empty-svc 80').stderr).toMatch(
      /^nc: empty-svc \(10\.\d+\.\d+\.\d+:80\): Connection refused\ncommand terminated with exit code 1\n$/,
    )
    expect(sh('kubectl exec bb -- nc nosuch 80').stderr).toBe(
      "nc: bad address 'nosuch'\ncommand terminated with exit code 1\n",
    )
    const quiet = sh('kubectl exec bb -- nc my-blue-service 8080')
    expect(quiet).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('still a usage error without a port', () => {
    expect(sh('kubectl exec bb -- nc my-blue-service').stderr).toContain(
      'Usage: nc [OPTIONS] HOST PORT',
    )
  })
})
