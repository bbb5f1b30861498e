// The simulated registry: which images exist, in which tags, and what is inside them.
// Anything not listed here fails to pull, as in a cluster without access to it.

import type { ToolSet } from './tools'
import type { Family } from './family'
import {
  agnhost,
  coredns,
  echoserver,
  httpd,
  httpEcho,
  ingressNginxController,
  magicalNginx,
  nginx,
} from './server-images'
import { busybox, curl, netshoot, ubuntu } from './base-images'
import { fakeDigest, parseImageRef } from './reference'

export type ServerKind =
  | 'nginx'
  | 'httpd'
  | 'magicalnginx'
  | 'http-echo'
  | 'echoserver'
  | 'agnhost'
  | 'coredns'
  | 'ingress-nginx'

export interface ImageInfo {
  /** the reference as written in the pod spec */
  ref: string
  /** docker.io/library/nginx */
  repository: string
  /** nginx, curlimages/curl, registry.k8s.io/echoserver */
  shortName: string
  tag: string
  /** what containerd reports as the image: docker.io/library/nginx:1.19 */
  fullName: string
  /** docker.io/library/nginx@sha256:<64 hex> */
  imageID: string
  sizeBytes: number
  /** seconds a pull takes on an empty node */
  pullSeconds: number
  /** seconds from scheduling to Running when the image has to be pulled */
  startSeconds: number
  entrypoint: string[]
  cmd: string[]
  /** environment the image sets (Dockerfile ENV), in order */
  env: [string, string][]
  tools: ToolSet
  server?: ServerKind
  /** the server's version as it names itself: 1.19.10 */
  serverVersion?: string
  /** base userland, for apt-get and messages */
  os: 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'scratch'
  /** ubuntu/debian release, e.g. 24.04 */
  release?: string
  /** the Dockerfile USER when it is not root, as `id` prints it */
  user?: ImageUser
}

export interface ImageUser {
  name: string
  uid: number
  group: string
  gid: number
}

const FAMILIES: Record<string, Family> = {
  'docker.io/library/nginx': nginx,
  'docker.io/library/httpd': httpd,
  'docker.io/anshuldevops/magicalnginx': magicalNginx,
  'docker.io/hashicorp/http-echo': httpEcho,
  'registry.k8s.io/echoserver': echoserver,
  'k8s.gcr.io/echoserver': echoserver,
  'registry.k8s.io/e2e-test-images/agnhost': agnhost,
  'docker.io/library/busybox': busybox,
  'docker.io/curlimages/curl': curl,
  'docker.io/nicolaka/netshoot': netshoot,
  'docker.io/library/ubuntu': ubuntu,
  'registry.k8s.io/coredns/coredns': coredns,
  'registry.k8s.io/ingress-nginx/controller': ingressNginxController,
}

/** Whether the repository exists at all (decides between "pull access denied" and "not found"). */
export function isKnownRepository(repository: string): boolean {
  return repository in FAMILIES
}

const CACHE = new Map<string, ImageInfo | undefined>()

/**
 * Looks an image reference up in the simulated registry; undefined means the pull fails.
 * Results are cached and shared: treat the ImageInfo as read-only.
 */
export function findImage(ref: string): ImageInfo | undefined {
  if (CACHE.has(ref)) return CACHE.get(ref)
  const info = lookup(ref)
  if (CACHE.size > 500) CACHE.clear()
  CACHE.set(ref, info)
  return info
}

function lookup(ref: string): ImageInfo | undefined {
  const r = parseImageRef(ref.trim())
  if (!r) return undefined
  const family = FAMILIES[r.repository]
  const variant = family?.(r.tag)
  if (!variant) return undefined
  const fullName = `${r.repository}:${r.tag}`
  const pullSeconds = Math.round((0.6 + variant.sizeBytes / 40_000_000) * 1000) / 1000
  return {
    ...variant,
    ref,
    repository: r.repository,
    shortName: r.shortName,
    tag: r.tag,
    fullName,
    imageID: `${r.repository}@sha256:${r.digest?.slice(7) ?? fakeDigest(fullName)}`,
    pullSeconds,
    startSeconds: Math.ceil(pullSeconds + 1),
  }
}
