// The Worker's size as `wrangler deploy --dry-run` bundles it, and the web bundles' sizes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Size {
  name: string
  raw: number
  gzip: number
}

function sizeOf(name: string, file: string): Size {
  const bytes = readFileSync(file)
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

export function workerSize(): Size {
  const out = mkdtempSync(join(tmpdir(), 'sl-bench-worker-'))
  const r = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true' },
  })
  if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed: ${r.stderr}`)
  const main = readdirSync(out).find((f) => f.endsWith('.js'))
  if (!main) throw new Error('no bundle in the dry-run output')
  return sizeOf('Worker (wrangler deploy --dry-run)', join(out, main))
}

export function webSizes(): Size[] {
  const dir = 'web/dist/assets'
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => sizeOf(`web/dist/assets/${f}`, join(dir, f)))
}
