// The learner's journey of issue 6, in order, against the real server.

import { sessionSteps, signupSteps } from './steps-account.mjs'
import { chunkSteps } from './steps-chunks.mjs'
import { gradedSteps } from './steps-graded.mjs'
import { ownKubectlSteps } from './steps-own-kubectl.mjs'
import { playgroundSteps } from './steps-playground.mjs'
import { terminalSteps, watchSteps } from './steps-terminal.mjs'

export function scenarios(page, base, state) {
  state.email = `e2e-${Date.now()}@example.com`
  state.password = 'correct horse battery staple'
  const playground = playgroundSteps(page, base, state)
  return [
    ...signupSteps(page, base, state),
    ...playground.slice(0, -1),
    // the terminal's steps use the playground's Deployment before Reset cluster empties it
    ...terminalSteps(page, base, state),
    ...watchSteps(page, base, state),
    ...playground.slice(-1),
    ...gradedSteps(page, base, state),
    ...ownKubectlSteps(page, base, state),
    ...sessionSteps(page, base, state),
    ...chunkSteps(page, base, state),
  ]
}
