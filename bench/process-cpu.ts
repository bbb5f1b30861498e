// CPU time a server's processes spent, from Linux's /proc: every process of the server's process
// group (servers.ts spawns each server detached, so its group id is its pid: npx, wrangler or tsx,
// workerd or node, and their threads), user + system. A phase's CPU over its requests is a
// request's own cost on the server, whether or not the server was the bottleneck: under the
// isolated phases' 8 learners, the floor (~0.5 ms of server on Node, JIT-warm) is bound by the load
// generator and its p50 is mostly latency, while a command's p50 is mostly queueing on the server.
// Elsewhere than Linux there is no /proc: no figure.
import { readdirSync, readFileSync } from 'node:fs'

/** USER_HZ: the unit of /proc's utime and stime, 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100

/** utime + stime, in ms, of the processes whose group is `pgid`; undefined without /proc. */
export function groupCpuMs(pgid: number): number | undefined {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return undefined
  }
  let ticks = 0
  for (const pid of pids) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    // after the command's name (in parentheses, may hold spaces): state ppid pgrp ... utime stime
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== pgid) continue
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return (ticks * 1000) / TICKS_PER_SECOND
}
