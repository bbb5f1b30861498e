// `yes [STRING]...` (GNU coreutils and busybox alike): its arguments joined by spaces, or `y`, one
// line after another for ever. Here its output is endless (devices.ts, io.ts): a reader such as
// `head -3` takes what it needs, as SIGPIPE ends the real one; on its own it stops at the limit.

import type { Tool } from '../host'
import { ENDLESS_READ } from '../devices'

export const yes: Tool = (p) => {
  const line = `${p.argv.length > 1 ? p.argv.slice(1).join(' ') : 'y'}\n`
  const stdout = line.repeat(Math.max(1, Math.floor(ENDLESS_READ / line.length)))
  return { stdout, stderr: '', exitCode: 0, endless: true }
}
