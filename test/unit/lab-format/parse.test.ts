import { describe, expect, it } from 'vitest'
import { parseLabDocument, parseLabText } from '../../../worker/labs/format/parse'
import { START, WEB } from './harness'

const task = (id: string, check: unknown = { exists: { kind: 'Service', name: 'web' } }) => ({
  id,
  title: `Task ${id}`,
  hints: ['A hint.'],
  check,
})
const base = () => ({
  format: 1,
  title: 'Web',
  summary: 'A Service in front of two pods.',
  estimatedMinutes: 10,
  instructions: '# Web',
  start: { manifests: [WEB] },
  tasks: [task('one')],
})
type Doc = ReturnType<typeof base> & Record<string, unknown>

const rows: { name: string; edit: (d: Doc) => unknown; path: string; says: RegExp }[] = [
  {
    name: 'wrong format version',
    edit: (d) => ({ ...d, format: 2 }),
    path: '$.format',
    says: /format must be 1/i,
  },
  { name: 'missing title', edit: (d) => ({ ...d, title: undefined }), path: '$.title', says: /./ },
  {
    name: 'a check of no known kind',
    edit: (d) => ({ ...d, tasks: [task('one', { exist: {} })] }),
    path: '$.tasks[0].check',
    says: /exactly one of these keys: exists, absent/,
  },
  {
    name: 'a wrong outcome deep inside',
    edit: (d) => ({ ...d, tasks: [task('one', { all: [{ request: { outcome: 'lost' } }] })] }),
    path: '$.tasks[0].check.all[0].request.outcome',
    says: /./,
  },
  {
    name: 'an unknown key in a check',
    edit: (d) => ({ ...d, tasks: [task('one', { exists: { kind: 'Pod', nmae: 'x' } })] }),
    path: '$.tasks[0].check.exists',
    says: /nmae/,
  },
  {
    name: 'a regex that backtracks forever',
    edit: (d) => ({ ...d, tasks: [task('one', { command: { matches: '(a+)+b' } })] }),
    path: '$.tasks[0].check.command.matches',
    says: /take forever/,
  },
  {
    name: 'two tasks with one id',
    edit: (d) => ({ ...d, tasks: [task('one'), task('one')] }),
    path: '$.tasks[1].id',
    says: /unique/,
  },
  {
    name: 'a JSONPath that does not parse',
    edit: (d) => ({
      ...d,
      tasks: [task('one', { field: { kind: 'Service', name: 'web', path: '{.spec[}' } })],
    }),
    path: '$.tasks[0].check.field.path',
    says: /does not parse/,
  },
  {
    name: 'a near miss naming no task',
    edit: (d) => ({ ...d, nearMisses: [{ title: 'x', leavesUndone: ['two'], steps: ['true'] }] }),
    path: '$.nearMisses[0].leavesUndone',
    says: /no task two/,
  },
  {
    name: 'a manifest the API server refuses',
    edit: (d) => ({ ...d, start: { manifests: [WEB.replace('replicas: 2', 'replicas: -1')] } }),
    path: '$.start.manifests[0]',
    says: /API server refused it: Deployment.apps "web" is invalid/,
  },
  {
    name: 'a manifest over the quota',
    edit: (d) => ({ ...d, start: { manifests: [WEB.replace('replicas: 2', 'replicas: 11')] } }),
    path: '$.start.manifests[0]',
    says: /exceeded quota/,
  },
  {
    name: 'a later manifest, after namespaces, that is not YAML',
    edit: (d) => ({ ...d, start: { namespaces: ['dev'], manifests: [WEB, 'kind: [\n'] } }),
    path: '$.start.manifests[1]',
    says: /^This YAML does not parse \(line 1 of this text\): /,
  },
  {
    name: 'a manifest that is not YAML',
    edit: (d) => ({ ...d, start: { manifests: ['kind: [\n'] } }),
    path: '$.start.manifests[0]',
    says: /does not parse/,
  },
  {
    name: '31 tasks',
    edit: (d) => ({ ...d, tasks: Array.from({ length: 31 }, (_, i) => task(`t${i}`)) }),
    path: '$.tasks',
    says: /at most 30 tasks/,
  },
  {
    name: 'instructions over 64 KB',
    edit: (d) => ({ ...d, instructions: 'x'.repeat(65 * 1024) }),
    path: '$.instructions',
    says: /at most 64 KB/,
  },
  {
    name: 'a starting state over 64 KB',
    edit: (d) => ({ ...d, start: { manifests: [WEB, `# ${'x'.repeat(64 * 1024)}\n`] } }),
    path: '$.start',
    says: /at most 64 KB/,
  },
  {
    name: 'transcripts over 200 commands',
    edit: (d) => ({
      ...d,
      solution: Array(150).fill('true'),
      nearMisses: [{ title: 'x', leavesUndone: ['one'], steps: Array(60).fill('true') }],
    }),
    path: '$.solution',
    says: /210 commands; at most 200/,
  },
  {
    name: 'a solution step whose stdin is not text',
    edit: (d) => ({ ...d, solution: [{ command: 'kubectl apply -f -', stdin: 5 }] }),
    path: '$.solution[0].stdin',
    says: /^Expected a string, found a number\.$/,
  },
  {
    name: 'a near-miss step with a misspelt key',
    edit: (d) => ({
      ...d,
      nearMisses: [{ title: 'x', leavesUndone: ['one'], steps: [{ command: 'true', stdn: 'y' }] }],
    }),
    path: '$.nearMisses[0].steps[0]',
    says: /^Unknown key: stdn\.$/,
  },
  {
    name: 'a wrong outcome in a list of outcomes',
    edit: (d) => ({ ...d, tasks: [task('one', { request: { outcome: ['answered', 'ok'] } })] }),
    path: '$.tasks[0].check.request.outcome[1]',
    says: /^Must be one of: "answered"/,
  },
  {
    name: 'a lab over 512 KB in all',
    edit: (d) => ({
      ...d,
      solution: Array.from({ length: 120 }, () => ({ command: 'cat', stdin: 'x'.repeat(5000) })),
    }),
    path: '$',
    says: /^The lab is \d+ KB in all; a lab may be at most 512 KB\.$/,
  },
  {
    name: 'two variants with one id',
    edit: (d) => ({
      ...d,
      variants: [
        { id: 'a', manifests: [] },
        { id: 'a', manifests: [] },
      ],
    }),
    path: '$.variants[1].id',
    says: /^Two variants have the id a; variant ids must be unique\.$/,
  },
  {
    name: 'a check naming a variant the lab does not have',
    edit: (d) => ({
      ...d,
      variants: [{ id: 'wrong-port', manifests: [] }],
      tasks: [
        task('one', { any: [{ all: [{ variant: 'wrong-prot' }, { exists: { kind: 'Pod' } }] }] }),
      ],
    }),
    path: '$.tasks[0].check.any[0].all[0].variant',
    says: /^There is no variant wrong-prot in this lab \(its variants: wrong-port\)\.$/,
  },
  {
    name: 'a variant check in a lab without variants',
    edit: (d) => ({ ...d, tasks: [task('one', { variant: 'a' })] }),
    path: '$.tasks[0].check.variant',
    says: /no variants/,
  },
]

