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

describe('kubectl -f <folder> (texts of kubectl 1.32, test/node/kube-api-kubectl-files.test.ts compares)', () => {
  const tree =
    'mkdir -p k/sub empty; printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: %s\\n" b > k/b.yaml; ' +
    'printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: %s\\n" a > k/a.yml; ' +
    'printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: %s\\n" s > k/sub/s.yaml; echo hi > k/notes.txt'

  it('applies the folder’s manifests in name order, its subfolders only with -R', () => {
    const r = run(newCluster(3, T0), `${tree}; kubectl apply -f k; kubectl apply -R -f k`, { now: T0 })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      'namespace/a created\nnamespace/b created\n' +
        'namespace/a unchanged\nnamespace/b unchanged\nnamespace/s created\n',
    )
  })

  it('refuses a folder without manifests, and names every missing path', () => {
    const r = run(newCluster(3, T0), `${tree}; kubectl delete -f empty -R`, { now: T0 })
    expect(r.stderr).toBe(
      'error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n',
    )
    const two = run(newCluster(3, T0), 'kubectl create -f x -f y', { now: T0 })
    expect(two.stderr).toBe('the path "x" does not exist\nthe path "y" does not exist\n')
    expect(two.exitCode).toBe(1)
  })
})
