// Name, label and port-name checks with the exact messages of
// k8s.io/apimachinery pkg/util/validation/validation.go (IsDNS1123Label, IsQualifiedName, ...).

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`

const full = (fmt: string) => new RegExp(`^${fmt}$`)
const DNS1123_LABEL = full(DNS1123_LABEL_FMT)
const DNS1123_SUBDOMAIN = full(DNS1123_SUBDOMAIN_FMT.replace(/\\\\/g, '\\'))
const DNS1035_LABEL = full(DNS1035_LABEL_FMT)
const QUALIFIED_NAME = full(QUALIFIED_NAME_FMT)
const LABEL_VALUE = full(LABEL_VALUE_FMT)

/** validation.go RegexError: note the doubled space in `'my-name',  or` that upstream prints. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  const ex = examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('')
  return `${msg} (e.g. ${ex}regex used for validation is '${fmt}')`
}

export const maxLenError = (n: number) => `must be no more than ${n} characters`

/** IsDNS1123Label: container, port and namespace names. */
export function isDNS1123Label(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push(maxLenError(63))
  if (!DNS1123_LABEL.test(v))
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        'my-name',
        '123-abc',
      ),
    )
  return errs
}

/** IsDNS1123Subdomain: most object names (Pod, Deployment, Endpoints). */
export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (v.length > 253) errs.push(maxLenError(253))
  if (!DNS1123_SUBDOMAIN.test(v))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    )
  return errs
}

/** IsDNS1035Label: Service names (must start with a letter). */
export function isDNS1035Label(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push(maxLenError(63))
  if (!DNS1035_LABEL.test(v))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    )
  return errs
}

/** IsValidPortName (IANA_SVC_NAME): what a named port or named targetPort may be. */
export function isValidPortName(v: string): string[] {
  const errs: string[] = []
  if (v.length > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(v))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)')
  if (v.includes('--')) errs.push('must not contain consecutive hyphens')
  if (v.length > 0 && (v.startsWith('-') || v.endsWith('-')))
    errs.push('must not begin or end with a hyphen')
  return errs
}

const QUALIFIED_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

/** IsQualifiedName: label and annotation keys, `[prefix/]name`. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = []
  const parts = v.split('/')
  let name = parts[0] ?? ''
  if (parts.length === 2) {
    const prefix = parts[0] ?? ''
    name = parts[1] ?? ''
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QUALIFIED_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`)
  if (!QUALIFIED_NAME.test(name))
    errs.push(
      `name part ${regexError(QUALIFIED_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    )
  return errs
}

/** IsValidLabelValue: label values and selector values. */
export function isValidLabelValue(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push(maxLenError(63))
  if (!LABEL_VALUE.test(v))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    )
  return errs
}

/** IsEnvVarName (RelaxedEnvironmentVariableValidation is off in 1.32). */
export function isEnvVarName(v: string): string[] {
  const errs: string[] = []
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(v))
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    )
  if (v === '.') errs.push("must not be '.'")
  else if (v === '..') errs.push("must not be '..'")
  else if (v.startsWith('..')) errs.push("must not start with '..'")
  return errs
}

/** A dotted-quad IPv4 address, leading zeros accepted as ParseIPSloppy does (the cluster is IPv4 only). */
export function parseIPv4(v: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return parts
}

/** A loose IPv6 shape check: the cluster only validates, never routes, IPv6. */
export function isIPv6Like(v: string): boolean {
  return v.includes(':') && /^[0-9a-fA-F:.]+$/.test(v)
}
