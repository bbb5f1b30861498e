// What a container writes to its log when it starts (kubectl logs shows these lines).

import type { MainProcess } from '../images/process'
import { goLogTime } from '../images/http'

/** Start-up lines of the main process: entrypoint chatter, server notices, or a command's output. */
export function containerStartLog(process: MainProcess, at: number): string[] {
  if (process.type === 'server') {
    const lines = [...process.startLog]
    if (process.argv.includes('nginx') || process.argv.includes('daemon off;')) {
      const t = goLogTime(at)
      lines.push(
        `${t} [notice] 1#1: using the "epoll" event method`,
        `${t} [notice] 1#1: start worker processes`,
        `${t} [notice] 1#1: start worker process 29`,
      )
    }
    if (process.startLog.some((l) => l.startsWith('[INFO] server is listening'))) {
      return lines.map((l) => `${goLogTime(at)} ${l}`)
    }
    return lines
  }
  if (process.type === 'exit' || process.type === 'run') return [...process.output]
  return []
}
