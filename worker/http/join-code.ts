// Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 40 bits;
// with wrong codes limited to 10 per learner per 15 minutes, guessing one is hopeless.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const LENGTH = 8

/** `length` characters of the alphabet (password reset codes are longer: ../http/password.ts). */
export function newJoinCode(length = LENGTH): string {
  let out = ''
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length))) {
      // rejection sampling (248 = 8 x 31) keeps every character equally likely
      if (b < 248 && out.length < length) out += ALPHABET[b % ALPHABET.length]
    }
  }
  return out
}

/** What a learner typed, as stored: upper case, without spaces or dashes. */
export function normaliseJoinCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}
