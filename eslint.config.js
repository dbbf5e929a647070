// ESLint for the TypeScript and Astro sources (typescript-eslint's recommended rules, and
// eslint-plugin-astro's), run in CI by `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'data/', 'backups/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // A leading underscore marks what is left out on purpose (`const { id: _id, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Pages and components use the neutral database and search modules, never a dialect (the same
    // rule as no-dialect-in-pages in .dependency-cruiser.cjs, which cannot read .astro files).
    files: ['src/pages/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/db/sqlite',
                '**/lib/db/sqlite/**',
                '**/lib/db/postgres',
                '**/lib/db/postgres/**',
                '**/lib/search/sqlite-fts',
                '**/lib/search/sqlite-fts/**',
                '**/lib/search/postgres',
                '**/lib/search/postgres/**',
              ],
              message: 'Pages and components use lib/db/database and lib/search (index, search-backend), not a dialect folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers of any shape.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
        crypto: 'readonly',
        queueMicrotask: 'readonly',
        HTMLElement: 'readonly',
        Event: 'readonly',
        localStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
      },
    },
  },
);
