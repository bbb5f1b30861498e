/* global window, fetch, process */
// Issue 14's journey: an instructor writes, in the browser, a lab equal to the course notes'
// "dynamic endpoints with selectors" lesson (the text and checks of worker/labs/data/selectors.yaml,
// typed into the form), proves it with its solution and a near miss, publishes it to a class; a
// class member completes it and shows green in the matrix; a learner outside the class gets 404.

import { readFileSync } from 'node:fs'
import { parse, stringify } from 'yaml'
import { assert, checkAxe, eventually, runInTerminal, afterRun } from './harness.mjs'
import { podsSettled, setEditorText } from './cluster-helpers.mjs'

const PASSWORD = 'correct horse battery staple'
const INSTRUCTOR_CODE = process.env.E2E_INSTRUCTOR_CODE || 'local-instructor-code'
const LESSON = parse(
  readFileSync(new URL('../../worker/labs/data/selectors.yaml', import.meta.url), 'utf8'),
)
const LOOP = LESSON.solution[5]
const yaml = (v) => stringify(v, { lineWidth: 0 })

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
  // the first signups after a cold start hash passwords on a busy machine: allow them time
  await page.waitForURL(base + next, { timeout: 30_000 })
}

/** Task `i` (0-based) of the lab page's task list is ticked. */
async function isDone(page, i) {
  const box = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').nth(i)
  return (await box.getAttribute('aria-checked')) === 'true'
}

/** Runs `command` until task `i` is done (pods take a few seconds to be Ready; curl picks at random). */
async function runUntilDone(page, command, i, what) {
  await eventually(
    async () => {
      await runInTerminal(page, command)
      return isDone(page, i)
    },
    what,
    40_000,
    1_500,
  )
}

async function applyInEditor(page, text) {
  await setEditorText(page, text)
  const r = await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
  assert(r.exitCode === 0, `apply failed: ${r.stderr}`)
}

