// Check snippets the task editor inserts: one per kind of check (docs/lab-format.md).

export const CHECK_SNIPPETS: { label: string; yaml: string }[] = [
  { label: 'An object exists', yaml: 'exists: {kind: Service, name: my-service}\n' },
  {
    label: 'A field equals a value',
    yaml: "field: {kind: Service, name: my-service, path: '{.spec.ports[0].targetPort}', equals: 80}\n",
  },
  {
    label: 'Pods (ready, by label)',
    yaml: 'pods: {selector: {app: web}, ready: true, atLeast: 3}\n',
  },
  {
    label: 'Endpoints follow the ready pods',
    yaml: 'endpointsMatchPods: {service: my-service, selector: {app: web}, atLeast: 2}\n',
  },
  {
    label: 'A pod got an answer through a Service',
    yaml: 'request: {from: pod, to: {service: my-service}, outcome: answered, answeredBy: {selector: {app: web}}}\n',
  },
  {
    label: 'Several pods answered over the lab',
    yaml: 'request: {in: history, from: pod, to: {service: my-service}, outcome: answered, distinctPods: {atLeast: 2}}\n',
  },
  {
    label: 'A request timed out at a stale pod IP',
    yaml: 'request: {from: pod, to: {service: my-service}, outcome: timeout, staleEndpoint: true}\n',
  },
  {
    label: 'Probe: the grader sends a request',
    yaml: 'probe: {from: {pod: client}, host: my-service, port: 8080, outcome: answered}\n',
  },
  {
    label: 'A command ran successfully',
    yaml: "command: {matches: '^kubectl get endpoints', exitCode: 0}\n",
  },
  {
    label: 'The output shows the endpoint IPs',
    yaml: "output:\n  contains: my-service\n  mentions:\n    values: {kind: Endpoints, name: my-service, path: '{.subsets[*].addresses[*].ip}'}\n    atLeast: 3\n",
  },
  {
    label: 'An endpoint IP was dropped',
    yaml: "dropped: {values: {kind: Endpoints, name: my-service, path: '{.subsets[*].addresses[*].ip}'}, stalePodIP: true}\n",
  },
  {
    label: 'All of these',
    yaml: 'all:\n  - exists: {kind: Service, name: my-service}\n  - exists: {kind: Endpoints, name: my-service}\n',
  },
  {
    label: 'After seeing one thing, another',
    yaml: 'after:\n  first: {request: {outcome: timeout, staleEndpoint: true}}\n  then: {endpointsMatchPods: {service: my-service, selector: {app: web}}}\n',
  },
]
