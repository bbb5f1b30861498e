// Shared by the generator verbs (create deployment/service/namespace, run, expose): kubectl builds
// a typed object client-side, prints it for --dry-run=client, else POSTs it and prints the answer.

import type { ProcessResult } from '../context'
import type { ApiError, KubeObject } from '../objects/types'
import type { Invocation } from './invocation'
import { createObject } from './api'
import { clientError, renderApiError, renderWarnings } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun } from './names'
import { outputError, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { withSavedConfig } from './saved-config'

/** Drops what only the client-side rendering carries (`creationTimestamp: null`, `status: {}`). */
function forServer(obj: KubeObject, namespace: string | undefined): Record<string, unknown> {
  const { status: _status, ...rest } = obj
  const { creationTimestamp: _ts, ...meta } = rest.metadata as unknown as Record<string, unknown>
  if (namespace !== undefined) meta.namespace = namespace
  return { ...rest, metadata: meta }
}

export interface GenerateOptions {
  /** the kubectl op word: `created`, `exposed` */
  op: string
  /** wraps an API error as the verb does (`failed to create deployment: ...`), or prints it as is */
  wrap?: (err: ApiError) => string
  /** namespaced object (Namespace is not) */
  namespaced: boolean
  /** the server's answer is decoded into a typed struct (JSON in Go field order); expose's is not */
  untypedAnswer?: boolean
}

/** Sends (or, for --dry-run=client, only prints) one generated object; the caller built it. */
export function submitGenerated(
  inv: Invocation,
  obj: KubeObject,
  opts: GenerateOptions,
): ProcessResult {
  const output = inv.flags.str('output')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  let result = obj
  let warnings = ''
  if (dry.value !== 'client') {
    const sent = forServer(obj, opts.namespaced ? inv.namespace : undefined)
    const input = inv.flags.bool('save-config') ? withSavedConfig(sent) : sent
    const r = createObject(inv.ctx.s, input, {
      now: inv.ctx.now,
      dryRun: dry.value === 'server',
      ...(opts.namespaced ? { namespace: inv.namespace } : {}),
    })
    if (!r.ok) {
      if (!opts.wrap)
        return { stdout: '', stderr: dry.warning + renderApiError(r.error), exitCode: 1 }
      const failed = clientError(opts.wrap(r.error))
      return { ...failed, stderr: renderWarnings(r.error.warnings) + failed.stderr }
    }
    warnings = renderWarnings(r.warnings)
    result = r.value
    if (dry.value === 'none') {
      recordChange(inv.ctx, result, 'created')
      settleCluster(inv.ctx)
    }
  }
  const stdout =
    output === ''
      ? nameLine(result.kind, result.metadata.name, withDryRun(opts.op, dry.value))
      : renderObjects([result], output, dry.value === 'client' || !opts.untypedAnswer)
  return { stdout, stderr: dry.warning + warnings, exitCode: 0 }
}
