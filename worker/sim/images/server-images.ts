// Images whose main process is a server: nginx (any 1.x tag), httpd, magicalnginx, http-echo,
// echoserver, agnhost, coredns, the ingress-nginx controller.

import { busyboxTools, debianTools } from './tools'
import { PATH, type Family } from './family'

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

/** nginx tags the simulated registry has. */
export const nginx: Family = (tag) => {
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

/** httpd tags the simulated registry has. */
export const httpd: Family = (tag) => {
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

/** magicalNginx tags the simulated registry has. */
export const magicalNginx: Family = (tag) =>
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

/** httpEcho tags the simulated registry has. */
export const httpEcho: Family = (tag) =>
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

/** echoserver tags the simulated registry has. */
export const echoserver: Family = (tag) =>
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

/** agnhost tags the simulated registry has. */
export const agnhost: Family = (tag) =>
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

/** coredns tags the simulated registry has. */
export const coredns: Family = (tag) =>
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

/**
 * registry.k8s.io/ingress-nginx/controller:v1.12.1 (nginx 1.25.5 inside, INGRESS-FACTS NG; the only
 * tag whose build the simulation knows).
 * Its answers on :80/:443 are the Ingress routing of net/ingress-*.ts, not a fixed page.
 */
export const ingressNginxController: Family = (tag) =>
  tag === 'v1.12.1'
    ? {
        sizeBytes: 111_400_000,
        entrypoint: ['/usr/bin/dumb-init', '--'],
        cmd: ['/nginx-ingress-controller'],
        env: [['PATH', PATH]],
        tools: busyboxTools('1.37.0', {
          '/usr/bin/dumb-init': 'dumb-init',
          'dumb-init': 'dumb-init',
          '/nginx-ingress-controller': 'ingress-nginx',
          nginx: 'nginx',
          bash: 'gnu',
          curl: 'curl/8.12.1',
        }),
        server: 'ingress-nginx',
        serverVersion: '1.25.5',
        os: 'alpine',
      }
    : undefined
