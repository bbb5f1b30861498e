// `kubectl describe` (kubectl pkg/cmd/describe/describe.go, 1.32): objects by type, name,
// type/name or -l; several objects are separated by two blank lines; a single NotFound with
// exactly two arguments becomes a name-prefix search (DescribeMatchingResources).

import type { Ctx, ProcessResult } from '../context'
import { RESOURCES } from '../objects/resources'
import type { KubeObject } from '../objects/types'
import { describeObject } from './describe/describe-object'
import { fetchTarget, type FetchOptions, type Info } from './printers/get-fetch'
import { resolveTargets } from './printers/get-targets'
import { parseLabelSelector } from './printers/label-selector'

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
  const named = resolved.targets.some((t) => t.name !== undefined)
  if (named && labelText) return clientError('name cannot be provided when a selector is specified')
  if (
    args.allNamespaces &&
    resolved.targets.some((t) => t.name !== undefined && RESOURCES[t.kind].namespaced)
  ) {
    return clientError('a resource cannot be retrieved by name across all namespaces')
  }
  const opts = fetchOptions(args, labelText)
  const infos: Info[] = []
  const errors: string[] = []
  for (const t of resolved.targets) {
    const r = fetchTarget(ctx.s, t, opts)
    if ('error' in r) errors.push(r.error)
    else infos.push(r)
  }
  if (errors.length === 1 && errors[0]?.includes('(NotFound)') && args.resources.length === 2) {
    return describeMatching(ctx, args, opts, errors[0])
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

function fetchOptions(args: DescribeArgs, labelText: string): FetchOptions {
  const labels = parseLabelSelector(labelText)
  return {
    namespace: args.namespace,
    allNamespaces: args.allNamespaces,
    labels: 'error' in labels ? [] : labels.requirements,
    fields: [],
    labelText,
    fieldText: '',
    selectorError: 'error' in labels ? labels.error : undefined,
  }
}

/**
 * DescribeMatchingResources: `describe pods web` with no pod named `web` describes every pod whose
 * name starts with `web`, each followed by a blank line; no match prints the original error.
 */
function describeMatching(
  ctx: Ctx,
  args: DescribeArgs,
  opts: FetchOptions,
  original: string,
): ProcessResult {
  const [type = '', prefix = ''] = args.resources
  const resolved = resolveTargets([type])
  if ('error' in resolved) return clientError(resolved.error)
  if (new Set(resolved.targets.map((t) => t.kind)).size > 1) {
    return clientError('you may only specify a single resource type')
  }
  const matches: KubeObject[] = []
  for (const t of resolved.targets) {
    const r = fetchTarget(ctx.s, t, { ...opts, allNamespaces: false })
    if ('error' in r) return { stdout: '', stderr: r.error + '\n', exitCode: 1 }
    matches.push(...r.objects.filter((o) => o.metadata.name.startsWith(prefix)))
  }
  if (matches.length === 0) return { stdout: '', stderr: original + '\n', exitCode: 1 }
  const stdout = matches.map((o) => describeObject(ctx.s, o, ctx.now) + '\n').join('')
  return { stdout, stderr: '', exitCode: 0 }
}

function clientError(message: string): ProcessResult {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 }
}
