import { describe, expect, it } from 'vitest'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import type { ClusterState } from '../../../worker/sim/state'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from '../shell/fixture'
import { drive } from '../stream/drive'

/** A terminal typed into line by line, as the platform drives it. */
function terminal(state: ClusterState = scenario(7)) {
  let s = state
  let session: ShellSession | null = null
  let now = T0 + 130_000
  const type = (line: string, opts: { eof?: boolean; columns?: number } = {}) => {
    now += 2000
    const r = runInTerminal(s, session, line, { now, ...opts })
    s = r.state
    session = r.session
    return { out: r.output.map((o) => o.text).join(''), ...r }
  }
  return {
    type,
    get state() {
      return s
    },
    set state(v: ClusterState) {
      s = v
    },
    get session() {
      return session
    },
  }
}

describe('kubectl exec -it into a shell', () => {
  it('ubuntu bash: the prompt becomes root@access-pod:/# and follows cd', () => {
    const t = terminal()
    const open = t.type('kubectl exec -it access-pod -- bash')
    expect(open.out).toBe('')
    expect(open.exitCode).toBe(0)
    expect(open.prompt).toBe('root@access-pod:/# ')
    expect(open.session).toMatchObject({ pod: 'access-pod', container: 'access-pod-container' })
    expect(t.type('cd /tmp').prompt).toBe('root@access-pod:/tmp# ')
    expect(t.type('pwd').out).toBe('/tmp\n')
    expect(t.type('cd').prompt).toBe('root@access-pod:~# ')
    expect(t.type('hostname').out).toBe('access-pod\n')
  })

  it('exported variables, files and $? last from one line to the next', () => {
    const t = terminal()
    t.type('kubectl exec -it access-pod -- bash')
    t.type('export GREETING=hello; X=1')
    expect(t.type('echo $GREETING $X').out).toBe('hello 1\n')
    t.type('echo some text > notes.txt')
    expect(t.type('cat notes.txt').out).toBe('some text\n')
    t.type('false')
    expect(t.type('echo $?').out).toBe('1\n')
    expect(t.type('curl web').out).toBe('bash: curl: command not found\n')
    expect(t.type('echo $TERM').out).toBe('xterm\n')
  })

  it('apt-get install curl inside the shell makes curl available in the next lines', () => {
    const t = terminal()
    t.type('kubectl exec -it access-pod -- bash')
    expect(t.type('apt-get update && apt-get install -y curl').exitCode).toBe(0)
    const r = t.type('curl -s my-blue-service:8080')
    expect(r.exitCode).toBe(0)
    expect(r.trace[0]?.from).toMatchObject({ kind: 'pod', name: 'access-pod' })
  })

  it('exit prints bash\'s "exit"; a non-zero status adds kubectl\'s line and exit code', () => {
    const t = terminal()
    t.type('kubectl exec -it access-pod -- bash')
    const ok = t.type('exit')
    expect(ok.out).toBe('exit\n')
    expect(ok.prompt).toBe('$ ')
    expect(ok.session).toBeNull()
    t.type('kubectl exec -it access-pod -- bash')
    const bad = t.type('exit 3')
    expect(bad.output).toEqual([
      { stream: 'stdout', text: 'exit\n' },
      { stream: 'stderr', text: 'command terminated with exit code 3\n' },
    ])
    expect(bad.exitCode).toBe(3)
  })

  it('Ctrl+D ends bash with the last status; busybox sh prints only a newline', () => {
    const t = terminal()
    t.type('kubectl exec -it access-pod -- bash')
    t.type('ls /nonexistent')
    const r = t.type('', { eof: true })
    expect(r.out).toBe('\nexit\ncommand terminated with exit code 2\n')
    expect(r.exitCode).toBe(2)
    t.type('kubectl exec -it bb -- sh')
    expect(t.type('', { eof: true }).out).toBe('\n')
  })

  it('busybox sh: the prompt is "/ # ", ash messages', () => {
    const t = terminal()
    expect(t.type('kubectl exec -it bb -- sh').prompt).toBe('/ # ')
    expect(t.type('curl x').out).toBe('sh: curl: not found\n')
    expect(t.type('cd /etc').prompt).toBe('/etc # ')
  })

  it('curlimages/curl: curl_user in its home, "~ $ "', () => {
    const t = terminal()
    expect(t.type('kubectl exec -it cc -- sh').prompt).toBe('~ $ ')
    expect(t.type('cd /').prompt).toBe('/ $ ')
  })

  it("bash in an image without bash: containerd's error, exit 1, no shell", () => {
    const t = terminal()
    const r = t.type('kubectl exec -it bb -- bash')
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    )
    expect(r.exitCode).toBe(1)
    expect(r.session).toBeNull()
  })

  it('exec -i without -t: the shell reads lines with no prompt and non-interactive messages', () => {
    const t = terminal()
    const r = t.type('kubectl exec -i access-pod -- bash')
    expect(r.prompt).toBe('')
    expect(t.type('nope').out).toBe('bash: line 1: nope: command not found\n')
    expect(t.type('exit').out).toBe('command terminated with exit code 127\n')
  })

  it('the pod deleted under the shell ends it as kubectl reports it; the line is not run', () => {
    const t = terminal()
    t.type('kubectl exec -it access-pod -- bash')
    t.state = run(t.state, 'kubectl delete pod access-pod --grace-period=0 --force', {
      now: T0 + 140_000,
    }).state
    const r = t.type('hostname')
    expect(r.out).toBe('command terminated with exit code 137\n')
    expect(r.ended).toBe('Your shell in pod access-pod ended: the pod was deleted.')
    expect(r.session).toBeNull()
    expect(r.prompt).toBe('$ ')
  })

  it('without a terminal (the one-shot API) exec -it answers as before', () => {
    const r = run(scenario(7), 'kubectl exec -it access-pod -- bash', { now: T0 + 130_000 })
    expect(r.openShell).toBeUndefined()
    expect(r.stderr).toMatch(/interactive shells are not simulated/)
  })
})

