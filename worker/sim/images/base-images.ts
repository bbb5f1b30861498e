// Client and base images: busybox, curlimages/curl, nicolaka/netshoot, ubuntu.

import { busyboxTools, debianTools } from './tools'
import { PATH, type Family } from './family'

/** busybox tags the simulated registry has. */
export const busybox: Family = (tag) => {
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

/** curl tags the simulated registry has. */
export const curl: Family = (tag) => {
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
    // USER curl_user, made by `adduser -S curl_user -G curl_group` (TERMINAL-FACTS B4)
    user: { name: 'curl_user', uid: 100, group: 'curl_group', gid: 101 },
  }
}

/** netshoot tags the simulated registry has. */
export const netshoot: Family = (tag) =>
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

/** ubuntu tags the simulated registry has. */
export const ubuntu: Family = (tag) => {
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
