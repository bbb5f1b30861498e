// What a learner reads off the screen before typing the next line (pod names and IPs, nodePorts),
// taken from the state the way kubectl would show it, plus assertions on transcripts.

import { expect } from 'vitest'
import { podIP, podsWith, readyPodsWith, service } from '../../worker/labs/checks'
import type { ClusterState } from '../../worker/sim/state'
import { describeTranscript, type Transcript } from './transcript'

export function readyIPs(
  s: ClusterState,
  selector: Record<string, string>,
  ns = 'default',
): string[] {
  return readyPodsWith(s, ns, selector)
    .map(podIP)
    .filter((ip): ip is string => !!ip)
}

export function podNames(
  s: ClusterState,
  selector: Record<string, string>,
  ns = 'default',
): string[] {
  return podsWith(s, ns, selector)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
}

export function firstPodName(
  s: ClusterState,
  selector: Record<string, string>,
  ns = 'default',
): string {
  const name = podNames(s, selector, ns)[0]
  if (!name) throw new Error(`no pod with ${JSON.stringify(selector)} in ${ns}`)
  return name
}

export function nodePortOf(s: ClusterState, name: string): number {
  const np = service(s, name)?.spec.ports?.[0]?.nodePort
  if (!np) throw new Error(`service ${name} has no nodePort`)
  return np
}

export function apply(yaml: string): { command: string; stdin: string } {
  return { command: 'kubectl apply -f -', stdin: yaml }
}

/** Endpoints YAML as the learner writes it from the notes' template with their own IPs. */
export function endpointsYaml(name: string, ips: string[], port: number): string {
  const addresses = ips.map((ip) => `  - ip: ${ip}`).join('\n')
  return `apiVersion: v1
kind: Endpoints
metadata:
  name: ${name}
subsets:
- addresses:
${addresses}
  ports:
  - port: ${port}
`
}

export function expectDone(t: Transcript, tasks: string[]): void {
  expect(t.done, describeTranscript(t)).toEqual(tasks)
}

export function expectUndone(t: Transcript, task: string): void {
  expect(t.done, describeTranscript(t)).not.toContain(task)
}

/** The index of the line that completed `task` (-1 when it never did). */
export function completedAt(t: Transcript, task: string): number {
  return t.outputs.findIndex((o) => o.completed.includes(task))
}
