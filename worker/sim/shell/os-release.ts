// /etc/os-release of the images' base systems (busybox has none).

import type { ImageInfo } from '../net/images'

const UBUNTU: Record<string, [string, string, string]> = {
  '24.04': ['24.04.1', 'Noble Numbat', 'noble'],
  '22.04': ['22.04.5', 'Jammy Jellyfish', 'jammy'],
  '20.04': ['20.04.6', 'Focal Fossa', 'focal'],
}

function debian(version: string, codename: string): string {
  return (
    `PRETTY_NAME="Debian GNU/Linux ${version} (${codename})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${version}"\n` +
    `VERSION="${version} (${codename})"\nVERSION_CODENAME=${codename}\nID=debian\nHOME_URL="https://www.debian.org/"\n` +
    'SUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n'
  )
}

/** The file's text, or undefined when the image has none. */
export function osRelease(image: ImageInfo): string | undefined {
  if (image.os === 'ubuntu') {
    const [full, name, code] =
      UBUNTU[image.release ?? '24.04'] ?? (UBUNTU['24.04'] as [string, string, string])
    return (
      `PRETTY_NAME="Ubuntu ${full} LTS"\nNAME="Ubuntu"\nVERSION_ID="${image.release ?? '24.04'}"\n` +
      `VERSION="${full} LTS (${name})"\nVERSION_CODENAME=${code}\nID=ubuntu\nID_LIKE=debian\n` +
      'HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\n' +
      'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
      'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n' +
      `UBUNTU_CODENAME=${code}\nLOGO=ubuntu-logo\n`
    )
  }
  if (image.os === 'debian') {
    const minor = Number((image.serverVersion ?? '').split('.')[1] ?? 0)
    if (image.server === 'nginx' && minor <= 20) return debian('10', 'buster')
    if (image.server === 'nginx' && minor <= 24) return debian('11', 'bullseye')
    return debian('12', 'bookworm')
  }
  if (image.os === 'alpine') {
    return (
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n' +
      'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n'
    )
  }
  return undefined
}
