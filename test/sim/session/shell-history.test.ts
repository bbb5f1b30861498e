import { describe, expect, it } from 'vitest'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from '../shell/fixture'

/** A terminal typed into line by line, as the platform drives it (with the lab's recent lines). */
function terminal() {
  let s = scenario(7)
  let session: ShellSession | null = null
  let now = T0 + 130_000
  const recent: string[] = []
  return (line: string) => {
    now += 2000
    const r = runInTerminal(s, session, line, { now, history: [...recent] })
    recent.push(line)
    s = r.state
    session = r.session
    return r.output.map((o) => o.text).join('')
  }
}

describe('history inside a pod shell', () => {
  it("bash lists this shell's own lines, numbered from 1, the history line last", () => {
    const type = terminal()
    type('kubectl get pods')
    type('kubectl exec -it access-pod -- bash')
    type('cd /tmp')
    type('')
    type('echo hi')
    // bash 5.2: `%5d  %s`, builtins/history.def; empty lines are not kept
    expect(type('history')).toBe('    1  cd /tmp\n    2  echo hi\n    3  history\n')
    expect(type('history 2')).toBe('    3  history\n    4  history 2\n')
    expect(type('history abc')).toBe('bash: history: abc: numeric argument required\n')
    expect(type('echo $?')).toBe('1\n')
    expect(type('history | tail -1')).toBe('    7  history | tail -1\n')
    expect(type('type history')).toBe('history is a shell builtin\n')
  })

  it('busybox ash numbers from 0, ignores arguments and drops a repeated line', () => {
    const type = terminal()
    type('kubectl exec -it bb -- sh')
    type('cd /etc')
    type('cd /etc')
    // busybox libbb/lineedit.c: show_history prints `%4d %s`; remember_in_history skips dupes
    expect(type('history -c')).toBe('   0 cd /etc\n   1 history -c\n')
  })

  it('a new shell starts with an empty history; dash has no history builtin', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    type('echo one')
    type('exit')
    type('kubectl exec -it access-pod -- bash')
    expect(type('history')).toBe('    1  history\n')
    type('exit')
    type('kubectl exec -it deploy/nginx-deployment-3 -- sh')
    expect(type('history')).toBe('sh: 1: history: not found\n')
  })
})

describe('history on the workstation', () => {
  const s = scenario(7)
  const sh = (line: string) => run(s, line, { now: T0 + 60_000, history: ['kubectl get pods'] })

  it('is a bash builtin there too; `sh -c` (dash) and `bash -c` (not interactive) keep none', () => {
    expect(sh('history').stdout).toBe('    1  kubectl get pods\n    2  history\n')
    expect(sh('type history').stdout).toBe('history is a shell builtin\n')
    expect(sh("sh -c 'history'").stderr).toBe('sh: 1: history: not found\n')
    expect(sh("bash -c 'history'").stdout).toBe('')
  })
})
