// What a schema cannot say about a lab document: unique task and variant ids, near misses and
// checks naming tasks and variants that exist, JSONPaths that parse, and the size limits.
import type { Check } from './check-schema'
import { LIMITS, type LabDocument } from './lab-schema'
import { jsonPathProblem } from './objects'
import type { LabProblem } from './parse'
import { utf8Length } from '../../sim/utf8'

function* checksOf(c: Check, path: string): Generator<[Check, string]> {
  yield [c, path]
  if ('all' in c) for (const [i, x] of c.all.entries()) yield* checksOf(x, `${path}.all[${i}]`)
  if ('any' in c) for (const [i, x] of c.any.entries()) yield* checksOf(x, `${path}.any[${i}]`)
  if ('not' in c) yield* checksOf(c.not, `${path}.not`)
  if ('after' in c) {
    yield* checksOf(c.after.first, `${path}.after.first`)
    yield* checksOf(c.after.then, `${path}.after.then`)
  }
}

function pathOf(c: Check): [string, string] | undefined {
  if ('field' in c) return ['field.path', c.field.path]
  if ('dropped' in c) return ['dropped.values.path', c.dropped.values.path]
  if ('output' in c && c.output.mentions)
    return ['output.mentions.values.path', c.output.mentions.values.path]
  return undefined
}

/** A variant id given twice (the second's manifests would never apply), or a check naming none. */
function variantProblem(lab: LabDocument): LabProblem | undefined {
  const variants = new Set<string>()
  for (const [i, v] of (lab.variants ?? []).entries()) {
    if (variants.has(v.id))
      return {
        path: `$.variants[${i}].id`,
        message: `Two variants have the id ${v.id}; variant ids must be unique.`,
      }
    variants.add(v.id)
  }
  for (const [i, t] of lab.tasks.entries())
    for (const [c, p] of checksOf(t.check, `$.tasks[${i}].check`))
      if ('variant' in c && !variants.has(c.variant))
        return {
          path: `${p}.variant`,
          message:
            variants.size === 0
              ? `There is no variant ${c.variant}: this lab has no variants.`
              : `There is no variant ${c.variant} in this lab (its variants: ${[...variants].join(', ')}).`,
        }
  return undefined
}

export function semanticProblem(lab: LabDocument): LabProblem | undefined {
  const bytes = utf8Length(JSON.stringify(lab))
  if (bytes > LIMITS.labBytes)
    return {
      path: '$',
      message: `The lab is ${Math.ceil(bytes / 1024)} KB in all; a lab may be at most 512 KB.`,
    }
  const ids = new Set<string>()
  for (const [i, t] of lab.tasks.entries()) {
    if (ids.has(t.id))
      return {
        path: `$.tasks[${i}].id`,
        message: `Two tasks have the id ${t.id}; task ids must be unique.`,
      }
    ids.add(t.id)
    for (const [c, p] of checksOf(t.check, `$.tasks[${i}].check`)) {
      const jp = pathOf(c)
      const problem = jp && jsonPathProblem(jp[1])
      if (problem) return { path: `${p}.${jp[0]}`, message: problem }
    }
  }
  const variant = variantProblem(lab)
  if (variant) return variant
  for (const [i, nm] of lab.nearMisses.entries()) {
    const unknown = nm.leavesUndone.find((id) => !ids.has(id))
    if (unknown)
      return {
        path: `$.nearMisses[${i}].leavesUndone`,
        message: `There is no task ${unknown} in this lab.`,
      }
  }
  const start = [
    ...lab.start.namespaces,
    ...lab.start.manifests,
    ...(lab.variants ?? []).flatMap((v) => v.manifests),
  ]
  if (start.reduce((n, t) => n + utf8Length(t), 0) > LIMITS.startBytes)
    return {
      path: '$.start',
      message: 'The starting state (manifests and variants) may be at most 64 KB.',
    }
  const commands = lab.solution.length + lab.nearMisses.reduce((n, m) => n + m.steps.length, 0)
  if (commands > LIMITS.transcriptCommands)
    return {
      path: '$.solution',
      message: `The solution and near misses hold ${commands} commands; at most 200 in all can be played.`,
    }
  return undefined
}
