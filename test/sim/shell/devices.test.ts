// /dev/zero, /dev/urandom, /dev/random and `yes` as a learner meets them: endless sources that a
// reader such as `head` cuts, or that stop the line at its limit; the bytes kept exact.

import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })
const OUTPUT_STOP = 'service-lab: output limit (256 KB) reached; the rest was discarded\n'
const ENDLESS_STOP =
  'service-lab: input limit (256 KB from an endless source such as /dev/zero or yes) reached; the line was stopped\n'

/** The same line on the workstation (bash), in the ubuntu pod (GNU, dash) and the busybox pod. */
const places: [string, (line: string) => string][] = [
  ['the workstation', (line) => line],
  ['a GNU image', (line) => `kubectl exec access-pod -- sh -c '${line}'`],
  ['a busybox image', (line) => `kubectl exec bb -- sh -c '${line}'`],
]

describe.each(places)('devices in %s', (_, where) => {
  it('head -c 16 /dev/urandom | base64: 16 random bytes, the way a Secret value is made', () => {
    const r = sh(where('head -c 16 /dev/urandom | base64'))
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^[A-Za-z0-9+/]{22}==\n$/)
    expect(sh(where('head -c 16 /dev/urandom | base64 | base64 -d | wc -c')).stdout).toBe('16\n')
  })

  it('two reads give different bytes; /dev/random is random too', () => {
    const r = sh(where('head -c 12 /dev/urandom | base64; head -c 12 /dev/random | base64'))
    const [a, b] = r.stdout.split('\n')
    expect(a).toMatch(/^[A-Za-z0-9+/]{16}$/)
    expect(b).toMatch(/^[A-Za-z0-9+/]{16}$/)
    expect(a).not.toBe(b)
  })

  it('tr -dc a-z0-9 < /dev/urandom | head -c 12: a random password', () => {
    const r = sh(where('tr -dc a-z0-9 < /dev/urandom | head -c 12'))
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^[a-z0-9]{12}$/)
  })

  it('/dev/zero gives zero bytes', () => {
    expect(sh(where('head -c 100 /dev/zero | wc -c')).stdout).toBe('100\n')
    expect(sh(where('cat /dev/zero | head -c 5 | tr "\\0" x')).stdout).toBe('xxxxx')
    expect(sh(where('head -c 3 < /dev/zero | base64')).stdout).toBe('AAAA\n')
  })

  it('yes | head -3, yes hello | head -2', () => {
    expect(sh(where('yes | head -3')).stdout).toBe('y\ny\ny\n')
    expect(sh(where('yes hello | head -2')).stdout).toBe('hello\nhello\n')
    expect(sh(where('yes a b | head -n 1')).stdout).toBe('a b\n')
  })

  it('sed q and awk exit end their reading of an endless source, as head does', () => {
    expect(sh(where('yes | sed 3q')).stdout).toBe('y\ny\ny\n')
    expect(sh(where('yes | awk "NR==2{exit} {print}"')).stdout).toBe('y\n')
    // END runs after an exit, and exit's status is awk's
    const r = sh(where('yes | awk "NR==3{exit 4} END{print NR}"; echo status=$?'))
    expect(r.stdout).toBe('3\nstatus=4\n')
    // without q or exit they filter for ever: the reader after them cuts
    expect(sh(where('yes | sed s/y/n/ | head -2')).stdout).toBe('n\nn\n')
    expect(sh(where('yes | awk "{print 1}" | head -1')).stdout).toBe('1\n')
    // and awk's END, waiting for an end that never comes, stops the line
    expect(sh(where('yes | awk "{n++} END{print n}"')).stderr).toBe(ENDLESS_STOP)
  })

  it('an endless source read to its end stops the line with the limit message', () => {
    const r = sh(where('cat /dev/urandom | wc -c; echo after'))
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(ENDLESS_STOP)
    expect(r.exitCode).toBe(1)
  })
})

