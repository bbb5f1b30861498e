// The `ingress` lab's YAML: three small apps behind ClusterIP Services (the notes' blue nginx and
// magicalnginx, plus agnhost for a second path), and the Ingresses its steps apply.

const app = (name: string, image: string, replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: ${image}${extra}
`

const clusterIP = (name: string, port: number, targetPort: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - protocol: TCP
    port: ${port}
    targetPort: ${targetPort}
`

/** The starting apps: blue (nginx, Service port 8080 -> 80), magic (80 -> 80), echo (agnhost 8080). */
export const INGRESS_LAB_APPS = [
  app('blue', 'nginx:1.19', 2, '\n        ports:\n        - containerPort: 80'),
  clusterIP('blue', 8080, 80),
  app(
    'magic',
    'anshuldevops/magicalnginx:latest',
    2,
    '\n        ports:\n        - containerPort: 80',
  ),
  clusterIP('magic', 80, 80),
  app(
    'echo',
    'registry.k8s.io/e2e-test-images/agnhost:2.53',
    1,
    '\n        args: ["netexec", "--http-port=8080"]\n        ports:\n        - containerPort: 8080',
  ),
  clusterIP('echo', 8080, 8080),
]

/** Two hosts, two Services, one Ingress of class nginx. */
export const HOSTS_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hosts
spec:
  ingressClassName: nginx
  rules:
  - host: blue.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: blue
            port:
              number: 8080
  - host: magic.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: magic
            port:
              number: 80
`

const APPS_SPEC = `  rules:
  - host: apps.example
    http:
      paths:
      - path: /hostname
        pathType: Prefix
        backend:
          service:
            name: echo
            port:
              number: 8080
      - path: /
        pathType: Prefix
        backend:
          service:
            name: blue
            port:
              number: 8080
`

/** Two paths of one host, as many tutorials write it: without ingressClassName (the slip). */
export const APPS_INGRESS_NO_CLASS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: apps
spec:
${APPS_SPEC}`

/** The same Ingress, fixed. */
export const APPS_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: apps
spec:
  ingressClassName: nginx
${APPS_SPEC}`
