// The lab texts quote what the terminal prints: the quotes must match the output.
import { describe, expect, it } from 'vitest'
import { findLab } from '../../worker/labs'
import { playTranscript } from './transcript'

describe('lab texts say what the commands print', () => {
  it('dns: curl -s of an unknown short name shows only kubectl\'s "exit code 6" line', () => {
    const t = playTranscript('dns', ['kubectl exec client -- curl -s api'])
    expect(t.outputs[0]?.stderr).toBe('command terminated with exit code 6\n')
    expect(findLab('dns')?.instructions).toContain('`command terminated with exit code 6`')
  })
})
