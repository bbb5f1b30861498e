// `kubectl set image TYPE/NAME container=image ...` (kubectl pkg/cmd/set/set_image.go): changes
// the pod template (or a pod's spec), which starts a rollout; `deployment.apps/web image updated`.
// No output when nothing changed, as upstream skips empty patches.

import type { ProcessResult } from '../context'
import type { Container, KubeObject } from '../objects/types'
import { getObject } from '../state'
import { qualifiedResource, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { notFound, updateObject } from './api'
import { clientError, renderApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun, type DryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { resolveTargets, type Target } from './targets'

const GO_TYPES: Record<string, string> = {
  Service: '*v1.Service',
  Endpoints: '*v1.Endpoints',
  Namespace: '*v1.Namespace',
  Node: '*v1.Node',
  EndpointSlice: '*v1.EndpointSlice',
  Event: '*v1.Event',
}

function splitImageArgs(
  args: string[],
): { resources: string[]; images: [string, string][] } | string {
  const resources: string[] = []
  const images: [string, string][] = []
  for (const s of args) {
    const eq = s.indexOf('=')
    const isPair = eq > 0 || (s.endsWith('-') && s !== '-')
    if (isPair && eq <= 0) return `invalid image format: ${s}`
    if (isPair) images.push([s.slice(0, eq), s.slice(eq + 1)])
    else if (images.length > 0) return `all resources must be specified before image changes: ${s}`
    else resources.push(s)
  }
  return { resources, images }
}

function containersOf(obj: KubeObject): Container[] | undefined {
  if (obj.kind === 'Pod') return (obj.spec as { containers?: Container[] }).containers
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet')
    return (obj.spec as { template?: { spec?: { containers?: Container[] } } }).template?.spec
      ?.containers
  return undefined
}

/** Applies the container=image pairs to a deep copy; returns the copy and the errors seen. */
function withImages(
  obj: KubeObject,
  images: [string, string][],
): { next: KubeObject; errors: string[] } {
  const next = JSON.parse(JSON.stringify(obj)) as KubeObject
  const containers = containersOf(next) ?? []
  const errors: string[] = []
  for (const [name, image] of images) {
    let found = false
    for (const c of containers)
      if (c.name === name || name === '*') {
        c.image = image
        found = true
      }
    if (!found) errors.push(`error: unable to find container named "${name}"`)
  }
  return { next, errors }
}

/** One object: the images changed and written back. Errors are collected like set_image.go's allErrs. */
function imageOne(
  inv: Invocation,
  t: Target,
  images: [string, string][],
  dry: DryRun,
  errors: string[],
): KubeObject | ProcessResult | undefined {
  const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
  if (!obj) return { stdout: '', stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
  if (!containersOf(obj)) {
    errors.push(
      `error: ${qualifiedResource(t.kind as Kind)}/${t.name} the object is not a pod or does not have a pod template: ${GO_TYPES[t.kind] ?? '*v1.Object'}\n`,
    )
    return undefined
  }
  const { next, errors: errs } = withImages(obj, images)
  errors.push(...errs)
  if (JSON.stringify(next) === JSON.stringify(obj)) return undefined
  if (dry !== 'none') return next
  const r = updateObject(inv.ctx.s, next, { now: inv.ctx.now })
  if (!r.ok) {
    errors.push(
      `failed to patch image update to pod template: ${renderApiError(r.error)
        .replace(/^Error from server \(\w+\): /, '')
        .trimEnd()}`,
    )
    return undefined
  }
  recordChange(inv.ctx, r.value, 'configured')
  return r.value
}

function validate(
  inv: Invocation,
  split: { resources: string[]; images: [string, string][] },
): string | undefined {
  if (inv.flags.bool('all') && inv.flags.str('selector'))
    return 'cannot set --all and --selector at the same time'
  if (split.resources.length === 0 && inv.flags.list('filename').length === 0)
    return 'one or more resources must be specified as <resource> <name> or <resource>/<name>'
  if (split.images.length === 0) return 'at least one image update is required'
  if (split.images.length > 1 && split.images.some(([n]) => n === '*'))
    return 'all containers are already specified by *, but saw more than one container_name=container_image pairs'
  return outputError(inv.flags.str('output'))
}

/** `kubectl set image ...`. */
export function setImageVerb(inv: Invocation): ProcessResult {
  const split = splitImageArgs(inv.args)
  if (typeof split === 'string') return clientError(split)
  const bad = validate(inv, split)
  if (bad) return clientError(bad)
  const output = inv.flags.str('output')
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  const found = resolveTargets(
    { ...inv, args: split.resources },
    { selector: inv.flags.str('selector') !== '', all: inv.flags.bool('all') },
  )
  if (!found.ok) return clientError(found.error)
  let stdout = ''
  const errors: string[] = []
  const objs: KubeObject[] = []
  for (const t of found.targets) {
    const r = imageOne(inv, t, split.images, dry.value, errors)
    if (!r) continue
    if (!('metadata' in r)) return { ...r, stdout }
    objs.push(r)
    if (!printsObjects(output))
      stdout += nameLine(
        r.kind,
        r.metadata.name,
        output === 'name' ? undefined : withDryRun('image updated', dry.value),
      )
  }
  if (printsObjects(output) && objs.length > 0) stdout += renderObjects(objs, output)
  if (dry.value === 'none' && objs.length > 0) settleCluster(inv.ctx)
  if (errors.length === 0) return { stdout, stderr: dry.warning, exitCode: 0 }
  const stderr =
    errors.length === 1 ? (errors[0] as string) : errors.map((e) => e.replace(/\n$/, '')).join('\n')
  return {
    stdout,
    stderr: dry.warning + (stderr.endsWith('\n') ? stderr : `${stderr}\n`),
    exitCode: 1,
  }
}
