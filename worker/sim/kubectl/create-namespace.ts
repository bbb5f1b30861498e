// `kubectl create namespace NAME` (kubectl pkg/cmd/create/create_namespace.go): API errors are
// returned unwrapped, so checkErr prints them (`Error from server (AlreadyExists): ...`).

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import type { Invocation } from './invocation'
import { nameFromArgs } from './create-deployment'
import { submitGenerated } from './generated'

/** `kubectl create namespace NAME` (no labels; the API server adds kubernetes.io/metadata.name). */
export function createNamespaceVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const ns = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null },
    spec: {},
    status: {},
  } as unknown as KubeObject
  return submitGenerated(inv, ns, { op: 'created', namespaced: false })
}
