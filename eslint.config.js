// ESLint (flat config), run in npm test (`npm run lint`): typescript-eslint's recommended rules
// and React's hooks rules, at their recommended level.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'public/', 'node_modules/', 'tests/e2e/.artifacts/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,mjs}', '*.{js,ts,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser tests run code in the page (page.evaluate), whose globals Node's types cannot see:
    // browser globals are allowed there, and `window as any` reaches the app's window API.
    files: ['tests/e2e/**/*.ts', 'tests/perf/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `_name` marks a value left unused on purpose (e.g. a member dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Untrusted text is cleaned of control characters on purpose, with regular expressions that name them.
      'no-control-regex': 'off',
    },
  },
  {
    // Unit tests read parsed JSON of shapes they are checking.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
