import { describe, expect, it } from 'vitest'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import { scenario, T0 } from '../shell/fixture'

/** A learner's terminal: each line typed two seconds after the last, 80 columns wide. */
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
    return {
      out: text('stdout'),
      err: text('stderr'),
      exitCode: r.exitCode,
      prompt: r.prompt,
      clear: r.clear,
    }
  }
}

describe('cd and ls inside a pod shell', () => {
  it('ls lists the current directory, in columns on the terminal as GNU ls does', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    expect(type('ls').out).toBe(
      'bin   dev  home  lib64\tmnt  proc  run\t srv  tmp  var\n' +
        'boot  etc  lib\t media\topt  root  sbin  sys  usr\n',
    )
    type('cd /tmp')
    type('echo hi > f')
    expect(type('ls').out).toBe('f\n')
    expect(type('ls -a').out).toBe('.  ..  f\n')
    expect(type('cat /tmp/f').out).toBe('hi\n')
    type('cd /')
    expect(type('cat tmp/f').out).toBe('hi\n')
    expect(type('ls /tmp').out).toBe('f\n')
  })

  it('cd resolves .. and -, and refuses a directory that is not there with bash wording', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    type('cd /tmp')
    expect(type('cd ..').prompt).toBe('root@access-pod:/# ')
    expect(type('cd -')).toMatchObject({ out: '/tmp\n', prompt: 'root@access-pod:/tmp# ' })
    const bad = type('cd /nope')
    expect(bad).toMatchObject({ err: 'bash: cd: /nope: No such file or directory\n', exitCode: 1 })
    expect(bad.prompt).toBe('root@access-pod:/tmp# ')
    type('echo x > f')
    expect(type('cd f').err).toBe('bash: cd: f: Not a directory\n')
    expect(type('pwd').out).toBe('/tmp\n')
  })

  it('busybox ash says "can\'t cd to" and lists in equal columns', () => {
    const type = terminal()
    type('kubectl exec -it bb -- sh')
    expect(type('cd /nope').err).toBe("sh: cd: can't cd to /nope: No such file or directory\n")
    expect(type('ls').out).toBe(
      'bin    etc    lib    proc   sys    usr\ndev    home   lib64  root   tmp    var\n',
    )
  })
})

describe('mkdir, touch, cp, mv, rm inside a pod shell', () => {
  it('make a scratch directory, copy and move files in it, and clean up (GNU wording)', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    expect(type('mkdir work && cd work').prompt).toBe('root@access-pod:/work# ')
    type('echo page > index.html')
    type('cp index.html copy.html && mv copy.html moved.html && touch empty')
    expect(type('ls').out).toBe('empty  index.html  moved.html\n')
    expect(type('cat moved.html').out).toBe('page\n')
    expect(type('mkdir /work').err).toBe("mkdir: cannot create directory '/work': File exists\n")
    expect(type('rm nope').err).toBe("rm: cannot remove 'nope': No such file or directory\n")
    expect(type('mv nope x').err).toBe("mv: cannot stat 'nope': No such file or directory\n")
    type('cd /')
    expect(type('rm work').err).toBe("rm: cannot remove 'work': Is a directory\n")
    expect(type('rm -r work; cd work').err).toBe('bash: cd: work: No such file or directory\n')
  })

  it('busybox applets word their errors their own way', () => {
    const type = terminal()
    type('kubectl exec -it bb -- sh')
    type('mkdir d')
    expect(type('mkdir d').err).toBe("mkdir: can't create directory 'd': File exists\n")
    expect(type('rm d').err).toBe("rm: 'd' is a directory\n")
    expect(type('cp nope x').err).toBe("cp: can't stat 'nope': No such file or directory\n")
  })

  it('clear is there in ubuntu and busybox and clears the screen', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    expect(type('clear')).toMatchObject({ err: '', exitCode: 0, clear: true })
  })
})

describe('who a pod shell runs as', () => {
  it('curlimages/curl runs as curl_user, as its Dockerfile USER says', () => {
    const type = terminal()
    type('kubectl exec -it cc -- sh')
    expect(type('whoami').out).toBe('curl_user\n')
    expect(type('id').out).toBe('uid=100(curl_user) gid=101(curl_group) groups=101(curl_group)\n')
  })

  it('ubuntu runs as root', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    expect(type('id').out).toBe('uid=0(root) gid=0(root) groups=0(root)\n')
  })
})

describe('a shell typed inside a pod shell', () => {
  it('says nesting is not simulated and keeps the learner in the same shell', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    type('cd /tmp')
    const r = type('sh')
    expect(r.err).toBe(
      'service-lab: a shell inside this shell is not simulated; keep typing commands here (exit leaves the pod)\n',
    )
    expect(r.prompt).toBe('root@access-pod:/tmp# ')
  })
})

describe('ps in a busybox image', () => {
  it('lists the main process as PID 1, the shell and ps, as the image user', () => {
    const type = terminal()
    type('kubectl exec -it cc -- sh')
    expect(type('ps').out).toBe(
      'PID   USER     TIME  COMMAND\n' +
        '    1 curl_use  0:00 sleep 3600\n' +
        '    7 curl_use  0:00 sh\n' +
        '   13 curl_use  0:00 ps\n',
    )
  })
})

describe('cat of a directory', () => {
  it('says Is a directory as GNU cat does', () => {
    const type = terminal()
    type('kubectl exec -it access-pod -- bash')
    expect(type('cat /etc')).toMatchObject({ err: 'cat: /etc: Is a directory\n', exitCode: 1 })
  })
})
