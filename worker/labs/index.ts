// The lab catalogue. Ids are stable: URLs and grades refer to them.
import { clusteripEndpoints } from './clusterip-endpoints'
import { debugService } from './debug-service'
import { dns } from './dns'
import { ingress } from './ingress'
import { playground } from './playground'
import { podIps } from './pod-ips'
import { selectors } from './selectors'
import { serviceTypes } from './service-types'
import type { Lab } from './types'

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
