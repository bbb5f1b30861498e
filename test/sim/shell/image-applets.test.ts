// Programs every busybox/Alpine or Debian image has: `which` in busybox images, and the ones this
// terminal does not simulate say so instead of claiming the image lacks them.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = scenario(7)
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })

describe('busybox applets and Debian essentials', () => {
  it('which in curlimages/curl and busybox: the path, or nothing and exit 1', () => {
    expect(sh('kubectl exec cc -- which curl')).toMatchObject({
      stdout: '/usr/bin/curl\n',
      exitCode: 0,
    })
    expect(sh('kubectl exec bb -- which curl')).toMatchObject({ stdout: '', exitCode: 1 })
    expect(sh("kubectl exec cc -- sh -c 'echo a b | xargs -n1 echo'").stdout).toBe('a\nb\n')
  })

  it.each([
    ['bb', 'uptime'],
    ['bb', 'df -h'],
    ['cc', 'free -m'],
    ['access-pod', 'find /etc'],
    ['access-pod', 'df -h'],
  ])('%s: %s is there but not simulated', (pod, cmd) => {
    const name = cmd.split(' ')[0]
    expect(sh(`kubectl exec ${pod} -- ${cmd}`).stderr).toBe(
      `service-lab: ${name} is in this image, but this terminal does not simulate it\ncommand terminated with exit code 1\n`,
    )
  })
})
