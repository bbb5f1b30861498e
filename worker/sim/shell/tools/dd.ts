// dd (GNU coreutils; busybox where its wording differs): if= of= bs= ibs= obs= count= skip=
// status=none|noxfer, blocks counted as `N+M records in/out`. Deliberate simplification: no time
// passes within a line, so the copy's duration is modelled (25 µs plus 2 GB/s), not measured.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { fileKey } from '../fs-path'
import { own } from '../own'
import { bytesOfText, textOfBytes } from '../bytes'
import { isBusybox, readArg } from './basic'
import { byteSize, gnuTransfer, busyboxTransfer } from './dd-stats'

interface Operands {
  input?: string
  output?: string
  bs: number
  count?: number
  skip: number
  status: string
}

const fail = (stderr: string): ProcessResult => ({ stdout: '', stderr, exitCode: 1 })

/** GNU's quote(): curly quotes in a UTF-8 locale (the workstation's), straight in C (a pod's) */
function quoted(p: Proc, s: string): string {
  return /UTF-8/i.test(own(p.env, 'LANG') ?? '') ? `‘${s}’` : `'${s}'`
}

function parseOperands(p: Proc): Operands | string {
  const o: Operands = { bs: 512, skip: 0, status: '' }
  for (const arg of p.argv.slice(1)) {
    const [key = '', value = ''] = arg.split(/=(.*)/s)
    const number = () => byteSize(value)
    if (!arg.includes('=')) return `dd: unrecognized operand ${quoted(p, arg)}\n`
    if (key === 'if') o.input = value
    else if (key === 'of') o.output = value
    else if (key === 'status') o.status = value
    else if (key === 'conv' || key === 'iflag' || key === 'oflag') continue
    else if (!['bs', 'ibs', 'obs', 'count', 'skip'].includes(key))
      return `dd: unrecognized operand ${quoted(p, arg)}\n`
    else if (number() === undefined || (number() === 0 && key !== 'count' && key !== 'skip'))
      return `dd: invalid number: ${quoted(p, value)}\n`
    else if (key === 'count') o.count = number()
    else if (key === 'skip') o.skip = number() as number
    else if (key !== 'obs') o.bs = number() as number
  }
  return o
}

const records = (bytes: number, bs: number) =>
  `${Math.floor(bytes / bs)}+${bytes % bs === 0 ? 0 : 1}`

/** dd copying blocks from if= (or stdin) to of= (or stdout), its counts on stderr. */
export const dd: Tool = (p) => {
  const o = parseOperands(p)
  if (typeof o === 'string')
    return fail(o.includes('operand') ? `${o}Try 'dd --help' for more information.\n` : o)
  const want = o.count === undefined ? undefined : (o.skip + o.count) * o.bs
  const text = o.input === undefined ? p.stdin : readArg(p, o.input, want)
  if (text === undefined)
    return fail(
      isBusybox(p)
        ? `dd: can't open '${o.input}': No such file or directory\n`
        : `dd: failed to open '${o.input}': No such file or directory\n`,
    )
  const all = bytesOfText(text).subarray(o.skip * o.bs)
  const copied = o.count === undefined ? all : all.subarray(0, o.count * o.bs)
  // without count= dd reads an endless source for ever; with it, it stops in time
  const endless = p.readEndless ? o.count === undefined || all.length < o.count * o.bs : undefined
  const data = textOfBytes(copied)
  let stdout = data
  if (o.output !== undefined) {
    stdout = ''
    if (!o.output.startsWith('/dev/')) p.files[fileKey(own(p.env, 'PWD'), o.output)] = data
  }
  const r = records(copied.length, o.bs)
  const counts = `${r} records in\n${r} records out\n`
  const transfer = isBusybox(p) ? busyboxTransfer(copied.length) : gnuTransfer(copied.length)
  // the counts come when dd ends: one copying for ever prints none
  const quiet = o.status === 'none' || endless === true
  const stderr = quiet ? '' : o.status === 'noxfer' ? counts : counts + transfer
  return { stdout, stderr, exitCode: 0, ...(endless === undefined ? {} : { endless }) }
}
