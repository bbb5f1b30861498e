// What a terminal shows when a program writes to both stdout and stderr: the two interleaved in
// the order the program wrote them (curl -v's trace, then the body, then "left intact"; kubectl's
// notices before what they announce), not all of stdout followed by all of stderr.
import { describe, expect, it } from 'vitest'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from '../shell/fixture'

function terminal(state: ClusterState = scenario(7)) {
  let s = state
  let session: ShellSession | null = null
  let now = T0 + 130_000
  return (line: string, wait = 0) => {
    now += 2000 + wait
    const r = runInTerminal(s, session, line, { now })
    s = r.state
    session = r.session
    return { screen: r.output.map((o) => o.text).join(''), ...r }
  }
}

/** Where each marker first shows on the screen, -1 when it does not. */
const positions = (screen: string, ...markers: string[]): number[] =>
  markers.map((m) => screen.indexOf(m))

describe('stdout and stderr in the order they were written', () => {
  it('curl -v at a pod shell prompt: trace, page, then "left intact"; no data note on a tty', () => {
    const type = terminal()
    type('kubectl exec -it cc -- sh')
    const r = type('curl -v my-blue-service:8080')
    expect(r.exitCode).toBe(0)
    const [trying = -1, status = -1, page = -1, intact = -1] = positions(
      r.screen,
      '*   Trying',
      '< HTTP/1.1 200 OK',
      '<html>',
      '* Connection #0 to host my-blue-service left intact',
    )
    expect(trying).toBeGreaterThanOrEqual(0)
    expect(status).toBeGreaterThan(trying)
    expect(page).toBeGreaterThan(status)
    expect(intact).toBeGreaterThan(page)
    // the body is on the terminal itself: curl does not announce it as "[n bytes data]"
    expect(r.screen).not.toContain('bytes data]')
  })

  it('kubectl exec without -t: the exec stream keeps the order; -o file keeps the data note', () => {
    const type = terminal()
    const r = type('kubectl exec cc -- curl -sv my-blue-service:8080')
    const [status = -1, note = -1, page = -1, intact = -1] = positions(
      r.screen,
      '< HTTP/1.1 200 OK',
      'bytes data]',
      '<html>',
      'left intact',
    )
    expect(status).toBeGreaterThanOrEqual(0)
    expect(note).toBeGreaterThan(status)
    expect(page).toBeGreaterThan(note)
    expect(intact).toBeGreaterThan(page)
    expect(
      type('kubectl exec -it cc -- curl -sv -o /dev/null my-blue-service:8080').screen,
    ).toMatch(/\{ \[\d+ bytes data\]\n/)
  })

  it("curl's progress meter: its header before the page, its last line after", () => {
    const type = terminal()
    const r = type('kubectl exec cc -- curl my-blue-service:8080')
    const [header = -1, page = -1, last = -1] = positions(r.screen, '% Total', '<html>', '100 ')
    expect(header).toBeGreaterThanOrEqual(0)
    expect(page).toBeGreaterThan(header)
    expect(last).toBeGreaterThan(page)
  })

  it('kubectl logs deploy/NAME says which pod it picked before the logs', () => {
    const type = terminal()
    // the blue Deployments' selector (color=blue) matches both of them: 2 + 1 pods
    type('kubectl scale deploy/nginx-deployment-3 --replicas=2')
    const r = type('kubectl logs deploy/nginx-deployment-3', 60_000)
    expect(r.exitCode).toBe(0)
    expect(r.output[0]?.stream).toBe('stderr')
    expect(r.output[0]?.text).toMatch(/^Found 3 pods, using pod\/nginx-deployment-/)
    expect(r.output[1]?.stream).toBe('stdout')
    expect(r.output[1]?.text).toContain('/docker-entrypoint.sh')
  })

  it("sh -c 'A; B': what A wrote to stderr shows before what B printed", () => {
    const type = terminal()
    const r = type(`kubectl exec cc -- sh -c 'curl -sS nosuch; echo rc=$?'`)
    expect(r.screen).toBe('curl: (6) Could not resolve host: nosuch\nrc=6\n')
  })

  it('kubectl delete --force: the warning before the deletions, a NotFound after them', () => {
    const type = terminal()
    const r = type('kubectl delete pod bb nosuch cc --grace-period=0 --force')
    expect(r.screen).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'pod "bb" force deleted\npod "cc" force deleted\n' +
        'Error from server (NotFound): pods "nosuch" not found\n',
    )
    expect(r.exitCode).toBe(1)
  })
})
