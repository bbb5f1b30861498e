import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const KB = 1024
const FIRST_PAGE_BUDGET = 100 * KB
const LAB_PAGE_BUDGET = 200 * KB

interface ChunkInfo {
  fileName: string
  code: string
  isEntry: boolean
  imports: string[]
  dynamicImports: string[]
}

/** Sums the gzip size of a chunk and everything it imports statically. */
function closure(
  chunks: Map<string, ChunkInfo>,
  start: string[],
  seen = new Set<string>(),
): number {
  let total = 0
  for (const name of start) {
    if (seen.has(name)) continue
    seen.add(name)
    const chunk = chunks.get(name)
    if (!chunk) continue
    total += gzipSync(chunk.code).length + closure(chunks, chunk.imports, seen)
  }
  return total
}

/** The chunks `start` and its static imports load on demand (the entry's own are not its). */
function dynamicImportsOf(chunks: Map<string, ChunkInfo>, start: string, entry: string): string[] {
  const seen = new Set<string>([entry])
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    for (const next of chunks.get(name)?.imports ?? []) visit(next)
  }
  visit(start)
  seen.delete(entry)
  return [...seen].flatMap((name) => chunks.get(name)?.dynamicImports ?? [])
}

/** Prints the JS a visitor downloads for the first page and for a lab page, against the budgets. */
function budgets(): Plugin {
  return {
    name: 'service-lab-budgets',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>()
      for (const item of Object.values(bundle))
        if (item.type === 'chunk') chunks.set(item.fileName, item)
      const entry = [...chunks.values()].find((c) => c.isEntry)
      if (!entry) return
      const first = closure(chunks, [entry.fileName])
      const labChunk = [...chunks.values()].find((c) => c.fileName.includes('lab-page'))
      // what the lab page loads on demand (CodeMirror) counts too, whichever of its chunks asks
      const labStart = labChunk
        ? [
            entry.fileName,
            labChunk.fileName,
            ...dynamicImportsOf(chunks, labChunk.fileName, entry.fileName),
          ]
        : []
      const lab = closure(chunks, labStart)
      const line = (name: string, size: number, budget: number) =>
        `${name}: ${(size / KB).toFixed(1)} KB JS gzip (budget ${budget / KB} KB)${size > budget ? '  OVER BUDGET' : ''}`
      console.log(
        `\n${line('first page', first, FIRST_PAGE_BUDGET)}\n${line('lab page', lab, LAB_PAGE_BUDGET)}`,
      )
      if (first > FIRST_PAGE_BUDGET || lab > LAB_PAGE_BUDGET) this.error('JS budget exceeded')
    },
  }
}

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  plugins: [budgets()],
})
