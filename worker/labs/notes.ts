// The course notes' manifests, with the indentation the notes lost restored and their
// `----->` remarks turned into YAML comments. A lab that starts with one of these objects applies
// exactly this text, so a learner applying it again from the instructions sees `unchanged`.

export const NGINX_1_0 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment-1.0
  labels:
    app: nginx-1.0
    env: prod
spec:
  replicas: 1
  selector:
    matchLabels:
      app: nginx-1.0
  template:
    metadata:
      labels:
        app: nginx-1.0
    spec:
      containers:
      - name: nginx
        image: nginx:1.19
        ports:
        - containerPort: 80
`

export const NGINX_1_1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment-1.1
  labels:
    app: nginx-1.1
    env: prod
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx-1.1
  template:
    metadata:
      labels:
        app: nginx-1.1
    spec:
      containers:
      - name: nginx
        image: anshuldevops/magicalnginx:latest
        ports:
        - containerPort: 80
`

export const ACCESS_POD = `apiVersion: v1
kind: Pod
metadata:
  name: access-pod
spec:
  containers:
  - name: access-pod-container
    image: ubuntu:latest
    command: ["sh", "-c", "sleep 3600"]
`

export const MY_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports:
  - protocol: TCP
    port: 8080      # listening port: the Service receives requests (from the frontend) on 8080
    targetPort: 80  # forwarding port: the Service passes them on to port 80 of a pod, which answers
`

/** The notes' Endpoints, with the notes' example pod IPs: a learner replaces them with real ones. */
export const MY_SERVICE_ENDPOINTS = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-service  # the same name as the Service: this is how Endpoints find their Service
subsets:
- addresses:
  - ip: 10.244.0.119  # pod 1 IP
  - ip: 10.244.0.180  # pod 2 IP
  - ip: 10.244.0.21   # pod 3 IP
  ports:
  - port: 80
`

export const NGINX_3 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment-3
  labels:
    app: nginx-3
spec:
  replicas: 1
  selector:
    matchLabels:
      color: blue
  template:
    metadata:
      labels:
        color: blue
    spec:
      containers:
      - name: nginx
        image: nginx:1.19
        ports:
        - containerPort: 80
`

export const NGINX_4 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment-4
  labels:
    app: nginx-4
spec:
  replicas: 1
  selector:
    matchLabels:
      color: blue
  template:
    metadata:
      labels:
        color: blue
    spec:
      containers:
      - name: nginx
        image: anshuldevops/magicalnginx:latest
        ports:
        - containerPort: 80
`

export const MY_BLUE_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: my-blue-service
spec:
  selector:
    color: blue
  ports:
  - protocol: TCP
    port: 8080
    targetPort: 80
`

/** Every notes manifest, for the "applied again is unchanged" test. */
export const NOTES_MANIFESTS: Record<string, string> = {
  'nginx-deployment-1.0': NGINX_1_0,
  'nginx-deployment-1.1': NGINX_1_1,
  'access-pod': ACCESS_POD,
  'my-service': MY_SERVICE,
  'my-service-endpoints': MY_SERVICE_ENDPOINTS,
  'nginx-deployment-3': NGINX_3,
  'nginx-deployment-4': NGINX_4,
  'my-blue-service': MY_BLUE_SERVICE,
}
