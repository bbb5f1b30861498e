// A container's main process ending by itself at a moment the image does not foretell: the shell
// of `kubectl run -it` / `kubectl attach -it` after the learner typed `exit 3`. The kubelet sees the
// container exit with that code (Completed for 0, else Error) and applies the pod's restartPolicy,
// so `kubectl run -it --rm --restart=Never` ends with the pod Failed and kubectl's exit status 3.

import type { Pod } from '../objects/types'
import { putObject, type ClusterState } from '../state'
import { peekKubeletRecord } from './kubelet-record'

/** Marks the main process of the pod's container as exited with `code` at `now`; false if not running. */
export function exitMainProcess(
  s: ClusterState,
  pod: Pod,
  container: string,
  code: number,
  now: number,
): boolean {
  const rec = peekKubeletRecord(s, pod.metadata.uid, container)
  if (!rec || rec.step !== 'running') return false
  rec.mainExit = code & 255
  rec.until = now
  // a write the next settle notices (the kubelet then records the exit in the pod's status)
  putObject(s, pod)
  return true
}
