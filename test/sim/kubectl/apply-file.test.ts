import { describe, expect, it } from 'vitest'
import { newCluster, run } from '../../../worker/sim'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)

describe('kubectl apply -f <file written on the same line>', () => {
  it('applies a manifest saved with > earlier in the line, naming the file as the source', () => {
    const s = newCluster(3, T0)
    const r = run(s, 'kubectl create namespace dev -o yaml --dry-run=client > ns.yaml; kubectl apply -f ns.yaml', { now: T0 })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('namespace/dev created\n')
    const bad = run(r.state, "echo 'kind: Service' > bad.yaml; kubectl apply -f bad.yaml", { now: T0 })
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toContain('"bad.yaml"')
  })

  it('still refuses a path nobody wrote', () => {
    const r = run(newCluster(3, T0), 'kubectl apply -f web.yaml', { now: T0 })
    expect(r.stderr).toBe('error: the path "web.yaml" does not exist\n')
    expect(r.exitCode).toBe(1)
  })
})
