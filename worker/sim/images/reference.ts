// Image references as containerd normalises them (github.com/distribution/reference):
// `nginx` -> docker.io/library/nginx:latest, `curlimages/curl:8.11.1` -> docker.io/curlimages/curl:8.11.1.

export interface ImageRef {
  /** registry + path, e.g. docker.io/library/nginx */
  repository: string
  /** path without the docker.io/library/ shorthand, e.g. nginx, curlimages/curl, registry.k8s.io/echoserver */
  shortName: string
  tag: string
  digest?: string
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/

/** Parses a reference the way containerd's ParseDockerRef does; undefined when the format is invalid. */
export function parseImageRef(ref: string): ImageRef | undefined {
  let rest = ref
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined
  }
  let tag = 'latest'
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > slash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return undefined
  }
  const parts = rest.split('/')
  let registry = 'docker.io'
  const first = parts[0] ?? ''
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first
    parts.shift()
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return undefined
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library')
  const path = parts.join('/')
  const repository = `${registry}/${path}`
  let shortName = repository
  if (repository.startsWith('docker.io/library/')) shortName = path.slice('library/'.length)
  else if (registry === 'docker.io') shortName = path
  return { repository, shortName, tag, digest }
}

/**
 * The kubelet's InvalidImageName message for a reference that does not parse
 * (pkg/kubelet/images/image_manager.go applyDefaultImageTag + distribution/reference errors).
 */
export function invalidImageMessage(ref: string): string {
  const lower = ref.toLowerCase()
  const why =
    lower !== ref && parseImageRef(lower)
      ? `repository name (${repoPathForMessage(ref)}) must be lowercase`
      : 'invalid reference format'
  const detail = why === 'invalid reference format' ? why : `invalid reference format: ${why}`
  return `Failed to apply default image tag "${ref}": couldn't parse image name "${ref}": ${detail}`
}

function repoPathForMessage(ref: string): string {
  const name = ref.split('@')[0]?.replace(/:[^/]*$/, '') ?? ref
  return name.includes('/') ? name : `library/${name}`
}

/** Stable fake sha256 digest for an image, so imageID looks real and never changes. */
export function fakeDigest(seed: string): string {
  let out = ''
  let h = 0x811c9dc5
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i) + round
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}
