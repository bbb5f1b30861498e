// The course notes' whole scenario as one multi-document manifest: the four Deployments, the
// access pod, the three Services (my-service, my-blue-service, and a NodePort for outside access)
// and the hand-written Endpoints.
import { NOTES_MANIFESTS } from '../worker/labs/notes'

const NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: my-nodeport-service
spec:
  type: NodePort
  selector:
    app: nginx-1.1
  ports:
  - port: 8080
    targetPort: 80
`

export const SEED_SCENARIO = [...Object.values(NOTES_MANIFESTS), NODEPORT].join('---\n')
