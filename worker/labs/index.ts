// The lab catalogue. Ids are stable: URLs and grades refer to them.
import { playground } from './playground'
import type { Lab } from './types'

export const LABS: Lab[] = [playground]

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id)
}
