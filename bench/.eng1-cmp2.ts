import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { goYamlFirstError } from '../worker/sim/objects/go-yaml-scan'
import { formatGoYamlError } from '../worker/sim/objects/yaml-errors'
import { GO_YAML_OPTIONS } from '../worker/sim/objects/yaml-options'
import { parseSimpleYaml } from '../worker/sim/objects/fast-yaml'
const docs: string[] = JSON.parse(readFileSync('/tmp/eng1-cmp/docs.json', 'utf8'))
const out = execFileSync('/tmp/eng1-go/goyaml', { input: docs.join('\x00') }).toString().trimEnd().split('\n')
const canon = (v: unknown): unknown => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v
let bad = 0
docs.forEach((doc, i) => {
  const go = out[i] ?? ''
  const e = goYamlFirstError(doc)
  const emu = e === 'unsupported' ? 'UNSUPPORTED' : e ? 'ERR ' + formatGoYamlError(e) : 'OK'
  const fast = parseSimpleYaml(doc)
  const lib = parseDocument(doc, GO_YAML_OPTIONS)
  const libv = lib.errors.length ? 'LIBERR' : JSON.stringify(canon(lib.toJS()))
  const gov = go.startsWith('OK ') ? JSON.stringify(canon(JSON.parse(go.slice(3)))) : go
  const problems: string[] = []
  if (emu !== 'UNSUPPORTED' && (emu === 'OK') !== go.startsWith('OK')) problems.push(`emulator ${emu}`)
  if (emu.startsWith('ERR') && go.startsWith('ERR') && emu !== go) problems.push(`emulator ${emu}`)
  if (fast && JSON.stringify(canon(fast.value)) !== gov) problems.push(`fast ${JSON.stringify(canon(fast.value))}`)
  if (go.startsWith('OK') && libv !== gov) problems.push(`lib ${libv}`)
  if (problems.length) { bad++; if (bad < 15) console.log(JSON.stringify(doc), '\n  go:', go, '\n  ', problems.join(' | ')) }
})
console.log(bad, 'of', docs.length)
