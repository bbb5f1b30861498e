/* global document, fetch, window, DataTransfer, ClipboardEvent */
// The terminal of issue 12: size, a shell inside a pod, run --rm, a reload inside a shell, a watch
// beside a second tab, keyboard-only use. Runs in the playground after its Deployment `web` exists.

import { podsSettled } from './cluster-helpers.mjs'
import {
  afterRun,
  assert,
  checkAxe,
  cursorLine,
  eventually,
  focusTerminal,
  runInTerminal,
  terminalInput,
  terminalText,
} from './harness.mjs'

/** Scales with a plain one-shot `run` call, as another browser tab or a script would. */
function runElsewhere(page, command) {
  return page.evaluate(async (command) => {
    const h = { 'Content-Type': 'application/json' }
    const c = await (
      await fetch('/api/labs/playground/cluster', { method: 'POST', headers: h, body: '{}' })
    ).json()
    const r = await fetch(`/api/clusters/${c.cluster.id}/run`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ command }),
    })
    return r.json()
  }, command)
}

async function shellPrompt(page, prompt) {
  await eventually(async () => (await cursorLine(page)) === prompt, `the prompt ${prompt}`, 10_000)
}

export function terminalSteps(page, base, state) {
  return [
    [
      'terminal: at 1440x900 it has >= 120 columns and >= 24 rows, and the page does not scroll',
      async () => {
        await page.setViewportSize({ width: 1440, height: 900 })
        await page.reload()
        await terminalInput(page).waitFor()
        // the reloaded page restores its tabs first: type once the workstation prompt is back
        await shellPrompt(page, '$')
        const sent = page.waitForRequest((r) => r.url().endsWith('/run'), { timeout: 30_000 })
        // handled here so a missing request fails this step instead of crashing the whole run
        const request = sent.then(
          (r) => r,
          (e) => e,
        )
        await runInTerminal(page, 'kubectl get nodes')
        const got = await request
        if (got instanceof Error) throw got
        const size = got.postDataJSON()
        assert(size.columns >= 120 && size.rows >= 24, `terminal is ${size.columns}x${size.rows}`)
        const scroll = await page.evaluate(() => [
          document.scrollingElement.scrollHeight,
          window.innerHeight,
        ])
        assert(scroll[0] <= scroll[1], `the page scrolls: ${scroll[0]} > ${scroll[1]}`)
        await page.screenshot({ path: `${state.out}/lab-1440.png` })
      },
    ],
    [
      'terminal: exec -it into a pod, apt-get install curl, curl a pod IP, exit',
      async () => {
        await runInTerminal(page, 'kubectl run access-pod --image=ubuntu:24.04 -- sleep infinity')
        await podsSettled(page, 'playground')
        const ip = (
          await runInTerminal(
            page,
            "kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}'",
          )
        ).stdout.trim()
        assert(/^10\.244\.\d+\.\d+$/.test(ip), `no pod IP: ${ip}`)
        await runInTerminal(page, 'kubectl exec -it access-pod -- bash')
        await shellPrompt(page, 'root@access-pod:/#')
        const missing = await runInTerminal(page, `curl ${ip}`)
        assert(missing.exitCode === 127, `curl before installing: ${missing.exitCode}`)
        const install = await runInTerminal(page, 'apt-get update && apt-get install -y curl')
        assert(install.exitCode === 0, `apt-get: ${install.stderr}`)
        const r = await runInTerminal(page, `curl ${ip}`)
        assert(/Welcome to nginx/.test(r.stdout), `curl inside the shell: ${r.stdout}${r.stderr}`)
        await runInTerminal(page, 'exit')
        await shellPrompt(page, '$')
        const text = await terminalText(page)
        assert(text.includes(`root@access-pod:/# curl ${ip}`), 'the shell lines are not shown')
        assert(/\nexit\n/.test(text), 'bash did not print exit')
      },
      90_000,
    ],
    [
      'terminal: a reload inside a shell comes back to the same shell',
      async () => {
        await runInTerminal(page, 'kubectl exec -it access-pod -- bash')
        await runInTerminal(page, 'cd /tmp')
        await shellPrompt(page, 'root@access-pod:/tmp#')
        await page.reload()
        await terminalInput(page).waitFor()
        await shellPrompt(page, 'root@access-pod:/tmp#')
        await checkAxe(page, 'lab with a shell open')
        await focusTerminal(page)
        await page.keyboard.press('Control+D')
        await shellPrompt(page, '$')
      },
    ],
    [
      'terminal: kubectl run -it --rm opens a shell and deletes the pod on exit',
      async () => {
        await runInTerminal(
          page,
          'kubectl run tmp -it --rm --image=busybox:1.36 --restart=Never -- sh',
        )
        await shellPrompt(page, '/ #')
        assert(
          (await terminalText(page)).includes(
            "If you don't see a command prompt, try pressing enter.",
          ),
          'no press-enter line',
        )
        await runInTerminal(page, 'exit')
        await shellPrompt(page, '$')
        assert((await terminalText(page)).includes('pod "tmp" deleted'), 'no delete line')
      },
      60_000,
    ],
    [
      'terminal: keyboard only: Tab reaches the terminal, Enter runs, Shift+Tab leaves, arrows switch tabs',
      async () => {
        await page.reload()
        await terminalInput(page).waitFor()
        let reached = false
        for (let i = 0; i < 60 && !reached; i++) {
          await page.keyboard.press('Tab')
          reached = await page.evaluate(
            () => document.activeElement?.getAttribute('aria-label') === 'Terminal',
          )
        }
        assert(reached, 'Tab never reached the terminal')
        await page.keyboard.type('kubectl get nodes')
        await afterRun(page, () => page.keyboard.press('Enter'))
        assert((await terminalText(page)).includes('lab-worker2'), 'the command did not run')
        // a two-line paste runs line by line, as in a shell
        await page.getByLabel('Terminal', { exact: true }).evaluate((el) => {
          const data = new DataTransfer()
          data.setData('text/plain', 'echo first\necho second\n')
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
        })
        await eventually(async () => {
          const t = await terminalText(page)
          return /\$ echo first\nfirst\n\$ echo second\nsecond\n\$ ?$/.test(t)
        }, 'both pasted lines to run')
        await page.keyboard.press('Shift+Tab')
        const left = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
        assert(left !== 'Terminal', 'Shift+Tab did not leave the terminal')
        await page.getByRole('button', { name: 'New terminal' }).click()
        await page.getByRole('tab', { name: /^Terminal 2/ }).waitFor()
        await page.getByRole('tab', { name: /^Terminal 2/ }).focus()
        await page.keyboard.press('ArrowLeft')
        const selected = page.getByRole('tab', { name: /^Terminal 1/ })
        assert(
          (await selected.getAttribute('aria-selected')) === 'true',
          'ArrowLeft did not switch',
        )
      },
    ],
  ]
}

