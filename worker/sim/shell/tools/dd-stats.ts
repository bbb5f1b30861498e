// dd's numbers: sizes with suffixes (`bs=1k`, `1M`) and the transfer line GNU and busybox print,
// with a modelled duration (dd.ts says why).

const SUFFIX: Record<string, number> = {
  '': 1,
  c: 1,
  w: 2,
  b: 512,
  k: 1024,
  K: 1024,
  kB: 1000,
  KB: 1000,
  M: 1024 ** 2,
  MB: 1000 ** 2,
  G: 1024 ** 3,
  GB: 1000 ** 3,
}

/** `1k` → 1024, `1M` → 1048576, `512` → 512; undefined when it is not a size. */
export function byteSize(s: string): number | undefined {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(s)
  const unit = m ? SUFFIX[m[2] as string] : undefined
  return m && unit !== undefined ? Number(m[1]) * unit : undefined
}

/** The modelled copy time, seconds: 25 µs to start, then 2 GB/s. */
function seconds(bytes: number): number {
  return 25e-6 + bytes / 2e9
}

/** printf's `%g`: six significant digits, no trailing zeros, an exponent below 1e-4. */
function g(x: number): string {
  const exp = Math.floor(Math.log10(Math.abs(x)))
  if (exp < -4 || exp >= 6) {
    const [mant = '', e = '0'] = x.toExponential(5).split('e')
    const n = Number(e)
    const digits = String(Math.abs(n)).padStart(2, '0')
    return `${mant.replace(/\.?0+$/, '')}e${n < 0 ? '-' : '+'}${digits}`
  }
  return String(Number(x.toPrecision(6)))
}

/** GNU's human sizes: one decimal below 10 (`limit` 100 for rates), else whole, rounded. */
function human(n: number, base: number, units: string[], limit = 10): string {
  let v = n
  let i = 0
  while (v >= base && i < units.length - 1) {
    v /= base
    i++
  }
  return `${v < limit ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

const SI = ['B', 'kB', 'MB', 'GB', 'TB']
const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB']

/** `1024 bytes (1.0 kB, 1.0 KiB) copied, 2.5512e-05 s, 40.1 MB/s` */
export function gnuTransfer(bytes: number): string {
  const t = seconds(bytes)
  const sizes =
    bytes < 1000
      ? ''
      : bytes < 1024
        ? ` (${human(bytes, 1000, SI)})`
        : ` (${human(bytes, 1000, SI)}, ${human(bytes, 1024, IEC)})`
  const rate = bytes === 0 ? '0.0 kB' : human(bytes / t, 1000, SI, 100)
  return `${bytes} bytes${sizes} copied, ${g(t)} s, ${rate}/s\n`
}

/** busybox: `1024 bytes (1.0KB) copied, 0.000026 seconds, 38.5MB/s` */
export function busyboxTransfer(bytes: number): string {
  const t = seconds(bytes)
  const size = (n: number) => {
    let v = n
    let i = 0
    while (v >= 1024 && i < 4) {
      v /= 1024
      i++
    }
    return i === 0 ? `${Math.round(v)}` : `${v.toFixed(1)}${'KMGT'[i - 1]}`
  }
  return `${bytes} bytes (${size(bytes)}B) copied, ${t.toFixed(6)} seconds, ${size(bytes / t)}B/s\n`
}
