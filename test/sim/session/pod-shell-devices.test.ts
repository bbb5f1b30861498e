// The endless devices and `yes` inside a pod's interactive shell, as a learner types them there.

import { describe, expect, it } from 'vitest'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import { scenario, T0 } from '../shell/fixture'

function terminal() {
  let s = scenario(7)
  let session: ShellSession | null = null
  let now = T0 + 130_000
  return (line: string) => {
    now += 2000
    const r = runInTerminal(s, session, line, { now, columns: 80 })
    s = r.state
    session = r.session
    const text = (stream: string) =>
      r.output
        .filter((o) => o.stream === stream)
        .map((o) => o.text)
        .join('')
    return { out: text('stdout'), err: text('stderr'), exitCode: r.exitCode, prompt: r.prompt }
  }
}

describe('devices in a pod shell', () => {
  it('busybox: yes | head, /dev/urandom into a file kept for the next line', () => {
    const type = terminal()
    type('kubectl exec -it bb -- sh')
    expect(type('yes hello | head -2').out).toBe('hello\nhello\n')
    type('head -c 32 /dev/urandom > /tmp/key')
    expect(type('wc -c < /tmp/key').out).toBe('32\n')
    expect(type('ls -l /dev/zero').out).toBe(
      'crw-rw-rw-    1 root     root        1,   5 Nov 26 06:00 /dev/zero\n',
    )
  })

  it('yes alone stops at the output limit and the shell is still there', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    const r = type('yes')
    expect(r.out.length).toBe(256 * 1024)
    expect(r.err).toMatch(/^service-lab: output limit \(256 KB\) reached/)
    expect(r.prompt).toMatch(/^root@access-pod:\/# $/)
    expect(type('echo still here').out).toBe('still here\n')
  })
})
