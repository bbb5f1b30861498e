import { describe, expect, it } from 'vitest'
import {
  documentOf,
  formOf,
  FormError,
  NEW_LAB,
  placedMessage,
} from '../../../web/src/authoring/lab-doc'
import { dataLabDocument } from '../../../worker/labs/data'
import { labSchema } from '../../../worker/labs/format/lab-schema'

describe('the authoring form', () => {
  it('round-trips a lab document (the selectors lab) through the form unchanged', () => {
    const doc = dataLabDocument('selectors')
    const back = labSchema.parse(documentOf(formOf(doc as never)))
    expect(back.tasks).toEqual(doc.tasks)
    expect(back.solution).toEqual(doc.solution)
    expect(back.nearMisses).toEqual(doc.nearMisses)
    expect(back.start.manifests.join('---\n')).toBe(doc.start.manifests.join('---\n'))
    expect(back.instructions).toBe(doc.instructions)
  })

  it('keeps namespaces as manifests and starts a new lab valid', () => {
    const form = formOf({ ...NEW_LAB, start: { namespaces: ['backend'], manifests: [] } })
    expect(form.start).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: backend\n')
    expect(labSchema.safeParse(documentOf(formOf(NEW_LAB))).success).toBe(true)
  })

  it('names the part of the form whose YAML does not parse', () => {
    const form = {
      ...formOf(NEW_LAB),
      tasks: [{ id: 'a', title: 'A', hints: '', check: 'exists: [' }],
    }
    expect(() => documentOf(form)).toThrow(FormError)
    expect(() => documentOf(form)).toThrow(/^The check of task 1 is not valid YAML/)
    const tabs = { ...form, tasks: [{ ...form.tasks[0]!, check: 'exists:\n\tkind: Pod\n' }] }
    expect(() => documentOf(tabs)).toThrow(
      'The check of task 1 is not valid YAML: Tabs are not allowed as indentation at line 2, column 1.',
    )
  })

  it('says where in the form a problem the server found is, instead of its JSON path', () => {
    const rows: [string, string, string][] = [
      [
        '$.tasks[1].check.request.outcome',
        'Must be one of: "answered".',
        'Task 2, check (at request.outcome): Must be one of: "answered".',
      ],
      ['$.tasks[0].id', 'Two tasks have the id a.', 'Task 1, id: Two tasks have the id a.'],
      [
        '$.start.manifests[0]',
        'This YAML does not parse (line 22 of this text): ...',
        'Starting state: This YAML does not parse (line 22 of this text): ...',
      ],
      ['$.solution[3]', 'Expected a string.', 'Solution, item 4: Expected a string.'],
      [
        '$.nearMisses[0].leavesUndone',
        'There is no task b.',
        'Near misses, item 1 (at leavesUndone): There is no task b.',
      ],
      ['$.estimatedMinutes', 'Expected a number.', 'Estimated minutes: Expected a number.'],
      // not in the form: the path stays
      ['$.variants[0].id', 'Two variants.', '$.variants[0].id: Two variants.'],
    ]
    for (const [field, said, shown] of rows)
      expect(placedMessage(`${field}: ${said}`, field)).toBe(shown)
  })
})
