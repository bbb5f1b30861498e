// A small lab for the authored-lab routes: a Deployment `web` behind Service `web`, a pod `client`;
// two tasks, a solution and a near miss. Plus the cast: an author with a class and its member.
import { expect } from 'vitest'
import { Client, type Fetch } from './client'
import { INSTRUCTOR_CODE } from './classes-suite'

export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: curlimages/curl
    command: ["sleep", "infinity"]
`

const IPS = { kind: 'Endpoints', name: 'web', path: '{.subsets[*].addresses[*].ip}' }

export function webLab() {
  return {
    format: 1,
    title: 'Web behind a Service',
    summary: 'Look at the endpoints of web and reach it from a pod.',
    estimatedMinutes: 5,
    instructions: '# Web\n\n```sh\nkubectl get endpoints web\n```\n',
    explanation: '## What you learned\n\nA Service has endpoints.',
    start: { manifests: [WEB] },
    tasks: [
      {
        id: 'see-endpoints',
        title: 'See the endpoints of web',
        hints: ['kubectl get endpoints web'],
        check: { output: { contains: 'web', mentions: { values: IPS, atLeast: 2 } } },
      },
      {
        id: 'curl-web',
        title: 'Reach web from the client pod',
        hints: ['kubectl exec client -- curl -s web:8080'],
        check: { request: { from: 'pod', to: { service: 'web' }, outcome: 'answered' } },
      },
    ],
    solution: ['kubectl get endpoints web', 'kubectl exec client -- curl -s web:8080'],
    nearMisses: [
      {
        title: 'curl from the workstation',
        leavesUndone: ['curl-web'],
        steps: ['curl -s web:8080'],
      },
    ],
  }
}

export async function cast(fetch: Fetch) {
  const author = new Client(fetch)
  await author.signup('Ada Author', { instructorCode: INSTRUCTOR_CODE })
  const otherInstructor = new Client(fetch)
  await otherInstructor.signup('Ivan Other', { instructorCode: INSTRUCTOR_CODE })
  const member = new Client(fetch)
  const m = await member.signup('Mia Member')
  const outsider = new Client(fetch)
  await outsider.signup('Nils Outsider')
  const anonymous = new Client(fetch)
  const cls = (await author.post('/api/classes', { name: 'Services 101' })).body.class as {
    id: string
    joinCode: string
  }
  expect((await member.post('/api/classes/join', { joinCode: cls.joinCode })).status).toBe(200)
  const made = await author.post('/api/authored-labs', webLab())
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  return {
    author,
    otherInstructor,
    member,
    outsider,
    anonymous,
    cls,
    memberId: m.body.user.id as string,
    labId: made.body.lab.id as string,
  }
}

/** Proves and publishes the lab to the class. */
export async function publish(p: Awaited<ReturnType<typeof cast>>) {
  const v = await p.author.post(`/api/authored-labs/${p.labId}/verify`)
  expect(v.body.verification.ok, JSON.stringify(v.body.verification.problems)).toBe(true)
  const r = await p.author.post(`/api/authored-labs/${p.labId}/publish`, { classIds: [p.cls.id] })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
}
