// `GET /version`: a Kubernetes 1.32 server (the same build the simulated `kubectl version` names),
// so the kubectl version dispatcher picks its 1.32 client. Indented, as the apiserver writes it
// (responsewriters.WriteRawJSON).

import { versionInfo } from '../sim/kubectl/version'

export const VERSION_TEXT = JSON.stringify(versionInfo(), null, 2)
