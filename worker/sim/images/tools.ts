// Which programs an image ships, and which implementation, since messages differ between them
// (curl 8.5 vs 8.9+, busybox wget vs GNU wget, bind nslookup vs busybox nslookup).
// A value is `<implementation>/<version>`: `curl/8.5.0`, `busybox/1.36.1`, `gnu`, `bind/9.18.28`, `iputils`.

export type ToolSet = Record<string, string>

const COREUTILS = [
  'cat',
  'echo',
  'env',
  'printenv',
  'sleep',
  'seq',
  'ls',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'true',
  'false',
  'date',
  'id',
  'uname',
  'whoami',
  'touch',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'tee',
  'grep',
  'sed',
  'hostname',
  'test',
  'yes',
  'expr',
  'tr',
  'cut',
  'ps',
  'stty',
  'base64',
  'od',
  'dd',
  'fold',
]

/**
 * The rest of coreutils, findutils, tar, gzip and util-linux's more, which every Debian/Ubuntu
 * image has (essential packages): most are not simulated, and say so rather than "not found".
 */
const DEBIAN_MORE = [
  'xargs',
  'find',
  'basename',
  'dirname',
  'stat',
  'readlink',
  'realpath',
  'md5sum',
  'sha256sum',
  'nproc',
  'du',
  'df',
  'tar',
  'gzip',
  'more',
  'kill',
]

/** Applets of the busybox and Alpine builds beyond the coreutils set (same reason). */
const BUSYBOX_MORE = [
  ...DEBIAN_MORE,
  'which',
  'less',
  'top',
  'uptime',
  'free',
  'route',
  'arp',
  'egrep',
  'pidof',
  'killall',
]

/** A Debian/Ubuntu userland: dash as sh, bash, GNU coreutils, apt-get. */
export function debianTools(extra: ToolSet = {}): ToolSet {
  const t: ToolSet = {
    sh: 'dash',
    bash: 'gnu',
    'apt-get': 'apt',
    apt: 'apt',
    awk: 'mawk',
    which: 'debianutils',
    getent: 'libc-bin',
    tput: 'ncurses-bin',
    clear: 'ncurses-bin',
    reset: 'ncurses-bin',
  }
  for (const name of COREUTILS) t[name] = 'gnu'
  for (const name of DEBIAN_MORE) t[name] = 'gnu'
  delete t.ps // procps is not in the slim Debian/Ubuntu images
  return { ...t, ...extra }
}

/** A busybox userland (busybox, Alpine): every applet is busybox. */
export function busyboxTools(version: string, extra: ToolSet = {}): ToolSet {
  const bb = `busybox/${version}`
  const t: ToolSet = {
    sh: bb,
    ash: bb,
    awk: bb,
    wget: bb,
    nslookup: bb,
    ping: bb,
    ip: bb,
    nc: bb,
    ifconfig: bb,
    netstat: bb,
    vi: bb,
    traceroute: bb,
    clear: bb,
    reset: bb,
  }
  for (const name of COREUTILS) t[name] = bb
  for (const name of BUSYBOX_MORE) t[name] = bb
  t.busybox = bb
  return { ...t, ...extra }
}

/** What `apt-get install -y <package>` adds inside a Debian/Ubuntu container, per package. */
export function aptPackageTools(pkg: string, release: string): ToolSet | undefined {
  const curl =
    release === '24.04'
      ? 'curl/8.5.0'
      : release === '22.04'
        ? 'curl/7.81.0'
        : release === '20.04'
          ? 'curl/7.68.0'
          : 'curl/7.88.1'
  const packages: Record<string, ToolSet> = {
    curl: { curl },
    wget: { wget: 'gnu/1.21.4' },
    'iputils-ping': { ping: 'iputils' },
    dnsutils: { nslookup: 'bind/9.18.28', dig: 'bind/9.18.28', host: 'bind/9.18.28' },
    'bind9-dnsutils': { nslookup: 'bind/9.18.28', dig: 'bind/9.18.28', host: 'bind/9.18.28' },
    'bind9-host': { host: 'bind/9.18.28' },
    iproute2: { ip: 'iproute2' },
    'net-tools': { ifconfig: 'net-tools', netstat: 'net-tools' },
    'netcat-openbsd': { nc: 'openbsd' },
    netcat: { nc: 'openbsd' },
    procps: { ps: 'procps', top: 'procps' },
    vim: { vim: 'vim', vi: 'vim' },
    nano: { nano: 'nano' },
    jq: { jq: 'jq' },
    telnet: { telnet: 'inetutils' },
    traceroute: { traceroute: 'gnu' },
  }
  return packages[pkg]
}
