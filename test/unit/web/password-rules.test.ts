// The hint beside every new-password field states the rule the server applies.
import { expect, it } from 'vitest'
import { PASSWORD_MIN_LENGTH as SERVER_MIN } from '../../../worker/auth/password'
import { NEW_PASSWORD_HINT, PASSWORD_MIN_LENGTH } from '../../../web/src/pages/password-rules'

it("the page's password length is the server's", () => {
  expect(PASSWORD_MIN_LENGTH).toBe(SERVER_MIN)
  expect(NEW_PASSWORD_HINT).toBe(`At least ${SERVER_MIN} characters.`)
})
