// Pods read ConfigMaps and Secrets in their environment (kubelet makeEnvironmentVariables):
// env[].valueFrom.configMapKeyRef / secretKeyRef and envFrom (prefix, optional), seen through
// `kubectl exec`; a missing ConfigMap, Secret or key is CreateContainerConfigError until it exists.
import { describe, expect, test } from 'vitest'
import { run } from '../../../worker/sim/run'
import { newCluster } from '../../../worker/sim/bootstrap'

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0)

function session() {
  const s = newCluster(7, T0)
  let now = T0 + 60_000
  const go = (line: string, stdin?: string) => {
    const r = run(s, line, { now, owned: true, ...(stdin === undefined ? {} : { stdin }) })
    return r.output.map((o) => o.text).join('')
  }
  const wait = (ms: number) => (now += ms)
  return { go, wait }
}

const POD = (env: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx
${env}`

const CONFIG = `kubectl create configmap game --from-literal=mode=hard --from-literal=lives=3 --from-literal=app.properties=x --from-literal=3d=yes`
const SECRET = `kubectl create secret generic db --from-literal=pass=s3cr3t`

describe('a container environment from ConfigMaps and Secrets', () => {
  test('valueFrom and envFrom (with a prefix) give the values; env wins over envFrom', () => {
    const { go, wait } = session()
    go(CONFIG)
    go(SECRET)
    const pod = POD(`    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: game, key: mode}
    - name: DB_PASS
      valueFrom:
        secretKeyRef: {name: db, key: pass}
    - name: GAME_lives
      value: "9"
    - name: MISSING
      valueFrom:
        configMapKeyRef: {name: nope, key: k, optional: true}
    envFrom:
    - configMapRef: {name: game}
    - configMapRef: {name: game}
      prefix: GAME_
    - secretRef: {name: db}
    - configMapRef: {name: absent, optional: true}
`)
    expect(go('kubectl apply -f -', pod)).toBe('pod/app created\n')
    wait(30_000)
    expect(go('kubectl get pod app')).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\napp +1\/1 +Running +0 /,
    )
    const env = go('kubectl exec app -- env')
    expect(env).toContain('\nMODE=hard\n')
    expect(env).toContain('\nDB_PASS=s3cr3t\n')
    expect(env).toContain('\nGAME_mode=hard\n')
    expect(env).toContain('\nGAME_lives=9\n')
    expect(env).toContain('\npass=s3cr3t\n')
    expect(env).not.toContain('MISSING')
    expect(env).toContain('\nmode=hard\n')
    // every key, also those no shell can name (the kubelet has not skipped them since 1.30)
    expect(env).toContain('\nGAME_app.properties=x\n')
    expect(env).toContain('\nGAME_3d=yes\n')
    expect(env).toContain('\n3d=yes\n')
    expect(go(`kubectl exec app -- sh -c 'echo $MODE $DB_PASS'`)).toBe('hard s3cr3t\n')
    expect(go('kubectl exec app -- printenv GAME_mode')).toBe('hard\n')
    expect(go('kubectl describe pod app')).toMatch(
      /\n {4}Environment Variables from:\n {6}game +ConfigMap +Optional: false\n {6}game +ConfigMap with prefix 'GAME_' +Optional: false\n {6}db +Secret +Optional: false\n {6}absent +ConfigMap +Optional: true\n {4}Environment:\n {6}MODE: +<set to the key 'mode' of config map 'game'> +Optional: false\n/,
    )
    // the environment is fixed when the container starts
    go('kubectl delete cm game')
    go('kubectl create configmap game --from-literal=mode=easy')
    expect(go('kubectl exec app -- printenv MODE')).toBe('hard\n')
  })

  test.each([
    [
      'a missing ConfigMap',
      '    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef: {name: game, key: mode}\n',
      'configmap "game" not found',
    ],
    [
      'a missing key',
      '    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef: {name: game, key: speed}\n',
      "couldn't find key speed in ConfigMap default/game",
    ],
    [
      'a missing Secret in envFrom',
      '    envFrom:\n    - secretRef: {name: creds}\n',
      'secret "creds" not found',
    ],
    [
      'a missing Secret key',
      '    env:\n    - name: P\n      valueFrom:\n        secretKeyRef: {name: db, key: user}\n',
      "couldn't find key user in Secret default/db",
    ],
  ])('%s: CreateContainerConfigError until it exists', (name, env, error) => {
    const { go, wait } = session()
    if (name !== 'a missing ConfigMap') go(CONFIG)
    go(SECRET)
    go('kubectl apply -f -', POD(env))
    wait(30_000)
    expect(go('kubectl get pod app')).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\napp +0\/1 +CreateContainerConfigError +0 /,
    )
    const describe = go('kubectl describe pod app')
    expect(describe).toContain(`Warning  Failed     `)
    expect(describe).toContain(`kubelet            Error: ${error}\n`)
    expect(describe).toMatch(/State: +Waiting\n +Reason: +CreateContainerConfigError\n/)
    expect(
      go("kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'"),
    ).toBe(error)
    if (name !== 'a missing ConfigMap') return
    go('kubectl create configmap game --from-literal=mode=hard')
    wait(15_000)
    expect(go('kubectl get pod app')).toMatch(/\napp +1\/1 +Running +0 /)
    expect(go('kubectl exec app -- printenv MODE')).toBe('hard\n')
  })
})
