// Job control at the terminal's prompt: `cmd &` gives the prompt back at once, `jobs` lists what
// runs, `kill %N` ends it, and before the next prompt the shell says what ended, as bash (Debian,
// Ubuntu) and busybox ash print it. Lines are typed one after another in one tab, each streaming
// as the web terminal runs it, with the tab's state handed on.
import { describe, expect, it } from 'vitest'
import { advanceStream, interruptStream, startStream } from '../../../worker/sim/stream'
import type { ShellSession } from '../../../worker/sim/session'
import type { WorkstationShellState } from '../../../worker/sim/session/types'
import { scenario, T0 } from './fixture'

/** A tab: each line starts a second after the last one ended; `^C` at the end interrupts it. */
function tab() {
  let s = scenario(7)
  let now = T0 + 130_000
  let workstation: WorkstationShellState | undefined
  let session: ShellSession | null = null
  const history: string[] = []
  return {
    wait: (seconds: number) => (now += seconds * 1000),
    type(typed: string, o: { interruptAfter?: number } = {}) {
      now += 1000
      const started = startStream(s, session, typed, { now, workstation, history })
      history.push(typed)
      let step = started.step
      let text = step.output.map((c) => c.text).join('')
      for (let sec = 1; started.stream && !step.result && sec <= 60; sec++) {
        now += 1000
        step =
          o.interruptAfter === sec
            ? interruptStream(started.stream)
            : advanceStream(started.stream, started.stream.ctx.s, now, false)
        text += step.output.map((c) => c.text).join('')
      }
      const r = step.result
      if (!r) return { text, running: true, exitCode: -1, interrupt: step.interrupt }
      s = r.state
      workstation = r.workstation ?? workstation
      session = r.session
      return {
        text,
        running: false,
        exitCode: r.exitCode,
        stdout: r.stdout,
        stderr: r.stderr,
        interrupt: step.interrupt,
      }
    },
  }
}

describe('job control in bash (the workstation)', () => {
  it('`sleep 100 &` gives the prompt back at once; jobs, kill %1 and the notice', () => {
    const t = tab()
    const first = t.type('sleep 100 &')
    expect(first.running).toBe(false)
    expect(first.text).toMatch(/^\[1\] \d+\n$/)
    const pid1 = first.text.slice(4, -1)
    expect(t.type('echo $!').text).toBe(`${pid1}\n`)
    t.type('sleep 200 &')
    expect(t.type('jobs').text).toBe(
      '[1]-  Running                 sleep 100 &\n[2]+  Running                 sleep 200 &\n',
    )
    expect(t.type('jobs -l').text).toMatch(/^\[1\]- \d+ Running {17}sleep 100 &\n\[2\]\+ \d+ /)
    // kill prints nothing; the shell says the job ended before the prompt after the next line
    expect(t.type('kill %1').text).toBe('')
    expect(t.type('echo x').text).toBe('x\n[1]-  Terminated              sleep 100\n')
    expect(t.type('kill -9 %%').text).toBe('')
    expect(t.type('jobs').text).toBe('[2]+  Killed                  sleep 200\n')
    expect(t.type('jobs').text).toBe('')
  })

  it('jobs started on one line get the next process ids', () => {
    const r = tab().type('true & false & jobs -p')
    const [a, b, listed] = r.text.split('\n')
    expect(Number(b?.split(' ')[1])).toBe(Number(a?.split(' ')[1]) + 1)
    expect(listed).toBe(a?.split(' ')[1])
  })

  it('a job that ends by itself is reported Done (or Exit N) before a later prompt', () => {
    const t = tab()
    t.type('sleep 2 &')
    t.type('false &')
    t.wait(3)
    const r = t.type('true')
    expect(r.stderr).toBe(
      '[1]-  Done                    sleep 2\n[2]+  Exit 1                  false\n',
    )
  })

  it('no such job: kill, fg and wait say so as bash does', () => {
    const t = tab()
    expect(t.type('kill %3')).toMatchObject({
      stderr: 'bash: kill: %3: no such job\n',
      exitCode: 1,
    })
    expect(t.type('fg')).toMatchObject({ stderr: 'bash: fg: current: no such job\n', exitCode: 1 })
    expect(t.type('wait %4')).toMatchObject({
      stderr: 'bash: wait: %4: no such job\n',
      exitCode: 127,
    })
    expect(t.type('kill 99999')).toMatchObject({
      stderr: 'bash: kill: (99999) - No such process\n',
      exitCode: 1,
    })
    expect(t.type('kill').exitCode).toBe(2)
  })

  it('fg on a job that has ended says so, and the shell reports it', () => {
    const t = tab()
    t.type('sleep 1 &')
    t.wait(2)
    expect(t.type('fg')).toMatchObject({
      stderr: 'bash: fg: job has terminated\n[1]+  Done                    sleep 1\n',
      exitCode: 1,
    })
  })

  it('fg holds the line until the job ends; wait too', () => {
    const t = tab()
    t.type('sleep 3 &')
    const fg = t.type('fg')
    expect(fg).toMatchObject({ text: 'sleep 3\n', exitCode: 0 })
    t.type('sleep 2 &')
    const w = t.type('wait')
    expect(w.running).toBe(false)
    expect(w.stderr).toBe('[1]+  Done                    sleep 2\n')
  })

  it('kubectl port-forward ... & keeps forwarding; each connection is announced; kill closes it', () => {
    const t = tab()
    const pf = t.type('kubectl port-forward svc/my-blue-service 8080:8080 &')
    expect(pf.running).toBe(false)
    expect(pf.text).toMatch(
      /^\[1\] \d+\nForwarding from 127\.0\.0\.1:8080 -> 80\nForwarding from \[::1\]:8080 -> 80\n$/,
    )
    const curl = t.type('curl -s localhost:8080 | head -1')
    expect(curl.text).toBe('Handling connection for 8080\n<!DOCTYPE html>\n')
    expect(t.type('jobs').text).toBe(
      '[1]+  Running                 kubectl port-forward svc/my-blue-service 8080:8080 &\n',
    )
    t.type('kill %1')
    expect(t.type('curl -s localhost:8080').exitCode).toBe(7)
  })

  it('fg on a port-forward holds the line until Ctrl+C, which ends the forward', () => {
    const t = tab()
    t.type('kubectl port-forward svc/my-blue-service 8080:8080 &')
    expect(t.type('fg', { interruptAfter: 2 })).toMatchObject({
      text: 'kubectl port-forward svc/my-blue-service 8080:8080\n',
      exitCode: 1,
    })
    expect(t.type('jobs').text).toBe('')
    expect(t.type('curl -s localhost:8080').exitCode).toBe(7)
  })
})

describe('job control in busybox ash (kubectl exec -it bb -- sh)', () => {
  it('`&` prints nothing; jobs lists the newest first; notices use ash wording', () => {
    const t = tab()
    t.type('kubectl exec -it bb -- sh')
    expect(t.type('sleep 100 &').text).toBe('')
    t.type('sleep 200 &')
    expect(t.type('jobs').text).toBe(
      '[2]+  Running                    sleep 200\n[1]-  Running                    sleep 100\n',
    )
    t.type('kill %1')
    expect(t.type('echo x').text).toBe('x\n[1]-  Terminated                 sleep 100\n')
    t.type('false &')
    t.wait(1)
    expect(t.type('true').text).toBe('[3]+  Done(1)                    false\n')
    expect(t.type('fg %7').stderr).toBe('sh: fg: %7: no such job\n')
    expect(t.type('kill').stderr).toBe('sh: you need to specify whom to kill\n')
  })
})
