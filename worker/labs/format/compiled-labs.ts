// Authored labs compiled once per isolate: a learner's every command grades against the lab its
// cluster plays, and parsing and compiling that lab's source each time cost more than the check.
// The key is the source text itself (with the id it is served under), so an edited draft or a new
// published version is another key: a stale lab is never served, only forgotten when unused.
import type { Lab } from '../types'
import { compileLab } from './compile'
import type { LabDocument } from './lab-schema'

/** Entries kept; a source is a few KB, its compiled lab a few closures over the parsed document. */
const MAX_LABS = 32

const labs = new Map<string, Lab>()

/** A stored document was validated when it was written. */
export const documentOf = (source: string) => JSON.parse(source) as LabDocument

/** The Lab of a stored (validated) source, from this isolate's cache when it has compiled it. */
export function compiledLab(source: string, id: string): Lab {
  const key = `${id}\n${source}`
  const hit = labs.get(key)
  if (hit) {
    // most recently used last: Map keeps insertion order
    labs.delete(key)
    labs.set(key, hit)
    return hit
  }
  const lab = compileLab(documentOf(source), id)
  labs.set(key, lab)
  if (labs.size > MAX_LABS) labs.delete(labs.keys().next().value!)
  return lab
}
