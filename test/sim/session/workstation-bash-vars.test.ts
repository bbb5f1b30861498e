// bash sets HOSTNAME, BASH and BASH_VERSION itself when it starts; after that they are ordinary
// shell variables. A terminal tab keeps none of the three while they hold bash's values (they are
// the same on every line) and keeps a learner's change to them, as the session of a real bash does.
import { describe, expect, it } from 'vitest'
import { runInTerminal } from '../../../worker/sim/session'
import type { WorkstationShellState } from '../../../worker/sim/session/types'
import { scenario, T0 } from '../shell/fixture'
import { tab } from './workstation-tab'

const BASH_VALUES = 'workstation /usr/bin/bash 5.2.21(1)-release\n'
const ECHO = 'echo $HOSTNAME $BASH $BASH_VERSION'

describe("bash's own variables in a terminal tab", () => {
  it('are the same on every line, after a reload too, and not kept with the tab', () => {
    const type = tab(true, { reload: true })
    const first = type('env')
    expect(first.out).not.toContain('HOSTNAME')
    expect(first.kept?.vars).not.toHaveProperty('HOSTNAME')
    expect(first.kept?.vars).not.toHaveProperty('BASH')
    expect(first.kept?.vars).not.toHaveProperty('BASH_VERSION')
    expect(first.kept).not.toHaveProperty('unset')
    expect(type(ECHO).out).toBe(BASH_VALUES)
    expect(type('env').out).toBe(first.out)
  })

  it("keep a learner's value for the session: HOSTNAME=x, then echo $HOSTNAME on the next line", () => {
    const type = tab(true, { reload: true })
    type('HOSTNAME=x; BASH_VERSION=4')
    expect(type(ECHO).out).toBe('x /usr/bin/bash 4\n')
    expect(type('export HOSTNAME').kept?.vars.HOSTNAME).toBe('x')
    expect(type('env | grep HOST').out).toBe('HOSTNAME=x\n')
    const back = type('HOSTNAME=workstation; BASH_VERSION=5.2.21\\(1\\)-release')
    expect(back.kept?.vars).not.toHaveProperty('HOSTNAME')
    expect(back.kept?.vars).not.toHaveProperty('BASH_VERSION')
    expect(type(`${ECHO}; env | grep HOST`).out).toBe(`${BASH_VALUES}HOSTNAME=workstation\n`)
  })

  it('stay unset once the learner unsets them, until set again', () => {
    const type = tab(true, { reload: true })
    expect(type('unset BASH HOSTNAME').kept?.unset).toEqual(['HOSTNAME', 'BASH'])
    expect(type('echo "[$HOSTNAME] [$BASH]"').out).toBe('[] []\n')
    const again = type('BASH=/bin/bash')
    expect(again.kept?.unset).toEqual(['HOSTNAME'])
    expect(type('echo "[$HOSTNAME] [$BASH]"').out).toBe('[] [/bin/bash]\n')
  })

  it('are set by a bash -c started on the workstation too, not exported to its children', () => {
    const type = tab(true, { reload: true })
    expect(type(`bash -c '${ECHO}'`).out).toBe(BASH_VALUES)
    // dash (sh) sets none of them, and bash exports none
    expect(type(`sh -c 'echo "[$HOSTNAME] [$BASH_VERSION]"'`).out).toBe('[] []\n')
    expect(type(`bash -c 'env | grep -c BASH'`).out).toBe('0\n')
    // bash sets HOSTNAME only when its environment has none; BASH and BASH_VERSION always
    type('export HOSTNAME=mine BASH_VERSION=4')
    expect(type(`bash -c '${ECHO}'`).out).toBe('mine /usr/bin/bash 5.2.21(1)-release\n')
  })

  it('read the same from a tab state stored with the three values (before they were left out)', () => {
    let s = scenario(7)
    const login = runInTerminal(s, null, 'x=1', { now: T0 + 130_000, workstation: undefined })
    const kept = login.workstation as WorkstationShellState
    const stored: WorkstationShellState = {
      ...kept,
      vars: { ...kept.vars, HOSTNAME: 'workstation', BASH_VERSION: '5.2.21(1)-release' },
    }
    s = login.state
    const r = runInTerminal(s, null, `${ECHO} $x`, { now: T0 + 132_000, workstation: stored })
    expect(r.stdout).toBe('workstation /usr/bin/bash 5.2.21(1)-release 1\n')
    expect(r.workstation).toEqual(kept)
  })
})
