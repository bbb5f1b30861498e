// Reading a lab document: the schema first (the JSON path of the first problem and a sentence),
// then what a schema cannot say: unique task ids, near misses naming real tasks, JSONPaths that
// parse, limits, and a starting state the API server accepts within the cluster's quotas.
import { LineCounter, parseDocument, type Document } from 'yaml'
import type * as z from 'zod/mini'
import { checkSchema, leafChecks } from './check-schema'
import { buildStart } from './compile'
import { issueSentence } from './issues'
import { labSchema, type LabDocument } from './lab-schema'
import { semanticProblem } from './semantic'
import { fileLine } from './yaml-lines'

export interface LabProblem {
  /** JSON path of the first problem, e.g. `$.tasks[1].check.request.outcome` */
  path: string
  message: string
  /** within a manifest text that does not parse: the line of that text */
  line?: number
}

export type Parsed = { ok: true; lab: LabDocument } | { ok: false; problem: LabProblem }

function jsonPath(path: PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
}

function at(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    value,
  )
}

const CHECK_KEYS = [...Object.keys(leafChecks), 'all', 'any', 'not', 'after']
type Found = { path: PropertyKey[]; message: string }

/** A check that failed the union: re-read it as the one kind it names, for a precise path. */
function checkIssue(value: unknown): Found {
  const keys =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []
  const key = keys[0]
  if (keys.length !== 1 || key === undefined || !CHECK_KEYS.includes(key))
    return {
      path: [],
      message: `A check is an object with exactly one of these keys: ${CHECK_KEYS.join(', ')}.`,
    }
  const inner = (value as Record<string, unknown>)[key]
  const within = (found: Found, ...prefix: PropertyKey[]): Found => ({
    path: [key, ...prefix, ...found.path],
    message: found.message,
  })
  if (key === 'not') return within(checkIssue(inner))
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(inner) || inner.length === 0)
      return within({ path: [], message: `${key} takes a list of one or more checks.` })
    const i = inner.findIndex((c) => !checkSchema.safeParse(c).success)
    return i < 0
      ? within({ path: [], message: 'At most 30 checks.' })
      : within(checkIssue(inner[i]), i)
  }
  if (key === 'after') {
    const a = (inner ?? {}) as Record<string, unknown>
    for (const k of ['first', 'then'])
      if (!checkSchema.safeParse(a[k]).success) return within(checkIssue(a[k]), k)
    return within({ path: [], message: 'after takes exactly first and then.' })
  }
  const r = (leafChecks as Record<string, z.ZodMiniType>)[key]!.safeParse(inner)
  return r.success
    ? { path: [], message: 'This check is not valid.' }
    : within(firstIssue(r.error.issues, inner))
}

/** Where the document holds a check: a task's check, or inside all/any/not/after. */
function isCheckPosition(path: PropertyKey[]): boolean {
  const last = path[path.length - 1]
  const before = path[path.length - 2]
  if (typeof last === 'number') return before === 'all' || before === 'any'
  return (
    last === 'check' ||
    last === 'not' ||
    ((last === 'first' || last === 'then') && path[path.length - 2] === 'after')
  )
}

function firstIssue(issues: z.core.$ZodIssue[], root: unknown): Found {
  const issue = issues[0]
  if (!issue) return { path: [], message: 'This is not valid.' }
  if (issue.code === 'invalid_union' && isCheckPosition(issue.path)) {
    const inner = checkIssue(at(root, issue.path))
    return { path: [...issue.path, ...inner.path], message: inner.message }
  }
  if (issue.code === 'invalid_union') {
    // another either-or (a step as a line or {command, stdin}; an outcome or a list of them): the
    // branch that got inside the value fits its shape, else one that did not refuse its type
    const branch =
      issue.errors.find((e) => (e[0]?.path.length ?? 0) > 0) ??
      issue.errors.find((e) => e[0]?.code !== 'invalid_type') ??
      issue.errors[0]
    if (branch?.[0])
      return firstIssue([{ ...branch[0], path: [...issue.path, ...branch[0].path] }], root)
  }
  return { path: issue.path, message: issueSentence(issue, at(root, issue.path)) }
}

function sentence(message: string): string {
  const m = message.charAt(0).toUpperCase() + message.slice(1)
  return /[.!?]$/.test(m) ? m : `${m}.`
}

/** far deeper than any real lab (a check in all/any/not a dozen levels down) */
const MAX_DEPTH = 40

/** Where a value nests deeper than `max` (walked without recursion: the input may be hostile). */
function tooDeep(input: unknown, max: number): PropertyKey[] | undefined {
  const stack: [unknown, PropertyKey[]][] = [[input, []]]
  while (stack.length > 0) {
    const [v, path] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (path.length >= max) return path
    for (const [k, child] of Object.entries(v))
      stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]])
  }
  return undefined
}

/** Validates a lab document: every check of the schema, then the starting state is built once per variant. */
export function parseLabDocument(input: unknown, now: number): Parsed {
  const deep = tooDeep(input, MAX_DEPTH)
  if (deep)
    return {
      ok: false,
      problem: { path: jsonPath(deep), message: `This nests more than ${MAX_DEPTH} levels deep.` },
    }
  const r = labSchema.safeParse(input)
  if (!r.success) {
    const issue = firstIssue(r.error.issues, input)
    return { ok: false, problem: { path: jsonPath(issue.path), message: sentence(issue.message) } }
  }
  const lab = r.data
  const problem = semanticProblem(lab)
  if (problem) return { ok: false, problem }
  for (const variant of lab.variants?.map((v) => v.id) ?? [undefined]) {
    const built = buildStart(lab, 1, now, variant)
    if ('problem' in built)
      return { ok: false, problem: { ...built.problem, message: sentence(built.problem.message) } }
  }
  return { ok: true, lab }
}

const notYaml = (message: string): Parsed => ({ ok: false, problem: { path: '$', message } })

/** A lab file (YAML or JSON text) read and validated; a problem says its line in the file. */
export function parseLabText(text: string, now: number): Parsed {
  const counter = new LineCounter()
  let doc: Document
  let value: unknown
  try {
    doc = parseDocument(text, { lineCounter: counter })
    const error = doc.errors[0]
    if (error && /Maximum call stack/.test(error.message))
      return notYaml('The file nests too deeply to be a lab.')
    if (error?.code === 'MULTIPLE_DOCS')
      return notYaml(
        `A lab file is one YAML document: a second one starts (---) at line ${error.linePos?.[0].line ?? '?'}.`,
      )
    // the library's first line ends "at line 3, column 1:" before a picture of the spot
    if (error)
      return notYaml(
        `The file is not valid YAML: ${sentence(error.message.split('\n')[0]!.replace(/:$/, ''))}`,
      )
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    if (e instanceof RangeError || /Maximum call stack/.test(String(e)))
      return notYaml('The file nests too deeply to be a lab.')
    return notYaml(`The file is not valid YAML: ${sentence((e as Error).message.split('\n')[0]!)}`)
  }
  const parsed = parseLabDocument(value, now)
  if (parsed.ok) return parsed
  const line = fileLine(doc, counter, parsed.problem.path, parsed.problem.line)
  if (line === undefined) return parsed
  const message = `${parsed.problem.message.replace(/\.$/, '')} (line ${line} of the file).`
  return { ok: false, problem: { ...parsed.problem, message } }
}
