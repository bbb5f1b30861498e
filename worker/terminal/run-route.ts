// `POST /api/clusters/:id/run` with a terminal, a size, Ctrl+D or `stream: true` (docs/api.md):
// served here; without those fields the route answers as it always has (worker/http/run-command).
import * as z from 'zod/mini'
import type { LoadedCluster } from '../http/command-loop'
import type { AppContext } from '../http/env'
import { invalidInput } from '../http/errors'
import { runTerminalLine, type TerminalLineBody } from './line'
import { TERMINAL_ID } from './records'
import { streamTerminalLine } from './stream-response'

export const terminalRunFields = {
  terminal: z.optional(
    z
      .string()
      .check(
        z.regex(TERMINAL_ID, { error: 'A terminal name is 1 to 40 letters, digits, "-" or "_".' }),
      ),
  ),
  columns: z.optional(z.int().check(z.gte(20), z.lte(500))),
  rows: z.optional(z.int().check(z.gte(5), z.lte(200))),
  stream: z.optional(z.boolean()),
  eof: z.optional(z.boolean()),
  status: z.optional(z.int().check(z.gte(0), z.lte(255))),
}

type RunBody = TerminalLineBody & { stream?: boolean }

export function isTerminalRun(body: RunBody): boolean {
  return (
    body.terminal !== undefined ||
    body.columns !== undefined ||
    body.rows !== undefined ||
    body.stream !== undefined ||
    body.eof !== undefined ||
    body.status !== undefined
  )
}

/** `first`: the cluster the route has just read with the session (one round trip). */
export async function terminalRun(
  c: AppContext,
  clusterId: string,
  body: RunBody,
  first?: LoadedCluster,
) {
  if (body.eof && body.command !== '')
    throw invalidInput('With "eof" (Ctrl+D) the command must be empty.', 'command')
  if (body.stream) return streamTerminalLine(c, clusterId, body, first)
  const out = await runTerminalLine(
    c.get('db'),
    c.get('codec'),
    c.get('userId')!,
    clusterId,
    body,
    c.get('deps').now,
    first,
  )
  return c.json(out)
}
