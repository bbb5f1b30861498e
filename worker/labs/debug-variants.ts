// The broken `web` Services of the debug-service challenge. Each variant gives its pods their own
// label, so one variant's repaired manifest does not repair another's: neighbours cannot swap
// answers, and every fault has to be found in its own cluster.

export type DebugVariant =
  'selector-typo' | 'wrong-target-port' | 'named-port-missing' | 'image-typo' | 'other-namespace'

export const DEBUG_VARIANTS: DebugVariant[] = [
  'selector-typo',
  'wrong-target-port',
  'named-port-missing',
  'image-typo',
  'other-namespace',
]

/** The variant a cluster seed draws (stable: the same learner's reset keeps the same fault). */
export function debugVariantFor(seed: number): DebugVariant {
  return DEBUG_VARIANTS[(seed >>> 0) % DEBUG_VARIANTS.length] as DebugVariant
}

export const VARIANT_FLAG = 'debug-service.variant'

interface Shape {
  /** the pods' `app` label */
  app: string
  image: string
  /** the container port line(s) under `ports:` */
  containerPort: string
  /** the Service's selector value for `app` */
  selector: string
  targetPort: string
  /** the Service's namespace when it is not `default` */
  serviceNamespace?: string
}

const SHAPES: Record<DebugVariant, Shape> = {
  'selector-typo': {
    app: 'frontend',
    image: 'nginx:1.27',
    containerPort: '- containerPort: 80',
    selector: 'fronted',
    targetPort: '80',
  },
  'wrong-target-port': {
    app: 'web',
    image: 'nginx:1.27',
    containerPort: '- containerPort: 80',
    selector: 'web',
    targetPort: '8080',
  },
  'named-port-missing': {
    app: 'web-server',
    image: 'nginx:1.27',
    containerPort: '- name: web\n          containerPort: 80',
    selector: 'web-server',
    targetPort: 'http',
  },
  'image-typo': {
    app: 'shop',
    image: 'ngnix:1.27',
    containerPort: '- containerPort: 80',
    selector: 'shop',
    targetPort: '80',
  },
  'other-namespace': {
    app: 'store',
    image: 'nginx:1.27',
    containerPort: '- containerPort: 80',
    selector: 'store',
    targetPort: '80',
    serviceNamespace: 'staging',
  },
}

function deployment(v: Shape): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: ${v.app}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${v.app}
  template:
    metadata:
      labels:
        app: ${v.app}
    spec:
      containers:
      - name: nginx
        image: ${v.image}
        ports:
        ${v.containerPort}
`
}

function svc(v: Shape): string {
  const ns = v.serviceNamespace ? `\n  namespace: ${v.serviceNamespace}` : ''
  return `apiVersion: v1
kind: Service
metadata:
  name: web${ns}
spec:
  selector:
    app: ${v.selector}
  ports:
  - port: 80
    targetPort: ${v.targetPort}
`
}

/** The manifests a variant starts with, in apply order (namespace first). */
export function variantManifests(variant: DebugVariant): string[] {
  const v = SHAPES[variant]
  const ns = v.serviceNamespace
    ? [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${v.serviceNamespace}\n`]
    : []
  return [...ns, deployment(v), svc(v)]
}

/** The app label a variant's pods carry (tests and instructor notes). */
export function variantApp(variant: DebugVariant): string {
  return SHAPES[variant].app
}
