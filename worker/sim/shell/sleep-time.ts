// How long `sleep` sleeps (coreutils and busybox with FANCY_SLEEP take the same operands).

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** coreutils sleep: the sum of its operands (`1m 30s`) in ms; `infinity` never ends. */
export function sleepMs(args: string[]): number | undefined {
  let total = 0
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) return undefined
    total += Number(m[1]) * (UNITS[m[2] || 's'] as number)
  }
  return args.length > 0 ? total : undefined
}
