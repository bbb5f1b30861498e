// What a container writes to its log when it starts (kubectl logs shows these lines).

import type { ImageInfo } from '../images/catalog'
import type { MainProcess } from '../images/process'
import { goLogTime } from '../images/http'

/** nginx >= 1.21 images log at notice level: the master's start-up lines, one per worker (4 CPUs). */
function nginxNotices(image: ImageInfo, at: number): string[] {
  const version = image.serverVersion ?? ''
  if (image.server !== 'nginx' || Number(version.split('.')[1]) < 21) return []
  const t = `${goLogTime(at)} [notice] 1#1:`
  const gcc =
    image.os === 'alpine'
      ? 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '
      : 'gcc 12.2.0 (Debian 12.2.0-14) '
  return [
    `${t} using the "epoll" event method`,
    `${t} nginx/${version}`,
    `${t} built by ${gcc}`,
    `${t} OS: Linux 6.8.0-49-generic`,
    `${t} getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} start worker processes`,
    ...[29, 30, 31, 32].map((pid) => `${t} start worker process ${pid}`),
  ]
}

/** Start-up lines of the main process: entrypoint chatter, server notices, or a command's output. */
export function containerStartLog(image: ImageInfo, process: MainProcess, at: number): string[] {
  if (process.type === 'server') {
    const lines = [...process.startLog, ...nginxNotices(image, at)]
    if (image.server === 'http-echo') return lines.map((l) => `${goLogTime(at)} ${l}`)
    return lines
  }
  if (process.type === 'exit' || process.type === 'run') return [...process.output]
  return []
}
