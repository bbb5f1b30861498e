// placeholder, replaced below
import type { Tool } from '../host'
export const awk: Tool = () => ({ stdout: '', stderr: 'awk: not yet\n', exitCode: 2 })
