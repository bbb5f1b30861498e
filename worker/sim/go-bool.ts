// Go's strconv.ParseBool, which kubectl's boolean flags (pflag), `--cascade=true|false` and
// ingress-nginx's annotations (parser.GetBoolAnnotation) all read values with.

const VALUES: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
}

/** The boolean `v` spells for Go, or undefined (`strconv.ParseBool: ... invalid syntax`). */
export function parseGoBool(v: string | undefined): boolean | undefined {
  return v === undefined || !Object.hasOwn(VALUES, v) ? undefined : VALUES[v]
}
