/* global window, document, process, fetch */
// The instructor's journey of issue 7: create a class, watch a learner join and finish a task live,
// replay their commands, read the insights, remove them. Two browser contexts: instructor, learner.

import { assert, checkAxe, eventually, runInTerminal } from './harness.mjs'

const PASSWORD = 'correct horse battery staple'
const INSTRUCTOR_CODE = process.env.E2E_INSTRUCTOR_CODE || 'local-instructor-code'
const LAB = 'pod-ips'

async function signUp(page, base, { name, email, instructorCode, next }) {
  await page.goto(`${base}/signup?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  if (instructorCode) {
    await page.locator('summary', { hasText: 'I am an instructor' }).click()
    await page.getByLabel('Instructor code').fill(instructorCode)
  }
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.waitForURL(base + next)
}

/** The matrix row of one learner, found by the row header's text. */
function learnerRow(page, name) {
  return page.locator('table.ins-matrix tbody tr').filter({
    has: page.getByRole('rowheader', { name: new RegExp(name) }),
  })
}

/** Waits until every pod of the learner's cluster for `labId` is Ready, asking the API. */
async function podsReady(page, labId) {
  return eventually(
    () =>
      page.evaluate(async (id) => {
        const h = { 'Content-Type': 'application/json' }
        const c = await (
          await fetch(`/api/labs/${id}/cluster`, { method: 'POST', headers: h, body: '{}' })
        ).json()
        const r = await (await fetch(`/api/clusters/${c.cluster.id}`)).json()
        return r.cluster.objects
          .filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
          .every((p) =>
            (p.status?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True'),
          )
      }, labId),
    `the pods of ${labId} to be ready`,
    25_000,
    700,
  )
}

/** Steps as [name, fn] pairs; `teacher` and `learner` are pages in two separate browser contexts. */
export function instructorScenarios(teacher, learner, base, state) {
  const stamp = Date.now()
  const learnerName = `Lena Learner ${stamp}`
  const className = `Services 101 ${stamp}`
  return [
    [
      'an instructor signs up with the instructor code and sees the dashboard',
      async () => {
        await signUp(teacher, base, {
          name: 'Ines Instructor',
          email: `e2e-instructor-${stamp}@example.com`,
          instructorCode: INSTRUCTOR_CODE,
          next: '/instructor',
        })
        await teacher.getByRole('heading', { level: 1, name: 'Instructor dashboard' }).waitFor()
        await teacher.getByText('No classes yet.').waitFor()
        // `/` takes a signed-in instructor to the dashboard, not the welcome
        await teacher.goto(base + '/')
        await teacher.waitForURL(base + '/instructor')
        await teacher.getByText('No classes yet.').waitFor()
        assert(
          await teacher.getByRole('link', { name: 'Instructor', exact: true }).isVisible(),
          'no Instructor link in the navigation',
        )
      },
    ],
    [
      'the instructor creates a class, copies and rotates its join code',
      async () => {
        await teacher.getByRole('button', { name: 'Create class' }).click()
        await teacher.getByText('Give the class a name.').waitFor()
        await teacher.getByLabel('Class name').fill(className)
        await teacher.getByRole('button', { name: 'Create class' }).click()
        const card = teacher.locator('.ins-class-card').filter({ hasText: className })
        await card.waitFor()
        const first = (await card.locator('.ins-code').innerText()).trim()
        assert(/^[A-HJ-NP-Z2-9]{4,}/.test(first.replace(/-/g, '')), `odd join code: ${first}`)
        await card.getByRole('button', { name: /^Copy/ }).click()
        await card
          .getByRole('status')
          .filter({ hasText: /Copied|selected/ })
          .waitFor()
        await card.getByRole('button', { name: /^New join code/ }).click()
        const dialog = teacher.getByRole('dialog', { name: 'Make a new join code?' })
        await dialog.waitFor()
        await checkAxe(teacher, 'instructor dashboard (confirm dialog)')
        await dialog.getByRole('button', { name: 'Make a new code' }).click()
        await eventually(
          async () => (await card.locator('.ins-code').innerText()).trim() !== first,
          'the join code to change',
        )
        state.joinCode = (await card.locator('.ins-code').innerText()).trim()
        await checkAxe(teacher, 'instructor dashboard')
        await teacher.screenshot({ path: `${state.out}/instructor-dashboard.png`, fullPage: true })
        await card.getByRole('link', { name: className, exact: true }).click()
        await teacher.getByRole('heading', { level: 1, name: className }).waitFor()
        await teacher.getByText('No learners yet.').waitFor()
        state.classUrl = teacher.url()
        // marks this document: if the page reloads, the mark is gone
        await teacher.evaluate(() => (window.__instructorNoReload = true))
      },
    ],
    [
      'a learner joins with the code; the class page lists them without a reload',
      async () => {
        await signUp(learner, base, {
          name: learnerName,
          email: `e2e-learner-${stamp}@example.com`,
          next: '/labs',
        })
        await learner.getByLabel('Join code').fill(state.joinCode.toLowerCase())
        await learner.getByRole('button', { name: 'Join', exact: true }).click()
        await learner.getByText(`You joined ${className}.`).waitFor()
        await learnerRow(teacher, learnerName).waitFor({ timeout: 15_000 })
      },
    ],
    [
      "the learner does a graded lab's first task; the matrix shows it live",
      async () => {
        await learner.goto(`${base}/labs/${LAB}`)
        await learner.getByRole('list', { name: 'Tasks' }).waitFor()
        await podsReady(learner, LAB)
        await runInTerminal(learner, 'kubectl get deployments')
        const r = await runInTerminal(learner, 'kubectl get pods -o wide')
        assert(r.exitCode === 0, `kubectl get pods failed: ${r.stderr}`)
        const first = learner.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first()
        await eventually(
          async () => (await first.getAttribute('aria-checked')) === 'true',
          'the first task to be done',
          5_000,
        )
        state.podIP = /\b10\.244\.\d+\.\d+\b/.exec(r.stdout)?.[0]
        const cell = learnerRow(teacher, learnerName).getByRole('link', { name: /^1 \/ \d+ tasks/ })
        await cell.waitFor({ timeout: 15_000 })
        assert(
          await teacher.evaluate(() => window.__instructorNoReload === true),
          'the class page reloaded',
        )
        await checkAxe(teacher, 'class progress')
        await teacher.emulateMedia({ colorScheme: 'dark' })
        await checkAxe(teacher, 'class progress (dark)')
        await teacher.emulateMedia({ colorScheme: 'light' })
        await teacher.setViewportSize({ width: 390, height: 844 })
        await checkAxe(teacher, 'class progress (narrow)')
        const scrollWidth = await teacher.evaluate(() => document.documentElement.scrollWidth)
        assert(scrollWidth <= 390, `the narrow class page scrolls sideways (${scrollWidth} px)`)
        await teacher.screenshot({
          path: `${state.out}/instructor-class-narrow.png`,
          fullPage: true,
        })
        await teacher.setViewportSize({ width: 1280, height: 900 })
        await teacher.screenshot({ path: `${state.out}/instructor-class.png`, fullPage: true })
      },
    ],
    [
      'sort and filter the matrix; the CSV link points at the API',
      async () => {
        const csv = teacher.getByRole('link', { name: 'Download CSV' })
        assert(
          /\/api\/classes\/[^/]+\/progress\.csv$/.test(await csv.getAttribute('href')),
          'Download CSV does not link to progress.csv',
        )
        const [type, body] = await teacher.evaluate(
          async (href) => {
            const r = await fetch(href)
            return [r.headers.get('content-type'), await r.text()]
          },
          await csv.getAttribute('href'),
        )
        assert(/^text\/csv/.test(type), `the CSV answers ${type}`)
        assert(
          body.startsWith('learner,email,lab,') && body.includes(`${learnerName},e2e-learner-`),
          `the CSV lacks the learner: ${body.slice(0, 300)}`,
        )
        await teacher.getByLabel('Sort by').selectOption('progress')
        await teacher.getByLabel('Filter by name or email').fill('nobody-matches-this')
        await teacher.getByText('No learner matches the filter.').waitFor()
        await teacher.getByLabel('Filter by name or email').fill(`e2e-learner-${stamp}`)
        await learnerRow(teacher, learnerName).waitFor()
        await teacher.getByLabel('Only stuck learners').check()
        await teacher.getByText('No learner matches the filter.').waitFor()
        await teacher.getByLabel('Only stuck learners').uncheck()
        await learnerRow(teacher, learnerName).waitFor()
      },
    ],
    [
      "the learner's timeline replays their commands step by step",
      async () => {
        const link = learnerRow(teacher, learnerName).getByRole('link', { name: /^1 \/ \d+ tasks/ })
        await link.click()
        // the matrix re-renders every 5 s; a click that lands during a re-render is lost, as a
        // person's would be: click again, as they would
        await teacher.waitForURL(/\/learners\//, { timeout: 5000 }).catch(() => link.click())
        await teacher.getByRole('heading', { level: 1, name: /in .+/ }).waitFor()
        const position = teacher.locator('.ins-position')
        await position.filter({ hasText: /^Step 1 of \d+$/ }).waitFor()
        const total = Number(/of (\d+)/.exec(await position.innerText())[1])
        assert(
          await teacher.getByRole('button', { name: 'Previous' }).isDisabled(),
          'Previous is enabled at step 1',
        )
        assert(total >= 2, `expected at least 2 commands, got ${total}`)
        await teacher.getByText('$ kubectl get deployments').waitFor()
        for (let i = 1; i < total; i++) await teacher.getByRole('button', { name: 'Next' }).click()
        await position.filter({ hasText: `Step ${total} of ${total}` }).waitFor()
        assert(
          await teacher.getByRole('button', { name: 'Next' }).isDisabled(),
          'Next is enabled at the last step',
        )
        await teacher.getByText('$ kubectl get pods -o wide').waitFor()
        await teacher.getByText('Output (stdout)').waitFor()
        await teacher.getByText(/Completed task: /).waitFor()
        await teacher.getByRole('button', { name: 'Previous' }).click()
        await position.filter({ hasText: `Step ${total - 1} of ${total}` }).waitFor()
        await teacher.getByRole('button', { name: 'Show all' }).click()
        await position.filter({ hasText: `All ${total} commands` }).waitFor()
        assert(
          (await teacher.locator('.ins-entry').count()) === total,
          'Show all does not show every command',
        )
        await checkAxe(teacher, 'learner timeline')
        await teacher.emulateMedia({ colorScheme: 'dark' })
        await checkAxe(teacher, 'learner timeline (dark)')
        await teacher.screenshot({
          path: `${state.out}/instructor-timeline-dark.png`,
          fullPage: true,
        })
        await teacher.emulateMedia({ colorScheme: 'light' })
      },
    ],
    [
      'a misconception shows on the insights page',
      async () => {
        const target = state.podIP ?? '10.96.0.1'
        // the first try completes the lab's "see it fail from outside" task, which is not a
        // misconception; trying again after that is
        for (let i = 0; i < 2; i++) {
          const r = await runInTerminal(learner, `curl -s --connect-timeout 2 http://${target}`)
          assert(r.exitCode !== 0, 'curling a pod IP from the workstation should fail')
        }
        await teacher.goto(state.classUrl + '/insights')
        await teacher.getByRole('heading', { level: 1, name: /^Insights/ }).waitFor()
        const list = teacher.getByRole('list', { name: 'Misconceptions, largest first' })
        await list.waitFor()
        const text = await list.innerText()
        assert(/1 learner/.test(text) && text.includes(`curl`), `unexpected insights: ${text}`)
        await checkAxe(teacher, 'insights')
        await teacher.screenshot({ path: `${state.out}/instructor-insights.png`, fullPage: true })
      },
    ],
    [
      'a learner who forgot their password sets a new one with a code the instructor made',
      async () => {
        await teacher.goto(state.classUrl)
        const row = learnerRow(teacher, learnerName)
        await row.getByRole('button', { name: /^Reset password/ }).click()
        const dialog = teacher.getByRole('dialog', { name: /^A password reset code/ })
        await dialog.getByRole('button', { name: 'Make a code' }).click()
        const status = teacher.getByText(/^Reset code for /)
        await status.waitFor()
        const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(await status.innerText())?.[0]
        assert(code, `no code in: ${await status.innerText()}`)
        await learner.getByRole('button', { name: 'Log out' }).click()
        await learner.goto(`${base}/login`)
        await learner.getByRole('link', { name: 'Forgot your password?' }).click()
        await learner.getByRole('heading', { name: 'Reset your password' }).waitFor()
        await checkAxe(learner, 'reset password')
        await learner.getByLabel('Email').fill(`e2e-learner-${stamp}@example.com`)
        await learner.getByLabel('Reset code').fill(code)
        await learner.getByLabel('New password').fill(`${PASSWORD} again`)
        await learner.getByRole('button', { name: 'Set new password' }).click()
        await learner.waitForURL(`${base}/labs`)
        await learner.getByRole('link', { name: 'Account' }).click()
        await learner.getByRole('heading', { name: 'Your account' }).waitFor()
        await checkAxe(learner, 'account')
      },
    ],
    [
      'the instructor removes the learner (after confirming)',
      async () => {
        await teacher.goto(state.classUrl)
        const row = learnerRow(teacher, learnerName)
        await row.getByRole('button', { name: /^Remove/ }).click()
        const dialog = teacher.getByRole('dialog', { name: /^Remove / })
        await dialog.getByRole('button', { name: 'Cancel' }).click()
        assert(await row.isVisible(), 'Cancel removed the learner')
        await row.getByRole('button', { name: /^Remove/ }).click()
        await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
        await teacher.getByText(`${learnerName} was removed from the class.`).waitFor()
        await teacher.getByText('No learners yet.').waitFor()
      },
    ],
  ]
}
