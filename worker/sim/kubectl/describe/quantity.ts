// Just enough of resource.Quantity for describe node's resource table: parse requests/limits,
// add them up and print them canonically (`100m`, `1`, `170Mi`, `0`).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 }
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }

/** Value of a quantity string; undefined when it cannot be read. */
export function parseQuantity(q: string | undefined): number | undefined {
  if (!q) return undefined
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|m|k|M|G|T)?$/.exec(q)
  if (!m) return undefined
  const n = Number(m[1])
  const suffix = m[2] ?? ''
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1)
}

/** CPU as Quantity.String() prints a DecimalSI value: whole cores or millicores. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000)
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`
}

/** Memory as a BinarySI quantity: the largest binary suffix that divides it. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0'
  for (const [suffix, f] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes % f === 0) return `${bytes / f}${suffix}`
  }
  return String(bytes)
}
