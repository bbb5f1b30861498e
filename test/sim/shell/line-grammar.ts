// A grammar of shell lines people type (variables that grow, loops, printf formats, awk programs,
// here-documents, substitutions, arithmetic, text tools), for properties over random lines.
import fc from 'fast-check'

const num = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '-1', '30', '64', '1000', '100000', '99999999999'),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 1, max: 160 }).map((n) => `0.${'0'.repeat(n)}1`),
)

const word = fc.oneof(
  fc.constantFrom('a', 'abc', '"$x"', '$x', '$x$x', '"$x$x$x"', '${#x}', '${x:-d}', '${x:=y}'),
  fc.constantFrom('$y', '"a b"', "'$x'", '$?', '$RANDOM', '$HOME', '~', '{1..5}', '{a,b}'),
  num,
  num.map((n) => `{1..${n}}`),
  num.map((n) => `$(seq 1 ${n})`),
  fc
    .tuple(num, fc.constantFrom('+', '-', '*', '/', '%', '**', '<<', '>>', '&', '^'), num)
    .map(([a, op, b]) => `$((${a} ${op} ${b}))`),
)

const printfFormat = fc
  .tuple(
    fc.constantFrom('', '-', '0', '+', ' ', '#'),
    fc.oneof(fc.constant(''), num),
    fc.oneof(
      fc.constant(''),
      num.map((n) => `.${n}`),
    ),
    fc.constantFrom('s', 'd', 'i', 'x', 'X', 'o', 'c', 'b', 'f', '%', 'q', 'e'),
  )
  .map(([flags, width, prec, conv]) => `'%${flags}${width}${prec}${conv}\\n'`)

const awkProgram = fc.oneof(
  num.map((n) => `'BEGIN{x="a"; for(i=0;i<${n};i++) x=x x; print length(x)}'`),
  num.map((n) => `'BEGIN{while(i<${n}) {i++; print i}}'`),
  num.map((n) => `'BEGIN{for(i=0;i<${n};i++) for(j=0;j<${n};j++) s++; print s}'`),
  num.map((n) => `'{printf "%${n}s\\n", $1}'`),
  fc.constantFrom(`'{print $1}'`, `'{s+=$1} END {print s}'`, `'/a/'`, `'{print $NF}'`),
)

const simple = fc.oneof(
  word.map((w) => `x=${w}`),
  fc.constant('x=$x$x'),
  fc.array(word, { maxLength: 4 }).map((ws) => `echo ${ws.join(' ')}`),
  fc
    .tuple(printfFormat, fc.array(word, { maxLength: 3 }))
    .map(([f, ws]) => `printf ${f} ${ws.join(' ')}`),
  fc.array(num, { minLength: 1, maxLength: 3 }).map((ns) => `seq ${ns.join(' ')}`),
  fc
    .tuple(fc.constantFrom('-s', '-s ""', '-s ,'), num, num)
    .map(([s, a, b]) => `seq ${s} ${a} ${b}`),
  awkProgram.map((p) => `awk ${p}`),
  num.map((n) => `head -c ${n}`),
  num.map((n) => `head -n ${n}`),
  num.map((n) => `tail -n ${n}`),
  num.map((n) => `cut -c ${n}-`),
  fc.constantFrom('wc -c', 'wc -l', 'sort -n', 'sort -u', 'uniq -c', 'tr a-z A-Z', 'base64'),
  fc.constantFrom('base64 -d', 'xargs echo', 'xargs -n 1 echo', 'sed s/a/bb/g', 'cat', 'rev'),
  fc.constantFrom('grep a', 'grep -c 1', "grep -E '('", "grep '['", "grep -E 'a{99999}'"),
  word.map((w) => `test ${w} -gt 1`),
  word.map((w) => `[ -n ${w} ]`),
  fc.tuple(fc.array(word, { maxLength: 3 })).map(([ws]) => `cat <<EOF\n${ws.join(' ')}\nEOF`),
  word.map((w) => `cat <<< ${w}`),
  fc.constantFrom('kubectl get pods', 'kubectl get svc -o name', 'true', 'false', 'read y'),
)

const pipeline = fc.array(simple, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' | '))

const loop = fc.oneof(
  fc.tuple(num, pipeline).map(([n, p]) => `for i in $(seq 1 ${n}); do ${p}; done`),
  pipeline.map((p) => `while true; do ${p}; done`),
  fc.tuple(num, pipeline).map(([n, p]) => `i=0; until [ $i -ge ${n} ]; do ${p}; i=$((i+1)); done`),
)

const statement = fc.oneof(
  { weight: 3, arbitrary: pipeline },
  { weight: 1, arbitrary: loop },
  pipeline.map((p) => `y=$(${p})`),
  pipeline.map((p) => `kubectl exec bb -- sh -c '${p.replace(/'/g, '')}'`),
)

/** One line as people type it: statements joined by `;`, `&&`, `||`. */
export const arbShellLine = fc
  .array(fc.tuple(statement, fc.constantFrom('; ', ' && ', ' || ')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.map(([s, sep], i) => (i === 0 ? s : sep + s)).join(''))
