// The authoring form and the lab document (lab format 1) it edits: the form keeps YAML texts for
// the parts an instructor writes as YAML (starting state, checks, transcripts); saving turns them
// into the document the API validates.
import { parse, stringify } from 'yaml'

export interface TaskForm {
  id: string
  title: string
  /** one hint per line */
  hints: string
  /** the check, as YAML */
  check: string
}

export interface LabForm {
  title: string
  summary: string
  estimatedMinutes: string
  instructions: string
  explanation: string
  /** every starting manifest, as one multi-document YAML text */
  start: string
  tasks: TaskForm[]
  /** YAML list of commands (or {command, stdin}) */
  solution: string
  /** YAML list of {title, leavesUndone, steps} */
  nearMisses: string
}

export interface LabDocument {
  format: 1
  title: string
  summary: string
  estimatedMinutes: number
  instructions: string
  explanation?: string
  start?: { namespaces?: string[]; manifests?: string[]; loadBalancerController?: boolean }
  tasks: { id: string; title: string; hints?: string[]; check: unknown }[]
  solution?: unknown[]
  nearMisses?: unknown[]
  [key: string]: unknown
}

const yamlText = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.length === 0) ? '' : stringify(v, { lineWidth: 0 })

export function formOf(doc: LabDocument): LabForm {
  const namespaces = (doc.start?.namespaces ?? []).map(
    (n) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n`,
  )
  return {
    title: doc.title,
    summary: doc.summary,
    estimatedMinutes: String(doc.estimatedMinutes),
    instructions: doc.instructions,
    explanation: doc.explanation ?? '',
    start: [...namespaces, ...(doc.start?.manifests ?? [])]
      .map((m) => (m.endsWith('\n') ? m : `${m}\n`))
      .join('---\n'),
    tasks: doc.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      hints: (t.hints ?? []).join('\n'),
      check: yamlText(t.check),
    })),
    solution: yamlText(doc.solution),
    nearMisses: yamlText(doc.nearMisses),
  }
}

/** A YAML text the browser could not read, named for the instructor. */
export class FormError extends Error {}

function readYaml(text: string, what: string): unknown {
  try {
    return parse(text)
  } catch (e) {
    // the library's first line ends "at line 2, column 1:" before a picture of the spot
    const first = (e as Error).message.split('\n')[0]!.replace(/:$/, '')
    throw new FormError(`${what} is not valid YAML: ${first}${/[.!?]$/.test(first) ? '' : '.'}`)
  }
}

/** The document to send; keeps fields the form does not show (variants, namespaces' own flags). */
export function documentOf(form: LabForm, base: Partial<LabDocument> = {}): LabDocument {
  const minutes = Number(form.estimatedMinutes)
  return {
    ...base,
    format: 1,
    title: form.title,
    summary: form.summary,
    estimatedMinutes:
      Number.isFinite(minutes) && form.estimatedMinutes.trim() !== ''
        ? minutes
        : (form.estimatedMinutes as unknown as number),
    instructions: form.instructions,
    explanation: form.explanation,
    start: { ...base.start, namespaces: [], manifests: form.start.trim() ? [form.start] : [] },
    tasks: form.tasks.map((t, i) => ({
      id: t.id,
      title: t.title,
      hints: t.hints
        .split('\n')
        .map((h) => h.trim())
        .filter(Boolean),
      check: readYaml(t.check, `The check of task ${i + 1}`),
    })),
    solution: (readYaml(form.solution, 'The solution') ?? []) as unknown[],
    nearMisses: (readYaml(form.nearMisses, 'The near misses') ?? []) as unknown[],
  }
}

export const NEW_LAB: LabDocument = {
  format: 1,
  title: 'Untitled lab',
  summary: 'One line saying what the learner will do.',
  estimatedMinutes: 15,
  instructions: '# Untitled lab\n\n## 1. First step\n\n```sh\nkubectl get pods\n```\n',
  explanation: '## What you learned\n\n- ...\n',
  start: { manifests: [] },
  tasks: [],
  solution: [],
  nearMisses: [],
}

const LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  estimatedMinutes: 'Estimated minutes',
  instructions: 'Instructions',
  explanation: 'Explanation',
  tasks: 'Tasks',
  solution: 'Solution',
  nearMisses: 'Near misses',
}

/** Where in this form a problem is, given its JSON path in the lab document (as the server says). */
function formPlace(path: string): string | undefined {
  const task = /^\$\.tasks\[(\d+)\](?:\.(\w+))?\.?(.*)$/.exec(path)
  if (task) {
    const [, index, part, rest] = task
    const name = `Task ${Number(index) + 1}`
    if (!part) return name
    return `${name}, ${part}${rest ? ` (at ${rest})` : ''}`
  }
  const item = /^\$\.(solution|nearMisses)\[(\d+)\]\.?(.*)$/.exec(path)
  if (item) {
    const [, list, index, rest] = item
    return `${LABELS[list!]}, item ${Number(index) + 1}${rest ? ` (at ${rest})` : ''}`
  }
  if (/^\$\.start(\.|$)/.test(path)) return 'Starting state'
  const top = /^\$\.(\w+)$/.exec(path)
  return top ? LABELS[top[1]!] : undefined
}

/** The server's message for an invalid lab, its JSON path replaced by the form's words. */
export function placedMessage(message: string, field: string | undefined): string {
  const place = field === undefined ? undefined : formPlace(field)
  return place && message.startsWith(`${field}: `)
    ? `${place}: ${message.slice(field!.length + 2)}`
    : message
}
