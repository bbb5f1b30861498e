import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseManifests } from '../worker/sim/objects'

const docs: string[] = JSON.parse(readFileSync('/tmp/eng1-cmp/docs.json', 'utf8'))
const out = execFileSync('/tmp/eng1-go/goyaml', { input: docs.join('\x00') }).toString().trimEnd().split('\n')
const canon = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v
let bad = 0
docs.forEach((doc, i) => {
  const go = out[i] ?? ''
  const r = parseManifests(doc, 'STDIN')
  let mine: string
  if (r.error?.startsWith('error parsing STDIN: error converting YAML to JSON: ')) mine = 'ERR ' + r.error.slice('error parsing STDIN: error converting YAML to JSON: '.length)
  else if (r.error?.startsWith('error parsing STDIN: ')) mine = 'ERR ' + r.error.slice(21)
  else {
    const again = parseManifests('apiVersion: v1\nkind: X\n' + 'wrapped:\n' + doc.split('\n').map((l) => '  ' + l).join('\n'), 'STDIN')
    void again
    mine = 'OK'
    if (go.startsWith('OK ') && r.objects.length === 1) {
      const a = JSON.stringify(canon(JSON.parse(go.slice(3))))
      const b = JSON.stringify(canon(r.objects[0]))
      if (a !== b) mine = 'VALUE ' + b.slice(0, 150) + ' vs go ' + a.slice(0, 150)
    }
  }
  let goCmp = go.startsWith('OK') ? 'OK' : go
  if (mine !== goCmp) {
    bad++
    console.log(`--- #${i}\n${JSON.stringify(doc)}\n  go:   ${go.slice(0, 200)}\n  mine: ${mine}`)
  }
})
console.log(`${bad} mismatches of ${docs.length}`)
