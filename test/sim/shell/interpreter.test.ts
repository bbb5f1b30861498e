import { describe, expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { run } from '../../../worker/sim/run'
import { T0 } from './fixture'

const s = newCluster(1, T0)
const sh = (line: string, stdin?: string, history: string[] = []) =>
  run(s, line, { now: T0 + 60_000, stdin, history })
const out = (line: string) => sh(line).stdout

describe('quoting and escapes', () => {
  it.each([
    [`echo 'single $HOME "x"'`, 'single $HOME "x"\n'],
    [`echo "double $HOME 'x'"`, "double /home/learner 'x'\n"],
    [`echo "a\\"b" a\\ b 'it'\\''s'`, 'a"b a b it\'s\n'],
    [`echo "  spaced   out  "`, '  spaced   out  \n'],
    [`echo unquoted   words   collapse`, 'unquoted words collapse\n'],
    [`echo "" '' x`, '  x\n'],
    [`echo \\$HOME`, '$HOME\n'],
    [`echo "\\$HOME \\\\ \\n"`, '$HOME \\ \\n\n'],
    [`echo a#b # a comment`, 'a#b\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))
})

describe('lists, pipes and exit codes', () => {
  it('runs ; && || in order with $?', () => {
    expect(out('false || echo ok && echo yes; echo $?')).toBe('ok\nyes\n0\n')
    expect(out('true && false; echo $?')).toBe('1\n')
    expect(out('! true; echo $?')).toBe('1\n')
  })
  it('pipes stdout, not stderr', () => {
    const r = sh('nosuch 2>&1 | tr a-z A-Z')
    expect(r.stdout).toBe('BASH: NOSUCH: COMMAND NOT FOUND\n')
    expect(r.exitCode).toBe(0)
  })
  it('answers an unknown command like bash', () => {
    const r = sh('foo bar')
    expect(r).toMatchObject({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 })
  })
  it('reports syntax errors like bash, exit 2', () => {
    expect(sh('| grep x')).toMatchObject({
      stderr: "bash: syntax error near unexpected token `|'\n",
      exitCode: 2,
    })
    expect(sh('echo >')).toMatchObject({
      stderr: "bash: syntax error near unexpected token `newline'\n",
      exitCode: 2,
    })
    expect(sh('for i in 1 2; do echo $i')).toMatchObject({
      stderr: 'bash: syntax error: unexpected end of file\n',
      exitCode: 2,
    })
    expect(sh("echo 'abc")).toMatchObject({
      stderr: "bash: unexpected EOF while looking for matching `''\n",
      exitCode: 2,
    })
    expect(sh('echo a && ; echo b').stderr).toBe("bash: syntax error near unexpected token `;'\n")
  })
  it('exit stops the line', () => {
    expect(sh('echo a; exit 3; echo b')).toMatchObject({ stdout: 'a\n', exitCode: 3 })
  })
})

describe('expansion', () => {
  it('variables, defaults, lengths and arithmetic', () => {
    expect(out('X=5; Y="a b"; echo $X ${Y} ${#Y} ${Z:-none} $((X * 2 + 1))')).toBe(
      '5 a b 3 none 11\n',
    )
  })
  it('prefix assignments go to the command environment only', () => {
    expect(out('A=1 printenv A; echo "[$A]"')).toBe('1\n[]\n')
    expect(out('export B=2; printenv B')).toBe('2\n')
  })
  it('command substitution, nested and in backquotes, with word splitting', () => {
    expect(out('echo $(echo $(echo deep)) `echo back`')).toBe('deep back\n')
    expect(out('for w in $(printf "a b\\nc"); do echo "<$w>"; done')).toBe('<a>\n<b>\n<c>\n')
    expect(out('for w in "$(printf "a b")"; do echo "<$w>"; done')).toBe('<a b>\n')
    expect(out('X=$(echo "  pad  "); echo "[$X]"')).toBe('[  pad  ]\n')
  })
  it('for loops over seq and words', () => {
    expect(out('for i in $(seq 1 3); do echo n$i; done')).toBe('n1\nn2\nn3\n')
    expect(out('for x in a b c; do echo -n $x; done; echo')).toBe('abc\n')
  })
  it('while read, if and test', () => {
    expect(out('printf "x 1\\ny 2\\n" | while read a b; do echo "$b:$a"; done')).toBe('1:x\n2:y\n')
    expect(out('if [ 3 -gt 2 ]; then echo big; else echo small; fi')).toBe('big\n')
    expect(out('X=; if test -z "$X"; then echo empty; fi')).toBe('empty\n')
  })
  it('here-documents and here-strings', () => {
    expect(out('cat <<EOF\nhome=$HOME\nEOF')).toBe('home=/home/learner\n')
    expect(out("cat <<'EOF'\nhome=$HOME\nEOF")).toBe('home=$HOME\n')
    expect(out('tr a-z A-Z <<< "hi there"')).toBe('HI THERE\n')
  })
})

describe('redirections', () => {
  it('/dev/null and 2>&1 in either order', () => {
    expect(sh('nosuch >/dev/null 2>&1')).toMatchObject({ stdout: '', stderr: '', exitCode: 127 })
    expect(sh('nosuch 2>&1 >/dev/null')).toMatchObject({
      stdout: 'bash: nosuch: command not found\n',
      stderr: '',
    })
    expect(sh('echo hi &>/dev/null').stdout).toBe('')
    expect(sh('echo err 1>&2')).toMatchObject({ stdout: '', stderr: 'err\n' })
  })
  it('files last for the line', () => {
    expect(out('echo one > f.txt; echo two >> f.txt; cat f.txt; wc -l < f.txt')).toBe(
      'one\ntwo\n2\n',
    )
    expect(sh('cat f.txt')).toMatchObject({
      stderr: 'cat: f.txt: No such file or directory\n',
      exitCode: 1,
    })
    expect(sh('wc -l < nofile')).toMatchObject({
      stderr: 'bash: nofile: No such file or directory\n',
      exitCode: 1,
    })
  })
})

describe('limits', () => {
  it('stops endless loops', () => {
    const r = sh('while true; do echo y; done')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^service-lab: (command|loop) limit/m)
  })
  it('stops after 1,000 loop iterations', () => {
    const r = sh('for i in $(seq 1 5000); do :; done; echo after')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'service-lab: loop limit (1000 iterations per line) reached; the line was stopped\n',
    )
  })
  it('cuts output at 256 KB', () => {
    const r = sh('seq 1 1000000')
    expect(r.stdout.length).toBe(256 * 1024)
    expect(r.stderr).toBe('service-lab: output limit (256 KB) reached; the rest was discarded\n')
  })
})

describe('workstation programs', () => {
  it('history is numbered like bash and includes the line itself', () => {
    expect(sh('history', undefined, ['kubectl get pods', 'clear']).stdout).toBe(
      '    1  kubectl get pods\n    2  clear\n    3  history\n',
    )
  })
  it('clear sets the flag', () => {
    expect(sh('clear').clear).toBe(true)
  })
  it('help says what the terminal is', () => {
    expect(out('help')).toMatch(
      /^Service Lab terminal: a bash-like shell on your workstation, OUTSIDE the cluster\./,
    )
  })
  it('jq is not installed, as on a fresh workstation', () => {
    expect(sh('jq .').stderr).toBe('bash: jq: command not found\n')
  })
  it("Ubuntu's own programs that are not simulated say so, not 'command not found'", () => {
    expect(sh('du -sh . | head -2')).toMatchObject({
      stderr: 'service-lab: du is on this workstation, but this terminal does not simulate it\n',
    })
    expect(sh('openssl rand -base64 12')).toMatchObject({
      stderr:
        'service-lab: openssl is on this workstation, but this terminal does not simulate it\n',
      exitCode: 1,
    })
    expect(out('which yes')).toBe('/usr/bin/yes\n')
  })
  it('seq, echo -n, printf', () => {
    expect(out('seq 3')).toBe('1\n2\n3\n')
    expect(out('seq 2 2 7')).toBe('2\n4\n6\n')
    expect(out('seq -s, 1 4')).toBe('1,2,3,4\n')
    expect(out('printf "%-5s|%3d|%s\\n" ab 7 x y 8')).toBe('ab   |  7|x\ny    |  8|\n')
    // a first -- ends the options, as bash's builtin and coreutils' printf take it
    expect(out("printf -- '-----BEGIN CERTIFICATE-----\\n'; printf -- --")).toBe(
      '-----BEGIN CERTIFICATE-----\n--',
    )
    expect(sh('printf --').stderr).toBe('bash: printf: usage: printf [-v var] format [arguments]\n')
    expect(sh('seq').stderr).toBe("seq: missing operand\nTry 'seq --help' for more information.\n")
  })
  it('sleep returns at once', () => {
    expect(sh('sleep 5 && echo done')).toMatchObject({ stdout: 'done\n', exitCode: 0 })
  })
  it('reads stdin for the first reader', () => {
    expect(sh('cat', 'pasted\n').stdout).toBe('pasted\n')
  })
})

describe('run()', () => {
  it('does not mutate its input and returns a new state', () => {
    const before = JSON.stringify(s)
    const r = sh('echo $RANDOM')
    expect(JSON.stringify(s)).toBe(before)
    expect(r.state).not.toBe(s)
  })
})

describe('bash extras learners copy from tutorials', () => {
  it('brace expansion', () => {
    expect(out('echo {1..5} x{a,b}y {01..03} {a..c} {1..10..3}')).toBe(
      '1 2 3 4 5 xay xby 01 02 03 a b c 1 4 7 10\n',
    )
    expect(out('for i in {1..3}; do echo n$i; done')).toBe('n1\nn2\nn3\n')
    expect(out('echo "{1..3}" {x} {a,b}{1,2}')).toBe('{1..3} {x} a1 a2 b1 b2\n')
  })
  it("ANSI-C quoting $'...'", () => {
    expect(out("echo $'a\\tb\\nc'")).toBe('a\tb\nc\n')
  })
  it('timeout kills a connection nobody answers: exit 124, nothing printed', () => {
    expect(sh('timeout 5 curl 10.96.0.1:443; echo $?')).toMatchObject({
      stdout: '124\n',
      stderr: '',
    })
  })
  it('variables bash sets itself', () => {
    expect(out('echo $HOSTNAME $USER $HOME $SHELL; env | grep -c HOSTNAME')).toBe(
      'workstation learner /home/learner /bin/bash\n0\n',
    )
  })
  it('type, command -v and which', () => {
    expect(out('type echo kubectl; command -v curl; which kubectl')).toBe(
      'echo is a shell builtin\nkubectl is /usr/local/bin/kubectl\n/usr/bin/curl\n/usr/local/bin/kubectl\n',
    )
  })
})

describe('output order', () => {
  it('keeps stdout and stderr in the order they were written', () => {
    expect(sh('echo one; nosuch; echo two').output).toEqual([
      { stream: 'stdout', text: 'one\n' },
      { stream: 'stderr', text: 'bash: nosuch: command not found\n' },
      { stream: 'stdout', text: 'two\n' },
    ])
  })
})

describe('history expansion', () => {
  const hist = ['echo one', 'echo two', '!!']
  it('!! !N !-N !prefix, echoed before running', () => {
    expect(sh('!!', undefined, hist).stdout).toBe('echo two\ntwo\n')
    expect(sh('!1', undefined, hist).stdout).toBe('echo one\none\n')
    expect(sh('!-3 | tr a-z A-Z', undefined, hist).stdout).toBe('echo one | tr a-z A-Z\nONE\n')
    expect(sh('!ech', undefined, hist).stdout).toBe('echo two\ntwo\n')
  })
  it('an unknown event is refused', () => {
    expect(sh('!nope', undefined, hist)).toMatchObject({
      stdout: '',
      stderr: 'bash: !nope: event not found\n',
      exitCode: 1,
    })
  })
  it('leaves ! alone in single quotes, before blanks and =', () => {
    expect(out("echo 'a!b' hi! x != y")).toBe('a!b hi! x != y\n')
  })
})

describe('watch', () => {
  it('shows the first screen with its header and says it does not refresh', () => {
    const r = sh('watch -n 1 echo hi')
    expect(r.stdout).toBe(
      `${'Every 1.0s: echo hi'.padEnd(58)}workstation: Thu Nov 26 06:01:00 2026\n\nhi\n`,
    )
    expect(r.stderr).toBe(
      'service-lab: watch shows its first screen here; run the line again to see what changed\n',
    )
  })
})
