// kubectl describe's output machinery (pkg/describe/describe.go): a PrefixWriter indenting two
// spaces per level into a tabwriter (minwidth 0, padding 2, tabbedString). Flush() ends the
// current alignment block, as DescribeEvents does before its table.

import { tabwrite } from '../printers/table'
import { DAYS, MONTHS } from '../../time-names'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

export class DescribeWriter {
  private done = ''
  private buf = ''

  /** PrefixWriter.Write: `level` pairs of spaces, then the text as given. */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text
  }

  /** PrefixWriter.WriteLine: the text and a newline, no indentation. */
  writeLine(text: string): void {
    this.buf += text + '\n'
  }

  flush(): void {
    this.done += tabwrite(this.buf, 0, 2)
    this.buf = ''
  }

  toString(): string {
    this.flush()
    return this.done
  }
}

/** time.RFC1123Z in UTC (the simulated workstation's zone): `Thu, 26 Nov 2026 07:55:00 +0000`. */
export function rfc1123z(timestamp: string | null | undefined): string {
  const d = new Date(timestamp ? Date.parse(timestamp) : 0)
  if (Number.isNaN(d.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const p = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

/** printLabelsMultiline: sorted `k=v`, one per line, continuation lines start with a tab. */
export function writeLabels(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    w.write(LEVEL_0, `${k}=${labels?.[k] ?? ''}\n`)
  })
}

const MAX_ANNOTATION_LEN = 140

/** printAnnotationsMultiline: last-applied-configuration skipped; long or multi-line values wrapped. */
export function writeAnnotations(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort()
  if (keys.length === 0) return w.writeLine('<none>')
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    const value = (annotations?.[k] ?? '').replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`)
      for (const s of value.split('\n')) {
        const short =
          s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s
        w.write(LEVEL_0, `\t  ${short}\n`)
      }
    } else w.write(LEVEL_0, `${k}: ${value}\n`)
  })
}
