// `date` (GNU coreutils and busybox, UTC, the C locale): the default form, `+FORMAT` with the
// strftime conversions people use, -u/--utc, -R (RFC 5322) and -I[seconds] (ISO 8601).
// Left out: -d/--date and setting the clock.

import type { Tool } from '../host'
import { DAYS, MONTHS } from '../../time-names'

const DAY_NAMES = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ')
const MONTH_NAMES =
  'January February March April May June July August September October November December'.split(' ')

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill)

/** One conversion of strftime for UTC at `d`; undefined for one it does not know (kept as typed). */
function conversion(c: string, d: Date): string | undefined {
  const h = d.getUTCHours()
  const dayOfYear = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1
  const time = `${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  const date = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`
  const table: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()] as string,
    A: () => DAY_NAMES[d.getUTCDay()] as string,
    b: () => MONTHS[d.getUTCMonth()] as string,
    h: () => MONTHS[d.getUTCMonth()] as string,
    B: () => MONTH_NAMES[d.getUTCMonth()] as string,
    c: () =>
      `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, ' ')} ${time} ${d.getUTCFullYear()}`,
    C: () => pad(Math.floor(d.getUTCFullYear() / 100)),
    d: () => pad(d.getUTCDate()),
    D: () => date,
    x: () => date,
    e: () => pad(d.getUTCDate(), 2, ' '),
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    H: () => pad(h),
    I: () => pad(h % 12 || 12),
    k: () => pad(h, 2, ' '),
    l: () => pad(h % 12 || 12, 2, ' '),
    j: () => pad(dayOfYear, 3),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    n: () => '\n',
    t: () => '\t',
    N: () => pad(d.getUTCMilliseconds() * 1_000_000, 9),
    p: () => (h < 12 ? 'AM' : 'PM'),
    P: () => (h < 12 ? 'am' : 'pm'),
    R: () => `${pad(h)}:${pad(d.getUTCMinutes())}`,
    s: () => String(Math.floor(d.getTime() / 1000)),
    S: () => pad(d.getUTCSeconds()),
    T: () => time,
    X: () => time,
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  }
  return table[c]?.()
}

/** strftime(FORMAT) for UTC at `now`. */
export function formatDate(format: string, now: number): string {
  const d = new Date(now)
  return format.replace(/%(:z|.)/gs, (all, c: string) =>
    c === ':z' ? '+00:00' : (conversion(c, d) ?? all),
  )
}

export const date: Tool = (p) => {
  let format = '%a %b %e %H:%M:%S %Z %Y'
  for (const a of p.argv.slice(1)) {
    if (a === '-u' || a === '--utc' || a === '--universal') continue
    if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z'
    else if (a === '-I' || a === '-Idate' || a === '--iso-8601') format = '%F'
    else if (a === '-Iseconds' || a === '--iso-8601=seconds') format = '%FT%T%:z'
    else if (a.startsWith('+')) format = a.slice(1)
    else if (a.startsWith('-') && a.length > 1)
      return {
        stdout: '',
        stderr: `date: invalid option -- '${a[1]}'\nTry 'date --help' for more information.\n`,
        exitCode: 1,
      }
    else return { stdout: '', stderr: `date: invalid date ‘${a}’\n`, exitCode: 1 }
  }
  return { stdout: `${formatDate(format, p.ctx.now)}\n`, stderr: '', exitCode: 0 }
}
