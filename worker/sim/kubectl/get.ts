// `kubectl get` (kubectl pkg/cmd/get/get.go, 1.32): resolves the targets, reads them, and prints
// tables (one per kind, a blank line between) or, for -o yaml|json|name|jsonpath|custom-columns,
// one object or a `List`. Watching (-w) prints the current state once and returns.

import type { Ctx, ProcessResult } from '../context'
import { RESOURCES } from '../objects/resources'
import { fetchTarget, type FetchOptions, type Info } from './printers/get-fetch'
import { resolveTargets } from './printers/get-targets'
import { parseFieldSelector } from './printers/field-selector'
import { parseLabelSelector } from './printers/label-selector'
import { printHumanInfos } from './printers/get-human'
import { printGenericInfos } from './printers/get-generic'
import { printObjects } from './printers/output'

export interface GetArgs {
  /** positional args as typed: ['svc'], ['pods','web'], ['svc/web','deploy/x'], ['all'], ['pods,svc'] */
  resources: string[]
  namespace: string
  allNamespaces: boolean
  /** raw -o value: wide, yaml, json, name, jsonpath=..., jsonpath-as-json=..., custom-columns=... */
  output?: string
  selector?: string
  fieldSelector?: string
  showLabels: boolean
  sortBy?: string
  noHeaders: boolean
  labelColumns?: string[]
  watch?: boolean
  showKind?: boolean
  ignoreNotFound?: boolean
  /** --allow-missing-template-keys (default true) */
  allowMissingTemplateKeys?: boolean
}

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`

/** `kubectl get`: exit 1 with kubectl's message for bad arguments; NotFound names do not stop the others. */
export function kubectlGet(ctx: Ctx, args: GetArgs): ProcessResult {
  if (args.resources.length === 0) return { stdout: '', stderr: REQUIRED, exitCode: 1 }
  const resolved = resolveTargets(args.resources)
  if ('error' in resolved) return clientError(resolved.error)
  const opts = fetchOptions(args)
  const named = resolved.targets.some((t) => t.name !== undefined)
  if (named && (opts.labelText || opts.fieldText)) {
    const tuples = args.resources.some((r) => r.includes('/'))
    return clientError(
      tuples
        ? 'selectors and the all flag cannot be used when passing resource/name arguments'
        : 'name cannot be provided when a selector is specified',
    )
  }
  if (
    args.allNamespaces &&
    resolved.targets.some((t) => t.name !== undefined && RESOURCES[t.kind].namespaced)
  ) {
    return clientError('a resource cannot be retrieved by name across all namespaces')
  }
  if (args.watch && new Set(resolved.targets.map((t) => t.kind)).size > 1) {
    return clientError('you may only specify a single resource type')
  }
  const infos: Info[] = []
  const errors: string[] = []
  for (const t of resolved.targets) {
    const r = fetchTarget(ctx.s, t, opts)
    if ('error' in r) {
      if (args.ignoreNotFound && r.error.startsWith('Error from server (NotFound)')) continue
      errors.push(r.error)
    } else infos.push(r)
  }
  if (args.watch) return watchOnce(infos, errors, args, ctx.now)
  const human = !args.output || args.output === 'wide'
  const singleItem = resolved.targets.length === 1 && resolved.targets[0]?.name !== undefined
  const out = human
    ? printHumanInfos(infos, args, ctx.now, errors.length > 0)
    : printGenericInfos(infos, args, singleItem, errors.length > 0)
  const stderr = out.stderr + errors.map((e) => e + '\n').join('')
  const failed = errors.length > 0 || out.exitCode !== 0
  return { stdout: out.stdout, stderr, exitCode: failed ? 1 : 0 }
}

/**
 * `get -w`: the watch's initial listing (get.go watch). The simulation cannot stream later
 * events, so the command returns after it; there is no "No resources found" in watch mode.
 */
function watchOnce(infos: Info[], errors: string[], args: GetArgs, now: number): ProcessResult {
  const warning = args.sortBy
    ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n'
    : ''
  if (errors.length > 0)
    return { stdout: '', stderr: warning + (errors[0] ?? '') + '\n', exitCode: 1 }
  const human = !args.output || args.output === 'wide'
  const out = human
    ? printHumanInfos(infos, { ...args, sortBy: undefined }, now, true)
    : printObjects(
        infos.flatMap((i) => i.objects),
        args.output ?? '',
        { allowMissingTemplateKeys: args.allowMissingTemplateKeys, noHeaders: args.noHeaders },
      )
  return { stdout: out.stdout, stderr: warning + out.stderr, exitCode: out.exitCode }
}

export function fetchOptions(args: GetArgs): FetchOptions {
  const labelText = (args.selector ?? '').trim()
  const fieldText = (args.fieldSelector ?? '').trim()
  const labels = parseLabelSelector(labelText)
  const fields = parseFieldSelector(fieldText)
  // both are parsed by the API server, so a bad one fails each list request (BadRequest)
  const selectorError =
    'error' in labels ? labels.error : 'error' in fields ? fields.error : undefined
  return {
    namespace: args.namespace,
    allNamespaces: args.allNamespaces,
    labels: 'error' in labels ? [] : labels.requirements,
    fields: 'error' in fields ? [] : fields.requirements,
    labelText,
    fieldText,
    selectorError,
  }
}

function clientError(message: string): ProcessResult {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 }
}
