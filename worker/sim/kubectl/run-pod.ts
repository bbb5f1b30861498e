// `kubectl run NAME --image=...` (kubectl pkg/cmd/run/run.go + pkg/generate/versioned/run.go
// BasicPod, KUBERNETES-FACTS T19): label `run=<name>`, container named like the pod, args or
// --command, --env, --port, --expose. `-i/-t` cannot attach a terminal here: the command runs
// once inside the new pod and its output is shown, as an attached `kubectl run` would show it.

import type { ProcessResult } from '../context'
import type { KubeObject, Pod } from '../objects/types'
import { getObject } from '../state'
import type { ExecResult } from '../shell/exec-in-pod'
import type { Invocation } from './invocation'
import { deleteObject, execInPod } from './api'
import { clientError, usageError } from './errors'
import { submitGenerated } from './generated'
import { recordChange, settleCluster } from './mutation'
import { effectiveArgv, findImage } from '../net/images'
import { isInteractiveShell } from '../session/open'

const IMAGE_REF =
  /^(?:(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+(?::\d+)?\/|localhost(?::\d+)?\/|[a-zA-Z0-9-]+:\d+\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/

/** True when `image` is a valid docker reference (distribution/reference ReferenceRegexp). */
export function isImageReference(image: string): boolean {
  return IMAGE_REF.test(image)
}

function parseEnvs(envs: string[]): { name: string; value: string }[] | string {
  const out: { name: string; value: string }[] = []
  for (const e of envs) {
    const pos = e.indexOf('=')
    const name = pos < 0 ? '' : e.slice(0, pos)
    if (name === '' || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) return `invalid env: ${e}`
    out.push({ name, value: e.slice(pos + 1) })
  }
  return out
}

function parseLabels(spec: string): Record<string, string> | string {
  const out: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2 || kv[0] === '') return `invalid label spec: ${part}`
    out[kv[0] as string] = kv[1] as string
  }
  return out
}

/** BasicPod.Generate, fields in Go order so that `-o json` matches kubectl's. */
function buildPod(inv: Invocation, name: string): KubeObject | string {
  const f = inv.flags
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : { run: name }
  if (typeof labels === 'string') return labels
  const env = parseEnvs(f.list('env'))
  if (typeof env === 'string') return env
  const c: Record<string, unknown> = { name, image: f.str('image') }
  const args = inv.args.slice(1)
  if (args.length > 0) c[f.bool('command') ? 'command' : 'args'] = args
  if (f.str('port')) {
    if (!/^[-+]?\d+$/.test(f.str('port')))
      return `strconv.Atoi: parsing "${f.str('port')}": invalid syntax`
    c.ports = [{ containerPort: Number(f.str('port')) }]
  }
  if (env.length > 0) c.env = env
  c.resources = {}
  if (f.str('image-pull-policy')) c.imagePullPolicy = f.str('image-pull-policy')
  if (f.bool('stdin')) Object.assign(c, { stdin: true, stdinOnce: !f.bool('leave-stdin-open') })
  if (f.bool('tty')) c.tty = true
  const metadata: Record<string, unknown> = { name }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  metadata.labels = labels
  const annotations = parseLabels(f.list('annotations').join(','))
  if (f.list('annotations').length > 0 && typeof annotations !== 'string')
    metadata.annotations = annotations
  const spec = {
    containers: [c],
    restartPolicy: f.str('restart', 'Always') || 'Always',
    dnsPolicy: 'ClusterFirst',
  }
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} } as unknown as KubeObject
}

function buildExposeService(inv: Invocation, name: string): KubeObject {
  const port = Number(inv.flags.str('port'))
  const metadata: Record<string, unknown> = { name }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  const labels = inv.flags.str('labels')
  const selector = labels ? (parseLabels(labels) as Record<string, string>) : { run: name }
  if (labels) metadata.labels = selector
  const spec = { ports: [{ protocol: 'TCP', port, targetPort: port }], selector }
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject
}

function validate(inv: Invocation): string | ProcessResult | undefined {
  const f = inv.flags
  if (inv.args.length === 0 || inv.argsLenAtDash === 0)
    return usageError(inv.commandPath, 'NAME is required for run')
  const image = f.str('image')
  if (image === '') return '--image is required'
  if (!isImageReference(image)) return `Invalid image name "${image}": invalid reference format`
  if (f.bool('tty') && !f.bool('stdin'))
    return usageError(inv.commandPath, '-i/--stdin is required for containers with -t/--tty=true')
  if (f.bool('expose') && !f.str('port'))
    return usageError(inv.commandPath, '--port must be set when exposing a service')
  const restart = f.str('restart', 'Always')
  if (!['Always', 'OnFailure', 'Never', ''].includes(restart))
    return usageError(inv.commandPath, `invalid restart policy: ${restart}`)
  const attach = f.has('attach') ? f.bool('attach') : f.bool('stdin')
  if (!attach && f.bool('rm'))
    return usageError(inv.commandPath, '--rm should only be used for attached containers')
  if (attach && f.str('dry-run', 'none') !== 'none')
    return usageError(
      inv.commandPath,
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    )
  const pull = f.str('image-pull-policy')
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pull))
    return usageError(inv.commandPath, `invalid image pull policy: ${pull}`)
  return undefined
}

