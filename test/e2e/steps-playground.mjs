/* global document */
// The playground: editor, terminal, cluster map and request traces on a cluster the learner builds.

import { podsSettled, setEditorText } from './cluster-helpers.mjs'
import {
  afterRun,
  assert,
  checkAxe,
  cursorLine,
  eventually,
  focusTerminal,
  runInTerminal,
  terminalText,
} from './harness.mjs'

export const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`

const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec: {}\n'
const NODEPORT_80 =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n'
const POD_NAME = /\bweb-[a-z0-9]{6,10}-[a-z0-9]{5}\b/

async function screenshots(page, out, name) {
  await page.waitForTimeout(2500) // let the trace animation reach its last hop
  await page.screenshot({ path: `${out}/${name}-desktop.png`, fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${out}/${name}-narrow.png`, fullPage: true })
  const screen = page.locator('.term-panel:not([hidden]) .xterm-screen')
  await assertNotCovered(page, screen, 'narrow screen')
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Scrolls to the element and checks that nothing (e.g. a sticky panel) is drawn over it. */
async function assertNotCovered(page, locator, where) {
  await locator.scrollIntoViewIfNeeded()
  const covering = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return el.contains(top) ? '' : (top?.closest('section')?.className ?? String(top?.tagName))
  })
  assert(!covering, `on a ${where}, ${covering} is drawn over the terminal`)
}

/** Rectangles (SVG units) of the callout and of the boxes it must leave readable. */
async function calloutOverlaps(page) {
  return page.locator('svg.cluster-map').evaluate((svg) => {
    const box = (el) => el.getBBox()
    const callout = svg.querySelector('.trace-callout rect')
    if (!callout) return 'no callout'
    const c = box(callout)
    const hidden = [...svg.querySelectorAll('.map-service, .map-pod, .map-dns, .map-workstation')]
      .filter((g) => {
        const b = box(g.querySelector('rect'))
        return (
          c.x < b.x + b.width && b.x < c.x + c.width && c.y < b.y + b.height && b.y < c.y + c.height
        )
      })
      .map((g) => g.textContent)
    return hidden.join(' / ')
  })
}

