// `kubectl auth whoami` and `kubectl auth can-i` in the lab terminal (kubectl pkg/cmd/auth). Its
// kubeconfig is kind's admin.conf (kubeconfig.ts): the client certificate of kubernetes-admin in
// kubeadm:cluster-admins, bound to cluster-admin, so every check answers yes; --list prints
// cluster-admin's rules and those every authenticated user has. The lab's own Kubernetes API
// answers for its token's user instead (worker/kube-api/access-review.ts). Left out: -o for can-i.

import type { ProcessResult } from '../context'
import { RESOURCES, resolveResource } from '../objects/resources'
import { authenticatedRules, REVIEW_RESOURCES, type PolicyRule } from '../objects/reviews'
import { printRules, printUserInfo, type UserInfo } from './auth-print'
import { clientError } from './errors'
import type { Invocation } from './invocation'
import { outputError, renderObjects } from './output'
import type { KubeObject } from '../objects/types'

const ADMIN: UserInfo = {
  username: 'kubernetes-admin',
  groups: ['kubeadm:cluster-admins', 'system:authenticated'],
}

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']
  .concat(['deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign'])
  .concat(['escalate', 'attest'])
const URL_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']

/** cluster-admin's two rules and system:authenticated's */
function adminRules(): PolicyRule[] {
  const everyone = authenticatedRules()
  return [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] },
    ...everyone.resourceRules,
    ...everyone.nonResourceRules,
  ]
}

/** `kubectl auth whoami [-o json|yaml]` */
export function whoamiVerb(inv: Invocation): ProcessResult {
  const output = inv.flags.str('output')
  if (output === '') return { stdout: printUserInfo(ADMIN), stderr: '', exitCode: 0 }
  const bad = outputError(output)
  if (bad) return clientError(bad)
  if (output === 'name')
    return {
      stdout: 'selfsubjectreview.authentication.k8s.io/<unknown>\n',
      stderr: '',
      exitCode: 0,
    }
  const review = {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: ADMIN },
  }
  return {
    stdout: renderObjects([review as unknown as KubeObject], output, true),
    stderr: '',
    exitCode: 0,
  }
}

const warning = (text: string) => `Warning: ${text}\n\n`

/** What kubectl's RESTMapper makes of the type (cani.go resourceFor), and its warning. */
function resourceOf(
  typed: string,
): { group: string; plural: string; namespaced: boolean } | string {
  const kind = resolveResource(typed)
  if (kind) return RESOURCES[kind]
  const review = REVIEW_RESOURCES.find(
    (r) => typed === r.plural || typed === `${r.plural}.${r.group}` || typed === r.singular,
  )
  if (review) return { ...review, namespaced: false }
  if (typed === '*') return { group: '', plural: '*', namespaced: true }
  const dot = typed.indexOf('.')
  return dot < 0
    ? warning(`the server doesn't have a resource type '${typed}'`)
    : warning(
        `the server doesn't have a resource type '${typed.slice(0, dot)}' in group '${typed.slice(dot + 1)}'`,
      )
}

/** `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL`, `kubectl auth can-i --list` */
export function canIVerb(inv: Invocation): ProcessResult {
  const list = inv.flags.bool('list')
  const quiet = inv.flags.bool('quiet')
  if (list) {
    if (inv.args.length !== 0) return clientError('list option must be specified with no arguments')
    if (quiet || inv.flags.bool('all-namespaces') || inv.flags.str('subresource') !== '')
      return clientError(
        "list option can't be specified with neither quiet, all-namespaces nor subresource options",
      )
    const stdout = printRules(adminRules(), inv.flags.bool('no-headers'))
    return { stdout, stderr: '', exitCode: 0 }
  }
  const [verb, target] = inv.args
  if (inv.args.length !== 2 || verb === undefined || target === undefined)
    return clientError(
      "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    )
  let stderr = ''
  if (target.startsWith('/')) {
    if (inv.flags.str('subresource') !== '')
      return clientError('--subresource can not be used with NonResourceURL')
    if (!URL_VERBS.includes(verb)) stderr += warning(`verb '${verb}' is not a known verb`)
  } else {
    const typed = target.split('/')[0] ?? ''
    const r = resourceOf(typed.toLowerCase())
    if (typeof r === 'string') stderr += r
    else if (!r.namespaced && !inv.flags.bool('all-namespaces'))
      stderr += warning(
        r.group
          ? `resource '${r.plural}' is not namespace scoped in group '${r.group}'`
          : `resource '${r.plural}' is not namespace scoped`,
      )
    if (!inv.flags.bool('all-namespaces') && !RESOURCE_VERBS.includes(verb))
      stderr += warning(`verb '${verb}' is not a known verb`)
  }
  if (inv.flags.bool('no-headers'))
    return {
      stdout: '',
      stderr: `${stderr}error: --no-headers cannot be set without --list specified\n`,
      exitCode: 1,
    }
  return { stdout: quiet ? '' : 'yes\n', stderr, exitCode: 0 }
}
