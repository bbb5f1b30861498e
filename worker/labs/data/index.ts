// Labs written as data files (worker/labs/data/*.yaml, bundled into files.ts): read with the same
// parser and compiler as the labs instructors write in the browser.
import { parse } from 'yaml'
import { compileLab } from '../format/compile'
import { labSchema, type LabDocument } from '../format/lab-schema'
import type { Lab } from '../types'
import { LAB_FILES } from './files'

/** The document of a bundled lab file; a broken file is a bug the tests catch. */
export function dataLabDocument(id: string): LabDocument {
  const text = LAB_FILES[id]
  if (text === undefined) throw new Error(`no lab file ${id}.yaml`)
  return labSchema.parse(parse(text))
}

export function dataLab(id: string): Lab {
  return compileLab(dataLabDocument(id), id)
}
