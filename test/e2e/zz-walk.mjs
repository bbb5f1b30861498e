import { chromium } from 'playwright-core'
import { afterRun } from './harness.mjs'
import { podsSettled } from './cluster-helpers.mjs'
const base = 'http://127.0.0.1:8793'
const labId = process.argv[2] || 'selectors'
const ctx = await chromium.launchPersistentContext('/tmp/mock/profile-walk-' + Date.now(), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
  viewport: { width: 1366, height: 900 },
})
const page = ctx.pages()[0]
page.on(
  'console',
  (m) =>
    m.type() === 'error' && !/Failed to load/.test(m.text()) && console.log('console', m.text()),
)
page.setDefaultTimeout(15000)
await page.goto(base + '/signup')
await page.getByLabel('Name').fill('W')
await page.getByLabel('Email').fill(`w${Date.now()}@x.io`)
await page.getByLabel('Password', { exact: true }).fill('password123!')
await page.getByRole('button', { name: 'Sign up' }).click()
await page.waitForURL(base + '/labs')
await page.goto(base + '/labs/' + labId)
const region = page.getByRole('region', { name: 'Instructions' })
await page.getByRole('list', { name: 'Tasks' }).waitFor()
const actions = region.getByRole('button', { name: /^(Copy to editor|Run)$/ })
const n = await actions.count()
const states = async () =>
  (
    await page
      .getByRole('list', { name: 'Tasks' })
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-checked') === 'true' ? 'X' : '.')))
  ).join('')
for (let i = 0; i < n; i++) {
  const b = actions.nth(i)
  const name = (await b.innerText()).trim()
  const what = (
    await b.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    )
  )
    .trim()
    .split('\n')[0]
  if (/</.test(what) && name === 'Run') {
    console.log('skip', what)
    continue
  }
  if (/\b(exec|curl|logs|endpoints|describe|get)\b/.test(what))
    await podsSettled(page, labId, 30000).catch(() => console.log('  (pods not settled)'))
  let r
  if (name === 'Run') r = await afterRun(page, () => b.click())
  else {
    await b.click()
    r = await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
  }
  console.log(
    `${await states()} ${name}: ${what} -> exit ${r.exitCode} ${(r.stdout + r.stderr).split('\n')[0].slice(0, 100)}`,
  )
}
await page.waitForTimeout(2000)
await page.screenshot({ path: `/tmp/mock/walk-${labId}.png`, fullPage: true })
console.log('final', await states())
await ctx.close()
