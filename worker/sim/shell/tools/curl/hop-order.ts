// The order in which one transfer (one hop of -L) writes to stderr and stdout, as a terminal
// shows them: the -v trace, and with -i each response header on stdout right after its `< `
// trace line (the header callback runs as each line arrives; the blank line that ends them is
// written before its `< ` line), then the body between the trace and the meter's last line.

import type { Transcript } from '../../io'
import type { Transfer } from './output'

/** One hop's pieces; `withBody` false for a redirect curl follows (its body is not written). */
export function hopPieces(t: Transfer, includeHeaders: boolean, withBody: boolean): Transcript {
  const pieces: Transcript = []
  const err = (text: string) => text !== '' && pieces.push({ stream: 'stderr', text })
  const out = (text: string) => text !== '' && pieces.push({ stream: 'stdout', text })
  const at = t.bodyAt ?? t.stderr.length
  const headers = includeHeaders ? (t.headerText ?? '') : ''
  const written = headers !== '' && t.stdout.startsWith(headers)
  const body = withBody ? (written ? t.stdout.slice(headers.length) : t.stdout) : ''
  const trace = t.traceHeaders
  if (written && trace && trace[1] > trace[0] && trace[1] <= at) {
    err(t.stderr.slice(0, trace[0]))
    const lines = headers.split('\r\n').slice(0, -2)
    for (const line of lines) {
      err(`< ${line}\r\n`)
      out(`${line}\r\n`)
    }
    out('\r\n')
    err('< \r\n')
    err(t.stderr.slice(trace[1], at))
  } else {
    err(t.stderr.slice(0, at))
    out(written ? headers : '')
  }
  out(body)
  err(t.stderr.slice(at))
  return pieces
}
