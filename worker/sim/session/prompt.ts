// The prompt a container's shell draws (TERMINAL-FACTS B1-B4): Debian/Ubuntu bash reads
// /etc/bash.bashrc (`\u@\h:\w\$ `), busybox ash has `\w \$ `, dash `# ` for root. The OSC title
// sequence Ubuntu's root .bashrc adds is left out (xterm.js never shows it).

import { findImage } from '../net/images'
import type { PromptStyle, ShellSession } from './types'

/** bash/busybox `\w`: the cwd, with $HOME shown as `~`. */
function tildeDir(cwd: string, home: string): string {
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)))
    return `~${cwd.slice(home.length)}`
  return cwd
}

/** The prompt of a session as it stands (it follows `cd`). */
export function promptOf(session: ShellSession): string {
  const root = session.user === 'root'
  const sign = root ? '#' : '$'
  const cwd = session.vars.PWD ?? '/'
  const dir = tildeDir(cwd, session.vars.HOME ?? '')
  switch (session.prompt) {
    case 'debian-bash':
      return `${session.user}@${session.vars.HOSTNAME ?? session.pod}:${dir}${sign} `
    case 'plain-bash':
      return `bash-5.2${sign} `
    case 'dash':
      return `${sign} `
    case 'ash':
      return `${dir} ${sign} `
    case 'none':
      return ''
  }
}

/** Which prompt, user and dialect a shell program gets in a container of this image. */
export function shellLook(
  image: string,
  program: string,
): {
  prompt: PromptStyle
  dialect: 'bash' | 'dash' | 'ash'
  user: string
  home: string
  cwd: string
} {
  const info = findImage(image)
  const os = info?.os ?? 'busybox'
  const base = program.replace(/^.*\//, '')
  // curlimages/curl runs as curl_user in its WORKDIR (TERMINAL-FACTS B4)
  const curlUser = info?.shortName === 'curlimages/curl'
  const user = curlUser ? 'curl_user' : 'root'
  const home = curlUser ? '/home/curl_user' : '/root'
  const cwd = curlUser ? '/home/curl_user' : '/'
  if (base === 'bash')
    return {
      prompt: os === 'debian' || os === 'ubuntu' ? 'debian-bash' : 'plain-bash',
      dialect: 'bash',
      user,
      home,
      cwd,
    }
  if (os === 'debian' || os === 'ubuntu')
    return { prompt: 'dash', dialect: 'dash', user, home, cwd }
  return { prompt: 'ash', dialect: 'ash', user, home, cwd }
}
