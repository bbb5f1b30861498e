// `pods/<name>/exec` and `pods/<name>/attach`: the apiserver's checks (exec-request.ts), the
// upgrade to a WebSocket with the subprotocol kubectl offered (v5.channel.k8s.io, or v4), then one
// of the sessions: a command (command-session.ts), an interactive shell with a terminal
// (tty-session.ts), or the output of a running container (attach-output.ts). A request that is
// not a WebSocket upgrade (kubectl's SPDY fallback, a plain GET) gets `Upgrade request required`.

import type { Context } from 'hono'
import type { CommandRow } from '../../db/command-read'
import { effectiveArgv, findImage } from '../../sim/net/images'
import { isInteractiveShell } from '../../sim/session'
import type { ClusterState } from '../../sim/state'
import type { KubeEnv } from '../auth'
import type { ResourcePath } from '../path'
import { readCluster } from '../cluster-io'
import { badRequest } from '../status'
import { containerLines } from '../logs/log-lines'
import { attachOutput } from './attach-output'
import { attachedShell } from './attach-shell'
import { commandSession } from './command-session'
import { readExecRequest, resolveTarget, type ExecRequest, type ExecTarget } from './exec-request'
import { ERROR, V4, V5, chooseProtocol, failureStatus, frame } from './frames'
import { terminalShell } from './terminal-shell'
import type { NodeUpgradeEnv } from './node-upgrade'
import type { AcceptUpgrade, ExecHandlers, ExecPeer } from './peer'
import { execLine, runExecLine, type ExecCall } from './run-exec'
import { ttySession } from './tty-session'
import { workersAccept } from './workers-upgrade'

function upgrader(c: Context<KubeEnv>): AcceptUpgrade {
  const isWebSocket = (c.req.header('upgrade') ?? '').toLowerCase() === 'websocket'
  const accept = (c.env as Partial<NodeUpgradeEnv> | undefined)?.kubeUpgrade ?? workersAccept()
  if (!isWebSocket || c.req.method !== 'GET' || !accept)
    throw badRequest('Upgrade request required')
  return accept
}

interface Session {
  c: Context<KubeEnv>
  req: ExecRequest
  target: ExecTarget
  call: ExecCall
  row: CommandRow
  state: ClusterState
  protocol: string
}

/** What attach reaches: the container's main process, a shell when it was started for a terminal. */
function attachProgram(s: Session): string[] | undefined {
  const spec = s.target.pod.spec.containers.find((c) => c.name === s.target.container)
  const image = spec && findImage(spec.image)
  if (!spec || !image || !spec.stdin || !spec.tty) return undefined
  return effectiveArgv(image, spec)
}

function unavailable(peer: ExecPeer, message: string): ExecHandlers {
  peer.send(frame(ERROR, JSON.stringify(failureStatus(message))))
  peer.close(1000)
  return { onMessage: () => undefined, onClose: () => undefined }
}

function startExec(peer: ExecPeer, s: Session): ExecHandlers {
  const { req, target } = s
  const pod = target.pod
  const several = pod.spec.containers.length > 1
  const where = {
    namespace: req.namespace,
    pod: req.pod,
    container: several ? target.container : undefined,
  }
  const shell = req.subresource === 'attach' ? attachProgram(s) : req.command
  if (req.tty && req.stdin && shell && isInteractiveShell(shell)) {
    const via = req.subresource
    const t = { ...where, container: target.container, program: shell[0] as string, via }
    const backend = terminalShell(s.call, t)
    if (via === 'exec') return ttySession(peer, s.protocol, shell, backend)
    const attached = { ...t, uid: pod.metadata.uid }
    return ttySession(peer, s.protocol, shell, attachedShell(s.c, backend, attached))
  }
  if (req.subresource === 'attach') {
    const seen = containerLines(s.state, pod, target.container)
    return attachOutput(peer, s.protocol, s.call, {
      ...where,
      uid: pod.metadata.uid,
      container: target.container,
      seen,
      tty: req.tty,
    })
  }
  const argv = req.command
  const tty = req.tty && req.stdout
  return commandSession(peer, {
    protocol: s.protocol,
    stdin: req.stdin && !tty,
    tty,
    run: (stdin) =>
      runExecLine(
        s.call,
        execLine({ ...where, argv, stdin: req.stdin, tty }),
        argv,
        stdin,
        req.stdin && !tty ? undefined : s.row,
      ),
  })
}

export async function serveExec(c: Context<KubeEnv>, p: ResourcePath, sub: 'exec' | 'attach') {
  const query = new URL(c.req.url).searchParams
  const req = readExecRequest(sub, p.namespace ?? 'default', p.name ?? '', query)
  const kube = c.get('kube')
  // the row read with the token when auth read it, and this isolate's copy of its document
  const { row, state } = await readCluster(c)
  const target = resolveTarget(state, req)
  const accept = upgrader(c)
  const protocol = chooseProtocol(c.req.header('sec-websocket-protocol'))
  if (!protocol)
    throw badRequest(`unable to upgrade: the client must offer the subprotocol ${V5} or ${V4}`)
  const call: ExecCall = {
    db: c.get('db'),
    codec: c.get('codec'),
    userId: kube.userId,
    clusterId: kube.clusterId,
    now: c.get('deps').now,
  }
  const session: Session = { c, req, target, call, row, state, protocol }
  return accept(protocol, (peer) =>
    target.unavailable ? unavailable(peer, target.unavailable) : startExec(peer, session),
  )
}
