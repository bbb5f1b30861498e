// The manifests the apply-after-a-change tests apply, shared by the terminal's (test/sim) and the
// real kubectl's (test/node/kube-api-kubectl-apply) runs of the same sequences.

export type Obj = Record<string, unknown>

/** Service `web` (selector app=web) with `extra` metadata and `ports`. */
export const serviceManifest = (extra: Obj, ports: Obj[] = [{ name: 'http', port: 80 }]): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', ...extra },
  spec: { selector: { app: 'web' }, ports },
})

/** Deployment `web` (one nginx:1.27 container) with `spec` and pod `podSpec` fields added. */
export const deploymentManifest = (podSpec: Obj, spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    ...spec,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...podSpec },
    },
  },
})
