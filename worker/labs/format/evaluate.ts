// Evaluates a check (data) against one command's outcome. Checks that look back in time (requests
// seen since the lab began, values a field once had, `after`) keep notes in the learner's lab
// memory under a key derived from the check itself, so a new version of a lab keeps the notes of
// every check it did not change. Notes about a cluster are dropped when the cluster is rebuilt.
import type { CheckContext, CheckedCommand } from '../types'
import type { Check } from './check-schema'
import {
  countMentioned,
  endpointsMatchPods,
  fieldValues,
  inRange,
  objectsOf,
  podsOf,
  testField,
  valueTexts,
} from './objects'
import { compiled } from './regex'
import { judgeSeen, probeAnswers, seenInCommand, type Seen } from './requests'
import { isStalePodIP } from '../checks'

export const VARIANT_FLAG = 'lab.variant'
const CLUSTER_NOTE = 'format.cluster'

/** Memory keys already updated for a command: a check is evaluated once per open task. */
const updated = new WeakMap<CheckedCommand, Set<string>>()

function keyOf(c: unknown): string {
  let h = 0x811c9dc5
  const text = JSON.stringify(c)
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return `c:${(h >>> 0).toString(16)}`
}

/** Runs `update` once per command for `key`. */
function once(ctx: CheckContext, key: string, update: () => void): void {
  let keys = updated.get(ctx.last)
  if (!keys) updated.set(ctx.last, (keys = new Set()))
  if (keys.has(key)) return
  keys.add(key)
  update()
}

/** Drops notes about another cluster (the learner pressed Reset since they were taken). */
export function forgetOtherCluster(ctx: CheckContext): void {
  if (ctx.memory[CLUSTER_NOTE] === ctx.state.createdAt) return
  for (const k of Object.keys(ctx.memory)) if (k.startsWith('c:')) delete ctx.memory[k]
  ctx.memory[CLUSTER_NOTE] = ctx.state.createdAt
}

function seenInHistory(ctx: CheckContext, c: Check & { request: unknown }, now: Seen): Seen {
  const key = keyOf(c)
  const old = (ctx.memory[key] as Seen | undefined) ?? { n: 0, pods: [] }
  once(ctx, key, () => {
    ctx.memory[key] = { n: old.n + now.n, pods: [...new Set([...old.pods, ...now.pods])] }
  })
  return (ctx.memory[key] as Seen | undefined) ?? old
}

function remembered(
  ctx: CheckContext,
  c: Check & { dropped: unknown },
  values: string[],
): string[] {
  const key = keyOf(c)
  once(ctx, key, () => {
    const old = Array.isArray(ctx.memory[key]) ? (ctx.memory[key] as string[]) : []
    ctx.memory[key] = [...new Set([...old, ...values])].slice(-200)
  })
  return (ctx.memory[key] as string[] | undefined) ?? []
}

/** True when the check holds. Every branch is evaluated (no short cut) so notes are always taken. */
export function evaluate(c: Check, ctx: CheckContext): boolean {
  if ('all' in c) return c.all.map((x) => evaluate(x, ctx)).every(Boolean)
  if ('any' in c) return c.any.map((x) => evaluate(x, ctx)).some(Boolean)
  if ('not' in c) return !evaluate(c.not, ctx)
  if ('after' in c) {
    const key = keyOf(c)
    if (evaluate(c.after.first, ctx)) once(ctx, key, () => (ctx.memory[key] = true))
    const then = evaluate(c.after.then, ctx)
    return ctx.memory[key] === true && then
  }
  return evaluateLeaf(c, ctx)
}

function evaluateLeaf(c: Check, ctx: CheckContext): boolean {
  const s = ctx.state
  if ('exists' in c) return objectsOf(s, c.exists).length > 0
  if ('absent' in c) return objectsOf(s, c.absent).length === 0
  if ('pods' in c) return inRange(podsOf(s, c.pods).length, c.pods)
  if ('field' in c) return testField(s, c.field)
  if ('endpointsMatchPods' in c) return endpointsMatchPods(s, c.endpointsMatchPods)
  if ('request' in c) {
    const now = seenInCommand(ctx, c.request)
    return judgeSeen(c.request.in === 'history' ? seenInHistory(ctx, c, now) : now, c.request)
  }
  if ('probe' in c) return probeAnswers(ctx, c.probe)
  if ('command' in c) {
    const { matches, exitCode } = c.command
    return (
      (matches === undefined || compiled(matches).test(ctx.last.command)) &&
      (exitCode === undefined || ctx.last.exitCode === exitCode)
    )
  }
  if ('output' in c) return outputShows(ctx, c.output)
  if ('dropped' in c) {
    const current = valueTexts(fieldValues(s, c.dropped.values))
    const before = remembered(ctx, c, current)
    return before.some((v) => !current.includes(v) && (!c.dropped.stalePodIP || isStalePodIP(s, v)))
  }
  if ('variant' in c) return s.runtime.flags[VARIANT_FLAG] === c.variant
  return false
}

function outputShows(ctx: CheckContext, o: Extract<Check, { output: unknown }>['output']): boolean {
  const text = `${ctx.last.stdout}\n${ctx.last.stderr}`
  if (o.contains !== undefined && !text.includes(o.contains)) return false
  if (o.matches !== undefined && !compiled(o.matches).test(text)) return false
  if (o.mentions === undefined) return true
  const values = valueTexts(fieldValues(ctx.state, o.mentions.values))
  return (
    values.length > 0 && countMentioned(text, values) >= Math.min(o.mentions.atLeast, values.length)
  )
}
