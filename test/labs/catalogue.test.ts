import { describe, expect, it } from 'vitest'
import { LABS } from '../../worker/labs'
import { setupVariant } from '../../worker/labs/debug-service'
import { DEBUG_VARIANTS, variantManifests } from '../../worker/labs/debug-variants'
import { API_DEPLOYMENT, API_SERVICES, BACKEND_NAMESPACE } from '../../worker/labs/dns'
import { CLIENT_POD } from '../../worker/labs/lab-manifests'
import { ACCESS_POD, NGINX_1_0, NGINX_1_1, NOTES_MANIFESTS } from '../../worker/labs/notes'
import { parseManifests } from '../../worker/sim/objects/manifest-parse'
import { run } from '../../worker/sim/run'
import type { ClusterState } from '../../worker/sim/state'
import { DEFAULT_START, describeTranscript, playTranscript } from './transcript'

const STARTS_WITH: Record<string, string[]> = {
  'pod-ips': [NGINX_1_0],
  'clusterip-endpoints': [NGINX_1_1, ACCESS_POD],
  'service-types': [NGINX_1_1, CLIENT_POD],
  selectors: [CLIENT_POD],
  dns: [BACKEND_NAMESPACE, API_SERVICES, API_DEPLOYMENT, CLIENT_POD],
}

function fences(markdown: string, lang: string): string[] {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g')
  return [...markdown.matchAll(re)].map((m) => m[1] ?? '')
}

function reapply(state: ClusterState, yaml: string) {
  return run(state, 'kubectl apply -f -', { now: DEFAULT_START + 30_000, stdin: yaml })
}

/** `kubectl apply` answers `<kind>/<name> unchanged` for every object of the text. */
function expectUnchanged(state: ClusterState, yaml: string): void {
  const r = reapply(state, yaml)
  const lines = r.stdout.trimEnd().split('\n')
  expect(r.stderr, yaml).toBe('')
  expect(lines.length).toBe(parseManifests(yaml, 'STDIN').objects.length)
  for (const line of lines) expect(line).toMatch(/^[a-z.]+\/[a-z0-9.-]+ unchanged$/)
}

describe('lab catalogue', () => {
  it('lists the labs in the course order, playground last', () => {
    expect(LABS.map((l) => l.id)).toEqual([
      'pod-ips',
      'clusterip-endpoints',
      'service-types',
      'selectors',
      'debug-service',
      'dns',
      'ingress',
      'playground',
    ])
  })

  for (const lab of LABS.filter((l) => l.id !== 'playground')) {
    describe(lab.id, () => {
      it('has its content: summary, time, steps with YAML and commands, hints, explanation', () => {
        expect(lab.summary.length).toBeGreaterThan(20)
        expect(lab.summary).not.toContain('\n')
        expect(lab.estimatedMinutes).toBeGreaterThan(0)
        expect(fences(lab.instructions, 'sh').length).toBeGreaterThan(0)
        expect(lab.explanation).toMatch(/^## What you learned/)
        expect(new Set(lab.tasks.map((t) => t.id)).size).toBe(lab.tasks.length)
        for (const task of lab.tasks) expect(task.hints.length, task.id).toBeGreaterThan(0)
      })

      it('completes nothing for a learner who only looks around', () => {
        const t = playTranscript(lab.id, [
          'kubectl get nodes',
          'kubectl get all',
          'kubectl get pods -A',
        ])
        expect(t.done, describeTranscript(t)).toEqual([])
      })

      it('shows YAML that parses', () => {
        for (const yaml of fences(lab.instructions, 'yaml'))
          expect(parseManifests(yaml, 'STDIN').error, yaml).toBeUndefined()
      })

      it('gives commands the terminal understands', () => {
        let state = lab.setup(5, DEFAULT_START)
        let now = DEFAULT_START
        for (const line of fences(lab.instructions, 'sh').flatMap((f) => f.trimEnd().split('\n'))) {
          now += 15_000
          const r = run(state, line, { now })
          expect(r.stderr, line).not.toMatch(
            /internal simulator error|not supported|command not found|unknown (command|flag)/,
          )
          state = r.state
        }
      })
    })
  }

  it("starts every lab with the notes' manifests exactly as written: applied again, unchanged", () => {
    for (const [id, yamls] of Object.entries(STARTS_WITH)) {
      const state = LABS.find((l) => l.id === id)?.setup(11, DEFAULT_START)
      if (!state) throw new Error(id)
      for (const yaml of yamls) expectUnchanged(state, yaml)
    }
  })

  it('starts debug-service variants with their own manifests, unchanged when applied again', () => {
    for (const v of DEBUG_VARIANTS) {
      const state = setupVariant(v, 11, DEFAULT_START)
      for (const yaml of [...variantManifests(v), CLIENT_POD]) expectUnchanged(state, yaml)
    }
  })

  it("keeps the notes' manifests valid", () => {
    for (const [name, yaml] of Object.entries(NOTES_MANIFESTS)) {
      const parsed = parseManifests(yaml, 'STDIN')
      expect(parsed.error, name).toBeUndefined()
      expect(parsed.objects.length).toBe(1)
    }
  })
})