/** Runs the attached command once in the new pod; with --rm the pod is deleted afterwards. */
function attachOnce(inv: Invocation, name: string, printed: ProcessResult): ProcessResult {
  const pod = getObject<Pod>(inv.ctx.s, 'Pod', inv.namespace, name)
  const session = pod && attachTerminal(inv, pod)
  if (session) return session
  const argv = inv.args.slice(1)
  let out: ExecResult = { stdout: '', stderr: '', exitCode: 0 }
  const first = argv[0] ?? ''
  // a shell waiting for input, or a process that just waits, would keep a real terminal attached
  const interactive =
    argv.length === 0 ||
    (argv.length === 1 && /^(\/bin\/)?(sh|bash|ash)$/.test(first)) ||
    /sleep$/.test(first)
  if (interactive)
    out.stderr = `Interactive terminals are not available in this lab terminal: pod/${name} was created, but nothing was attached to it. Run single commands with "kubectl exec ${name} -- <command>".\n`
  else if (pod) out = execInPod(inv.ctx, pod, name, argv, inv.stdin, { tty: inv.flags.bool('tty') })
  // a command missing from the image never started: nothing was attached to print
  let stdout = out.startFailed ? '' : out.stdout
  if (inv.flags.bool('rm')) {
    const r = deleteObject(inv.ctx.s, 'Pod', inv.namespace, name, { now: inv.ctx.now })
    if (r.ok) {
      recordChange(inv.ctx, r.value, 'deleted')
      settleCluster(inv.ctx)
      stdout += `pod "${name}" deleted\n`
    }
  }
  const restart = inv.flags.str('restart', 'Always')
  const code = restart === 'Never' || restart === 'OnFailure' ? out.exitCode : 0
  if (restart === 'Never' && out.startFailed) return startError(inv, name, argv[0] ?? '', stdout)
  // run.go: with --restart=Never kubectl waits for the pod to finish and fails with its status
  const failed =
    restart === 'Never' && out.exitCode !== 0
      ? `pod ${inv.namespace}/${name} terminated (Error)\n`
      : ''
  return { stdout, stderr: printed.stderr + out.stderr + failed, exitCode: code }
}

/** The container's own command is missing: runc fails at create, the pod ends in StartError (128). */
function startError(inv: Invocation, name: string, cmd: string, stdout: string): ProcessResult {
  const why = cmd.includes('/')
    ? `exec: "${cmd}": stat ${cmd}: no such file or directory`
    : `exec: "${cmd}": executable file not found in $PATH`
  const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${why}: unknown`
  return {
    stdout,
    stderr: `pod ${inv.namespace}/${name} terminated (StartError)\n${message}\n`,
    exitCode: 128,
  }
}

/** `kubectl run ...`. */
export function runVerb(inv: Invocation): ProcessResult {
  const bad = validate(inv)
  if (typeof bad === 'string') return clientError(bad)
  if (bad) return bad
  const name = inv.args[0] as string
  const pod = buildPod(inv, name)
  if (typeof pod === 'string') return clientError(pod)
  let stdout = ''
  let stderr = ''
  if (inv.flags.bool('expose')) {
    const svc = submitGenerated(inv, buildExposeService(inv, name), {
      op: 'created',
      namespaced: true,
    })
    stdout += svc.stdout + (inv.flags.str('output') === 'yaml' && svc.exitCode === 0 ? '---\n' : '')
    stderr += svc.stderr
  }
  const r = submitGenerated(inv, pod, { op: 'created', namespaced: true })
  const attach = inv.flags.has('attach') ? inv.flags.bool('attach') : inv.flags.bool('stdin')
  if (r.exitCode !== 0 || !attach)
    return { stdout: stdout + r.stdout, stderr: stderr + r.stderr, exitCode: r.exitCode }
  const a = attachOnce(inv, name, r)
  return { stdout: stdout + a.stdout, stderr: stderr + a.stderr, exitCode: a.exitCode }
}

/** TERMINAL-FACTS B5: kubectl waits for the pod, then says this on stderr (attach.go:310). */
export const PRESS_ENTER = "If you don't see a command prompt, try pressing enter.\n"

/**
 * `run -it` typed in a terminal whose container runs a shell: the terminal attaches to it (the
 * session opens once the line ends). Without a TTY-allocating shell: undefined (run once).
 */
function attachTerminal(inv: Invocation, pod: Pod): ProcessResult | undefined {
  const terminal = inv.ctx.terminal
  const spec = pod.spec.containers[0]
  const image = spec && findImage(spec.image)
  if (!terminal || !spec || !image || !inv.flags.bool('tty') || !inv.flags.bool('stdin'))
    return undefined
  const argv = effectiveArgv(image, spec)
  if (!isInteractiveShell(argv)) return undefined
  terminal.open = {
    namespace: inv.namespace,
    pod: pod.metadata.name,
    container: spec.name,
    program: argv[0] as string,
    via: 'run',
    rm: inv.flags.bool('rm'),
    tty: true,
  }
  return { stdout: '', stderr: inv.flags.bool('quiet') ? '' : PRESS_ENTER, exitCode: 0 }
}
