// A YAML mistake in a lab says the line an instructor's editor shows: of the starting-state text
// (several `---` documents, as the web form sends it) and of an imported lab file.
import { describe, expect, it } from 'vitest'
import { parseLabDocument, parseLabText } from '../../../worker/labs/format/parse'
import { START, WEB } from './harness'

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n'
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: b\n'

const lab = (manifest: string) => ({
  format: 1,
  title: 'Lines',
  summary: 'Where mistakes are.',
  estimatedMinutes: 5,
  instructions: '# Lines',
  start: { manifests: [manifest] },
  tasks: [{ id: 'one', title: 'One', check: { exists: { kind: 'Pod', name: 'a' } } }],
})

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n')

describe('where a YAML mistake is', () => {
  it('counts the line within the whole starting-state text, not within its --- document', () => {
    // WEB holds three documents; BROKEN's tab is on line 4 of the fifth document
    const text = `${WEB}---\n${POD}---\n${BROKEN}`
    const tabLine = text.split('\n').findIndex((l) => l.startsWith('\t')) + 1
    const r = parseLabDocument(lab(text), START)
    expect(r.ok ? '' : r.problem.message).toMatch(
      new RegExp(`^This YAML does not parse \\(line ${tabLine} of this text\\): .*yaml: line 4: `),
    )
  })

  it('says the line of an imported lab file, inside a manifest block too', () => {
    const file = [
      'format: 1',
      'title: Lines',
      'summary: Where mistakes are.',
      'estimatedMinutes: 5',
      "instructions: '# Lines'",
      'start:',
      '  manifests:',
      '    - |',
      indent(`${POD}---\n${BROKEN}`, '      '),
      'tasks: []',
    ].join('\n')
    const tabLine = file.split('\n').findIndex((l) => l.includes('\t')) + 1
    const r = parseLabText(file, START)
    expect(r.ok ? '' : r.problem.path).toBe('$.start.manifests[0]')
    expect(r.ok ? '' : r.problem.message).toMatch(
      new RegExp(`\\(line ${tabLine} of the file\\)\\.$`),
    )

    const minutes = parseLabText(
      file.replace('estimatedMinutes: 5', 'estimatedMinutes: ten'),
      START,
    )
    expect(minutes.ok ? '' : minutes.problem.message).toBe(
      'Expected a number, found a string (line 4 of the file).',
    )
  })

  it('says a lab file holds one document, and where a second one starts', () => {
    const r = parseLabText('format: 1\ntitle: a\n---\nformat: 1\n', START)
    expect(r.ok ? '' : r.problem.message).toBe(
      'A lab file is one YAML document: a second one starts (---) at line 3.',
    )
  })
})
