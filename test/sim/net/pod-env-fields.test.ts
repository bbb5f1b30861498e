// The downward API in env (fieldRef): the kubelet gives a container its pod's own fields
// (podFieldSelectorRuntimeValue): name, namespace, uid, a label or annotation, node, service
// account, host and pod IPs. They were empty: "which pod answered?" demos printed nothing. And
// `$(VAR)` in a value (kubelet expansion.Expand), which stayed as written.
import { expect, test } from 'vitest'
import { run } from '../../../worker/sim/run'
import { newCluster } from '../../../worker/sim/bootstrap'

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0)

const field = (name: string, path: string) => `    - name: ${name}
      valueFrom:
        fieldRef: {fieldPath: "${path}"}
`

test('fieldRef env vars hold the pod’s own fields, seen through kubectl exec', () => {
  const s = newCluster(7, T0)
  let now = T0 + 60_000
  const go = (line: string, stdin?: string) =>
    run(s, line, { now, owned: true, ...(stdin === undefined ? {} : { stdin }) })
      .output.map((o) => o.text)
      .join('')
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: who
  labels: {app: demo}
  annotations: {team: blue}
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, "3600"]
    env:
${field('POD_NAME', 'metadata.name')}${field('POD_NS', 'metadata.namespace')}${field('POD_UID', 'metadata.uid')}${field('APP', "metadata.labels['app']")}${field('TEAM', "metadata.annotations['team']")}${field('NODE', 'spec.nodeName')}${field('SA', 'spec.serviceAccountName')}${field('HOST_IP', 'status.hostIP')}${field('POD_IP', 'status.podIP')}${field('POD_IPS', 'status.podIPs')}    - name: GREETING
      value: "hi from $(POD_NAME) at $(POD_IP), api $(KUBERNETES_SERVICE_HOST), $(LATER) $$(POD_NAME) $5"
    - name: LATER
      value: x
`
  expect(go('kubectl apply -f -', pod)).toBe('pod/who created\n')
  now += 30_000
  const wide = go('kubectl get pod who -o wide --no-headers').split(/\s+/)
  const [ip, node] = [wide[5], wide[6]]
  const uid = go("kubectl get pod who -o jsonpath='{.metadata.uid}'")
  const hostIP = go("kubectl get pod who -o jsonpath='{.status.hostIP}'")
  expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
  const env = go('kubectl exec who -- env')
  for (const line of [
    'POD_NAME=who',
    'POD_NS=default',
    `POD_UID=${uid}`,
    'APP=demo',
    'TEAM=blue',
    `NODE=${node}`,
    'SA=default',
    `HOST_IP=${hostIP}`,
    `POD_IP=${ip}`,
    `POD_IPS=${ip}`,
  ])
    expect(env).toContain(`\n${line}\n`)
  expect(go(`kubectl exec who -- sh -c 'echo $POD_NAME on $NODE'`)).toBe(`who on ${node}\n`)
  // $(VAR): an earlier variable or a Service link; a later or unknown one stays; $$ is one $
  expect(env).toContain(`\nGREETING=hi from who at ${ip}, api 10.96.0.1, $(LATER) $(POD_NAME) $5\n`)
})
