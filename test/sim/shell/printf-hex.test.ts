// `\xHH`, `\uHHHH` and `\UHHHHHHHH` in printf formats, `%b` and `echo -e`, as bash 5.2 prints them
// (checked on this machine): `printf 'it\x27s'` wrote the backslash and digits instead of a quote.
import { expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { run } from '../../../worker/sim/run'
import { T0 } from './fixture'

const s = newCluster(7, T0)
const sh = (line: string) => run(s, line, { now: T0, history: [] })

it('turns \\xHH into that byte and \\u, \\U into that character, in bash’s printf and echo -e', () => {
  expect(sh("printf 'it\\x27s \\x41\\x4a\\n'").stdout).toBe("it's AJ\n")
  expect(sh('echo -e "caf\\xc3\\xa9 \\x7"').stdout).toBe('café \x07\n')
  expect(sh("printf '%b|\\u00e9|\\U0001F600\\n' 'z\\x7a'").stdout).toBe('zz|é|😀\n')
  // no hex digit: as typed
  expect(sh("printf '\\xg\\n'").stdout).toBe('\\xg\n')
})
