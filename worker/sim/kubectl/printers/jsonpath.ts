// `-o jsonpath=` and `-o jsonpath-as-json=` (cli-runtime pkg/printers/jsonpath.go): results of
// one action are joined by spaces, maps and lists print as compact JSON; failures print
// kubectl's debugging dump of the template and the object.

import { goQuote, goScalar, goSharpV } from './go-format'
import { marshalGo } from './go-json'
import { JsonPathRun } from './jsonpath-eval'
import { parseJsonPath } from './jsonpath-parse'

export interface JsonPathOptions {
  /** --allow-missing-template-keys (kubectl's default: true) */
  allowMissingKeys: boolean
  /** jsonpath-as-json: every action prints as an indented JSON array */
  asJson: boolean
}

/** Prints `data` through the template; `error` is the full kubectl stderr text (with `error: `). */
export function printJsonPath(
  template: string,
  data: unknown,
  o: JsonPathOptions,
): { stdout: string } | { error: string } {
  let root
  try {
    root = parseJsonPath(template)
  } catch (e) {
    return { error: `error: error parsing jsonpath ${template}, ${(e as Error).message}\n` }
  }
  let results: unknown[][]
  try {
    results = new JsonPathRun(o.allowMissingKeys).findResults(data, root.nodes)
  } catch (e) {
    const dump =
      `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
    return { error: `error: error executing jsonpath ${goQuote(template)}: ${dump}\n` }
  }
  return { stdout: results.map((r) => printResults(r, o.asJson)).join('') }
}

function printResults(values: unknown[], asJson: boolean): string {
  if (asJson) return marshalGo(values, '    ') + '\n'
  return values.map(valueText).join(' ')
}

/** Values evaluate to text as client-go's evalToText does: JSON for maps and lists. */
export function valueText(v: unknown): string {
  if (v !== null && typeof v === 'object') return marshalGo(v)
  if (v === null || v === undefined) return 'null'
  return typeof v === 'string' ? v : goScalar(v)
}

/** Evaluates a template quietly for sorting and custom columns (missing keys allowed). */
export function findJsonPathValues(template: string, data: unknown): unknown[][] {
  return new JsonPathRun(true).findResults(data, parseJsonPath(template).nodes)
}

/** kubectl get RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` -> `{.a.b}`. */
export function relaxedJsonPath(expr: string): { path: string } | { error: string } {
  if (expr === '') return { path: expr }
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr)
  if (!m) {
    return {
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    }
  }
  return { path: `{.${m[1] || m[2] || ''}}` }
}
