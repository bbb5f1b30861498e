// /nginx-ingress-controller run by hand inside the controller image: `--version` prints the
// banner (how guides check for the 2025 CVE fixes); anything else would start a second controller,
// which this terminal does not simulate.

import type { Tool } from '../host'
import { ingressNginxBanner } from '../../images/process'

export const ingressNginxController: Tool = (p) => {
  if (p.argv.slice(1).includes('--version')) {
    const banner = ingressNginxBanner({ tag: 'v1.12.1', serverVersion: '1.25.5' })
    return { stdout: `${banner.join('\n')}\n`, stderr: '', exitCode: 0 }
  }
  return {
    stdout: '',
    stderr:
      'service-lab: only /nginx-ingress-controller --version is simulated; the controller already runs as PID 1\n',
    exitCode: 1,
  }
}