describe('endless sources', () => {
  it('cat /dev/zero alone fills the output limit and stops cleanly', () => {
    const r = sh('cat /dev/zero; echo after')
    expect(r.internalError).toBeUndefined()
    expect(r.stdout).toBe('\0'.repeat(256 * 1024))
    expect(r.stderr).toBe(OUTPUT_STOP)
    expect(r.exitCode).toBe(1)
  })

  it('yes alone stops at the output limit', () => {
    const r = sh('yes')
    expect(r.stdout).toBe('y\n'.repeat(128 * 1024))
    expect(r.stderr).toBe(OUTPUT_STOP)
  })

  it.each([
    ['wc reads to the end', 'yes | wc -l'],
    ['sort reads to the end', 'cat /dev/urandom | sort | head -1'],
    ['tail waits for the end', 'tail -c 4 /dev/zero'],
    ['a line with no newline', 'head -n 1 /dev/zero | wc -c'],
    ['read waits for a newline', 'cat /dev/zero | while read x; do echo got; done'],
    ['a file written for ever', 'cat /dev/zero > /tmp/zeros'],
    ['a substitution', 'x=$(yes); echo after'],
    ['more than one read gives', 'head -c 300000 /dev/zero | wc -c'],
    ['an endless stderr has no reader', "sh -c 'yes >&2'; echo after"],
  ])('%s: the line is stopped, never hangs', (_, line) => {
    const r = sh(line)
    expect(r.internalError).toBeUndefined()
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(ENDLESS_STOP)
    expect(r.exitCode).toBe(1)
  })

  it('grep stops reading at its first match with -q, at its Nth with -m; cut filters', () => {
    expect(sh('yes | grep -q y && echo found').stdout).toBe('found\n')
    expect(sh('yes | grep -m 2 y').stdout).toBe('y\ny\n')
    expect(sh('yes abc | cut -c 2 | head -2').stdout).toBe('b\nb\n')
    expect(sh('yes | grep -c y').stderr).toBe(ENDLESS_STOP)
    expect(sh('yes | grep -q n').stderr).toBe(ENDLESS_STOP)
  })

  it('a reader that does not read its input is not stopped (yes | echo hi)', () => {
    expect(sh('yes | echo hi').stdout).toBe('hi\n')
  })

  it('filters pass an endless stream on for the reader to cut', () => {
    expect(sh('yes | cat | tr y n | head -2').stdout).toBe('n\nn\n')
    expect(sh('yes | tail -n +2 | head -1').stdout).toBe('y\n')
    expect(sh('{ echo a; yes b; } | head -3').stdout).toBe('a\nb\nb\n')
    expect(sh('sh -c yes | head -1').stdout).toBe('y\n')
    expect(sh('head /dev/urandom | tr -dc A-Za-z0-9 | head -c 13').stdout).toMatch(
      /^[A-Za-z0-9]{13}$/,
    )
  })

  it("kubectl exec hands a pod's endless output to the workstation's reader", () => {
    expect(sh('kubectl exec bb -- yes | head -2').stdout).toBe('y\ny\n')
    expect(sh('kubectl exec access-pod -- cat /dev/urandom | head -c 8 | wc -c').stdout).toBe('8\n')
  })

  it('the same seed gives the same random bytes', () => {
    const line = 'head -c 24 /dev/urandom | base64'
    const a = run(scenario(11), line, { now: T0 + 130_000 }).stdout
    const b = run(scenario(11), line, { now: T0 + 130_000 }).stdout
    expect(a).toBe(b)
    expect(a).not.toBe(run(scenario(12), line, { now: T0 + 130_000 }).stdout)
  })
})

describe('bytes', () => {
  it('head -c counts bytes, not characters', () => {
    expect(sh('echo héllo | head -c 2 | wc -c').stdout).toBe('2\n')
    expect(sh('echo héllo | head -c 3').stdout).toBe('hé')
    // the last 5 bytes begin with the second byte of é: not UTF-8 alone, shown as U+FFFD
    expect(sh('echo héllo | tail -c 5').stdout).toBe('\ufffdllo\n')
    expect(sh('echo héllo | tail -c 5 | wc -c').stdout).toBe('5\n')
  })

  it('head -c takes GNU size suffixes; head -n -N and -c -N keep their sign', () => {
    expect(sh('head -c 1K /dev/zero | wc -c').stdout).toBe('1024\n')
    expect(sh('head -c 1KB /dev/zero | wc -c').stdout).toBe('1000\n')
    expect(sh('head -c 2b /dev/zero | wc -c').stdout).toBe('1024\n')
    expect(sh('head -c 1x /dev/zero').stderr).toBe('head: invalid number of bytes: ‘1x’\n')
    expect(sh('seq 5 | head -n -2').stdout).toBe('1\n2\n3\n')
    expect(sh("printf 'abcdef' | head -c -2").stdout).toBe('abcd')
  })

  it('random bytes show on the terminal as U+FFFD where they are not UTF-8', () => {
    const r = sh('head -c 64 /dev/urandom')
    expect(r.stdout.length).toBeGreaterThan(0)
    // no lone surrogate reaches the terminal: every byte that is not UTF-8 is U+FFFD
    expect(r.stdout).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    )
    expect(r.stdout).toContain('\ufffd')
  })

  it('reset puts a terminal that random bytes garbled back in its first state, and clears it', () => {
    expect(sh('reset')).toMatchObject({ stdout: '\x1bc', stderr: '', exitCode: 0, clear: true })
    expect(sh('reset | cat').stdout).toBe('')
  })

  it('/dev/tty is the terminal, past the pipe', () => {
    expect(sh('{ echo note > /dev/tty; echo b; } | wc -l').stdout).toBe('note\n1\n')
  })

  it('writing to /dev/zero or /dev/urandom discards, as /dev/null does', () => {
    const r = sh(
      "echo hi > /dev/zero; echo there > /dev/urandom; head -c 3 /dev/zero | tr '\\0' 0; head -c 1 /dev/urandom | wc -c",
    )
    expect(r.stdout).toBe('0001\n')
    expect(r.stderr).toBe('')
  })
})
