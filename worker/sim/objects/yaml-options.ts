// Options that make the `yaml` package read scalars the way go-yaml v2 (sigs.k8s.io/yaml) does:
// YAML 1.1 booleans and octals, duplicate keys allowed (last wins), no base-60 numbers, timestamps
// left as strings (yaml.v2 decode.go keeps them strings for interface{} targets), and go-yaml's
// float syntax (`E0`, `.` stay strings; resolve.go yamlStyleFloat).

import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml'

type Tags = Exclude<SchemaOptions['customTags'], undefined | null>
type TagList = Extract<Tags, unknown[]>

const GO_FLOAT_EXP = /^[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$/
const GO_FLOAT = /^[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*\.[0-9_]*)$/

function goTags(tags: TagList): TagList {
  const out: TagList = []
  for (const t of tags) {
    if (typeof t === 'string') out.push(t)
    else if (t.format === 'TIME' || t.tag === 'tag:yaml.org,2002:timestamp') continue
    else if (
      t.tag === 'tag:yaml.org,2002:float' &&
      'test' in t &&
      t.test &&
      !String(t.test).includes('inf')
    )
      out.push({ ...t, test: t.format === 'EXP' ? GO_FLOAT_EXP : GO_FLOAT })
    else out.push(t)
  }
  return out
}

export const GO_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: false,
  prettyErrors: false,
  customTags: (tags) => goTags(tags as TagList),
}
