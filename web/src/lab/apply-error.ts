/** The manifest line a `kubectl apply -f -` error names, so the editor can point at it:
 * `error parsing STDIN: error converting YAML to JSON: yaml: line 10: ...` -> 10 */
export function yamlErrorLine(stderr: string): number | undefined {
  const m = /yaml: line (\d+)/.exec(stderr) ?? /\bline (\d+)/.exec(stderr)
  return m ? Number(m[1]) : undefined
}
