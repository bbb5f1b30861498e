// The real kubectl 1.32 against a listening server (the Node entry's app on an ephemeral port,
// libSQL file database, the clock pinned so AGE columns agree): each command's output compared
// with what the lab terminal's simulated kubectl prints for the same command. Reads run both
// ways on the same cluster; writes run with the real kubectl on cluster A and with ours on
// cluster B, which started the same way. Needs the `kubectl` binary: skipped where it is missing.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, maskEventAges, runKubectl, simKubectl, type Out } from './kubectl-compare'
import { learner as openLearner } from './kube-streams-helpers'
import { SEED_SCENARIO } from '../../bench/seed-scenario'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-'))
// the writes happen "3 minutes ago", the reads now: describe's event ages are computed by kubectl
// from its own wall clock, Table ages by the server from this one
let clock = Date.now() - 180_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock })

const real = (kubeconfig: string, args: string[], stdin = '') =>
  runKubectl(dir, kubeconfig, args, stdin)

const sim = simKubectl

/** a learner with a cluster of `lab` and a kubeconfig file for it */
const learner = (lab: string) => openLearner(origin(), lab)

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
`

const BAD_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 80
`

const WEB_V2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        ports:
        - containerPort: 80
      - name: sidecar
        image: busybox
        command: ['sleep', '3600']
`

const UNKNOWN_FIELD = `apiVersion: v1
kind: Service
metadata:
  name: odd
spec:
  selectr:
    app: web
  ports:
  - port: 80
