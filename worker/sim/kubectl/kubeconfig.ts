// The learner's kubeconfig, as kind writes it for a cluster named `lab` (context `kind-lab`).
// Its namespace (set with `kubectl config set-context --current --namespace=x`) is kept in the
// cluster document's runtime flags so that it lasts across commands.

import type { ClusterState } from '../state'

export const CONTEXT = 'kind-lab'
export const SERVER = 'https://127.0.0.1:6443'
const NAMESPACE_FLAG = 'kubeconfig.namespace'

/** The current context's namespace, '' when none is set (kubectl then uses `default`). */
export function contextNamespace(s: ClusterState): string {
  return s.runtime.flags[NAMESPACE_FLAG] ?? ''
}

/** Sets (or with '' clears) the current context's namespace, as set-context --namespace does. */
export function setContextNamespace(s: ClusterState, ns: string): void {
  if (ns === '') delete s.runtime.flags[NAMESPACE_FLAG]
  else s.runtime.flags[NAMESPACE_FLAG] = ns
}
