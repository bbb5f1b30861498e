// Where a program is installed, for `which`, `command -v` and `type` (the first PATH directory
// holding it: PATH is /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin everywhere).
// - The workstation and Debian/Ubuntu images merge /bin into /usr/bin: `/usr/bin/NAME`.
// - The docker busybox image links every applet into /bin (`busybox --install /bin`) and adds
//   /usr/bin/env (docker-library/busybox Dockerfile.builder, since c6062f2, 2022-12).
// - Alpine's busybox installs each applet where its source says (busybox 1.36.1, the
//   `//applet:` lines: BB_DIR_BIN, BB_DIR_SBIN, BB_DIR_USR_BIN, BB_DIR_USR_SBIN); other packages
//   (curl) put theirs in /usr/bin, nginx in /usr/sbin.
import type { Host } from './host'
import { findImage } from '../images/catalog'
import { own } from './own'

/** Alpine busybox applets outside /usr/bin (applets.src.h install directories). */
const ALPINE_APPLET_DIRS: Record<string, string> = {}
for (const [dir, names] of [
  [
    '/bin',
    'sh ash ping netstat vi cat echo printenv sleep ls true false date uname touch mkdir rm cp mv ' +
      'grep sed hostname ps stty dd stat df tar gzip more kill egrep pidof watch base64 busybox ' +
      'fgrep ln chmod chown pwd mount umount su login dmesg sync',
  ],
  ['/sbin', 'ip ifconfig route arp init halt reboot poweroff'],
] as const)
  for (const name of names.split(' ')) ALPINE_APPLET_DIRS[name] = dir

const SERVER_DIRS: Record<string, string> = { nginx: '/usr/sbin' }

/** The path `which NAME` prints for a program the host has. */
export function programPath(host: Host, name: string): string {
  if (name.includes('/')) return name
  if (!host.container) return name === 'kubectl' ? '/usr/local/bin/kubectl' : `/usr/bin/${name}`
  const image = findImage(host.container.image)
  const flavour = image ? own(image.tools, name) : undefined
  const server = own(SERVER_DIRS, name)
  if (server) return `${server}/${name}`
  if (image?.os === 'busybox' && flavour?.startsWith('busybox/'))
    return name === 'env' ? '/usr/bin/env' : `/bin/${name}`
  if (image?.os === 'alpine' && flavour?.startsWith('busybox/'))
    return `${own(ALPINE_APPLET_DIRS, name) ?? '/usr/bin'}/${name}`
  return `/usr/bin/${name}`
}
