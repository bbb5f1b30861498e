import { describe, expect, it } from 'vitest'
import { mergeHistory } from '../../../web/src/lab/history-merge'

// Up/Down's list once the server's record arrives: what a learner pressing Up would meet.
describe('mergeHistory', () => {
  const stored = ['kubectl get pods', 'kubectl get svc', 'kubectl describe svc web']

  it('takes the server record when this browser has nothing newer', () => {
    expect(mergeHistory(stored, stored, [])).toEqual(stored)
    expect(mergeHistory(stored, [], [])).toEqual(stored)
    expect(mergeHistory(stored, stored.slice(0, 1), [])).toEqual(stored)
  })

  it('keeps a line typed just before a reload that the server had not stored yet', () => {
    const local = [...stored, 'kubectl get endpoints web']
    expect(mergeHistory(stored, local, [])).toEqual(local)
  })

  it('keeps a line typed on this page while the record was loading', () => {
    const typed = ['kubectl get nodes']
    expect(mergeHistory(stored, typed, typed)).toEqual([...stored, 'kubectl get nodes'])
    // ...and does not repeat it when the server stored it before answering
    expect(mergeHistory([...stored, 'kubectl get nodes'], typed, typed)).toEqual([
      ...stored,
      'kubectl get nodes',
    ])
  })

  it('keeps lines typed here after lines kept from an earlier visit', () => {
    const local = [...stored.slice(0, 2), 'kubectl get nodes']
    expect(mergeHistory(stored.slice(0, 2), local, ['kubectl get nodes'])).toEqual(local)
  })

  it('drops lines kept from an earlier visit that nothing ties to the record', () => {
    expect(mergeHistory(stored, ['echo elsewhere', 'ls'], [])).toEqual(stored)
  })

  it('matches where the most lines agree, so a repeated command is not taken for a new one', () => {
    const server = ['a', 'b', 'c', 'b']
    // the local list ends the same way: nothing new, though 'b' also appears earlier
    expect(mergeHistory(server, ['a', 'b', 'c', 'b'], [])).toEqual(server)
    // one new line after the record's end
    expect(mergeHistory(server, ['a', 'b', 'c', 'b', 'd'], [])).toEqual([...server, 'd'])
    // 'c', 'b' end both lists: only 'e' is new
    expect(mergeHistory(['x', 'c', 'b'], ['c', 'b', 'e'], [])).toEqual(['x', 'c', 'b', 'e'])
    // on a tie the latest place wins: a line typed again is not appended twice
    expect(mergeHistory(['a', 'b'], ['a', 'b', 'a', 'b'], [])).toEqual(['a', 'b'])
  })
})
