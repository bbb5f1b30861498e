// apt-get / apt inside Debian and Ubuntu containers: `update` fetches the package lists,
// `install` needs them first (`E: Unable to locate package curl`), asks unless -y, and records the
// package in the container's runtime record (state.runtime.containers), which a recreated pod
// does not have. The download lists are abridged; the order and wording of the lines are apt's.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { aptPackageTools, findImage } from '../../net/images'
import type { ContainerRuntime } from '../../state'

const READING =
  'Reading package lists...\nBuilding dependency tree...\nReading state information...\n'

function runtime(p: Proc): ContainerRuntime | undefined {
  const key = p.host.container?.key
  if (!key) return undefined
  const rt = (p.ctx.s.runtime.containers[key] ??= { installed: [], aptUpdated: false, logs: [] })
  return rt
}

function distro(p: Proc): { ubuntu: boolean; code: string; release: string } {
  const image = findImage(p.host.container?.image ?? '')
  const release = image?.release ?? '24.04'
  const codes: Record<string, string> = { '24.04': 'noble', '22.04': 'jammy', '20.04': 'focal' }
  if (image?.os === 'ubuntu') return { ubuntu: true, code: codes[release] ?? 'noble', release }
  const minor = Number((image?.serverVersion ?? '').split('.')[1] ?? 0)
  const code =
    image?.server === 'nginx' && minor <= 20
      ? 'buster'
      : image?.server === 'nginx' && minor <= 24
        ? 'bullseye'
        : 'bookworm'
  return { ubuntu: false, code, release }
}

function updateText(p: Proc): string {
  const d = distro(p)
  if (d.ubuntu) {
    const a = 'http://archive.ubuntu.com/ubuntu'
    const sec = 'http://security.ubuntu.com/ubuntu'
    return (
      `Get:1 ${sec} ${d.code}-security InRelease [126 kB]\nGet:2 ${a} ${d.code} InRelease [256 kB]\n` +
      `Get:3 ${a} ${d.code}-updates InRelease [126 kB]\nGet:4 ${a} ${d.code}-backports InRelease [126 kB]\n` +
      `Get:5 ${sec} ${d.code}-security/main amd64 Packages [1,104 kB]\nGet:6 ${a} ${d.code}/universe amd64 Packages [19.3 MB]\n` +
      `Get:7 ${a} ${d.code}/main amd64 Packages [1,808 kB]\nGet:8 ${a} ${d.code}-updates/main amd64 Packages [1,382 kB]\n` +
      `Fetched 24.2 MB in 3s (8,231 kB/s)\nReading package lists...\n`
    )
  }
  const deb = 'http://deb.debian.org/debian'
  return (
    `Get:1 ${deb} ${d.code} InRelease [151 kB]\nGet:2 ${deb} ${d.code}-updates InRelease [55.4 kB]\n` +
    `Get:3 ${deb}-security ${d.code}-security InRelease [48.0 kB]\nGet:4 ${deb} ${d.code}/main amd64 Packages [8,789 kB]\n` +
    `Fetched 9,043 kB in 2s (4,611 kB/s)\nReading package lists...\n`
  )
}

const DEPENDS: Record<string, string[]> = {
  curl: [
    'ca-certificates',
    'krb5-locales',
    'libbrotli1',
    'libcurl4t64',
    'libgssapi-krb5-2',
    'libk5crypto3',
    'libkeyutils1',
    'libkrb5-3',
    'libkrb5support0',
    'libnghttp2-14',
    'libpsl5t64',
    'librtmp1',
    'libssh-4',
    'openssl',
    'publicsuffix',
  ],
  wget: ['ca-certificates', 'libpsl5t64', 'openssl', 'publicsuffix'],
  dnsutils: ['bind9-dnsutils', 'bind9-host', 'bind9-libs', 'libuv1t64', 'libxml2'],
  'iputils-ping': ['libcap2-bin'],
}

function installText(pkgs: string[], versionOf: (pkg: string) => string): string {
  const extra = [...new Set(pkgs.flatMap((p) => DEPENDS[p] ?? []))]
    .filter((d) => !pkgs.includes(d))
    .sort()
  const all = [...new Set([...pkgs, ...extra])].sort()
  let out = READING
  if (extra.length > 0)
    out += `The following additional packages will be installed:\n  ${extra.join(' ')}\n`
  out += `The following NEW packages will be installed:\n  ${all.join(' ')}\n`
  out += `0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\n`
  out += `Need to get ${(all.length * 171).toLocaleString('en-US')} kB of archives.\n`
  out += `After this operation, ${(all.length * 446).toLocaleString('en-US')} kB of additional disk space will be used.\n`
  return (
    out +
    all
      .map(
        (pkg, i) =>
          `Get:${i + 1} http://archive.ubuntu.com/ubuntu noble/main amd64 ${pkg} amd64 ${versionOf(pkg)} [${171 + i * 13} kB]\n`,
      )
      .join('')
  )
}

