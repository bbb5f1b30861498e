import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseYamlDoc } from '../worker/sim/objects/manifest-parse'
const docs: string[] = JSON.parse(readFileSync('/tmp/eng1-cmp/docs.json', 'utf8'))
const out = execFileSync('/tmp/eng1-go/goyaml', { input: docs.join('\x00') }).toString().trimEnd().split('\n')
const canon = (v: unknown): unknown => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v
let bad = 0
docs.forEach((doc, i) => {
  const go = out[i] ?? ''
  const r = parseYamlDoc(doc)
  const mine = r.error !== undefined ? 'ERR ' + r.error.replace('error converting YAML to JSON: ', '') : 'OK ' + JSON.stringify(canon(r.value))
  const gov = go.startsWith('OK ') ? 'OK ' + JSON.stringify(canon(JSON.parse(go.slice(3)))) : go
  if (mine !== gov) { bad++; if (bad < 12) console.log(JSON.stringify(doc), '\n  go:  ', gov, '\n  mine:', mine) }
})
console.log(bad, 'of', docs.length)
