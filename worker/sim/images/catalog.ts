// The simulated registry: which images exist, in which tags, and what is inside them.
// Anything not listed here fails to pull, as in a cluster without access to it.

import { busyboxTools, debianTools, type ToolSet } from './tools'
import { fakeDigest, parseImageRef } from './reference'

export type ServerKind =
  'nginx' | 'httpd' | 'magicalnginx' | 'http-echo' | 'echoserver' | 'agnhost' | 'coredns'

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
}

type Variant = Omit<
  ImageInfo,
  | 'ref'
  | 'repository'
  | 'shortName'
  | 'tag'
  | 'fullName'
  | 'imageID'
  | 'startSeconds'
  | 'pullSeconds'
>
type Family = (tag: string) => Variant | undefined

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const NGINX_MINOR_LATEST: Record<number, string> = {
  13: '1.13.12',
  14: '1.14.2',
  15: '1.15.12',
  16: '1.16.1',
  17: '1.17.10',
  18: '1.18.0',
  19: '1.19.10',
  20: '1.20.2',
  21: '1.21.6',
  22: '1.22.1',
  23: '1.23.4',
  24: '1.24.0',
  25: '1.25.5',
  26: '1.26.3',
  27: '1.27.3',
}

function nginxVersion(tag: string): { version: string; alpine: boolean } | undefined {
  const alpine = /(^|-)alpine/.test(tag)
  const base =
    tag.replace(/-?(alpine|perl|bookworm|bullseye|buster|slim|otel)(\d[\d.]*)?/g, '') || 'latest'
  if (base === 'latest' || base === 'mainline')
    return { version: NGINX_MINOR_LATEST[27] as string, alpine }
  if (base === 'stable') return { version: NGINX_MINOR_LATEST[26] as string, alpine }
  const m = /^1\.(\d+)(?:\.(\d+))?$/.exec(base)
  if (!m) return undefined
  const latest = NGINX_MINOR_LATEST[Number(m[1])]
  if (!latest) return undefined
  if (m[2] === undefined) return { version: latest, alpine }
  return Number(m[2]) <= Number(latest.split('.')[2]) ? { version: base, alpine } : undefined
}

function nginxCurl(minor: number): string {
  return minor >= 25 ? 'curl/7.88.1' : minor >= 21 ? 'curl/7.74.0' : 'curl/7.64.0'
}

const nginx: Family = (tag) => {
  const v = nginxVersion(tag)
  if (!v) return undefined
  const minor = Number(v.version.split('.')[1])
  const env: [string, string][] = [
    ['PATH', PATH],
    ['NGINX_VERSION', v.version],
  ]
  const tools = v.alpine
    ? busyboxTools('1.36.1', { curl: 'curl/8.11.1', nginx: 'nginx' })
    : debianTools({ curl: nginxCurl(minor), nginx: 'nginx' })
  return {
    sizeBytes: v.alpine ? 20_500_000 + minor * 37_000 : 52_000_000 + minor * 701_000,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env,
    tools,
    server: 'nginx',
    serverVersion: v.version,
    os: v.alpine ? 'alpine' : 'debian',
  }
}

const httpd: Family = (tag) => {
  if (!/^(latest|2|2\.4|2\.4\.(6[0-2]|5\d)|alpine|2\.4-alpine)$/.test(tag)) return undefined
  const version = /^2\.4\.\d+$/.test(tag) ? tag : '2.4.62'
  const alpine = tag.includes('alpine')
  return {
    sizeBytes: alpine ? 22_100_000 : 58_300_000,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    env: [
      ['PATH', `/usr/local/apache2/bin:${PATH}`],
      ['HTTPD_PREFIX', '/usr/local/apache2'],
      ['HTTPD_VERSION', version],
    ],
    tools: alpine
      ? busyboxTools('1.36.1', { 'httpd-foreground': 'httpd' })
      : debianTools({ 'httpd-foreground': 'httpd' }),
    server: 'httpd',
    serverVersion: version,
    os: alpine ? 'alpine' : 'debian',
  }
}

const magicalNginx: Family = (tag) =>
  tag === 'latest'
    ? {
        sizeBytes: 9_200_000,
        entrypoint: [],
        cmd: ['nginx', '-g', 'daemon off;'],
        env: [
          ['PATH', PATH],
          ['NGINX_VERSION', '1.13.8'],
        ],
        tools: busyboxTools('1.27.2', { nginx: 'nginx' }),
        server: 'magicalnginx',
        serverVersion: '1.13.8',
        os: 'alpine',
      }
    : undefined

