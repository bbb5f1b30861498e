import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const sh = (line: string) => {
  const r = run(scenario(7), line, { now: T0 + 130_000, history: [] })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('kubectl exec -it: the process gets a terminal', () => {
  it('curl sees a terminal: no progress meter, its error on the pty (kubectl stdout)', () => {
    expect(sh('kubectl exec -it cc -- curl empty-svc')).toEqual({
      stdout:
        'curl: (7) Failed to connect to empty-svc port 80 after 1 ms: Could not connect to server\n',
      stderr: 'command terminated with exit code 7\n',
      exitCode: 7,
    })
  })

  it('-t without -i gets no terminal (SetupTTY), so the output is as without -t', () => {
    const r = sh('kubectl exec -t cc -- curl empty-svc')
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^ {2}% Total/)
  })

  it('apt-get on a terminal finishes its progress lines with "Done"; apt drops its CLI warning', () => {
    const r = sh('kubectl exec -it access-pod -- apt install -y curl')
    expect(r).toEqual({
      stdout:
        'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nE: Unable to locate package curl\n',
      stderr: 'command terminated with exit code 100\n',
      exitCode: 100,
    })
  })

  it('-it with a pipe into kubectl: SetupTTY warns and runs without a terminal', () => {
    expect(sh("echo 'hostname' | kubectl exec -it bb -- sh")).toEqual({
      stdout: 'bb\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    })
  })

  it('a program missing from the image: runc writes to the pty and the exec ends with 126', () => {
    expect(sh('kubectl exec -it cc -- bash')).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n',
      stderr: 'command terminated with exit code 126\n',
      exitCode: 126,
    })
  })
})

describe('kubectl run -i --restart=Never waits for the pod and reports how it ended', () => {
  it('a failing command: its output, the deletion, then "terminated (Error)" and its exit code', () => {
    expect(
      sh('kubectl run t --rm -i --image=busybox:1.36 --restart=Never -- sh -c "exit 3"'),
    ).toEqual({
      stdout: 'pod "t" deleted\n',
      stderr: 'pod default/t terminated (Error)\n',
      exitCode: 3,
    })
  })

  it('a command the image lacks: the pod ends in StartError (128)', () => {
    expect(sh('kubectl run t --rm -it --image=busybox:1.36 --restart=Never -- curl x')).toEqual({
      stdout: 'pod "t" deleted\n',
      stderr:
        'pod default/t terminated (StartError)\nfailed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown\n',
      exitCode: 128,
    })
  })
})
