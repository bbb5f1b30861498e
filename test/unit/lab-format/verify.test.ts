import { describe, expect, it } from 'vitest'
import { compileLab } from '../../../worker/labs/format/compile'
import { labSchema } from '../../../worker/labs/format/lab-schema'
import { verifyLab } from '../../../worker/labs/format/verify'
import { START, WEB } from './harness'

const CURL = 'kubectl exec client -- curl -s web:8080'
const LOOP = `for i in 1 2 3 4 5 6 7 8 9 10; do ${CURL}; done`
const doc = (solution: string[], nearMisses: unknown[] = []) =>
  labSchema.parse({
    format: 1,
    title: 'Web',
    summary: 'Reach web.',
    estimatedMinutes: 5,
    instructions: '# Web',
    start: { manifests: [WEB] },
    tasks: [
      {
        id: 'curl-web',
        title: 'Reach web from a pod',
        check: { request: { from: 'pod', to: { service: 'web' }, outcome: 'answered' } },
      },
    ],
    solution,
    nearMisses,
  })

describe('verify', () => {
  it('answers per command which tasks completed, and judges near misses', () => {
    const d = doc(
      ['kubectl get pods', CURL],
      [{ title: 'from outside', leavesUndone: ['curl-web'], steps: ['curl -s web:8080'] }],
    )
    const v = verifyLab(d, compileLab(d, 'x'), START)
    expect(v.ok).toBe(true)
    expect(v.solution.lines.map((l) => l.completed)).toEqual([[], ['curl-web']])
    expect(v.nearMisses[0]).toMatchObject({ ok: true, done: [] })
  })

  it('refuses a near miss that completes its task, and a solution that does not', () => {
    const d = doc(
      ['kubectl get pods'],
      [{ title: 'curls after all', leavesUndone: ['curl-web'], steps: [CURL] }],
    )
    const v = verifyLab(d, compileLab(d, 'x'), START)
    expect(v.ok).toBe(false)
    expect(v.problems).toEqual([
      'The solution leaves curl-web undone.',
      'The near miss "curls after all" completes curl-web.',
    ])
  })

  it('stops playing once the transcripts have sent more requests than one verify may, and says so', () => {
    const d = doc([LOOP, LOOP, LOOP, LOOP, LOOP])
    const v = verifyLab(d, compileLab(d, 'x'), START, 25)
    expect(v.ok).toBe(false)
    expect(v.solution.lines).toHaveLength(3)
    expect(v.problems[0]).toMatch(/^The transcripts send more than 25 requests through the network/)
  })

  it('stops playing once the transcripts have run more programs than one verify may, and says so', () => {
    // no request at all: 200 kubectl a line, the line's own limit; five lines are 1,000 programs
    const heavy = 'for i in $(seq 1 1000); do kubectl get pods -o yaml > /dev/null; done'
    const d = doc([...Array(8).fill(heavy), CURL])
    const v = verifyLab(d, compileLab(d, 'x'), START)
    expect(v.ok).toBe(false)
    expect(v.solution.lines.length).toBeLessThan(8)
    expect(v.problems[0]).toMatch(/^The transcripts run more than 1000 programs/)
    // a lab's usual transcripts stay far inside it
    const usual = doc(['kubectl get pods', LOOP, LOOP, CURL])
    expect(verifyLab(usual, compileLab(usual, 'x'), START).ok).toBe(true)
  })
})