`

describe.skipIf(!HAS_KUBECTL)(
  'the real kubectl against the Kubernetes API (needs the kubectl binary)',
  () => {
    it('prints what the simulated kubectl prints, writes and reads alike', async () => {
      const a = await learner('playground')
      const b = await learner('playground')
      const svcFile = join(dir, 'svc.yaml')
      writeFileSync(svcFile, SVC)
      const writes: [string[], string, string?][] = [
        [
          ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'],
          'kubectl create deployment web --image=nginx --replicas=2',
        ],
        [['apply', '-f', svcFile], 'kubectl apply -f -', SVC],
        [['apply', '-f', svcFile], 'kubectl apply -f -', SVC],
        [
          ['scale', 'deployment', 'web', '--replicas=3'],
          'kubectl scale deployment web --replicas=3',
        ],
        [
          ['expose', 'deployment', 'web', '--port=8081', '--target-port=80', '--name=web-ext'],
          'kubectl expose deployment web --port=8081 --target-port=80 --name=web-ext',
        ],
        [
          ['run', 'tmp', '--image=busybox', '--', 'sleep', '3600'],
          'kubectl run tmp --image=busybox -- sleep 3600',
        ],
        [['label', 'pod', 'tmp', 'tier=debug'], 'kubectl label pod tmp tier=debug'],
        [['annotate', 'service', 'web', 'note=hi'], 'kubectl annotate service web note=hi'],
        [
          ['set', 'image', 'deployment/web', 'nginx=nginx:1.27'],
          'kubectl set image deployment/web nginx=nginx:1.27',
        ],
        [
          ['patch', 'service', 'web', '-p', '{"spec":{"type":"NodePort"}}'],
          `kubectl patch service web -p '{"spec":{"type":"NodePort"}}'`,
        ],
        [
          ['patch', 'service', 'web', '--type=json', '-p', '[{"op":"remove","path":"/nope"}]'],
          `kubectl patch service web --type=json -p '[{"op":"remove","path":"/nope"}]'`,
        ],
        [
          [
            'patch',
            'service',
            'web',
            '--type=json',
            '-p',
            '[{"op":"test","path":"/spec/type","value":"LoadBalancer"}]',
          ],
          `kubectl patch service web --type=json -p '[{"op":"test","path":"/spec/type","value":"LoadBalancer"}]'`,
        ],
        [
          ['patch', 'service', 'web', '-p', '{"spec":{"$patch":"bogus"}}'],
          `kubectl patch service web -p '{"spec":{"$patch":"bogus"}}'`,
        ],
        [
          ['scale', 'deployment', 'nope', '--replicas=1'],
          'kubectl scale deployment nope --replicas=1',
        ],
        [
          ['create', 'deployment', 'web', '--image=nginx'],
          'kubectl create deployment web --image=nginx',
        ],
        [['create', 'namespace', 'dev'], 'kubectl create namespace dev'],
        [
          ['create', 'ingress', 'web', '--class=nginx', '--rule=foo.com/bar*=web:8080,tls=cert'],
          `kubectl create ingress web --class=nginx --rule='foo.com/bar*=web:8080,tls=cert'`,
        ],
        [['delete', 'service', 'web-ext'], 'kubectl delete service web-ext'],
        [['get', 'pod', 'nope'], 'kubectl get pod nope'],
        [['apply', '-f', '-'], 'kubectl apply -f -', SEED_SCENARIO],
        [['apply', '-f', '-'], 'kubectl apply -f -', BAD_SERVICE],
        [['create', '-f', '-'], 'kubectl create -f -', UNKNOWN_FIELD],
        [['delete', '-f', '-'], 'kubectl delete -f -', SVC],
        [['apply', '-f', '-'], 'kubectl apply -f -', SVC],
        [['apply', '-f', '-'], 'kubectl apply -f -', WEB_V2],
        [['rollout', 'restart', 'deployment/web'], 'kubectl rollout restart deployment/web'],
        [
          ['create', 'service', 'nodeport', 'np', '--tcp=80:8080'],
          'kubectl create service nodeport np --tcp=80:8080',
        ],
      ]
      const failed: string[] = []
      for (const [args, line, stdin] of writes) {
        const want = await sim(b.c, b.id, line, stdin)
        const got = await real(a.kubeconfig, args, args.includes('-') ? stdin : '')
        expect(got, `kubectl ${args.join(' ')}`).toEqual(want)
        if (got.exitCode !== 0) failed.push(line)
      }
      // `replace` (PUT) has no counterpart in the lab terminal
      const replaced = WEB_V2.replace('replicas: 3', 'replicas: 2')
      expect(await real(a.kubeconfig, ['replace', '-f', '-'], replaced)).toEqual({
        stdout: 'deployment.apps/web replaced\n',
        stderr: '',
        exitCode: 0,
      })
      // the failures are the rows meant to fail, and only those: equal failures prove little
      expect(failed).toEqual([
        'kubectl patch service web --type=json -p \'[{"op":"remove","path":"/nope"}]\'',
        'kubectl patch service web --type=json -p \'[{"op":"test","path":"/spec/type","value":"LoadBalancer"}]\'',
        'kubectl patch service web -p \'{"spec":{"$patch":"bogus"}}\'',
        'kubectl scale deployment nope --replicas=1',
        'kubectl create deployment web --image=nginx',
        'kubectl get pod nope',
        'kubectl apply -f -',
        'kubectl create -f -',
      ])
      // the one deliberate difference: the API door does not let a learner change nodes
      expect(await real(a.kubeconfig, ['delete', 'node', 'lab-worker'])).toEqual({
        stdout: '',
        stderr:
          'Error from server (Forbidden): nodes "lab-worker" is forbidden: User "learner" cannot delete resource "nodes" in API group "" at the cluster scope\n',
        exitCode: 1,
      })
      // `auth can-i` (protobuf SelfSubjectAccessReview) has no counterpart in the lab terminal
      expect((await real(a.kubeconfig, ['auth', 'can-i', 'create', 'pods'])).stdout).toBe('yes\n')
      expect(await real(a.kubeconfig, ['auth', 'can-i', 'delete', 'nodes'])).toEqual({
        stdout: 'no - nodes belong to the lab\n',
        stderr: "Warning: resource 'nodes' is not namespace scoped\n\n",
        exitCode: 1,
      })
      clock = Date.now()
      const pod = (
        await real(a.kubeconfig, ['get', 'pods', '-l', 'app=web', '-o', 'name'])
      ).stdout.split('\n')[0]!
      const reads = [
        'get pods',
        'get pods -o wide',
        'get pods -A',
        'get pods --show-labels',
        'get all',
        'get svc -o wide',
        'get deploy,rs -o wide',
        'get endpoints web',
        'get nodes',
        'get ns',
        'describe deployment web',
        'describe service web',
        `describe ${pod}`,
        'api-resources',
        'api-resources -o wide',
        'explain deployment.spec.replicas',
        'get pods -l app=web -o name',
        'get deployment web -o yaml',
        'get service web -o json',
        'get endpointslices',
        'get events',
        'get all -o wide',
        'get endpoints',
        'get ingress web -o yaml',
        'get pods --sort-by=.metadata.name',
        'get pods --field-selector=status.phase=Running',
        'get pods -n kube-system',
        'get ns dev -o yaml',
        'describe ns default',
        'describe namespace',
        'get rs --show-labels',
        'get deploy web -o jsonpath={.spec.template.spec.containers[*].image}',
        'get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP',
        'rollout history deployment/web',
      ]
      for (const line of reads) {
        clock = Date.now()
        const want = maskEventAges(await sim(a.c, a.id, `kubectl ${line}`))
        const got = maskEventAges(await real(a.kubeconfig, line.split(' ')))
        expect(got, `kubectl ${line}`).toEqual(want)
        // every read here succeeds and prints something: equal failures would prove nothing
        expect(got.exitCode, `kubectl ${line}: ${got.stderr}`).toBe(0)
        expect(got.stdout, `kubectl ${line}`).not.toBe('')
      }
    }, 240_000)

    it('completes lab tasks from the real kubectl, and the lab page sees them', async () => {
      const a = await learner('clusterip-endpoints')
      const svc = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports:
  - protocol: TCP
    port: 8080
    targetPort: 80
`
      const svcFile = join(dir, 'my-service.yaml')
      writeFileSync(svcFile, svc)
      expect((await real(a.kubeconfig, ['apply', '-f', svcFile])).stdout).toBe(
        'service/my-service created\n',
      )
      clock += 60_000
      const ips = (
        await real(a.kubeconfig, [
          'get',
          'pods',
          '-l',
          'app=nginx-1.1',
          '-o',
          'jsonpath={.items[*].status.podIP}',
        ])
      ).stdout.split(' ')
      expect(ips).toHaveLength(3)
      const ep = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-service
