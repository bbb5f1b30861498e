// API-server validation, one row per mistake: the manifest and the exact causes kubectl prints.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject } from '../../../worker/sim/objects'

const svc = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`

const deploy = (name: string, spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${spec}`

const TEMPLATE = `  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx`

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}`

const ep = (name: string, body: string) => `apiVersion: v1
kind: Endpoints
metadata:
  name: ${name}
${body}`

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
/** [name, manifest, status message, causes] — causes are what kubectl prints after `The X "n" is invalid: ` */
const rows: [string, string, string, string[]][] = [
  [
    'service name upper case (V1)',
    svc('Web', '  ports: [{port: 80}]'),
    'Service "Web" is invalid',
    [`metadata.name: Invalid value: "Web": ${DNS1035}`],
  ],
  [
    'service name starting with a digit (V1)',
    svc('1web', '  ports: [{port: 80}]'),
    'Service "1web" is invalid',
    [`metadata.name: Invalid value: "1web": ${DNS1035}`],
  ],
  [
    'service name with a dot (V1)',
    svc('web.app', '  ports: [{port: 80}]'),
    'Service "web.app" is invalid',
    [`metadata.name: Invalid value: "web.app": ${DNS1035}`],
  ],
  [
    'service name too long',
    svc('a'.repeat(64), '  ports: [{port: 80}]'),
    `Service "${'a'.repeat(64)}" is invalid`,
    [`metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  ],
  [
    'nodePort out of range (V2)',
    svc('np', '  type: NodePort\n  ports: [{port: 80, nodePort: 80}]'),
    'Service "np" is invalid',
    [
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
  ],
  [
    'nodePort range error comes alone (V2 order)',
    svc('Bad', '  type: NodePort\n  ports: [{port: 0, nodePort: 80}]'),
    'Service "Bad" is invalid',
    [
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
  ],
  [
    'two unnamed ports (V4)',
    svc('multi', '  ports:\n  - port: 80\n  - port: 443'),
    'Service "multi" is invalid',
    ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
  ],
  [
    'duplicate port names (V4)',
    svc('multi', '  ports:\n  - {name: http, port: 80}\n  - {name: http, port: 443}'),
    'Service "multi" is invalid',
    ['spec.ports[1].name: Duplicate value: "http"'],
  ],
  [
    'port name not a DNS label',
    svc('web', '  ports:\n  - {name: HTTP, port: 80}'),
    'Service "web" is invalid',
    [`spec.ports[0].name: Invalid value: "HTTP": ${LABEL}`],
  ],
  [
    'nodePort on ClusterIP (V5)',
    svc('web', '  ports: [{port: 80, nodePort: 30080}]'),
    'Service "web" is invalid',
    ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  ],
  [
    'headless NodePort (V5)',
    svc('web', '  type: NodePort\n  clusterIP: None\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
  ],
  [
    'headless LoadBalancer',
    svc('web', '  type: LoadBalancer\n  clusterIP: None\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services',
    ],
  ],
  [
    'port 0 (V6)',
    svc('web', '  ports: [{port: 0}]'),
    'Service "web" is invalid',
    [
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  ],
  [
    'port too big (V6)',
    svc('web', '  ports: [{port: 70000, targetPort: 80}]'),
    'Service "web" is invalid',
    ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ],
  [
    'numeric targetPort too big (V6)',
    svc('web', '  ports: [{port: 80, targetPort: 65536}]'),
    'Service "web" is invalid',
    ['spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive'],
  ],
  [
    'named targetPort with underscore (V7)',
    svc('web', '  ports: [{port: 80, targetPort: HTTP_port}]'),
    'Service "web" is invalid',
    [
      'spec.ports[0].targetPort: Invalid value: "HTTP_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
  ],
  [
    'named targetPort too long (V7)',
    svc('web', '  ports: [{port: 80, targetPort: my-very-long-port-name}]'),
    'Service "web" is invalid',
    [
      'spec.ports[0].targetPort: Invalid value: "my-very-long-port-name": must be no more than 15 characters',
    ],
  ],
  [
    'quoted numeric targetPort (V7)',
    svc('web', '  ports: [{port: 80, targetPort: "8080"}]'),
    'Service "web" is invalid',
    ['spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'],
  ],
  [
    'targetPort with double hyphen (V7)',
    svc('web', '  ports: [{port: 80, targetPort: web--http}]'),
    'Service "web" is invalid',
    ['spec.ports[0].targetPort: Invalid value: "web--http": must not contain consecutive hyphens'],
  ],
  [
    'targetPort ending in hyphen (V7)',
    svc('web', '  ports: [{port: 80, targetPort: http-}]'),
    'Service "web" is invalid',
    ['spec.ports[0].targetPort: Invalid value: "http-": must not begin or end with a hyphen'],
  ],
  [
    'protocol HTTP',
    svc('web', '  ports: [{port: 80, protocol: HTTP}]'),
    'Service "web" is invalid',
    ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
  ],
  [
    'unknown type (V10)',
    svc('web', '  type: Foo\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
  ],
  [
    'no ports',
    svc('web', '  selector: {app: web}'),
    'Service "web" is invalid',
    ['spec.ports: Required value'],
  ],
  [
    'clusterIP out of range (V9)',
    svc('web', '  clusterIP: 1.1.1.1\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.clusterIPs: Invalid value: []string{"1.1.1.1"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ],
  ],
  [
    'clusterIP taken (V9)',
    svc('web', '  clusterIP: 10.96.0.10\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ],
  ],
  [
    'clusterIP not an IP',
    svc('web', '  clusterIP: abc\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  ],
  [
    'ExternalName without externalName (V11)',
    svc('ext', '  type: ExternalName'),
    'Service "ext" is invalid',
    ['spec.externalName: Required value'],
  ],
  [
    'ExternalName with bad host (V11)',
    svc('ext', '  type: ExternalName\n  externalName: My_Host.com'),
    'Service "ext" is invalid',
    [`spec.externalName: Invalid value: "My_Host.com": ${SUBDOMAIN}`],
  ],
  [
    'ExternalName with clusterIP (V11)',
    svc('ext', '  type: ExternalName\n  externalName: example.com\n  clusterIP: 10.96.5.5'),
    'Service "ext" is invalid',
    ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
  ],
  [
    'externalTrafficPolicy on ClusterIP',
    svc('web', '  externalTrafficPolicy: Local\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ],
  ],
  [
    'sessionAffinity typo',
    svc('web', '  sessionAffinity: ClientIp\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    ['spec.sessionAffinity: Unsupported value: "ClientIp": supported values: "ClientIP", "None"'],
  ],
  [
    'selector value with space',
    svc('web', '  selector: {app: "my app"}\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      "spec.selector: Invalid value: \"my app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
  ],
  [
    'duplicate port/protocol',
    svc('web', '  ports:\n  - {name: a, port: 80}\n  - {name: b, port: 80}'),
    'Service "web" is invalid',
    [
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
  ],
  [
    'deployment name with underscore (V15)',
    deploy('Web_App', `  selector: {matchLabels: {app: web}}\n${TEMPLATE}`),
    'Deployment.apps "Web_App" is invalid',
    [`metadata.name: Invalid value: "Web_App": ${SUBDOMAIN}`],
  ],
  [
    'selector does not match template (V16)',
    deploy('web', `  selector: {matchLabels: {app: webx}}\n${TEMPLATE}`),
    'Deployment.apps "web" is invalid',
    [
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
  ],
  [
    'missing selector (V16)',
    deploy('web', TEMPLATE),
    'Deployment.apps "web" is invalid',
    [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
  ],
  [
    'empty selector (V16)',
    deploy('web', `  selector: {}\n${TEMPLATE}`),
    'Deployment.apps "web" is invalid',
    [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
  ],
  [
    'negative replicas (V17)',
    deploy('web', `  replicas: -1\n  selector: {matchLabels: {app: web}}\n${TEMPLATE}`),
    'Deployment.apps "web" is invalid',
    ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  ],
  [
    'template restartPolicy Never',
    deploy('web', `  selector: {matchLabels: {app: web}}\n${TEMPLATE}\n      restartPolicy: Never`),
    'Deployment.apps "web" is invalid',
    ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  ],
  [
    'deployment container without image',
    deploy(
      'web',
      `  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web}]`,
    ),
    'Deployment.apps "web" is invalid',
    ['spec.template.spec.containers[0].image: Required value'],
  ],
  [
    'pod without containers (V14)',
    pod('p', '  restartPolicy: Always'),
    'Pod "p" is invalid',
    ['spec.containers: Required value'],
  ],
  [
    'pod container without image (V14)',
    pod('p', '  containers: [{name: c}]'),
    'Pod "p" is invalid',
    ['spec.containers[0].image: Required value'],
  ],
  [
    'pod container name upper case (V14)',
    pod('p', '  containers: [{name: Web, image: nginx}]'),
    'Pod "p" is invalid',
    [`spec.containers[0].name: Invalid value: "Web": ${LABEL}`],
  ],
  [
    'pod duplicate container names (V14)',
    pod('p', '  containers: [{name: c, image: nginx}, {name: c, image: busybox}]'),
    'Pod "p" is invalid',
    ['spec.containers[1].name: Duplicate value: "c"'],
  ],
  [
    'pod containerPort 0',
    pod('p', '  containers: [{name: c, image: nginx, ports: [{containerPort: 0}]}]'),
    'Pod "p" is invalid',
    ['spec.containers[0].ports[0].containerPort: Required value'],
  ],
  [
    'pod port name too long',
    pod(
      'p',
      '  containers: [{name: c, image: nginx, ports: [{name: web-http-port-alt, containerPort: 80}]}]',
    ),
    'Pod "p" is invalid',
    [
      'spec.containers[0].ports[0].name: Invalid value: "web-http-port-alt": must be no more than 15 characters',
    ],
  ],
  [
    'pod name invalid',
    pod('My_Pod', '  containers: [{name: c, image: nginx}]'),
    'Pod "My_Pod" is invalid',
    [`metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN}`],
  ],
  [
    'pod restartPolicy typo',
    pod('p', '  restartPolicy: always\n  containers: [{name: c, image: nginx}]'),
    'Pod "p" is invalid',
    [
      'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"',
    ],
  ],
  [
    'probe without handler',
    pod('p', '  containers: [{name: c, image: nginx, readinessProbe: {periodSeconds: 5}}]'),
    'Pod "p" is invalid',
    ['spec.containers[0].readinessProbe: Required value: must specify a handler type'],
  ],
  [
    'env var name with a space',
    pod('p', '  containers: [{name: c, image: nginx, env: [{name: "MY VAR", value: x}]}]'),
    'Pod "p" is invalid',
    [
      "spec.containers[0].env[0].name: Invalid value: \"MY VAR\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ],
  ],
  [
    'liveness probe successThreshold 2',
    pod(
      'p',
      '  containers: [{name: c, image: nginx, livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}}]',
    ),
    'Pod "p" is invalid',
    ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  ],
  [
    'probe with two handlers',
    pod(
      'p',
      '  containers: [{name: c, image: nginx, readinessProbe: {tcpSocket: {port: 80}, httpGet: {port: 80}}}]',
    ),
    'Pod "p" is invalid',
    [
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ],
  ],
  [
    'probe named port invalid',
    pod(
      'p',
      '  containers: [{name: c, image: nginx, readinessProbe: {httpGet: {port: Web_Port}}}]',
    ),
    'Pod "p" is invalid',
    [
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
  ],
  [
    'container port protocol lower case',
    pod(
      'p',
      '  containers: [{name: c, image: nginx, ports: [{containerPort: 80, protocol: tcp}]}]',
    ),
    'Pod "p" is invalid',
    [
      'spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ],
  ],
  [
    'externalIPs loopback',
    svc('web', '  externalIPs: [127.0.0.1]\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  ],
  [
    'LoadBalancer on the kubelet port',
    svc('lb', '  type: LoadBalancer\n  ports: [{port: 10250}]'),
    'Service "lb" is invalid',
    [
      'spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet',
    ],
  ],
  [
    'allocateLoadBalancerNodePorts on NodePort',
    svc('np', '  type: NodePort\n  allocateLoadBalancerNodePorts: false\n  ports: [{port: 80}]'),
    'Service "np" is invalid',
    [
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ],
  ],
  [
    'ClientIP timeout too long',
    svc(
      'web',
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 100000}}\n  ports: [{port: 80}]',
    ),
    'Service "web" is invalid',
    [
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 100000: must be greater than 0 and less than 86400',
    ],
  ],
  [
    'deployment maxUnavailable not a percent',
    deploy(
      'web',
      `  selector: {matchLabels: {app: web}}\n  strategy: {rollingUpdate: {maxUnavailable: "25"}}\n${TEMPLATE}`,
    ),
    'Deployment.apps "web" is invalid',
    [
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
  ],
  [
    'deployment maxSurge and maxUnavailable both 0',
    deploy(
      'web',
      `  selector: {matchLabels: {app: web}}\n  strategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}\n${TEMPLATE}`,
    ),
    'Deployment.apps "web" is invalid',
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'deployment strategy type typo',
    deploy(
      'web',
      `  selector: {matchLabels: {app: web}}\n  strategy: {type: Rolling}\n${TEMPLATE}`,
    ),
    'Deployment.apps "web" is invalid',
    [
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
  ],
  [
    'endpoints subset without addresses (V13)',
    ep('my-service', 'subsets:\n- ports: [{port: 80}]'),
    'Endpoints "my-service" is invalid',
    ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
  ],
  [
    'endpoints loopback IP (V13)',
    ep('my-service', 'subsets:\n- addresses: [{ip: 127.0.0.1}]\n  ports: [{port: 80}]'),
    'Endpoints "my-service" is invalid',
    [
      'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  ],
  [
    'endpoints link-local IP (V13)',
    ep('my-service', 'subsets:\n- addresses: [{ip: 169.254.1.1}]\n  ports: [{port: 80}]'),
    'Endpoints "my-service" is invalid',
    [
      'subsets[0].addresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ],
  ],
  [
    'endpoints unparsable IP gives two causes (V13)',
    ep('my-service', 'subsets:\n- addresses: [{ip: 10.0.0.300}]\n  ports: [{port: 80}]'),
    'Endpoints "my-service" is invalid',
    [
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address',
    ],
  ],
  [
    'endpoints two unnamed ports (V13)',
    ep(
      'my-service',
      'subsets:\n- addresses: [{ip: 10.244.1.5}]\n  ports: [{port: 80}, {port: 443}]',
    ),
    'Endpoints "my-service" is invalid',
    ['subsets[0].ports[0].name: Required value', 'subsets[0].ports[1].name: Required value'],
  ],
  [
    'endpoints port 0 (V13)',
    ep('my-service', 'subsets:\n- addresses: [{ip: 10.244.1.5}]\n  ports: [{port: 0}]'),
    'Endpoints "my-service" is invalid',
    ['subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  ],
  [
    'namespace name with dot (V19)',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev.team',
    'Namespace "dev.team" is invalid',
    [`metadata.name: Invalid value: "dev.team": ${LABEL}`],
  ],
  [
    'label key with two slashes',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  labels: {"a/b/c": x}',
    'Namespace "dev" is invalid',
    [
      "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  ],
]

rows.push(
  [
    'loadBalancerSourceRanges on a ClusterIP service',
    svc('web', '  loadBalancerSourceRanges: [10.0.0.0/8]\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"],
  ],
  [
    'appProtocol with a space',
    svc('web', '  ports: [{port: 80, appProtocol: "my http"}]'),
    'Service "web" is invalid',
    [
      "spec.ports[0].appProtocol: Invalid value: \"my http\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  ],
  [
    'RequireDualStack on a single-stack cluster',
    svc('web', '  ipFamilyPolicy: RequireDualStack\n  selector: {app: web}\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    [
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ],
  ],
  [
    'IPv6 family on an IPv4 cluster',
    svc('web', '  ipFamilies: [IPv6]\n  ports: [{port: 80}]'),
    'Service "web" is invalid',
    ['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'],
  ],
)

describe('validation rows', () => {
  test.each(rows)('%s', (_name, manifest, status, causes) => {
    const s = newState()
    const before = JSON.stringify(s)
    const r = createObject(s, y(manifest), { now: NOW })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.reason).toBe('Invalid')
    expect(r.error.message).toBe(
      `${status}: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`,
    )
    expect(r.error.details?.causes.map((c) => c.message)).toEqual(causes)
    expect(JSON.stringify(s)).toBe(before)
  })
})

const valid: [string, string][] = [
  ['single unnamed port', svc('web', '  ports: [{port: 80}]')],
  ['named targetPort', svc('web', '  ports: [{port: 80, targetPort: http}]')],
  ['headless', svc('web', '  clusterIP: None\n  selector: {app: web}\n  ports: [{port: 80}]')],
  [
    'ExternalName with trailing dot',
    svc('ext', '  type: ExternalName\n  externalName: example.com.'),
  ],
  ['NodePort in range', svc('np', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]')],
  ['selector-less service', svc('my-service', '  ports: [{port: 80, targetPort: 9376}]')],
  [
    'endpoints with notReadyAddresses only',
    ep('my-service', 'subsets:\n- notReadyAddresses: [{ip: 10.244.1.5}]\n  ports: [{port: 80}]'),
  ],
  [
    'deployment with matchExpressions',
    deploy(
      'web',
      `  selector:\n    matchExpressions: [{key: app, operator: In, values: [web]}]\n${TEMPLATE}`,
    ),
  ],
  ['namespace', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev'],
]

describe('valid manifests pass', () => {
  test.each(valid)('%s', (_name, manifest) => {
    const r = createObject(newState(), y(manifest), { now: NOW })
    expect(r.ok ? 'ok' : r.error.message).toBe('ok')
  })
})
