// `kubectl apply|create|delete|get|describe -f DIR [-R]`: the real kubectl 1.32 reads a folder on this machine's
// disk, the lab terminal the same folder written by its shell (mkdir, printf > file) on the same
// line; both print the same, errors included (a missing path, a folder without manifests, several
// bad paths at once). Writes run with the real kubectl on cluster A and with ours on cluster B.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, simKubectl, type Out } from './kubectl-compare'
import { learner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-files-'))
// the clock stands still: AGE columns agree
const clock = Date.now() - 60_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock, when: HAS_KUBECTL })

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`
const svc = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`

/** the tree both sides read: files out of name order, a subfolder, files kubectl skips */
const TREE: Record<string, string> = {
  'app/b-svc.yaml': svc('b'),
  'app/a-ns.yml': ns('team-a'),
  'app/c.json':
    '{"apiVersion":"v1","kind":"Service","metadata":{"name":"c"},"spec":{"ports":[{"port":81}]}}',
  'app/README.md': '# not a manifest\n',
  'app/nested/d.yaml': svc('d'),
  'app/nested/deeper/e.yaml': svc('e'),
  'only-docs/notes.txt': 'nothing to apply\n',
  'blank/nested/x.yaml': '',
}
const EMPTY_DIRS = ['empty']

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
/** the lab terminal's shell builds the tree at the start of the line */
const SETUP = [
  `mkdir -p ${[...new Set(Object.keys(TREE).map((p) => p.slice(0, p.lastIndexOf('/'))))].join(' ')} ${EMPTY_DIRS.join(' ')}`,
  ...Object.entries(TREE).map(([p, text]) => `printf %s ${quote(text)} > ${p}`),
].join('; ')

function real(kubeconfig: string, args: string[], cwd: string): Promise<Out> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', kubeconfig, ...args],
      {
        cwd,
        env: { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache') },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: number }).code : 0
        resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : 1 })
      },
    )
  })
}

describe.skipIf(!HAS_KUBECTL)('kubectl -f with a folder (needs the kubectl binary)', () => {
  it('reads a folder’s manifests in name order, subfolders with -R, and fails as kubectl does', async () => {
    const work = join(dir, 'work')
    for (const d of EMPTY_DIRS) mkdirSync(join(work, d), { recursive: true })
    for (const [p, text] of Object.entries(TREE)) {
      mkdirSync(join(work, p, '..'), { recursive: true })
      writeFileSync(join(work, p), text)
    }
    const a = await learner(origin())
    const b = await learner(origin())
    const lines = [
      'apply -f app',
      'apply -f app -R',
      'apply -R -f ./app/ --dry-run=server',
      'get -f app',
      'get -f app -R -o name',
      'get -f app/b-svc.yaml',
      'get -f app/nested -o wide',
      'describe -f app/b-svc.yaml',
      'get svc -f app',
      'get -f missing',
      'delete -f app/nested',
      'create -f app --recursive',
      'delete -f app -R',
      'create -f app/nested/d.yaml -f app/nested/deeper',
      'apply -f missing',
      'apply -f empty',
      'delete -f only-docs -R',
      'create -f empty -f missing -f nowhere',
      'apply -f app -f empty --dry-run=client',
      'apply -f blank -R',
      'delete -f blank -R',
      'apply -f app/README.md',
    ]
    for (const line of lines) {
      // reads run both ways on cluster A; writes on the cluster of each
      const own = /^(get|describe) /.test(line) ? a : b
      const want = await simKubectl(own.c, own.id, `${SETUP}; kubectl ${line}`)
      const got = await real(a.kubeconfig, line.split(' '), work)
      expect(got, `kubectl ${line}`).toEqual(want)
    }
  }, 180_000)
})