subsets:
- addresses:
${ips.map((ip) => `  - ip: ${ip}`).join('\n')}
  ports:
  - port: 80
`
      const epFile = join(dir, 'my-service-ep.yaml')
      writeFileSync(epFile, ep)
      expect((await real(a.kubeconfig, ['apply', '-f', epFile])).stdout).toBe(
        'endpoints/my-service created\n',
      )
      const lab = await a.c.get('/api/labs/clusterip-endpoints')
      const done = lab.body.lab.tasks
        .filter((t: { done: boolean }) => t.done)
        .map((t: { id: string }) => t.id)
      expect(done).toEqual(['create-service', 'write-endpoints'])
      const history = await a.c.get(`/api/clusters/${a.id}/history`)
      expect(history.body.history.map((h: { command: string }) => h.command)).toContain(
        'kubectl apply: endpoints/my-service created in default (API)',
      )
    }, 120_000)

    it('prints what the simulated kubectl prints: field selectors, explain errors', async () => {
      // a pair of its own: the API's rate limit does not refill while the clock is pinned
      const a = await learner('playground')
      const b = await learner('playground')
      const steps: [string[], string, boolean][] = [
        [['create', 'deployment', 'web', '--image=nginx', '--replicas=2'], '', true],
        // the field selector picks what goes (none here), or the server refuses a field it lacks
        [['delete', 'pods', '--field-selector=status.phase=Succeeded'], '', true],
        [['delete', 'pods', '--field-selector=spec.image=nginx'], '', false],
        [['explain', 'serviceaccount'], '', false],
        [['explain', 'deploy.spec.nope'], '', false],
      ]
      for (const [args, stdin, ok] of steps) {
        const line = `kubectl ${args.join(' ')}`
        const want = await sim(b.c, b.id, line, stdin)
        const got = await real(a.kubeconfig, args, stdin)
        expect(got, line).toEqual(want)
        expect(got.exitCode === 0, `${line}: ${got.stderr}`).toBe(ok)
      }
      // both pods are still there on both
      for (const o of [
        await real(a.kubeconfig, ['get', 'pods', '-o', 'name']),
        await sim(b.c, b.id, 'kubectl get pods -o name'),
      ])
        expect(o.stdout.split('\n').filter(Boolean)).toHaveLength(2)
    }, 60_000)

    it("describe node shows the node's Lease, as the lab terminal does", async () => {
      const a = await learner('playground')
      clock = Date.now()
      // the part before the pods table, whose ages kubectl computes from its own clock
      const head = (o: { stdout: string }) => o.stdout.split(/^Conditions:/m)[0]
      const got = await real(a.kubeconfig, ['describe', 'node', 'lab-worker'])
      expect(got.exitCode).toBe(0)
      expect(head(got)).toMatch(/^Lease:\n {2}HolderIdentity: {2}lab-worker\n/m)
      expect(head(got)).toBe(head(await sim(a.c, a.id, 'kubectl describe node lab-worker')))
    }, 60_000)

    it('events and wait print what the lab terminal prints', async () => {
      const a = await learner('playground')
      clock = Date.now() - 60_000
      await sim(a.c, a.id, 'kubectl run one --image=nginx')
      clock = Date.now()
      const lines: string[][] = [
        ['events'],
        ['events', '--for', 'pod/one'],
        ['events', '--types=Warning'],
        ['logs', 'nope'],
        ['logs', 'deploy/nope'],
        ['logs', 'one', '-c', 'nope'],
        ['wait', '--for=delete', 'pod/nope', '--timeout=1s'],
        ['wait', '--for=delete', 'pod', '-l', 'app=nope', '--timeout=1s'],
        ['wait', '--for=jsonpath={.status.phase}=Running', 'pod/one', '--timeout=1s'],
        ['wait', '--for=jsonpath={.status.phase}=Pending', 'pod/one', '--timeout=1s'],
        ['wait', '--for=jsonpath={.spec.containers}=x', 'pod/one', '--timeout=1s'],
        ['wait', '--for=jsonpath={.status.podIP}', 'pod/one', '--timeout=1s'],
      ]
      // kubectl events computes LAST SEEN from its own clock: the column is left out
      const masked = (o: Out) => ({
        ...o,
        stdout: o.stdout.replace(/^\S+( \(x\d+ over \S+\))?\s+(?=Normal|Warning)/gm, ''),
      })
      for (const args of lines) {
        const line = `kubectl ${args.map((x) => (/[{}=]/.test(x) ? `'${x}'` : x)).join(' ')}`
        clock = Date.now()
        const want = masked(await sim(a.c, a.id, line))
        expect(masked(await real(a.kubeconfig, args)), line).toEqual(want)
        if (args[0] === 'events' && !args.includes('--types=Warning'))
          expect(want.stdout, line).toMatch(/^Normal +Scheduled +Pod\/one /m)
      }
    }, 60_000)

    it('says Unauthorized without a valid token, as kubectl prints it', async () => {
      const a = await learner('playground')
      await a.c.call('DELETE', `/api/clusters/${a.id}/kubeconfig`)
      const r = await real(a.kubeconfig, ['get', 'pods'])
      expect(r.exitCode).toBe(1)
      expect(r.stderr).toMatch(
        /error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)\n$/,
      )
    }, 60_000)
  },
)