/** Steps as [name, fn, timeoutMs?]. */
export function authoringScenarios(teacher, learner, outsider, base, state) {
  const stamp = Date.now()
  const className = `Selectors class ${stamp}`
  const title = `Selectors, our way ${stamp}`
  return [
    [
      'an instructor writes the selectors lesson as a lab in the browser',
      async () => {
        await signUp(teacher, base, {
          name: 'Ines Author',
          email: `e2e-author-${stamp}@example.com`,
          instructorCode: INSTRUCTOR_CODE,
          next: '/instructor',
        })
        await teacher.getByLabel('Class name').fill(className)
        await teacher.getByRole('button', { name: 'Create class' }).click()
        const card = teacher.locator('.ins-class-card', { hasText: className })
        state.joinCode = (await card.locator('.ins-code').innerText()).trim()
        await teacher.getByRole('link', { name: 'My labs' }).click()
        await teacher.getByRole('heading', { level: 1, name: 'My labs' }).waitFor()
        await teacher.getByRole('button', { name: 'New lab' }).click()
        await teacher.getByRole('heading', { level: 1, name: /^Edit lab/ }).waitFor()
        state.labId = decodeURIComponent(new URL(teacher.url()).pathname.split('/').pop())
        assert(state.labId.startsWith('authored-'), `lab id ${state.labId}`)
        await teacher.getByLabel('Title', { exact: true }).fill(title)
        await teacher.getByLabel('Summary', { exact: true }).fill(LESSON.summary)
        await teacher.getByLabel('Estimated minutes').fill(String(LESSON.estimatedMinutes))
        await teacher.getByLabel('Instructions (Markdown)').fill(LESSON.instructions)
        const preview = teacher.getByRole('region', { name: 'Instructions preview' })
        await preview.getByRole('heading', { name: 'Dynamic endpoints with selectors' }).waitFor()
        await teacher.getByRole('textbox', { name: /^Explanation/ }).fill(LESSON.explanation)
        const start = teacher.getByRole('textbox', { name: 'Starting state (YAML)' })
        await start.click()
        await teacher.keyboard.insertText(LESSON.start.manifests.join('---\n'))
        for (const [i, task] of LESSON.tasks.entries()) {
          await teacher.getByRole('button', { name: 'Add task' }).click()
          const n = i + 1
          await teacher.getByLabel(`Task ${n} id`).fill(task.id)
          await teacher.getByLabel(`Task ${n} title`).fill(task.title)
          await teacher.getByLabel(`Task ${n} hints (one per line)`).fill(task.hints.join('\n'))
          // a snippet first, as an instructor starts; then the lesson's own check
          await teacher
            .getByLabel(`Insert a check snippet into task ${n}`)
            .selectOption({ label: 'An object exists' })
          assert(
            (await teacher.getByLabel(`Task ${n} check (YAML)`).inputValue()).startsWith('exists:'),
            'the snippet was not inserted',
          )
          await teacher.getByLabel(`Task ${n} check (YAML)`).fill(yaml(task.check))
        }
        await teacher.getByRole('textbox', { name: /^Solution/ }).fill(yaml(LESSON.solution))
        await teacher
          .getByRole('textbox', { name: /^Near misses/ })
          .fill(yaml(LESSON.nearMisses.slice(0, 1)))
        await teacher.getByRole('button', { name: 'Save', exact: true }).click()
        await teacher.getByText(/^Saved version \d+\.$/).waitFor()
        await checkAxe(teacher, 'lab editor')
      },
      90_000,
    ],
    [
      'Check with solution shows command by command which tasks completed; the lab is published',
      async () => {
        await teacher.getByRole('button', { name: 'Check with solution' }).click()
        await teacher.getByText(/is proven: it can be published/).waitFor({ timeout: 60_000 })
        const solution = teacher.getByRole('table', {
          name: /^Solution: done blue-endpoints, both-answer, scale-follows, delete-follows/,
        })
        await solution.waitFor()
        const row5 = solution.getByRole('row').nth(5)
        assert(
          (await row5.innerText()).includes('blue-endpoints'),
          'line 5 did not complete blue-endpoints',
        )
        await teacher.getByRole('table', { name: /^Near miss .* it does$/ }).waitFor()
        await teacher.screenshot({ path: `${state.out}/authoring-verified.png`, fullPage: true })
        await teacher.getByRole('checkbox', { name: className }).check()
        await teacher.getByRole('button', { name: 'Publish to classes' }).click()
        await teacher.getByText('Published to the chosen classes.').waitFor()
      },
      90_000,
    ],
    [
      'a class member finds the lab in their list and completes it in the terminal',
      async () => {
        await signUp(learner, base, {
          name: `Mia Member ${stamp}`,
          email: `e2e-member-${stamp}@example.com`,
          next: '/labs',
        })
        await learner.getByLabel('Join code').fill(state.joinCode)
        await learner.getByRole('button', { name: 'Join', exact: true }).click()
        await learner.getByText(`You joined ${className}.`).waitFor()
        await learner.reload()
        await learner.getByRole('link', { name: title }).click()
        await learner.getByRole('list', { name: 'Tasks' }).waitFor()
        await learner.getByRole('textbox', { name: 'Manifest editor' }).waitFor()
        for (const step of LESSON.solution.slice(0, 3)) await applyInEditor(learner, step.stdin)
        await podsSettled(learner, state.labId)
        await runUntilDone(learner, 'kubectl get endpoints my-blue-service', 0, 'blue-endpoints')
        await runUntilDone(learner, LOOP, 1, 'both-answer')
        await runInTerminal(learner, 'kubectl scale deployment nginx-deployment-3 --replicas=3')
        await runUntilDone(learner, 'kubectl get endpoints my-blue-service', 2, 'scale-follows')
        await runInTerminal(
          learner,
          "kubectl delete pod $(kubectl get pods -l color=blue -o jsonpath='{.items[0].metadata.name}')",
        )
        await runUntilDone(
          learner,
          'kubectl get endpoints my-blue-service -o yaml',
          3,
          'delete-follows',
        )
      },
      150_000,
    ],
    [
      "the member shows green (completed) in the class's matrix",
      async () => {
        await teacher.goto(`${base}/instructor`)
        await teacher.getByRole('link', { name: className, exact: true }).click()
        await teacher.getByRole('heading', { level: 1, name: className }).waitFor()
        const cell = teacher.getByRole('link', {
          name: new RegExp(`^4 / 4 tasks: Mia Member ${stamp} in ${title}`),
        })
        await cell.waitFor({ timeout: 15_000 })
        const td = cell.locator('xpath=..')
        assert(
          (await td.getAttribute('class')).includes('ins-cell-done'),
          'the cell is not marked done',
        )
        await teacher.screenshot({ path: `${state.out}/authoring-matrix.png`, fullPage: true })
      },
    ],
    [
      'a learner outside the class cannot open the lab (404)',
      async () => {
        await signUp(outsider, base, {
          name: `Nils Outsider ${stamp}`,
          email: `e2e-outsider-${stamp}@example.com`,
          next: '/labs',
        })
        assert(
          !(await outsider.getByRole('link', { name: title }).count()),
          'the outsider sees the lab',
        )
        const status = await outsider.evaluate(async (id) => {
          const r = await fetch(`/api/labs/${id}/cluster`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          })
          return r.status
        }, state.labId)
        assert(status === 404, `the outsider got ${status}`)
        const page = await outsider.evaluate(
          async (id) => (await fetch(`/api/labs/${id}`)).status,
          state.labId,
        )
        assert(page === 404, `the outsider read the lab page: ${page}`)
        assert(
          await outsider.evaluate(() => window.location.pathname === '/labs'),
          'left the labs page',
        )
      },
    ],
    [
      'the member leaves the class after confirming in a dialog; Cancel keeps them in',
      async () => {
        await learner.goto(`${base}/labs`)
        const classes = learner.getByRole('list', { name: 'Your classes' })
        const leave = classes.getByRole('button', { name: `Leave ${className}`, exact: true })
        await leave.click()
        const dialog = learner.getByRole('dialog', { name: `Leave ${className}?` })
        await dialog.waitFor()
        await checkAxe(learner, 'leave class dialog')
        await dialog.getByRole('button', { name: 'Cancel' }).click()
        assert(await leave.isVisible(), 'Cancel left the class')
        await leave.click()
        await dialog.getByRole('button', { name: 'Leave the class' }).click()
        await learner.getByText(`You left ${className}.`).waitFor()
        await eventually(async () => !(await leave.count()), 'the class to leave the list')
      },
    ],
  ]
}
