// The parse tree of kubectl's JSONPath templates (client-go util/jsonpath/node.go), what
// jsonpath-parse.ts builds and jsonpath-eval.ts walks.

export interface Param {
  known: boolean
  value: number
  derived: boolean
}

export type JpNode =
  | { t: 'list'; nodes: JpNode[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: JpList; right: JpList; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: JpList[] }
  | { t: 'identifier'; name: string }

export type JpList = { t: 'list'; nodes: JpNode[] }
