// Account steps: the welcome page and sign-up, the labs list, a lost session, the instructor place.

import { assert, checkAxe, eventually } from './harness.mjs'

export function signupSteps(page, base, state) {
  return [
    [
      'welcome page explains the product and signs a learner up',
      async () => {
        await page.goto(base + '/')
        await page.getByRole('heading', { level: 1 }).waitFor()
        const picture = page.getByRole('img', { name: /request/i })
        assert(await picture.isVisible(), 'the welcome picture is missing')
        await checkAxe(page, 'welcome')
        await page.screenshot({ path: `${state.out}/welcome-desktop.png` })
        await page.getByRole('button', { name: 'Sign up' }).click()
        await page.getByText('Enter your name.').waitFor()
        await page.getByLabel('Name').fill('E2E Learner')
        await page.getByLabel('Email').fill(state.email)
        const password = page.getByLabel('Password', { exact: true })
        await password.fill('short')
        await page.getByRole('button', { name: 'Sign up' }).click()
        await eventually(
          async () => (await password.getAttribute('aria-invalid')) === 'true',
          'an error beside Password',
        )
        const described = await password.getAttribute('aria-describedby')
        const beside = await page
          .locator(`#${(described ?? '').split(' ').join(', #')}`)
          .allInnerTexts()
        assert(
          beside.includes('At least 8 characters.'),
          `Password does not say how long it must be: ${beside.join(' / ')}`,
        )
        const error = beside.find((t) => t !== 'At least 8 characters.') ?? ''
        assert(error.length > 10, 'no sentence beside Password')
        assert(!/password:/i.test(error), `the error repeats the field's name: ${error}`)
        await password.fill(state.password)
        await page.getByRole('button', { name: 'Sign up' }).click()
        await page.waitForURL(base + '/labs')
      },
    ],
    [
      'a signed-in learner who opens / lands on the lab list, not the welcome',
      async () => {
        await page.goto(base + '/')
        await page.waitForURL(base + '/labs')
        await page.getByRole('link', { name: 'Playground' }).waitFor()
        const welcome = page.getByRole('heading', { name: 'Create your account' })
        assert(!(await welcome.isVisible()), 'the sign-up form is shown to a signed-in learner')
        await page.goBack()
        assert(page.url() !== base + '/', 'Back returns to the welcome (it should be replaced)')
        await page.goto(base + '/labs')
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
  ]
}

export function sessionSteps(page, base, state) {
  return [
    [
      'a lost session sends the learner to log in and back',
      async () => {
        await page.getByRole('button', { name: 'Log out' }).click()
        await page.waitForURL(base + '/')
        // a visitor keeps the welcome
        await page.getByRole('heading', { name: 'Learn Kubernetes Services by doing' }).waitFor()
        await page.goto(base + '/')
        await page.getByRole('heading', { name: 'Create your account' }).waitFor()
        assert(page.url() === base + '/', `a visitor was sent from / to ${page.url()}`)
        await page.goto(base + '/labs/playground')
        await page.waitForURL(/\/login\?next=%2Flabs%2Fplayground$/)
        await checkAxe(page, 'login')
        await page.getByLabel('Email').fill(state.email)
        await page.getByLabel('Password').fill('wrong password')
        await page.getByRole('button', { name: 'Log in' }).click()
        await page
          .getByRole('alert')
          .filter({ hasText: /match|wrong|invalid|incorrect/i })
          .waitFor()
        await page.getByLabel('Password').fill(state.password)
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
