// Lines that reach what the kinds a controller reads (controllers/controller-reads.ts) must name,
// and their outcomes with settle's skips on or off (controller-reads.test.ts and its planted twin).
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import { playLines, switchedOutcomes, type Line } from './change-sequences'

const PICKY = `apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector: { disk: ssd }
  containers:
  - name: web
    image: nginx:1.27
`

/** Sequences of [line, ms since the previous one], each ending on the edge it is about. */
export const READ_EDGES: [Line, number][][] = [
  [
    [{ command: 'kubectl apply -f -', stdin: PICKY }, 1_000],
    [{ command: 'kubectl get events' }, 1_000],
    [{ command: 'kubectl label node lab-worker disk=ssd' }, 1_000],
    [{ command: 'kubectl get pods picky -o wide' }, 5_000],
  ],
  [
    // the pod quota refuses creates; the FailedCreate event goes (EVENTS_MAX) and comes again
    [{ command: 'kubectl scale deployment --all --replicas=9' }, 1_000],
    [{ command: 'kubectl get pods' }, 1_000],
    [{ command: 'kubectl get pods' }, 30_000],
    [{ command: 'kubectl get pods' }, 3_600_000],
    [{ command: 'kubectl get pods' }, 1_000],
  ],
  [
    [{ command: 'kubectl label pod -l app=nginx-1.1 app=moved --overwrite' }, 1_000],
    [{ command: 'kubectl get endpoints,endpointslices' }, 1_000],
    [{ command: 'kubectl label pod -l app=moved app=nginx-1.1 --overwrite' }, 1_000],
  ],
]

/** Each step's line, output and document, with settle's skips on or off. */
export function readOutcomes(lines: [Line, number][], skip: boolean): string[] {
  return switchedOutcomes(skipQuietControllers, skip, () => playLines(lines))
}