const httpEcho: Family = (tag) =>
  /^(latest|1\.0|1\.0\.0|0\.2\.3)$/.test(tag)
    ? {
        sizeBytes: 3_600_000,
        entrypoint: ['/http-echo'],
        cmd: [],
        env: [['PATH', PATH]],
        tools: { '/http-echo': 'http-echo' },
        server: 'http-echo',
        serverVersion: tag === '0.2.3' ? '0.2.3' : '1.0.0',
        os: 'scratch',
      }
    : undefined

const echoserver: Family = (tag) =>
  /^(1\.10|1\.9|1\.8|1\.4)$/.test(tag)
    ? {
        sizeBytes: 46_200_000,
        entrypoint: [],
        cmd: ['/usr/local/bin/run.sh'],
        env: [['PATH', PATH]],
        tools: debianTools({ '/usr/local/bin/run.sh': 'echoserver', nginx: 'openresty' }),
        server: 'echoserver',
        serverVersion: '1.13.3',
        os: 'debian',
      }
    : undefined

const agnhost: Family = (tag) =>
  /^2\.(39|4\d|5[0-3])$/.test(tag)
    ? {
        sizeBytes: 51_200_000,
        entrypoint: ['/agnhost'],
        cmd: [],
        env: [['PATH', PATH]],
        tools: busyboxTools('1.36.1', {
          '/agnhost': 'agnhost',
          agnhost: 'agnhost',
          curl: 'curl/8.9.1',
          dig: 'bind/9.18.27',
          host: 'bind/9.18.27',
          nslookup: 'bind/9.18.27',
          ip: 'iproute2',
          bash: 'gnu',
        }),
        server: 'agnhost',
        serverVersion: tag,
        os: 'alpine',
      }
    : undefined

const busybox: Family = (tag) => {
  const m =
    /^(latest|stable|1\.36|1\.36\.[01]|1\.37|1\.37\.0|1\.35|1\.35\.0)(-(glibc|musl|uclibc))?$/.exec(
      tag,
    )
  if (!m) return undefined
  const version =
    m[1] === 'latest' || m[1] === 'stable' || m[1] === '1.36'
      ? '1.36.1'
      : m[1] === '1.37'
        ? '1.37.0'
        : m[1] === '1.35'
          ? '1.35.0'
          : (m[1] as string)
  return {
    sizeBytes: 2_167_000,
    entrypoint: [],
    cmd: ['sh'],
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
    tools: busyboxTools(version),
    os: 'busybox',
  }
}

const curl: Family = (tag) => {
  const m = /^(latest|8\.\d+\.\d+)$/.exec(tag)
  if (!m) return undefined
  const version = tag === 'latest' ? '8.11.1' : tag
  return {
    sizeBytes: 11_400_000,
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    env: [
      ['PATH', PATH],
      ['CURL_CA_BUNDLE', '/cacert.pem'],
      ['HOME', '/home/curl_user'],
    ],
    tools: busyboxTools('1.36.1', { curl: `curl/${version}` }),
    os: 'alpine',
  }
}

const netshoot: Family = (tag) =>
  /^(latest|v0\.1[0-3])$/.test(tag)
    ? {
        sizeBytes: 200_400_000,
        entrypoint: [],
        cmd: ['zsh'],
        env: [['PATH', PATH]],
        tools: busyboxTools('1.36.1', {
          curl: 'curl/8.11.1',
          wget: 'busybox/1.36.1',
          dig: 'bind/9.18.32',
          host: 'bind/9.18.32',
          nslookup: 'bind/9.18.32',
          ping: 'iputils',
          ip: 'iproute2',
          bash: 'gnu',
          zsh: 'zsh',
          nc: 'openbsd',
          tcpdump: 'tcpdump',
          iperf3: 'iperf3',
          jq: 'jq',
          netstat: 'net-tools',
          ifconfig: 'net-tools',
          traceroute: 'busybox/1.36.1',
          ps: 'procps',
        }),
        os: 'alpine',
      }
    : undefined

const ubuntu: Family = (tag) => {
  const release: Record<string, string> = {
    latest: '24.04',
    '24.04': '24.04',
    noble: '24.04',
    '22.04': '22.04',
    jammy: '22.04',
    '20.04': '20.04',
    focal: '20.04',
  }
  const r = release[tag]
  if (!r) return undefined
  return {
    sizeBytes: r === '24.04' ? 29_754_000 : 29_535_000,
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: [['PATH', PATH]],
    tools: debianTools(),
    os: 'ubuntu',
    release: r,
  }
}

const coredns: Family = (tag) =>
  /^v1\.(11\.[13]|10\.1)$/.test(tag)
    ? {
        sizeBytes: 18_562_000,
        entrypoint: ['/coredns'],
        cmd: [],
        env: [['PATH', PATH]],
        tools: { '/coredns': 'coredns' },
        server: 'coredns',
        serverVersion: tag.slice(1),
        os: 'scratch',
      }
    : undefined

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