function setupText(pkgs: string[], versionOf: (pkg: string) => string): string {
  let out = `Fetched ${(pkgs.length * 171).toLocaleString('en-US')} kB in 1s (2,786 kB/s)\n`
  out += pkgs
    .map(
      (pkg, i) =>
        `Selecting previously unselected package ${pkg}.\n${i === 0 ? '(Reading database ... 4381 files and directories currently installed.)\n' : ''}Preparing to unpack .../${pkg}_${versionOf(pkg)}_amd64.deb ...\nUnpacking ${pkg} (${versionOf(pkg)}) ...\n`,
    )
    .join('')
  out += pkgs.map((pkg) => `Setting up ${pkg} (${versionOf(pkg)}) ...\n`).join('')
  return out + 'Processing triggers for libc-bin (2.39-0ubuntu8.3) ...\n'
}

function version(pkg: string): string {
  const known: Record<string, string> = {
    curl: '8.5.0-2ubuntu10.6',
    libcurl4t64: '8.5.0-2ubuntu10.6',
    openssl: '3.0.13-0ubuntu3.4',
    'ca-certificates': '20240203',
    wget: '1.21.4-1ubuntu4.1',
  }
  return known[pkg] ?? '1.0-1'
}

function install(p: Proc, args: string[]): ProcessResult {
  const rt = runtime(p)
  const d = distro(p)
  const names = args.filter((a) => !a.startsWith('-'))
  const yes = args.some((a) => /^-[a-z]*y/.test(a) || a === '--yes' || a === '--assume-yes')
  if (names.length === 0)
    return {
      stdout: READING + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
      stderr: '',
      exitCode: 0,
    }
  const unknown = names.find((n) => !rt?.aptUpdated || aptPackageTools(n, d.release) === undefined)
  if (unknown !== undefined)
    return { stdout: READING, stderr: `E: Unable to locate package ${unknown}\n`, exitCode: 100 }
  const fresh = names.filter((n) => !rt?.installed.includes(n))
  if (fresh.length === 0) {
    return {
      stdout:
        READING +
        names.map((n) => `${n} is already the newest version (${version(n)}).\n`).join('') +
        '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
      stderr: '',
      exitCode: 0,
    }
  }
  const plan = installText(fresh, version)
  if (!yes)
    return {
      stdout: plan.replace(/Get:[\s\S]*$/, '') + 'Do you want to continue? [Y/n] Abort.\n',
      stderr: '',
      exitCode: 1,
    }
  rt?.installed.push(...fresh)
  const all = [...new Set([...fresh, ...fresh.flatMap((f) => DEPENDS[f] ?? [])])].sort()
  return {
    stdout: plan + setupText(all, version),
    stderr: 'debconf: delaying package configuration, since apt-utils is not installed\n',
    exitCode: 0,
  }
}

/** apt-get (or apt, which warns about its CLI) inside a Debian/Ubuntu container. */
export function aptTool(name: 'apt-get' | 'apt'): Tool {
  return (p) => {
    const args = p.argv.slice(1)
    const verb = args.find((a) => !a.startsWith('-'))
    // apt warns only when its output is not a terminal
    const warn =
      name === 'apt' && !p.tty.out
        ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n'
        : ''
    let r: ProcessResult
    if (verb === 'update') {
      const rt = runtime(p)
      if (rt) rt.aptUpdated = true
      r = { stdout: updateText(p), stderr: '', exitCode: 0 }
    } else if (verb === 'install')
      r = install(
        p,
        args.filter((a) => a !== 'install'),
      )
    else if (verb === undefined)
      r = { stdout: '', stderr: 'E: Invalid operation \n', exitCode: 100 }
    else r = { stdout: '', stderr: `E: Invalid operation ${verb}\n`, exitCode: 100 }
    return { ...r, stdout: p.tty.out ? withDone(r.stdout) : r.stdout, stderr: warn + r.stderr }
  }
}

/** On a terminal apt's progress lines end in ` Done` once finished (the percentages in between are overwritten). */
function withDone(text: string): string {
  return text.replace(
    /^(Reading package lists|Building dependency tree|Reading state information)\.\.\.$/gm,
    '$1... Done',
  )
}