describe('kubectl run -it and attach', () => {
  it('run -it --rm busybox -- sh: press-enter line, "/ # ", then Session ended and the delete', () => {
    const t = terminal()
    const open = t.type('kubectl run tmp -it --rm --image=busybox -- sh')
    expect(open.output).toEqual([
      { stream: 'stderr', text: "If you don't see a command prompt, try pressing enter.\n" },
    ])
    expect(open.prompt).toBe('/ # ')
    expect(t.type('hostname').out).toBe('tmp\n')
    const bye = t.type('exit')
    expect(bye.output).toEqual([
      {
        stream: 'stderr',
        text: "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n",
      },
      { stream: 'stdout', text: 'pod "tmp" deleted\n' },
    ])
    expect(bye.exitCode).toBe(0)
    expect(bye.changed).toEqual([{ kind: 'Pod', namespace: 'default', name: 'tmp', op: 'deleted' }])
  })

  it('run -it --rm --restart=Never: no Session ended line; a failing shell reports the pod', () => {
    const t = terminal()
    expect(t.type('kubectl run tmp -it --rm --restart=Never --image=ubuntu -- bash').prompt).toBe(
      'root@tmp:/# ',
    )
    const bye = t.type('exit 4')
    expect(bye.output).toEqual([
      { stream: 'stdout', text: 'exit\n' },
      { stream: 'stdout', text: 'pod "tmp" deleted\n' },
      { stream: 'stderr', text: 'pod default/tmp terminated (Error)\n' },
    ])
    expect(bye.exitCode).toBe(4)
  })

  it('attach -it joins a container started with -it; leaving does not delete it', () => {
    const t = terminal()
    t.type('kubectl run keep -it --image=busybox -- sh')
    t.type('exit')
    const r = t.type('kubectl attach keep -it')
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n")
    expect(r.prompt).toBe('/ # ')
    expect(t.type('exit').output).toEqual([
      {
        stream: 'stderr',
        text: "Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n",
      },
    ])
    expect(t.type('kubectl get pod keep -o name').out).toBe('pod/keep\n')
  })
})

describe('the terminal size reaches the programs', () => {
  it('$COLUMNS, tput cols and stty size on the workstation and in a container', () => {
    const t = terminal()
    expect(t.type('echo $COLUMNS $LINES; tput cols; stty size', { columns: 132 }).out).toBe(
      '132 24\n132\n24 132\n',
    )
    t.type('kubectl exec -it access-pod -- bash')
    expect(t.type('echo $COLUMNS; tput lines; stty size', { columns: 140 }).out).toBe(
      '140\n24\n24 140\n',
    )
  })

  it('without a terminal (one-shot run) stty has no tty to ask', () => {
    const r = run(scenario(7), 'stty size', { now: T0 + 130_000 })
    expect(r.stderr).toBe("stty: 'standard input': Inappropriate ioctl for device\n")
    expect(r.exitCode).toBe(1)
    // nor has bash a window size to put in COLUMNS/LINES
    const vars = 'echo "[$COLUMNS $LINES]" $HOSTNAME $BASH_VERSION'
    expect(run(scenario(7), vars, { now: T0 + 130_000 }).stdout).toBe(
      '[ ] workstation 5.2.21(1)-release\n',
    )
  })

  it('a line that streams runs in the same workstation bash: size, variables, history', () => {
    const line = 'echo $COLUMNS $LINES $HOSTNAME $BASH_VERSION; history; sleep 1'
    const d = drive(scenario(7), line, { now: T0 + 130_000, seconds: 2, columns: 132 })
    expect(d.text).toBe(`132 24 workstation 5.2.21(1)-release\n    1  ${line}\n`)
    expect(d.last.result?.exitCode).toBe(0)
  })
})

describe('exec -it into a Deployment', () => {
  it('deploy/NAME picks one of its pods; nginx (Debian) bash has the Debian prompt', () => {
    const t = terminal()
    const r = t.type('kubectl exec -it deploy/nginx-deployment-3 -- bash')
    expect(r.session?.pod).toMatch(/^nginx-deployment-3-\w+-\w{5}$/)
    expect(r.prompt).toBe(`root@${r.session?.pod}:/# `)
  })

  it('sh in a Debian image is dash: "# "', () => {
    const t = terminal()
    expect(t.type('kubectl exec -it deploy/nginx-deployment-3 -- sh').prompt).toBe('# ')
    expect(t.type('nope').out).toBe('sh: 1: nope: not found\n')
  })
})

describe('the container restarting under the shell', () => {
  it('ends the shell: kubectl reports exit code 137 and the terminal says why', () => {
    let s = scenario(7)
    const now = T0 + 130_000
    const open = runInTerminal(s, null, 'kubectl exec -it access-pod -- bash', { now })
    s = open.state
    // access-pod runs `sleep 3600`: an hour later its container exits and is restarted
    const later = runInTerminal(s, open.session, 'hostname', { now: now + 3_700_000 })
    expect(later.ended).toMatch(
      /^Your shell in pod access-pod ended: its container (restarted|stopped)\.$/,
    )
    expect(later.output).toEqual([
      { stream: 'stderr', text: 'command terminated with exit code 137\n' },
    ])
    expect(later.session).toBeNull()
  })
})

describe('exec -t without -i', () => {
  it('gets no terminal and no input: the shell exits at once, silently (no warning in 1.32)', () => {
    const t = terminal()
    const r = t.type('kubectl exec -t access-pod -- bash')
    expect(r.output).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.session).toBeNull()
  })
})
