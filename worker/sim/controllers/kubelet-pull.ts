// Image pulls as the kubelet's image manager does them (pkg/kubelet/images/image_manager.go):
// pull policy, "already present on machine", the containerd error texts, ErrImagePull and
// ImagePullBackOff with back-off 10s, 20s, 40s ... 5m.

import type { ImageInfo } from '../images/catalog'
import { findImage, isKnownRepository } from '../images/catalog'
import { invalidImageMessage, parseImageRef } from '../images/reference'
import { defaultPullPolicy } from '../objects/defaults-pod'
import { parseTimestamp, putObject } from '../state'
import { BACKOFF_MAX_S, emit, waiting, type ContainerCtx } from './kubelet-ctx'
import { NEVER } from './kubelet-record'

function pullPolicy(c: ContainerCtx): string {
  return c.container.imagePullPolicy ?? defaultPullPolicy(c.container.image)
}

function presentOnNode(c: ContainerCtx, image: ImageInfo): boolean {
  const images = (c.node.status.images ?? []) as { names: string[] }[]
  return images.some((i) => i.names.includes(image.fullName))
}

function addImageToNode(c: ContainerCtx, image: ImageInfo): void {
  if (presentOnNode(c, image)) return
  const images = [...((c.node.status.images ?? []) as { names: string[]; sizeBytes: number }[])]
  images.push({ names: [image.imageID, image.fullName], sizeBytes: image.sizeBytes })
  c.node.status.images = images
  putObject(c.s, c.node)
}

/** The containerd error text for an image that cannot be pulled. */
export function pullError(ref: string): string {
  const r = parseImageRef(ref)
  const full = r ? `${r.repository}:${r.tag}` : ref
  const head = `failed to pull and unpack image "${full}": failed to resolve reference "${full}"`
  if (r && (isKnownRepository(r.repository) || r.repository.startsWith('registry.k8s.io/')))
    return `${head}: ${full}: not found`
  const registry = r?.repository.split('/')[0] ?? ''
  if (r && registry !== 'docker.io') {
    const path = r.repository.slice(registry.length + 1)
    return `${head}: failed to do request: Head "https://${registry}/v2/${path}/manifests/${r.tag}": dial tcp: lookup ${registry} on 172.18.0.1:53: no such host`
  }
  return `${head}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
}

/** Go's Duration.String for a pull time truncated to ms: `512ms`, `2.233s`. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s` : `${ms}ms`
}

/** Begins pulling (or checking) the image at `at`; the first step of every (re)start. */
export function beginPull(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  c.rec.image = ref
  const image = findImage(ref)
  const policy = pullPolicy(c)
  if (!parseImageRef(ref)) {
    const msg = invalidImageMessage(ref)
    emit(c, 'Warning', 'InspectFailed', msg, at)
    emit(c, 'Warning', 'Failed', 'Error: InvalidImageName', at)
    waiting(c, 'InvalidImageName', msg)
    Object.assign(c.rec, { step: 'stuck', until: NEVER })
    return
  }
  if (image && policy !== 'Always' && presentOnNode(c, image)) {
    emit(c, 'Normal', 'Pulled', `Container image "${ref}" already present on machine`, at)
    Object.assign(c.rec, { step: 'creating', until: at + 500 })
    return
  }
  if (policy === 'Never') {
    const msg = `Container image "${ref}" is not present with pull policy of Never`
    emit(c, 'Warning', 'ErrImageNeverPull', msg, at)
    emit(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull', at)
    waiting(c, 'ErrImageNeverPull', msg)
    Object.assign(c.rec, { step: 'stuck', until: NEVER })
    return
  }
  emit(c, 'Normal', 'Pulling', `Pulling image "${ref}"`, at)
  c.rec.pullAttempts += 1
  const ms = !image
    ? 1200
    : presentOnNode(c, image)
      ? 400 + (image.sizeBytes % 500)
      : Math.round(image.pullSeconds * 1000)
  Object.assign(c.rec, { step: 'pulling', until: at + ms, pullMs: ms })
}

/** The pull ends: Pulled and the image recorded on the node, or ErrImagePull with containerd's error. */
export function finishPull(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  const image = findImage(ref)
  if (!image) {
    const err = pullError(ref)
    emit(c, 'Warning', 'Failed', `Failed to pull image "${ref}": ${err}`, at)
    emit(c, 'Warning', 'Failed', 'Error: ErrImagePull', at)
    waiting(c, 'ErrImagePull', err)
    Object.assign(c.rec, { step: 'pullFailed', until: at + 10_000 })
    return
  }
  const took = formatDuration(c.rec.pullMs ?? 0)
  emit(
    c,
    'Normal',
    'Pulled',
    `Successfully pulled image "${ref}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`,
    at,
  )
  addImageToNode(c, image)
  const startAt = Math.max(
    at + 300,
    c.rec.startedAt === 0
      ? parseTimestamp(c.pod.status.startTime ?? '') + image.startSeconds * 1000
      : 0,
  )
  Object.assign(c.rec, { step: 'creating', until: startAt })
}

/** ImagePullBackOff until the next attempt: 10s, 20s, 40s ... capped at 5m. */
export function pullBackOff(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  emit(c, 'Normal', 'BackOff', `Back-off pulling image "${ref}"`, at)
  emit(c, 'Warning', 'Failed', 'Error: ImagePullBackOff', at)
  waiting(c, 'ImagePullBackOff', `Back-off pulling image "${ref}": ErrImagePull: ${pullError(ref)}`)
  const delay = Math.min(10 * 2 ** (c.rec.pullAttempts - 1), BACKOFF_MAX_S) * 1000
  Object.assign(c.rec, { step: 'pullBackOff', until: at + delay })
}
