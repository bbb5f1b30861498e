// ingress-nginx v1.12.1 as its cloud manifest (deploy/static/provider/cloud/deploy.yaml) installs
// it (INGRESS-FACTS I29): the controller Deployment, its LoadBalancer Service (externalTrafficPolicy
// Local), the admission Service and IngressClass `nginx` (not the default class).
// Left out to keep the cluster document small, and because the simulation has no such kinds:
// ServiceAccounts, RBAC, the ConfigMap, the two admission Jobs (their pods stay Completed
// upstream), the webhook-cert Secret and its volume, and the ValidatingWebhookConfiguration
// object (the webhook's denials are modelled by the API server: objects/ingress-admission.ts).

const LABELS = `    app.kubernetes.io/component: controller
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/part-of: ingress-nginx
    app.kubernetes.io/version: 1.12.1`

const SELECTOR = `    app.kubernetes.io/component: controller
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx`

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => by + l)
    .join('\n')

export const INGRESS_NGINX_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  labels:
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx
  name: ingress-nginx
`

export const INGRESS_NGINX_SERVICES = `apiVersion: v1
kind: Service
metadata:
  labels:
${LABELS}
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  externalTrafficPolicy: Local
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - appProtocol: http
    name: http
    port: 80
    protocol: TCP
    targetPort: http
  - appProtocol: https
    name: https
    port: 443
    protocol: TCP
    targetPort: https
  selector:
${SELECTOR}
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata:
  labels:
${LABELS}
  name: ingress-nginx-controller-admission
  namespace: ingress-nginx
spec:
  ports:
  - appProtocol: https
    name: https-webhook
    port: 443
    targetPort: webhook
  selector:
${SELECTOR}
  type: ClusterIP
`

const PROBE = `failureThreshold: FAIL
httpGet:
  path: /healthz
  port: 10254
  scheme: HTTP
initialDelaySeconds: 10
periodSeconds: 10
successThreshold: 1
timeoutSeconds: 1`

export const INGRESS_NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
${LABELS}
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  minReadySeconds: 0
  revisionHistoryLimit: 10
  selector:
    matchLabels:
${indent(SELECTOR, '  ')}
  strategy:
    rollingUpdate:
      maxUnavailable: 1
    type: RollingUpdate
  template:
    metadata:
      labels:
${indent(LABELS, '    ')}
    spec:
      containers:
      - args:
        - /nginx-ingress-controller
        - --publish-service=$(POD_NAMESPACE)/ingress-nginx-controller
        - --election-id=ingress-nginx-leader
        - --controller-class=k8s.io/ingress-nginx
        - --ingress-class=nginx
        - --configmap=$(POD_NAMESPACE)/ingress-nginx-controller
        - --validating-webhook=:8443
        - --validating-webhook-certificate=/usr/local/certificates/cert
        - --validating-webhook-key=/usr/local/certificates/key
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: LD_PRELOAD
          value: /usr/local/lib/libmimalloc.so
        image: registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:9724476b928967173d501040631b23ba07f47073999e80e34b120e8db5f234d5
        imagePullPolicy: IfNotPresent
        livenessProbe:
${indent(PROBE.replace('FAIL', '5'), '          ')}
        name: controller
        ports:
        - containerPort: 80
          name: http
          protocol: TCP
        - containerPort: 443
          name: https
          protocol: TCP
        - containerPort: 8443
          name: webhook
          protocol: TCP
        readinessProbe:
${indent(PROBE.replace('FAIL', '3'), '          ')}
        resources:
          requests:
            cpu: 100m
            memory: 90Mi
      dnsPolicy: ClusterFirst
      nodeSelector:
        kubernetes.io/os: linux
      terminationGracePeriodSeconds: 300
`

export const INGRESS_NGINX_CLASS = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  labels:
${LABELS}
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
`
