// Up/Down's list when the server's record of the lab's commands arrives: the server's list, plus
// the lines this browser has and the server does not have yet. A line typed while the record was
// loading, or typed just before a reload (its run request was still on its way, or cut short by
// the reload), is not in the server's answer; replacing the list with that answer lost it.

const sameRun = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * How far `local` goes beyond `server`: the index in `local` of the line the server's list ends
 * with, chosen where the longest run of lines before it agrees with the server's last lines (the
 * latest such place on a tie: a repeated line is not taken for a new one). -1 when none agrees.
 */
function lastAgreed(server: string[], local: string[]): number {
  let best = -1
  let bestRun = 0
  for (let j = 0; j < local.length; j++) {
    let run = 0
    while (run <= j && run < server.length && local[j - run] === server[server.length - 1 - run])
      run++
    if (run > 0 && run >= bestRun) {
      best = j
      bestRun = run
    }
  }
  return best
}

/** How many of `typed`'s first lines are already the server's last lines. */
function alreadyStored(server: string[], typed: string[]): number {
  for (let k = Math.min(server.length, typed.length); k > 0; k--)
    if (sameRun(server.slice(-k), typed.slice(0, k))) return k
  return 0
}

/**
 * `server`: the lab's commands as the server recorded them, oldest first. `local`: the list the
 * page has (kept from earlier visits, then the lines typed on this page), whose last
 * `typed.length` lines are `typed`, the ones typed on this page. Lines kept from earlier visits
 * that the server never heard of are dropped only when nothing ties them to its record.
 */
export function mergeHistory(server: string[], local: string[], typed: string[]): string[] {
  const j = lastAgreed(server, local)
  if (j >= 0) return [...server, ...local.slice(j + 1)]
  return [...server, ...typed.slice(alreadyStored(server, typed))]
}