describe('reading a lab document', () => {
  it('accepts a valid lab and fills in defaults', () => {
    const r = parseLabDocument(base(), START)
    expect(r.ok && r.lab.solution).toEqual([])
  })

  it.each(rows)('refuses $name at $path', (row) => {
    const r = parseLabDocument(row.edit(base()), START)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problem.path).toBe(row.path)
    expect(r.problem.message).toMatch(row.says)
    expect(r.problem.message).toMatch(/[.!?]$/)
  })

  it('refuses nesting deeper than any lab needs, without overflowing the stack', () => {
    let check: unknown = { exists: { kind: 'Pod' } }
    for (let i = 0; i < 20_000; i++) check = { not: check }
    const r = parseLabDocument({ ...base(), tasks: [task('one', check)] }, START)
    expect(r.ok ? '' : r.problem.message).toBe('This nests more than 40 levels deep.')
    expect(r.ok ? '' : r.problem.path).toMatch(/^\$\.tasks\[0\]\.check\.not\.not/)
    const y = parseLabText(`a: ${'['.repeat(200_000)}`, START)
    expect(y.ok ? '' : y.problem.message).toBe('The file nests too deeply to be a lab.')
  })

  it('reads YAML text and says where it does not parse', () => {
    const r = parseLabText('format: 1\ntitle: [\n', START)
    expect(r.ok ? '' : r.problem.message).toMatch(/^The file is not valid YAML/)
    const tabs = parseLabText('format: 1\ntitle: x\n\tsummary: y\n', START)
    expect(tabs.ok ? '' : tabs.problem.message).toBe(
      'The file is not valid YAML: Tabs are not allowed as indentation at line 3, column 1.',
    )
  })
})