/** Needs streaming (`stream: true` answered as NDJSON): a watch beside a second tab, then Ctrl+C. */
export function watchSteps(page) {
  return [
    [
      'terminal: a watch in tab 1 shows a scale made elsewhere go ContainerCreating → Running; Ctrl+C',
      async () => {
        await page.getByRole('tab', { name: /^Terminal 1/ }).click()
        await focusTerminal(page)
        await page.keyboard.type('kubectl get pods -w')
        await page.keyboard.press('Enter')
        await eventually(
          async () => (await terminalInput(page).getAttribute('aria-busy')) === 'true',
          'the watch to keep running',
        )
        await page.getByRole('tab', { name: /^Terminal 2/ }).click()
        const other = await runInTerminal(page, 'kubectl get deployment web')
        assert(other.stdout.includes('web'), 'the second tab did not work while the watch runs')
        await runElsewhere(page, 'kubectl scale deployment web --replicas=4')
        await page.getByRole('tab', { name: /^Terminal 1/ }).click()
        const text = () => terminalText(page)
        const fresh = await eventually(async () => {
          const m = /\n(web-[a-z0-9]+-[a-z0-9]{5}) +0\/1 +ContainerCreating/.exec(await text())
          return m?.[1]
        }, 'a new pod in ContainerCreating')
        await eventually(
          async () => new RegExp(`\\n${fresh} +1/1 +Running`).test(await text()),
          'the new pod Running in the watch',
          30_000,
        )
        await focusTerminal(page)
        await page.keyboard.press('Control+C')
        await eventually(async () => (await cursorLine(page)) === '^C$', 'the prompt after ^C')
        await runElsewhere(page, 'kubectl scale deployment web --replicas=2')
      },
      60_000,
    ],
  ]
}
