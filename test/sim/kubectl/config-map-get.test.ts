// ConfigMaps through kubectl: apply a manifest, get cm (NAME DATA AGE), describe (the values in
// full, the ==== underlines, BinaryData as byte counts, events), -o yaml, delete, explain.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: game
data:
  mode: hard
  ui.properties: |
    color=blue
    size=3
binaryData:
  logo: //4AQQ==
`

describe('kubectl and ConfigMaps', () => {
  test('apply, get cm, describe, -o yaml, delete', () => {
    const { k } = lab()
    expect(k('apply -f -', MANIFEST).stdout).toBe('configmap/game created\n')
    expect(k('get cm').stdout).toBe('NAME   DATA   AGE\ngame   3      0s\n')
    expect(k('get configmaps game --no-headers').stdout).toBe('game   3     0s\n')
    expect(k('describe configmap game').stdout).toBe(
      'Name:         game\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nhard\n\nui.properties:\n----\ncolor=blue\nsize=3\n\n\n\nBinaryData\n====\nlogo: 4 bytes\n\nEvents:  <none>\n',
    )
    const yaml = k('get cm game -o yaml').stdout
    expect(yaml).toMatch(
      /^apiVersion: v1\nbinaryData:\n {2}logo: \/\/4AQQ==\ndata:\n {2}mode: hard\n/,
    )
    expect(yaml).toContain('  ui.properties: |\n    color=blue\n    size=3\nkind: ConfigMap\n')
    expect(k('apply -f -', MANIFEST.replace('hard', 'easy')).stdout).toBe(
      'configmap/game configured\n',
    )
    expect(k('get cm game -o jsonpath={.data.mode}').stdout).toBe('easy')
    expect(k('delete cm game').stdout).toBe('configmap "game" deleted\n')
    expect(k('get configmap game').stderr).toBe(
      'Error from server (NotFound): configmaps "game" not found\n',
    )
  })

  test('a key in both data and binaryData is refused as the API server refuses it', () => {
    const r = lab().k('apply -f -', MANIFEST.replace('  logo:', '  mode:'))
    expect(r.stderr).toBe(
      'The ConfigMap "game" is invalid: data[mode]: Invalid value: "mode": duplicate of key present in binaryData\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('api-resources lists configmaps with its short name; explain documents ConfigMap', () => {
    const { k } = lab()
    expect(k('api-resources').stdout).toMatch(/\nconfigmaps {2,}cm {2,}v1 {2,}true {9}ConfigMap\n/)
    expect(k('explain cm.binaryData').stdout).toContain('FIELD: binaryData <map[string]string>\n')
    expect(k('explain configmap').stdout).toContain('  immutable\t<boolean>\n')
  })
})
