// The workstation's bash in a terminal tab keeps what the learner set between lines, as an
// interactive bash does: variables, exports, the cwd and (without a disk) the files written
// with `>`. The tab hands the state from one line to the next (worker/terminal/line.ts does it
// with the tab's record); a line without it starts from a fresh login.
import { describe, expect, it } from 'vitest'
import { runInTerminal } from '../../../worker/sim/session'
import type { WorkstationShellState } from '../../../worker/sim/session/types'
import { WORKSTATION_STATE_LIMIT } from '../../../worker/sim/shell/workstation-state'
import { scenario, T0 } from '../shell/fixture'
import { tab } from './workstation-tab'

/** Lines typed one after another in a tab, and whether each changes the workstation's state. */
const TABLE: [string, boolean][] = [
  ['true', true], // the first line of a tab: a fresh login's state
  ['kubectl get pods', false],
  ['x=1', true],
  ['x=1', false],
  ['x=2', true],
  ['export x', true],
  ['export x', false],
  ['y=1; unset y', false],
  ['COLUMNS=5; LINES=2', false],
  ['echo hi > a.txt', true],
  ['cat a.txt > /dev/null', false],
  ['echo hi > a.txt', false],
  ['echo ho > a.txt', true],
  ['unset HOME; HOME=/home/learner', true],
  ['a=1; b=2', true],
  ['unset a; a=1', true], // the same variables, in another order
  ['cd /tmp', true],
  ['export z=3', true],
  ['unset x', true],
  ['HOSTNAME=workstation', false], // bash's own value: not kept
  ['HOSTNAME=x', true],
  ['unset BASH', true],
  ['unset BASH', false],
]

describe('the workstation shell of a terminal tab', () => {
  it('keeps variables, exports and the cwd for the next line, and $? as the terminal sends it', () => {
    const type = tab()
    type('x=5; export NS=default; cd /tmp')
    expect(type('echo $x $NS; pwd; env | grep ^NS=').out).toBe('5 default\n/tmp\nNS=default\n')
    expect(type('cd -').out).toBe('/home/learner\n')
    type('false')
    expect(type('echo $?').out).toBe('1\n')
    // a failing kubectl, checked on the next line as the labs suggest
    expect(type('kubectl get pod nosuch').exitCode).toBe(1)
    expect(type('echo $?').out).toBe('1\n')
    expect(type("bash -c 'exit 6'").exitCode).toBe(6)
    expect(type('echo $?').out).toBe('6\n')
    expect(type('echo $?').out).toBe('0\n')
    // a tab that sends none (a reload, the one-shot API) starts from 0
    expect(tab()('echo $?').out).toBe('0\n')
    expect(type('unset x; echo "[$x]"').out).toBe('[]\n')
  })

  it('keeps a command substitution for the next line: POD=$(...) then kubectl exec $POD', () => {
    const type = tab()
    type('POD=$(kubectl get pod access-pod -o name)')
    const r = type('kubectl exec $POD -- hostname')
    expect(r.err).toBe('')
    expect(r.out).toBe('access-pod\n')
  })

  it('keeps files: a manifest generated with > is applied on a later line, from the cwd', () => {
    const type = tab()
    type('cd /tmp')
    type('kubectl create deployment gen --image=nginx --dry-run=client -o yaml > gen.yaml')
    expect(type('ls').out).toBe('gen.yaml\n')
    expect(type('kubectl apply -f gen.yaml')).toMatchObject({
      out: 'deployment.apps/gen created\n',
      exitCode: 0,
    })
    expect(type('kubectl apply -f /tmp/gen.yaml').exitCode).toBe(0)
    expect(type('cd; kubectl apply -f gen.yaml').err).toBe(
      'error: the path "gen.yaml" does not exist\n',
    )
  })

  it('reads a relative -f from the cwd within one line too (it read from HOME)', () => {
    const type = tab(false)
    const r = type(
      'cd /tmp; kubectl create deployment g2 --image=nginx --dry-run=client -o yaml > g2.yaml; kubectl apply -f g2.yaml',
    )
    expect(r.out).toBe('deployment.apps/g2 created\n')
  })

  it('starts every line afresh without a tab to keep it (the one-shot run API)', () => {
    const type = tab(false)
    type('x=5; cd /tmp; echo hi > f')
    expect(type('echo "[$x]"; pwd; cat f').out).toBe('[]\n/home/learner\n')
  })

  it('takes COLUMNS from the tab on every line, not from the line before', () => {
    const type = tab()
    expect(type('echo $COLUMNS', 80).out).toBe('80\n')
    expect(type('echo $COLUMNS', 132).out).toBe('132\n')
  })

  it('past its limit keeps what it had and says so, as the other limits do', () => {
    const type = tab()
    type('keep=yes')
    const big = 'x=a; for i in $(seq 1 17); do x=$x$x; done; y=$x; z=$x'
    const r = type(big)
    expect(WORKSTATION_STATE_LIMIT).toBe(256 * 1024)
    expect(r.err).toBe(
      "service-lab: workstation limit (256 KB of variables and files) reached; this line's changes to them were not kept\n",
    )
    expect(type('echo $keep ${#x}').out).toBe('yes 0\n')
  })

  it('counts its limit in UTF-8 bytes, as the message says KB: 128 Ki of é are 256 KB', () => {
    const type = tab()
    type('keep=yes')
    const doubled = (n: number) => `x=é; for i in $(seq 1 ${n}); do x=$x$x; done; y=$x`
    // 2 x 32 Ki characters of é: 128 KB, kept
    expect(type(doubled(15)).err).toBe('')
    expect(type('echo ${#x} ${#y}').out).toBe('32768 32768\n')
    // 2 x 64 Ki characters: under the limit as characters, over it as bytes
    expect(type(doubled(16)).err).toBe(
      "service-lab: workstation limit (256 KB of variables and files) reached; this line's changes to them were not kept\n",
    )
    expect(type('echo $keep ${#x}').out).toBe('yes 32768\n')
  })

  // a line that leaves the state as it was hands back the state it started from, so the platform
  // knows the tab's record unchanged without serialising it (worker/terminal/records.ts); any
  // change, a key's order included (it is the stored JSON's), gives a new one
  it.each(TABLE.map(([line, changes], i) => [i, line, changes] as const))(
    'line %i, %s, changes the state: %s',
    (i, line, changes) => {
      let s = scenario(7)
      let workstation: WorkstationShellState | undefined
      let now = T0 + 130_000
      const lines = TABLE.slice(0, i + 1).map(([l]) => l)
      expect(lines.at(-1)).toBe(line)
      let before: WorkstationShellState | undefined
      for (const l of lines) {
        now += 2000
        before = workstation
        const r = runInTerminal(s, null, l, { now, workstation, owned: true })
        expect(r.internalError).toBeUndefined()
        s = r.state
        workstation = r.workstation
      }
      expect(workstation === before).toBe(!changes)
      expect(JSON.stringify(workstation) === JSON.stringify(before)).toBe(!changes)
    },
  )
})
