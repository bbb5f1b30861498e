// `uname` as each base system prints it. The kind nodes run Ubuntu 24.04's 6.8.0-49 kernel, so every
// container reports that kernel; the tail of `-a` differs by userland: Ubuntu's patched coreutils
// names the processor and platform (`x86_64 x86_64 x86_64 GNU/Linux`), Debian's upstream coreutils
// leaves them out, busybox leaves them out too and Alpine builds it with the OS name `Linux`.

import type { ProcessResult } from '../../context'
import type { Proc } from '../host'
import { own } from '../own'

const KERNEL_VERSION = '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024'
const ORDER = 'snrvmpio'

function fields(p: Proc): Record<string, string> {
  const release = own(p.host.files, '/etc/os-release') ?? ''
  const ubuntu = !p.host.container || /^ID=ubuntu$/m.test(release)
  const alpine = /^ID=alpine$/m.test(release)
  return {
    s: 'Linux',
    n: p.host.hostname,
    r: '6.8.0-49-generic',
    v: KERNEL_VERSION,
    m: 'x86_64',
    p: ubuntu ? 'x86_64' : 'unknown',
    i: ubuntu ? 'x86_64' : 'unknown',
    o: alpine ? 'Linux' : 'GNU/Linux',
  }
}

/** `uname [-snrvmpioa]`: the fields asked for in kernel order; `-a` skips unknown -p/-i. */
export function uname(p: Proc): ProcessResult {
  const asked = new Set<string>()
  let all = false
  for (const arg of p.argv.slice(1)) {
    if (arg === '--all') {
      all = true
      continue
    }
    const bad = !/^-[a-z]+$/.test(arg)
      ? arg
      : [...arg.slice(1)].find((c) => !'asnrvmpio'.includes(c))
    if (bad !== undefined) {
      const what = arg.startsWith('-') ? `invalid option -- '${bad}'` : `extra operand '${arg}'`
      const tail = p.host.shell === 'ash' ? '' : "Try 'uname --help' for more information.\n"
      return { stdout: '', stderr: `uname: ${what}\n${tail}`, exitCode: 1 }
    }
    for (const c of arg.slice(1))
      if (c === 'a') all = true
      else asked.add(c)
  }
  const f = fields(p)
  const keys = [...ORDER].filter((k) =>
    all ? !(f[k] === 'unknown' && (k === 'p' || k === 'i')) || asked.has(k) : asked.has(k),
  )
  const out = (keys.length > 0 ? keys : ['s']).map((k) => f[k]).join(' ')
  return { stdout: `${out}\n`, stderr: '', exitCode: 0 }
}
