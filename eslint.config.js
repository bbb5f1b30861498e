import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'dist', '.wrangler', 'coverage', 'test-results', 'migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['worker/sim/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'sim/ is pure: take `now` as an argument.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'sim/ is pure: draw from the cluster PRNG (state.ts random()).' },
        { object: 'Date', property: 'now', message: 'sim/ is pure: take `now` as an argument.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*', '@libsql/*'] }],
    },
  },
  {
    // plain-JS scripts run by Node (and page.evaluate bodies run in the browser)
    files: ['**/*.mjs', '**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['test/**/*', 'bench/**/*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
