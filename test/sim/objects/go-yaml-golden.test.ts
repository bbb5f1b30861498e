// Broken manifests and the exact error go-yaml v2.4.0 (the YAML parser kubectl 1.32 uses, via
// sigs.k8s.io/yaml) printed for each, captured from the real library: mutations (indentation off by
// one or two, tabs, lost colons and dashes, stray quotes and brackets) of the course's manifests,
// and mixes of URLs, quotes, escapes, tabs, CRLF line ends and broken flow collections.
import { expect, test } from 'vitest'
import { parseManifests } from '../../../worker/sim/objects'

const GOLDEN: [string, string][] = [
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n    selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 9: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n- extra\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 9: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 19: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n       image: nginx:1.19\n        ports:\n        containerPort: 80\n',
    'yaml: line 18: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n- extra\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 14: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:: x\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n      ports:\n        - containerPort: 80\n',
    'yaml: line 14: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n    replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 8: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\n\tmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 3: found a tab character that violates indentation',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment: x\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n    - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 17: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n      metadata:\n      labels:\n        app: nginx\n     spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 15: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\n- extra\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 6: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n   labels:\n    app: nginx\n spec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 18: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment: x\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n    name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: [nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    "yaml: line 4: could not find expected ':'",
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n\tspec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 16: found a tab character that violates indentation',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n- extra\n    metadata:\n        labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 12: did not find expected key',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\n  metadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: [nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n- extra\n        - containerPort: 80\n',
    "yaml: line 6: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n\tapp: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 6: found character that cannot start any token',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:: x\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: "3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 22: found unexpected end of stream',
  ],
  [
    'apiVersion: apps/v1\nkind: [Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    "yaml: line 2: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:: x\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 15: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n\tselector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 9: found a tab character that violates indentation',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector\n    matchLabels:\n     app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    "yaml: line 10: could not find expected ':'",
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:: x\n    matchLabels:\n      app: nginx\ntemplate:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 10: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n\tapp: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 15: found character that cannot start any token',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n\t- name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    'yaml: line 18: found character that cannot start any token',
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n  spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: [80\n',
    "yaml: line 21: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: apps/v1\nkind Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    "yaml: line 3: could not find expected ':'",
  ],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\nspec\n  replicas: 3\n  selector:\n    matchLabels\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.19\n        ports:\n        - containerPort: 80\n',
    "yaml: line 8: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n- extra\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 11: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 11: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n- extra\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 7: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: "TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 14: found unexpected end of stream',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n\tport 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 11: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n       nodePort: 30080\n',
    'yaml: line 13: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 7: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\n kind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n\tapp: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx: x\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n- extra\n      nodePort: 30080\n',
    'yaml: line 12: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 10: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n     - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 10: did not find expected '-' indicator",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 8: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: [Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: "80\n      nodePort: 30080\n',
    "yaml: line 2: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n       targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 12: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n    type: NodePort\n  selector:: x\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 6: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n\tname: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 4: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort 80\n      nodePort: 30080\n',
    "yaml: line 13: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n- extra\n  name: my-service\nspec:\n  type NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\n- extra\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n     port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 2: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n- extra\n  selector:\n      app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 6: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: [8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 11: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind Service\nmetadata:\n  name my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 3: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Service\n  metadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:: x\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n       nodePort: 30080\n',
    'yaml: line 6: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n\tselector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 7: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\n\tkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 2: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n\ttype: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 6: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: [my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    "yaml: line 4: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n\tapp: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 8: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n- extra\n    - protocol: TCP\n      port: 8080\n      targetPort: 80\n      nodePort: 30080\n',
    'yaml: line 9: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 8080\n\ttargetPort: 80\n      nodePort: 30080\n',
    'yaml: line 12: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:: x\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\n\tkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 2: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n    - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 7: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: "Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 11: found unexpected end of stream',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n ports:\n  - port: 80\n',
    'yaml: line 8: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n- extra\n  ports:\n  - port: 80\n',
    'yaml: line 10: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180: x\n  ports:\n  - port: "80\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\n\tsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 5: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 4: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Endpoints: x\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n  - addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 8: did not find expected '-' indicator",
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n - addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 6: did not find expected '-' indicator",
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\n- extra\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n\t- port: 80\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\n  metadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\n  subsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 5: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind Endpoints\nmetadata:: x\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 3: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Endpoints\n- extra\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 2: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n- extra\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\n\tmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 3: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: [10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 7: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n\t- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    'yaml: line 6: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports\n  - port: 80\n',
    "yaml: line 10: could not find expected ':'",
  ],
  [
    'apiVersion: v1\n\tkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n- extra\n  ports:\n  - port: 80\n',
    'yaml: line 2: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n - port: 80\n',
    'yaml: line 9: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: [Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 2: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets\n- addresses:\n  - ip: 10.244.0.119\n  - ip: 10.244.0.180\n  ports:\n  - port: 80\n',
    "yaml: line 6: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n- extra\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\n\tmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 3: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest: x\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n- extra\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 7: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\n- extra\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 1: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n\tcommand: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 9: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 7: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 8: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: [access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 7: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: [ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 3: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Pod: x\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\n metadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\n\tspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 5: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 10: could not find expected ':'",
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n- extra\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 6: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 4: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: [Pod\nmetadata:\n  name: access-pod\nspec:\n   containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 2: did not find expected ',' or ']'",
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod: x\nspec:\n  containers:\n    - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\n- extra\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n\tcommand: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 2: did not find expected key',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n\timage ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 8: found a tab character that violates indentation',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n\tcontainers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 6: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:: x\n    containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 6: mapping values are not allowed in this context',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: access-pod\nspec:\n  containers:: x\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    'yaml: line 4: found character that cannot start any token',
  ],
  [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n   - name: access-pod-container\n   image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
    "yaml: line 7: did not find expected '-' indicator",
  ],
  [
    'k: {a: 1\nqm: ?x\npct: 50%\nexc: a!b\nurl: http://example.com/a?b=c&d=e\n',
    "yaml: line 1: did not find expected ',' or '}'",
  ],
  [': novalue\nempty:\n', 'yaml: did not find expected key'],
  [
    'k: v\n  - x\nseqmap:\n- a: 1\n  b: 2\n- c: 3\nk:\n\t- x\nx: @y\n ind: x\nk: "unclosed\n',
    'yaml: line 8: found character that cannot start any token',
  ],
  [
    'qm: ?x\nmulti: a\n  b\n\tbad: x\nemail: user@example.com\n',
    'yaml: line 4: found a tab character that violates indentation',
  ],
  ['q: what?\nk: "unclosed\npct: 50%\nk:\n\t- x\n', 'yaml: line 6: found unexpected end of stream'],
  [
    "trail: x\t\npath: 'C:\\\\dir'\nexc: a!b\n ind: x\n",
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  ['\tbad: x\n', 'yaml: found character that cannot start any token'],
  [
    'k: "unclosed\nkey with space: v\n: novalue\nemail: user@example.com\nesc: "a\\tb\\"c"\nnul: ~\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'k: [a, b\nseqmap:\n- a: 1\n  b: 2\n- c: 3\nqm: ?x\n',
    "yaml: line 1: did not find expected ',' or ']'",
  ],
  ['a: b: c\nlist:\n- a\n- b\n', 'yaml: mapping values are not allowed in this context'],
  [
    'deep:\r\n  - - x\r\ndash: -x\r\nbool: yes\r\ntabval:\tx\r\nurl: http://example.com/a?b=c&d=e\r\nk: {a: 1\r\n',
    "yaml: line 7: did not find expected ',' or '}'",
  ],
  [
    'list:\r\n- a\r\n- b\r\nemail: user@example.com\r\n\tbad: x\r\ntrail: x\t\r\n',
    'yaml: line 5: found a tab character that violates indentation',
  ],
  [
    "- seq\nsq: 'it''s'\na: b: c\nexc: a!b\nk: \"unclosed\nk:\n\t- x\n",
    "yaml: line 1: did not find expected '-' indicator",
  ],
  [
    'num: 0755\r\n  over: x\r\nqm: ?x\r\nlist:\r\n- a\r\n- b\r\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'multi: a\r\n  b\r\nx: @y\r\npct: 50%\r\n: novalue\r\nbool: yes\r\n',
    'yaml: line 3: found character that cannot start any token',
  ],
  [': novalue\r\ndeep:\r\n  - - x\r\n', 'yaml: did not find expected key'],
  [
    'pct: 50%\r\nbool: yes\r\nk: v\r\n  - x\r\nempty:\r\n: novalue\r\nseqmap:\r\n- a: 1\r\n  b: 2\r\n- c: 3\r\n',
    'yaml: line 5: did not find expected key',
  ],
  ['hash: a#b\r\nk: [a, b\r\nbool: yes\r\n', "yaml: line 2: did not find expected ',' or ']'"],
  ['a: b: c\r\n', 'yaml: mapping values are not allowed in this context'],
  [
    '- seq\r\nurl: http://example.com/a?b=c&d=e\r\nhash: a#b\r\nesc: "a\\tb\\"c"\r\n',
    "yaml: line 1: did not find expected '-' indicator",
  ],
  [
    'k: "unclosed\r\nexc: a!b\r\npct: 50%\r\nnested:\r\n  k: v\r\n  l:\r\n  - 1\r\n  - 2\r\n',
    'yaml: line 9: found unexpected end of stream',
  ],
  [
    '\tbad: x\r\nhash: a#b\r\nqm: ?x\r\ndeep:\r\n  - - x\r\n',
    'yaml: found character that cannot start any token',
  ],
]

const PREFIX = 'error parsing STDIN: error converting YAML to JSON: '

test('every captured error is reproduced exactly', () => {
  const wrong = GOLDEN.filter(([doc, want]) => parseManifests(doc, 'STDIN').error !== PREFIX + want)
  expect(wrong).toEqual([])
})

test.each(GOLDEN.slice(0, 40).map(([doc, want], i) => [i, want, doc] as const))(
  'captured error %i: %s',
  (_i, want, doc) => {
    expect(parseManifests(doc, 'STDIN').error).toBe(PREFIX + want)
  },
)
