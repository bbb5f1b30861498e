// awk's values: a string or a number, converted as mawk/busybox convert them (numbers printed
// with %.6g, a string's leading number read, the rest ignored).

export type Val = string | number

/** a string that looks like a number: compared and tested as one */
export const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/

/** A value as a number: a string's leading number, else 0. */
export function num(v: Val): number {
  if (typeof v === 'number') return v
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v)
  return m ? Number(m[0]) : 0
}

/** A value as a string: integers as they are, others with 6 significant digits. */
export function str(v: Val): string {
  if (typeof v === 'string') return v
  if (Number.isInteger(v)) return String(v)
  return String(Number(v.toPrecision(6)))
}