export function playgroundSteps(page, base, state) {
  const map = () => page.getByRole('img', { name: 'Cluster map' })
  const mapTexts = async () => {
    await page.getByRole('tab', { name: 'Cluster map' }).click()
    return (await map().locator('text').allTextContents()).join(' | ')
  }
  return [
    [
      'playground: apply a Deployment and a Service from the editor',
      async () => {
        await page.getByRole('link', { name: 'Playground' }).click()
        await page.waitForURL(base + '/labs/playground')
        await page.getByRole('textbox', { name: 'Manifest editor' }).waitFor()
        await setEditorText(page, MANIFEST)
        const r = await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
        assert(r.exitCode === 0, `apply failed: ${r.stderr}`)
        const out = await terminalText(page)
        const both =
          out.includes('deployment.apps/web created') && out.includes('service/web created')
        assert(both, `apply output not shown: ${out}`)
      },
    ],
    [
      "terminal: kubectl get pods lists the Deployment's pods",
      async () => {
        const r = await runInTerminal(page, 'kubectl get pods')
        assert(r.stdout.startsWith('NAME'), `unexpected output: ${r.stdout}${r.stderr}`)
        const m = POD_NAME.exec(await terminalText(page))
        assert(m, `no web pod in the terminal output: ${r.stdout}`)
        state.podName = m[0]
      },
    ],
    [
      'cluster map draws the pods on their nodes, and follows them until Running',
      async () => {
        await eventually(
          async () => (await mapTexts()).includes(state.podName.slice(0, 20)),
          'the pod on the map',
        )
        const texts = await mapTexts()
        assert(
          texts.includes('lab-worker') && texts.includes('lab-control-plane'),
          `nodes missing: ${texts}`,
        )
        await podsSettled(page, 'playground')
        await eventually(
          async () => (await mapTexts()).includes('Running'),
          'a Running pod on the map',
        )
      },
    ],
    [
      "curl a Service from a pod shows the request's trace",
      async () => {
        await runInTerminal(
          page,
          'kubectl run client --image=curlimages/curl --restart=Never -- sleep 3600',
        )
        await podsSettled(page, 'playground')
        const r = await runInTerminal(page, 'kubectl exec client -- curl -s web')
        assert(r.exitCode === 0 && /nginx/i.test(r.stdout), `curl failed: ${r.stdout}${r.stderr}`)
        assert(r.trace?.length, 'the run answer carries no trace')
        await eventually(
          () => page.locator('.trace-overlay .trace-path').count(),
          'the trace on the map',
        )
        await page.locator('.trace-list summary').click()
        const hops = await page
          .getByRole('list', { name: 'Request hops' })
          .getByRole('listitem')
          .allTextContents()
        assert(hops.length >= 3, `expected at least 3 hops, got ${hops.join(' / ')}`)
      },
    ],
    [
      "a failed request stops at the broken hop with Service Lab's explanation",
      async () => {
        const ip = (
          await runInTerminal(page, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'")
        ).stdout.trim()
        assert(/^10\.\d+\.\d+\.\d+$/.test(ip), `no ClusterIP: ${ip}`)
        const r = await runInTerminal(page, `curl -s -m 2 http://${ip}`)
        assert(r.exitCode !== 0, 'curling a ClusterIP from the workstation should fail')
        const diagnosis = r.trace?.at(-1)?.diagnosis
        assert(diagnosis, 'the failed request has no diagnosis')
        await eventually(
          async () => (await terminalText(page)).includes(`Service Lab explains: ${diagnosis}`),
          "the failure's explanation in the terminal",
        )
        await page.locator('.trace-list .hop-failed').first().waitFor()
        await page.locator('.trace-callout-failed').waitFor()
        const hidden = await calloutOverlaps(page)
        assert(!hidden, `the diagnosis on the map covers: ${hidden}`)
        await checkAxe(page, 'lab (playground)')
        await screenshots(page, state.out, 'lab')
      },
    ],
    [
      'with reduced motion the trace is an ordered list of hops',
      async () => {
        await page.emulateMedia({ reducedMotion: 'reduce' })
        await runInTerminal(page, 'kubectl exec client -- curl -s web')
        const list = page.getByRole('list', { name: 'Request hops' })
        assert(await list.isVisible(), 'the hop list is not shown')
        await page.emulateMedia({ reducedMotion: 'no-preference' })
      },
    ],
    [
      'terminal: Tab completes, long output is capped, Ctrl+L clears; the editor marks a YAML error line',
      async () => {
        await focusTerminal(page)
        await page.keyboard.type('kubectl get depl')
        await page.keyboard.press('Tab')
        await eventually(
          async () => (await cursorLine(page)) === '$ kubectl get deployments',
          'Tab to complete the kind',
          5_000,
          100,
        )
        await page.keyboard.press('Control+U')
        await page.keyboard.type('kubectl describe deployment w')
        await page.keyboard.press('Tab')
        await eventually(
          async () => (await cursorLine(page)) === '$ kubectl describe deployment web',
          'Tab to complete the name',
          5_000,
          100,
        )
        await page.keyboard.press('Control+U')
        await runInTerminal(page, 'kubectl get pods -o wide')
        // a real terminal wraps what is wider than it; the whole header is there, nothing cut off
        const header = (await terminalText(page))
          .split('\n')
          .filter((l) => l.startsWith('NAME '))
          .at(-1)
        assert(
          /NODE +NOMINATED NODE +READINESS GATES$/.test(header ?? ''),
          `the wide table's header is cut: ${header}`,
        )
        const long = await runInTerminal(page, 'seq 1 3000')
        assert(
          long.stdout.endsWith('3000\n'),
          `seq output: ${long.stdout.slice(-40)}${long.stderr}`,
        )
        const lines = (await terminalText(page)).split('\n')
        assert(lines.includes('3000'), 'the end of a long output is not shown')
        assert(lines.length <= 5100, `the terminal keeps ${lines.length} lines in the page`)
        await page.keyboard.press('Control+l')
        await eventually(
          async () => (await terminalText(page)).trim() === '$',
          'Ctrl+L to clear the screen down to the prompt',
          5_000,
          100,
        )
        await setEditorText(page, BROKEN)
        const r = await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
        assert(r.exitCode !== 0 && /line \d+/.test(r.stderr), `apply of broken YAML: ${r.stderr}`)
        await page
          .locator('.editor-status')
          .getByText(/Line \d+:/)
          .waitFor()
        assert(
          await page.locator('.cm-error-line').count(),
          'the error line is not marked in the editor',
        )
        await setEditorText(page, NODEPORT_80)
        const v = await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
        assert(/nodePort: Invalid value/.test(v.stderr), `apply of nodePort 80: ${v.stderr}`)
        await page.locator('.editor-status').getByText('Line 9:').waitFor()
      },
    ],
    [
      'dark colour scheme: the lab page stays accessible',
      async () => {
        await page.emulateMedia({ colorScheme: 'dark' })
        await checkAxe(page, 'lab (dark)')
        await page.screenshot({ path: `${state.out}/lab-dark.png`, fullPage: true })
        await page.emulateMedia({ colorScheme: 'light' })
      },
    ],
    [
      'Reset cluster asks first, then empties the cluster',
      async () => {
        await page.getByRole('button', { name: 'Reset cluster' }).click()
        const dialog = page.getByRole('dialog', { name: 'Reset the cluster?' })
        await dialog.waitFor()
        await checkAxe(page, 'reset dialog')
        await dialog.getByRole('button', { name: 'Reset', exact: true }).click()
        await page.getByText("The cluster was reset to this lab's starting state.").waitFor()
        await eventually(
          async () => !(await mapTexts()).includes('web-'),
          'the web pods gone from the map',
        )
      },
    ],
  ]
}
