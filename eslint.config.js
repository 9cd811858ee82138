import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Import boundaries (STYLE.md): a file's folder tells what it may import.

const electron = { name: 'electron', message: 'Only the Electron shell (src/main/index.ts, window.ts, menu.ts), src/main/ipc and src/main/preload import electron.' }
const nodeIo = ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'child_process', 'worker_threads', 'better-sqlite3', 'kysely']
const pureFolders = ['src/shared/**', 'src/main/parsers/**', 'src/main/scoring/**']
const shellFiles = ['src/main/index.ts', 'src/main/window.ts', 'src/main/menu.ts', 'src/main/ipc/**', 'src/main/preload/**']

/** The renderer runs in a browser sandbox and reaches main only through the contract. */
function rendererImports(extraPatterns) {
  return [
    'error',
    {
      paths: [electron],
      patterns: [
        { group: nodeIo, message: 'The renderer runs in a browser sandbox: data comes only through the contract.' },
        { group: ['**/main/**'], message: 'The renderer talks to main only through the contract in src/shared.' },
        ...extraPatterns,
      ],
    },
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  {
    // Migrations are frozen against the schema of their day, not today's types.
    files: ['src/main/store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: shellFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: pureFolders,
    // Tests beside pure code read sample files; the code under test still may not.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            { group: nodeIo, message: 'src/shared, parsers and scoring are pure: no I/O, no database.' },
            { group: ['**/store/**', '**/workers/**', '**/server/**', '**/ingest/**'], message: 'Pure code does not reach into I/O layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': rendererImports([]) },
  },
  {
    files: ['src/renderer/src/components/**', 'src/renderer/src/pages/**'],
    rules: {
      'no-restricted-imports': rendererImports([
        { group: ['**/api/client', '**/api/client.ts'], message: 'Only hooks call the API; components and pages use hooks.' },
      ]),
    },
  },
)
