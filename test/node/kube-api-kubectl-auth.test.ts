// `kubectl auth whoami` and `kubectl auth can-i --list` of the real kubectl 1.32 against the lab's
// Kubernetes API: the SelfSubjectReview and SelfSubjectRulesReview it POSTs (protobuf bodies) are
// answered for the token's user, and kubectl prints them as the lab terminal's printer
// (sim/kubectl/auth-print.ts) prints the same answer. Needs the `kubectl` binary.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, runKubectl } from './kubectl-compare'
import { learner } from './kube-streams-helpers'
import { LEARNER, learnerRules } from '../../worker/kube-api/access-review'
import { printRules, printUserInfo } from '../../worker/sim/kubectl/auth-print'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-auth-'))
const origin = listenForFile({ dbFile: join(dir, 'test.db'), when: HAS_KUBECTL })

describe.skipIf(!HAS_KUBECTL)('kubectl auth against the Kubernetes API (needs kubectl)', () => {
  it('whoami names the learner; can-i --list prints the rules can-i follows', async () => {
    const a = await learner(origin())
    const k = (args: string[]) => runKubectl(dir, a.kubeconfig, args)
    expect(await k(['auth', 'whoami'])).toEqual({
      stdout: 'ATTRIBUTE   VALUE\nUsername    learner\nGroups      [system:authenticated]\n',
      stderr: '',
      exitCode: 0,
    })
    expect(printUserInfo(LEARNER)).toBe((await k(['auth', 'whoami'])).stdout)
    const json = JSON.parse((await k(['auth', 'whoami', '-o', 'json'])).stdout)
    expect(json.status.userInfo).toEqual({ username: 'learner', groups: ['system:authenticated'] })
    const rules = learnerRules()
    const all = [...rules.resourceRules, ...rules.nonResourceRules]
    for (const noHeaders of [false, true]) {
      const got = await k(['auth', 'can-i', '--list', ...(noHeaders ? ['--no-headers'] : [])])
      expect(got).toEqual({ stdout: printRules(all, noHeaders), stderr: '', exitCode: 0 })
    }
    const list = (await k(['auth', 'can-i', '--list'])).stdout
    expect(list).toContain(
      '\nnodes                                           []                  []               [get list watch]\n',
    )
    expect(list).toContain(
      '\nselfsubjectreviews.authentication.k8s.io        []                  []               [create]\n',
    )
    // what the list says is what can-i answers
    expect((await k(['auth', 'can-i', 'create', 'selfsubjectrulesreviews'])).stdout).toBe('yes\n')
    expect((await k(['auth', 'can-i', 'get', '/healthz'])).stdout).toBe('yes\n')
    expect(await k(['auth', 'can-i', 'get', '/logs'])).toEqual({
      stdout: 'no\n',
      stderr: '',
      exitCode: 1,
    })
    expect((await k(['auth', 'can-i', 'patch', 'nodes'])).stdout).toBe(
      'no - nodes belong to the lab\n',
    )
  }, 120_000)
})
