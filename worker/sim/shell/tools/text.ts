// The text tools people pipe kubectl into, as GNU coreutils/grep print (busybox agrees for these).

import type { Tool } from '../host'
import { grep } from './grep'
import { head, tail } from './head-tail'
import { wc } from './wc'
import { sort } from './sort'
import { uniq } from './uniq'
import { cut } from './cut'
import { tr } from './tr'
import { xargs } from './xargs'
import { awk } from './awk'
import { base64 } from './base64'
import { sed } from './sed'
import { od } from './od'
import { dd } from './dd'
import { fold } from './fold'

export const TEXT_TOOLS: Record<string, Tool> = {
  grep,
  egrep: (p) => grep({ ...p, argv: ['grep', '-E', ...p.argv.slice(1)] }),
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  tr,
  xargs,
  awk,
  base64,
  sed,
  od,
  dd,
  fold,
}
