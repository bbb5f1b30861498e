// `GET /version`: a Kubernetes 1.32 server (the same build the simulated `kubectl version` names),
// so the kubectl version dispatcher picks its 1.32 client.

import { KUBERNETES_VERSION } from '../sim/kubectl/version'

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: KUBERNETES_VERSION,
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:47Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
}
