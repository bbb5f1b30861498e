// The kinds each controller reads when it decides there is nothing to do, for settle's skip
// (settle-memo.ts): a controller that found nothing to do is skipped while none of its kinds is
// written, within a settle and across commands. Every controller records Events as it writes, and
// only a ReplicaSet short of pods reads them (recordOnce's FailedCreate dedupe, with the quota),
// which that path declares (readBeyondKinds), so the events of one controller (and pruneEvents'
// removals) no longer make the others run again. Names are the controllers' function names (settle.ts).

/** undefined: every kind (the garbage collector looks owners up by uid in every kind). */
export const CONTROLLER_READS: Record<string, readonly string[] | undefined> = {
  collectGarbage: undefined,
  reconcileDeployments: ['Deployment', 'ReplicaSet', 'Pod'],
  // and, short of pods, the quota and its events (readBeyondKinds)
  reconcileReplicaSets: ['ReplicaSet', 'Pod'],
  schedulePods: ['Pod', 'Node'],
  runKubelets: undefined,
  reconcileEndpoints: ['Service', 'Pod', 'Endpoints'],
  reconcileEndpointSlices: ['Service', 'Pod', 'EndpointSlice'],
  reconcileEndpointSliceMirroring: ['Endpoints', 'Service', 'EndpointSlice'],
  reconcileLoadBalancers: ['Service'],
  reconcileIngressNginx: undefined,
}
