// The learner's journey of issue 6, in order, against the real server.

import { sessionSteps, signupSteps } from './steps-account.mjs'
import { gradedSteps } from './steps-graded.mjs'
import { playgroundSteps } from './steps-playground.mjs'

export function scenarios(page, base, state) {
  state.email = `e2e-${Date.now()}@example.com`
  state.password = 'correct horse battery staple'
  return [
    ...signupSteps(page, base, state),
    ...playgroundSteps(page, base, state),
    ...gradedSteps(page, base, state),
    ...sessionSteps(page, base, state),
  ]
}
