// The container's config before it is created (kubelet kuberuntime generateContainerConfig ->
// makeEnvironmentVariables): the environment from ConfigMaps and Secrets. A missing one leaves the
// container waiting in CreateContainerConfigError ("Error: configmap "x" not found"), tried again
// at the pod worker's next sync (10 s later: the image check, then the config again).

import { hasEnvRefs, resolveContainerEnv } from '../net/container-env'
import { emit, waiting, type ContainerCtx } from './kubelet-ctx'

/** The pod worker's back-off after a failed sync (pod_workers.go backOffPeriod). */
const SYNC_RETRY_MS = 10_000

/**
 * Resolves the environment at container creation: true when the container may start (its
 * environment kept in the kubelet's record: a later ConfigMap change does not reach it), false
 * after recording CreateContainerConfigError.
 */
export function prepareContainerConfig(c: ContainerCtx, at: number): boolean {
  if (!hasEnvRefs(c.container)) {
    c.rec.env = undefined
    return true
  }
  const resolved = resolveContainerEnv(c.s, c.pod, c.container)
  if (!resolved.ok) {
    emit(c, 'Warning', 'Failed', `Error: ${resolved.error}`, at)
    waiting(c, 'CreateContainerConfigError', resolved.error)
    Object.assign(c.rec, { step: 'configError', until: at + SYNC_RETRY_MS })
    return false
  }
  c.rec.env = resolved.env
  return true
}
