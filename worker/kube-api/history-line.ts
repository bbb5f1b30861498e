// How an API write reads in the cluster's history (what instructors and `history` see): the client
// (kubectl's `Kubectl-Command` header, else the User-Agent's program), what happened to which
// object, and `(API)` so it is told apart from the lab terminal's lines.

import type { Context } from 'hono'
import type { Kind } from '../sim/objects/resources'
import { kindPrefix } from '../sim/kubectl/printers/tables'
import type { KubeEnv } from './auth'

function client(c: Context<KubeEnv>): string {
  const cmd = c.req.header('kubectl-command') ?? ''
  if (/^kubectl( [a-z-]{1,30}){1,3}$/.test(cmd)) return cmd
  const agent = /^([A-Za-z][\w.-]{0,40})/.exec(c.req.header('user-agent') ?? '')?.[1]
  return agent ? agent.replace(/\.\d+(\.\d+)*$/, '') : 'API client'
}

/** `kubectl apply: deployment.apps/web created in default (API)`. */
export function historyLine(
  c: Context<KubeEnv>,
  kind: Kind,
  name: string,
  namespace: string | undefined,
  op: string,
): string {
  const where = namespace ? ` in ${namespace}` : ''
  return `${client(c)}: ${kindPrefix(kind)}/${name} ${op}${where} (API)`
}

/** The summary kubectl itself prints for the write: `deployment.apps/web created`. */
export function summaryLine(kind: Kind, name: string, op: string): string {
  return `${kindPrefix(kind)}/${name} ${op}`
}
