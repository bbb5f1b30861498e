// curl's progress meter (lib/progress.c progress_meter), shown on stderr when not -s and stdout
// is not a terminal, as in `kubectl exec` without -t. Only the final state of the line is kept:
// the earlier updates are overwritten with `\r` on a real terminal.

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'

/** max5data: a byte count in at most 5 columns (`  615`, ` 600k`, `12.3M`). */
export function max5(bytes: number): string {
  const K = 1024
  const M = K * K
  if (bytes < 100000) return String(bytes).padStart(5)
  if (bytes < 10000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`
  if (bytes < 100 * M)
    return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`
  return `${String(Math.floor(bytes / M)).padStart(4)}M`
}

/** time2str: `--:--:--` for nothing measurable, else ` H:MM:SS`. */
export function time2(seconds: number): string {
  if (seconds <= 0) return '--:--:--'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.floor(seconds % 60)
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/** One meter line: `100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k`. */
export function progressLine(total: number, received: number, ms: number): string {
  const pct = total > 0 ? Math.floor((received * 100) / total) : 0
  const speed = received > 0 ? Math.floor((received * 1000) / Math.max(ms, 1)) : 0
  const spent = time2(Math.floor(ms / 1000))
  return `${String(pct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(received)}    0 ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- ${spent} --:--:-- ${max5(speed)}`
}
