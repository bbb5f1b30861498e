// `kubectl create deployment NAME --image=...` (kubectl pkg/cmd/create/create_deployment.go):
// labels and selector `app=<name>`, one container per image named after the image's base name.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import type { Invocation } from './invocation'
import { randomSuffix } from '../state'
import { clientError, usageError } from './errors'
import { submitGenerated } from './generated'

/** `exactly one NAME is required, got N` as create's NameFromCommandArgs words it. */
export function nameFromArgs(inv: Invocation): string | ProcessResult {
  const n = inv.argsLenAtDash === -1 ? inv.args.length : inv.argsLenAtDash
  if (n !== 1) return usageError(inv.commandPath, `exactly one NAME is required, got ${n}`)
  return inv.args[0] as string
}

function containerName(inv: Invocation, image: string): string {
  let name = image.split('/').pop() as string
  name = name.split(':')[0] as string
  name = name.split('@')[0] as string
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(inv.ctx.s)}`
  return name
}

/** Builds the Deployment as kubectl does, in Go field order (that is the `-o json` order). */
export function createDeploymentVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const images = inv.flags.list('image')
  const command = inv.args.slice(1)
  if (images.length > 1 && command.length > 0)
    return clientError('cannot specify multiple --image options and command')
  const port = inv.flags.int('port', -1)
  const containers = images.map((image, i) => {
    const c: Record<string, unknown> = { name: containerName(inv, image), image }
    if (command.length > 0) c.command = command
    if (i === 0 && port >= 0) c.ports = [{ containerPort: port }]
    c.resources = {}
    return c
  })
  const labels = { app: name }
  const metadata: Record<string, unknown> = { name }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  metadata.labels = labels
  const deploy = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      replicas: inv.flags.int('replicas', 1),
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { creationTimestamp: null, labels: { ...labels } },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject
  return submitGenerated(inv, deploy, {
    op: 'created',
    namespaced: true,
    wrap: (err) => `failed to create deployment: ${err.message}`,
  })
}
