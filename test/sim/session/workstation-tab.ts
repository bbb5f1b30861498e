// A terminal tab on the workstation, for tests: lines typed one after another, the state the tab
// keeps handed from each to the next as worker/terminal/line.ts does.
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import type { WorkstationShellState } from '../../../worker/sim/session/types'
import { scenario, T0 } from '../shell/fixture'

/**
 * Each line two seconds after the last; `keep: false` forgets the state (the one-shot run API),
 * `reload` hands it on through JSON, as it comes back from the stored document.
 */
export function tab(keep = true, { reload = false } = {}) {
  let s = scenario(7)
  let session: ShellSession | null = null
  let workstation: WorkstationShellState | undefined
  // `$?` of the last line, sent with the next as the web terminal sends it (not stored)
  let status: number | undefined
  let now = T0 + 130_000
  return (line: string, columns = 80) => {
    now += 2000
    const r = runInTerminal(s, session, line, { now, columns, workstation, status })
    s = r.state
    session = r.session
    if (keep) status = r.exitCode
    if (keep) workstation = r.workstation ?? workstation
    if (reload && workstation) workstation = JSON.parse(JSON.stringify(workstation))
    return { out: r.stdout, err: r.stderr, exitCode: r.exitCode, kept: workstation }
  }
}
