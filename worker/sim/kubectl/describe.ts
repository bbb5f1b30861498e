// `kubectl describe` (kubectl pkg/cmd/describe/describe.go, 1.32): objects by type, name,
// type/name or -l; several objects are separated by two blank lines; a name that matches no
// object describes every object whose name starts with it (DescribeMatchingResources).

import type { Ctx, ProcessResult } from '../context'
import { RESOURCES } from '../objects/resources'
import { describeObject } from './describe/describe-object'
import { fetchTarget, type Info } from './printers/get-fetch'
import { resolveTargets } from './printers/get-targets'
import { parseLabelSelector } from './printers/label-selector'
import { listObjects } from '../state'

export interface DescribeArgs {
  resources: string[]
  namespace: string
  allNamespaces: boolean
  selector?: string
}

const REQUIRED =
  'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'

/** `kubectl describe`: exit 1 with the API's or kubectl's error when something is not found. */
export function kubectlDescribe(ctx: Ctx, args: DescribeArgs): ProcessResult {
  if (args.resources.length === 0) return { stdout: '', stderr: REQUIRED, exitCode: 1 }
  const resolved = resolveTargets(args.resources)
  if ('error' in resolved) return clientError(resolved.error)
  const labelText = (args.selector ?? '').trim()
  const labels = parseLabelSelector(labelText)
  const named = resolved.targets.some((t) => t.name !== undefined)
  if (named && labelText) return clientError('name cannot be provided when a selector is specified')
  if (
    args.allNamespaces &&
    resolved.targets.some((t) => t.name !== undefined && RESOURCES[t.kind].namespaced)
  ) {
    return clientError('a resource cannot be retrieved by name across all namespaces')
  }
  const opts = {
    namespace: args.namespace,
    allNamespaces: args.allNamespaces,
    labels: 'error' in labels ? [] : labels.requirements,
    fields: [],
    labelText,
    fieldText: '',
    selectorError: 'error' in labels ? labels.error : undefined,
  }
  const infos: Info[] = []
  const errors: string[] = []
  for (const t of resolved.targets) {
    const r = fetchTarget(ctx.s, t, opts)
    if ('error' in r) errors.push(r.error)
    else infos.push(r)
  }
  if (
    errors.length > 0 &&
    infos.length === 0 &&
    args.resources.length === 2 &&
    !args.resources[0]?.includes('/')
  ) {
    const prefixed = describePrefix(ctx, args, resolved.targets[0]?.kind)
    if (prefixed) return prefixed
  }
  const texts = infos.flatMap((i) => i.objects).map((o) => describeObject(ctx.s, o, ctx.now))
  let stderr = errors.map((e) => e + '\n').join('')
  if (texts.length === 0 && errors.length === 0) {
    stderr = args.allNamespaces
      ? 'No resources found\n'
      : `No resources found in ${args.namespace} namespace.\n`
  }
  return { stdout: texts.join('\n\n'), stderr, exitCode: errors.length > 0 ? 1 : 0 }
}

/** `describe pods web` with no pod named `web`: every pod whose name starts with `web`. */
function describePrefix(
  ctx: Ctx,
  args: DescribeArgs,
  kind: Parameters<typeof listObjects>[1] | undefined,
): ProcessResult | undefined {
  const prefix = args.resources[1] ?? ''
  if (!kind || args.resources[0]?.includes(',')) return undefined
  const ns = RESOURCES[kind].namespaced ? args.namespace : undefined
  const matches = listObjects(ctx.s, kind, ns).filter((o) => o.metadata.name.startsWith(prefix))
  if (matches.length === 0) return undefined
  return {
    stdout: matches.map((o) => describeObject(ctx.s, o, ctx.now) + '\n').join(''),
    stderr: '',
    exitCode: 0,
  }
}

function clientError(message: string): ProcessResult {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 }
}
