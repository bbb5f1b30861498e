import { describe, expect, it } from 'vitest'
// a plain-JS build script (typed from its JavaScript: tsconfig allowJs)
import { bundledSource } from '../../scripts/bundle-labs.mjs'
import { findLab } from '../../worker/labs'
import { dataLabDocument } from '../../worker/labs/data'
import { LAB_FILES } from '../../worker/labs/data/files'
import { parseLabText } from '../../worker/labs/format/parse'
import { verifyLab } from '../../worker/labs/format/verify'
import { readFileSync } from 'node:fs'
import { DEFAULT_START } from './transcript'

describe('labs written as data files', () => {
  it('bundles the current YAML files (npm run labs:bundle after editing one)', () => {
    const committed = readFileSync(
      new URL('../../worker/labs/data/files.ts', import.meta.url),
      'utf8',
    )
    expect(committed).toBe(bundledSource())
  })

  it.each(['selectors', 'clusterip-endpoints'])('%s is served from its data file', (id) => {
    expect(Object.keys(LAB_FILES)).toContain(id)
    const lab = findLab(id)
    expect(lab?.title).toBe(dataLabDocument(id).title)
    expect(lab?.tasks.map((t) => t.id)).toEqual(dataLabDocument(id).tasks.map((t) => t.id))
  })

  it.each(Object.keys(LAB_FILES))('%s passes the same validation as an authored lab', (id) => {
    const parsed = parseLabText(LAB_FILES[id]!, DEFAULT_START)
    expect(parsed.ok ? 'ok' : parsed.problem).toBe('ok')
  })

  it('selectors proves itself: its solution completes every task, its near misses do not', () => {
    const doc = dataLabDocument('selectors')
    const v = verifyLab(doc, findLab('selectors')!, DEFAULT_START)
    expect(v.problems).toEqual([])
    expect(v.ok).toBe(true)
    expect(v.solution.lines[4]?.completed).toEqual(['blue-endpoints'])
    expect(v.nearMisses.map((n) => n.ok)).toEqual([true, true])
  })
})
