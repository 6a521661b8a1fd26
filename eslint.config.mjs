// @ts-check
import eslint from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      '.tools/**',
      'coverage/**',
      '**/migrations/Migration*.ts',
      'eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      eqeqeq: 'error',
      curly: 'error',
      'object-shorthand': 'error',
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import across projects through @app/* aliases; no ../../ chains.' },
          ],
        },
      ],
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [
            { pattern: '@nestjs/**', group: 'external', position: 'before' },
            { pattern: '@app/**', group: 'internal' },
            { pattern: '@test/**', group: 'internal' },
          ],
          pathGroupsExcludedImportTypes: ['builtin'],
          distinctGroup: false,
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    // Nest decorators and class-validator need runtime imports of classes used only as types.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'temporal/src/worker/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // @apps/* lets tests and their harness boot a service's modules; production code never imports another app.
    files: ['apps/**/src/**/*.ts', 'libs/**/*.ts', 'temporal/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import across projects through @app/* aliases; no ../../ chains.' },
            {
              group: ['@apps/*'],
              message: 'Services never import another app; talk over NATS through @app/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The staff console runs in the browser: it takes plain constants from one contract file, never a validator.
    ...reactHooks.configs.flat['recommended-latest'],
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@app/contracts', message: 'Import one contract file (@app/contracts/<area>/<file>).' },
            { name: '@app/domain', message: 'Import one domain file (@app/domain/<area>/<file>).' },
            { name: '@app/platform', message: 'Server code: not in the console.' },
          ],
          patterns: [
            {
              group: ['@nestjs/*', '@mikro-orm/*', 'class-validator', 'class-transformer', 'nats', '@temporalio/*'],
              message: 'Server code: not in the console.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['temporal/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins
              .flatMap((name) => [name, `node:${name}`])
              .map((name) => ({ name, message: 'Workflow code is deterministic: no Node built-ins.' })),
            { name: '@app/contracts', message: 'Workflows import @app/contracts/temporal only.' },
            { name: '@app/platform', message: 'Workflows never import platform code.' },
          ],
          patterns: [
            {
              group: ['@nestjs/*', '@mikro-orm/*', 'class-validator', 'class-transformer', 'nats'],
              message: 'Not in workflow code: it runs in the Temporal sandbox.',
            },
            {
              group: ['../activities/*'],
              importNames: ['createActivities'],
              message: 'Use import type for activities.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/scripts/**/*.ts', 'test/bench/**/*.ts', 'test/support/**/*.ts', '**/migrate.ts'],
    rules: { 'no-console': 'off' },
  },
);
