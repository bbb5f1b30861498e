/* global fetch, setTimeout */
// Use your own kubectl: download the kubeconfig from the lab page, exec a curl through the
// Kubernetes API (as `kubectl exec POD -- curl -s IP` does, over a v5 WebSocket), and see its
// request drawn on the page's map by the status poll.

import { readFile } from 'node:fs/promises'
import WebSocket from 'ws'
import { assert, eventually } from './harness.mjs'

/** `kubectl exec POD -- ARGV` over the WebSocket the real kubectl opens; resolves on close. */
function execOverApi(server, pod, argv) {
  const q = argv.map((a) => `command=${encodeURIComponent(a)}`).join('&')
  const url = `${server.replace(/^http/, 'ws')}/api/v1/namespaces/default/pods/${pod}/exec?${q}&stdout=true&stderr=true`
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['v5.channel.k8s.io'])
    let stdout = ''
    ws.on('message', (d) => {
      if (d[0] === 1) stdout += d.subarray(1).toString()
    })
    ws.on('close', () => resolve(stdout))
    ws.on('error', reject)
    setTimeout(() => reject(new Error('the exec did not end within 20 s')), 20_000)
  })
}

export function ownKubectlSteps(page, base, state) {
  return [
    [
      "own kubectl: an exec'd curl through the Kubernetes API is drawn on the map",
      async () => {
        await page.goto(base + state.gradedHref)
        await page.getByText('Use your own kubectl').click()
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download kubeconfig' }).click(),
        ])
        const yaml = await readFile(await download.path(), 'utf8')
        const server = /server: (\S+)/.exec(yaml)?.[1]
        assert(server, 'the kubeconfig names no server')
        const pods = await (await fetch(`${server}/api/v1/namespaces/default/pods`)).json()
        const running = pods.items.filter((p) => p.status?.phase === 'Running' && p.status.podIP)
        // nginx has curl (busybox and ubuntu do not)
        const pod = running.find((p) => /^nginx/.test(p.spec.containers[0].image)) ?? running[0]
        assert(pod, 'no running pod with an IP in the graded lab')
        const ip = pod.status.podIP
        await execOverApi(server, pod.metadata.name, ['curl', '-s', '--connect-timeout', '2', ip])
        const summary = page.locator('.trace-list summary')
        await eventually(
          async () =>
            (await summary.count()) > 0 && (await summary.innerText()).includes(`http://${ip}/`),
          `the map shows the API exec's request to ${ip}`,
          20_000,
          500,
        )
        const text = await summary.innerText()
        assert(text.includes(`from pod ${pod.metadata.name}`), `not drawn from the pod: ${text}`)
      },
    ],
  ]
}
