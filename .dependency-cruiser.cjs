/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Folders form layers (README, Architecture): a folder may not import one that imports it back.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-dialect-in-pages',
      severity: 'error',
      comment:
        'Pages and components reach the database and search through the neutral modules (lib/db/database, ' +
        'lib/search/index and search-backend), never a dialect. dependency-cruiser reads only the .ts files ' +
        'here; ESLint (eslint.config.js, no-restricted-imports) holds the .astro files to the same rule.',
      from: { path: '^src/(pages|components)/' },
      to: { path: '^src/lib/(db/sqlite|db/postgres|search/sqlite-fts|search/postgres)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)(dist|node_modules|\\.astro)/' },
  },
};
