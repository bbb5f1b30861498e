import type { AppContext } from '../http/env'
import type { TerminalLineBody } from './line'
import { runTerminalLine } from './line'

/** Placeholder until streams land: answers the line as NDJSON events at once. */
export async function streamTerminalLine(c: AppContext, clusterId: string, body: TerminalLineBody) {
  const out = await runTerminalLine(
    c.var.db,
    c.var.codec,
    c.var.userId!,
    clusterId,
    body,
    c.var.deps.now,
  )
  const events = [
    ...out.output.map((o) => ({ type: 'output', stream: o.stream, text: o.text })),
    { type: 'end', ...out },
  ]
  return c.body(events.map((e) => JSON.stringify(e)).join('\n') + '\n', 200, {
    'content-type': 'application/x-ndjson',
  })
}
