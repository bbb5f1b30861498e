// A new learner cluster, shaped like `kind create cluster --name lab` with two workers
// (kind v0.26, Kubernetes v1.32.2): three nodes, the four system namespaces, the `kubernetes`
// Service and CoreDNS with its `kube-dns` Service, everything created at `now`.
// Simplified to keep the cluster document small: no static control-plane pods (etcd,
// kube-apiserver, controller-manager, scheduler), no kube-proxy/kindnet DaemonSets, no
// local-path-provisioner, no ServiceAccounts/ConfigMaps; node status lists only pulled images.

import type { Node, Pod } from './objects/types'
import {
  emptyState,
  getObject,
  listObjects,
  putObject,
  removeObject,
  type ClusterState,
} from './state'
import { settle } from './controllers/settle'
import { startPodNow } from './controllers/kubelet'
import { findImage } from './images/catalog'
import { NODES, node } from './bootstrap-nodes'
import { apiServerObjects, corednsDeployment, kubeDNS, namespace } from './bootstrap-system'

/** The kind-like cluster of DESIGN.md, fully settled at `now`. */
export function newCluster(seed: number, now: number): ClusterState {
  const s = emptyState(seed, now)
  const [cp, ...workers] = NODES.map((n) => node(s, n, now))
  const controlPlane = putObject(s, cp as Node)
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    putObject(s, namespace(s, name, now))
  apiServerObjects(s, now)
  putObject(s, corednsDeployment(s, now))
  putObject(s, kubeDNS(s, now))
  settle(s, now)
  for (const pod of listObjects<Pod>(s, 'Pod', 'kube-system'))
    startPodNow(s, pod, controlPlane, now)
  for (const w of workers) putObject(s, w)
  settle(s, now)
  for (const ev of listObjects(s, 'Event'))
    removeObject(s, 'Event', ev.metadata.namespace, ev.metadata.name)
  const image = findImage('registry.k8s.io/coredns/coredns:v1.11.3')
  const cpNode = getObject<Node>(s, 'Node', undefined, 'lab-control-plane') as Node
  if (image)
    cpNode.status.images = [{ names: [image.imageID, image.fullName], sizeBytes: image.sizeBytes }]
  return s
}
