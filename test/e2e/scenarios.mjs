/* global document, localStorage, fetch */
// The learner's journey of issue 6, step by step, against the real server.

import { afterRun, assert, checkAxe, eventually, runInTerminal, terminalText } from './harness.mjs'

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

const POD_NAME = /\bweb-[a-z0-9]{6,10}-[a-z0-9]{5}\b/

/** Waits until every pod of the lab's cluster is Running and Ready (or finished), asking the API. */
export async function podsSettled(page, labId, timeoutMs = 25_000) {
  return eventually(
    () =>
      page.evaluate(async (id) => {
        const h = { 'Content-Type': 'application/json' }
        const c = await (
          await fetch(`/api/labs/${id}/cluster`, { method: 'POST', headers: h, body: '{}' })
        ).json()
        const r = await (await fetch(`/api/clusters/${c.cluster.id}`)).json()
        const pods = r.cluster.objects.filter(
          (o) =>
            o.kind === 'Pod' &&
            !['kube-system', 'local-path-storage'].includes(o.metadata.namespace),
        )
        return pods.every(
          (p) =>
            p.status?.phase === 'Succeeded' ||
            (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        )
      }, labId),
    `the pods of ${labId} to be ready`,
    timeoutMs,
    700,
  )
}

async function setEditorText(page, text) {
  const editor = page.getByRole('textbox', { name: 'Manifest editor' })
  await editor.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

export function scenarios(suite, page, base, state) {
  const email = `e2e-${Date.now()}@example.com`
  const password = 'correct horse battery staple'

  return [
    [
      'welcome page explains the product and signs a learner up',
      async () => {
        await page.goto(base + '/')
        await page.getByRole('heading', { level: 1 }).waitFor()
        assert(
          await page.getByRole('img', { name: /request/i }).isVisible(),
          'the welcome picture is missing',
        )
        await checkAxe(page, 'welcome')
        await page.screenshot({ path: `${state.out}/welcome-desktop.png` })
        await page.getByRole('button', { name: 'Sign up' }).click()
        await page.getByText('Enter your name.').waitFor()
        await page.getByLabel('Name').fill('E2E Learner')
        await page.getByLabel('Email').fill(email)
        await page.getByLabel('Password', { exact: true }).fill(password)
        await page.getByRole('button', { name: 'Sign up' }).click()
        await page.waitForURL(base + '/labs')
      },
    ],
    [
      'labs page shows every lab as a card with progress, and the Join a class form',
      async () => {
        await page.getByRole('link', { name: 'Playground' }).waitFor()
        const text = await page.locator('main').innerText()
        assert(/\d+ of \d+ tasks/.test(text), 'no "N of M tasks" progress on the labs page')
        await page.getByLabel('Join code').fill('NOSUCHCODE')
        await page.getByRole('button', { name: 'Join', exact: true }).click()
        await page.getByText('No class has that code.').waitFor()
        await checkAxe(page, 'labs')
        await page.screenshot({ path: `${state.out}/labs-desktop.png`, fullPage: true })
      },
    ],
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
        assert(
          out.includes('deployment.apps/web created') && out.includes('service/web created'),
          `apply output not shown: ${out}`,
        )
      },
    ],
    [
      "terminal: kubectl get pods lists the Deployment's pods",
      async () => {
        const r = await runInTerminal(page, 'kubectl get pods')
        assert(r.stdout.startsWith('NAME'), `unexpected output: ${r.stdout}${r.stderr}`)
        const out = await terminalText(page)
        const m = POD_NAME.exec(out)
        assert(m, `no web pod in the terminal output: ${out}`)
        state.podName = m[0]
      },
    ],
    [
      'cluster map draws the pods on their nodes',
      async () => {
        const map = page.getByRole('img', { name: 'Cluster map' })
        await eventually(
          async () =>
            (await map.locator('text').allTextContents()).some((t) =>
              t.startsWith(state.podName.slice(0, 20)),
            ),
          'the pod to appear on the map',
        )
        const texts = (await map.locator('text').allTextContents()).join(' | ')
        assert(
          texts.includes('lab-worker') && texts.includes('lab-control-plane'),
          `nodes missing on the map: ${texts}`,
        )
        await podsSettled(page, 'playground')
        await eventually(
          async () =>
            (await map.locator('text').allTextContents()).some((t) => t.includes('Running')),
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
        assert(
          r.exitCode === 0 && /nginx/i.test(r.stdout),
          `curl through the Service failed: ${r.stdout}${r.stderr}`,
        )
        assert(r.trace?.length, 'the run answer carries no trace')
        await page.locator('.trace-list summary').click()
        const hops = page.getByRole('list', { name: 'Request hops' })
        await hops.waitFor()
        const items = await hops.getByRole('listitem').allTextContents()
        assert(items.length >= 3, `expected at least 3 hops, got ${items.join(' / ')}`)
        await eventually(
          () => page.locator('.trace-overlay .trace-path').count(),
          'the trace drawn on the map',
        )
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
        await page
          .locator('.term-hint')
          .filter({ hasText: diagnosis.slice(0, 40) })
          .first()
          .waitFor()
        await page.locator('.trace-list .hop-failed').first().waitFor()
        await checkAxe(page, 'lab (playground)')
        await page.setViewportSize({ width: 1280, height: 900 })
        await page.screenshot({ path: `${state.out}/lab-desktop.png`, fullPage: true })
        await page.setViewportSize({ width: 390, height: 844 })
        await page.screenshot({ path: `${state.out}/lab-narrow.png`, fullPage: true })
        await page.setViewportSize({ width: 1280, height: 900 })
      },
    ],
    [
      'with reduced motion the trace is an ordered list of hops',
      async () => {
        await page.emulateMedia({ reducedMotion: 'reduce' })
        await runInTerminal(page, 'kubectl exec client -- curl -s web')
        assert(
          await page.getByRole('list', { name: 'Request hops' }).isVisible(),
          'the hop list is not shown',
        )
        await page.emulateMedia({ reducedMotion: 'no-preference' })
      },
    ],
    [
      'a graded lab: its first task turns green',
      async () => {
        await page.getByRole('link', { name: 'Back to labs' }).click()
        await page.waitForURL(base + '/labs')
        const cards = page.locator('.lab-card').filter({ hasText: / of [1-9]\d* tasks/ })
        await cards.first().waitFor()
        const preferred = cards.filter({ has: page.locator('a[href="/labs/pod-ips"]') })
        const card = (await preferred.count()) ? preferred : cards.first()
        const link = card.getByRole('link')
        state.gradedHref = await link.getAttribute('href')
        await link.click()
        await page.getByRole('list', { name: 'Tasks' }).waitFor()
        await doFirstTask(page, state.gradedHref.split('/').pop())
        const first = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first()
        assert(
          (await first.getAttribute('aria-checked')) === 'true',
          'the first task did not turn done',
        )
        assert(
          await page
            .getByRole('list', { name: 'Tasks' })
            .getByRole('listitem')
            .first()
            .getByText('done', { exact: true })
            .isVisible(),
          'no "done" text on the task',
        )
        await checkAxe(page, 'lab (graded)')
      },
    ],
    [
      'reload: history and progress are kept',
      async () => {
        await runInTerminal(page, 'kubectl get pods -o wide')
        await page.evaluate(() => localStorage.clear())
        await page.reload()
        const first = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first()
        await first.waitFor()
        assert((await first.getAttribute('aria-checked')) === 'true', 'progress lost after reload')
        const input = page.getByLabel('Terminal', { exact: true })
        await input.focus()
        await eventually(
          async () => {
            await input.press('ArrowUp')
            return (await input.inputValue()) === 'kubectl get pods -o wide'
          },
          'Up to recall the last command from the server history',
          5_000,
          300,
        )
        await page.goto(base + '/labs')
        const card = page
          .locator('.lab-card')
          .filter({ has: page.locator(`a[href="${state.gradedHref}"]`) })
        assert(
          !/\b0 of \d+ tasks/.test(await card.innerText()),
          'the labs page does not show the progress',
        )
      },
    ],
    [
      'a lost session sends the learner to log in and back',
      async () => {
        await page.getByRole('button', { name: 'Log out' }).click()
        await page.waitForURL(base + '/')
        await page.goto(base + '/labs/playground')
        await page.waitForURL(/\/login\?next=%2Flabs%2Fplayground$/)
        await checkAxe(page, 'login')
        await page.getByLabel('Email').fill(email)
        await page.getByLabel('Password').fill('wrong password')
        await page.getByRole('button', { name: 'Log in' }).click()
        await page
          .getByRole('alert')
          .filter({ hasText: /match|wrong|invalid|incorrect/i })
          .waitFor()
        await page.getByLabel('Password').fill(password)
        await page.getByRole('button', { name: 'Log in' }).click()
        await page.waitForURL(base + '/labs/playground')
        await page.getByRole('log', { name: 'Terminal output' }).waitFor()
      },
    ],
    [
      'the instructor page has its place',
      async () => {
        await page.goto(base + '/instructor')
        await page.getByRole('heading', { name: 'Instructor dashboard' }).waitFor()
      },
    ],
  ]
}

/**
 * Follows the lab's own instructions, as a newcomer would: each `Copy to editor` then `Apply`, and
 * each `Run`, in page order, until the first task is done.
 */
async function doFirstTask(page, labId) {
  const region = page.getByRole('region', { name: 'Instructions' })
  const first = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first()
  const actions = region.getByRole('button', { name: /^(Copy to editor|Run)$/ })
  const count = await actions.count()
  const tried = []
  for (let i = 0; i < count && i < 15; i++) {
    if ((await first.getAttribute('aria-checked')) === 'true') return
    const button = actions.nth(i)
    const name = (await button.innerText()).trim()
    const what = (
      await button.evaluate(
        (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      )
    ).trim()
    tried.push(`${name}: ${what.split('\n')[0]}`)
    if (/\b(exec|curl|logs)\b/.test(what)) await podsSettled(page, labId)
    if (name === 'Run') await afterRun(page, () => button.click())
    else {
      await button.click()
      await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
    }
  }
  await eventually(
    async () => (await first.getAttribute('aria-checked')) === 'true',
    `the first task done after: ${tried.join(' | ')}`,
    5_000,
  )
}
