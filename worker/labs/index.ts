// The lab catalogue. Ids are stable: URLs and grades refer to them.
import { debugService } from './debug-service'
import { dns } from './dns'
import { ingress } from './ingress'
import { playground } from './playground'
import { podIps } from './pod-ips'
import { serviceTypes } from './service-types'
import type { Lab } from './types'
import { dataLab } from './data'

const clusteripEndpoints = dataLab('clusterip-endpoints')
const selectors = dataLab('selectors')

export const LABS: Lab[] = [
  podIps,
  clusteripEndpoints,
  serviceTypes,
  selectors,
  debugService,
  dns,
  ingress,
  playground,
]

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id)
}
