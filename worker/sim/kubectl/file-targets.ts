// `kubectl get -f FILE` and `describe -f FILE`: the objects the manifests name, read as kubectl's
// builder reads them (manifests.ts) and asked for as `TYPE/NAME` arguments in each manifest's
// namespace, which is what the builder's infos amount to for these verbs.

import type { ProcessResult } from '../context'
import { isKind, RESOURCES } from '../objects/resources'
import { clientError } from './errors'
import type { Invocation } from './invocation'
import { builderError, loadManifests } from './manifests'

export interface FileTargets {
  namespace: string
  /** `deployments.apps/web` */
  resources: string[]
}

/** The `-f` objects grouped by namespace (in file order), or kubectl's error. */
export function fileTargets(inv: Invocation): FileTargets[] | ProcessResult {
  if (inv.args.length > 0)
    return clientError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    )
  const loaded = loadManifests(inv, inv.flags.list('filename'))
  const failed = builderError(loaded)
  if (failed) return failed
  if (loaded.parseError !== undefined) return clientError(loaded.parseError)
  if (loaded.mappingErrors.length > 0) return clientError(loaded.mappingErrors.join('\n'))
  const groups: FileTargets[] = []
  for (const m of loaded.manifests) {
    if (!isKind(m.kind)) continue
    const r = RESOURCES[m.kind]
    const namespace = m.namespace ?? inv.namespace
    let group = groups.find((g) => g.namespace === namespace)
    if (!group) groups.push((group = { namespace, resources: [] }))
    group.resources.push(`${r.plural}${r.group ? `.${r.group}` : ''}/${m.name}`)
  }
  return groups
}

/** Runs a verb once per namespace of the `-f` objects, the outputs one after the other. */
export function overFileTargets(
  inv: Invocation,
  run: (t: FileTargets) => ProcessResult,
): ProcessResult {
  const targets = fileTargets(inv)
  if (!Array.isArray(targets)) return targets
  const out: ProcessResult = { stdout: '', stderr: '', exitCode: 0 }
  for (const t of targets) {
    const r = run(t)
    out.stdout += r.stdout
    out.stderr += r.stderr
    if (r.exitCode !== 0) out.exitCode = r.exitCode
  }
  return out
}
