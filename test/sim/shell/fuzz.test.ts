import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const TOKENS = [
  'echo',
  'kubectl',
  'get',
  'pods',
  'svc',
  'all',
  '-o',
  'yaml',
  'wide',
  'exec',
  'bb',
  'cc',
  'access-pod',
  '--',
  'sh',
  'bash',
  '-c',
  'curl',
  '-s',
  '-v',
  '-I',
  '-w',
  '%{http_code}',
  '-m',
  '2',
  'my-blue-service:8080',
  'empty-svc',
  'nosuch',
  'https://kubernetes',
  'wget',
  '-qO-',
  'nslookup',
  'ping',
  '-c',
  'env',
  'cat',
  '/etc/resolv.conf',
  'apt-get',
  'update',
  'install',
  '-y',
  "'",
  '"',
  '$(',
  ')',
  '(',
  '`',
  '|',
  '||',
  '&&',
  ';',
  '&',
  '>',
  '>>',
  '<',
  '2>&1',
  '>/dev/null',
  '<<EOF',
  '<<<',
  '\n',
  'EOF',
  'for',
  'i',
  'in',
  'do',
  'done',
  'while',
  'until',
  'true',
  'false',
  'if',
  'then',
  'else',
  'fi',
  '{',
  '}',
  '!',
  '$i',
  '${i}',
  '${X:-d}',
  '$?',
  '$((',
  '1+2',
  '))',
  '#',
  '\\',
  'X=1',
  'export',
  'read',
  'test',
  '[',
  ']',
  '-z',
  'seq',
  '1',
  '3',
  '0',
  'grep',
  '-E',
  '-v',
  'awk',
  '{print $1}',
  '-F:',
  'wc',
  '-l',
  'sort',
  '-n',
  'uniq',
  'head',
  'tail',
  'cut',
  '-d:',
  '-f2',
  'tr',
  'a-z',
  'A-Z',
  'xargs',
  '-I{}',
  'base64',
  '-d',
  'printf',
  '%s\\n',
  'history',
  'clear',
  'help',
  'apply',
  '-f',
  '-',
  'delete',
  'pod',
  'describe',
  'logs',
  'scale',
  '--replicas=3',
  'deployment',
  'nginx-deployment-3',
]

const line = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join('')),
)

describe('run() never throws', () => {
  const s = scenario(11)
  it('answers any line with an exit code and no internal error', () => {
    fc.assert(
      fc.property(line, fc.string({ maxLength: 40 }), (text, stdin) => {
        const r = run(s, text, { now: T0 + 130_000, stdin, history: ['kubectl get pods'] })
        expect(typeof r.exitCode).toBe('number')
        expect(Number.isInteger(r.exitCode)).toBe(true)
        expect(typeof r.stdout).toBe('string')
        expect(typeof r.stderr).toBe('string')
        expect(r.stderr).not.toContain('internal simulator error')
        expect(r.stdout.length + r.stderr.length).toBeLessThanOrEqual(256 * 1024 + 200)
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 400),
        seed: Number(process.env.FUZZ_SEED ?? 20261126),
      },
    )
  })
})

describe('deep nesting is refused, not a crash', () => {
  const s = scenario(12)
  const n = 3000
  it.each([
    ['$('.repeat(n) + 'echo hi' + ')'.repeat(n), 'bash: maximum nesting level exceeded\n'],
    ['('.repeat(n) + 'echo' + ')'.repeat(n), 'bash: maximum nesting level exceeded\n'],
    [
      'if true; then '.repeat(n) + 'echo' + '; fi'.repeat(n),
      'bash: maximum nesting level exceeded\n',
    ],
    [
      "awk 'BEGIN{print " + '('.repeat(n) + '1' + ')'.repeat(n) + "}'",
      'awk: line 1: expression nesting too deep\n',
    ],
  ])('%#', (line, stderr) => {
    const r = run(s, line, { now: T0 + 130_000 })
    expect(r.stderr).toBe(stderr)
    expect(r.exitCode).toBe(2)
  })
})
