// Dependency rules, checked in npm test (`npm run lint:deps`): dependencies point one way,
//   lib, analysis, io (pure)  →  state  →  map, ui  →  App  →  main
// and no module imports itself through a circle. Type-only imports count too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that need each other cannot be understood or tested apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-stays-pure',
      severity: 'error',
      comment: 'lib/, analysis/ and io/ are pure functions: they import nothing from the state, the map, the UI or the app.',
      from: { path: '^src/(lib|analysis|io)/' },
      to: { path: '^src/(state|map|ui|embed|data|App\\.tsx|main\\.tsx|testHooks\\.ts)' },
    },
    {
      name: 'state-below-view',
      severity: 'error',
      comment: 'state/ sits below the map and the UI: it must not import them (nor the app).',
      from: { path: '^src/state/' },
      to: { path: '^src/(map|ui|App\\.tsx|main\\.tsx|testHooks\\.ts)' },
    },
    {
      name: 'nothing-imports-the-root',
      severity: 'error',
      comment: 'main.tsx is the composition root and App.tsx the top component: only main imports App.',
      from: { path: '^src/', pathNot: '^src/main\\.tsx$' },
      to: { path: '^src/(main\\.tsx|App\\.tsx)$' },
    },
    {
      name: 'test-hooks-from-root-only',
      severity: 'error',
      comment: 'Test hooks are loaded only by main.tsx, in the browser-test build.',
      from: { path: '^src/', pathNot: '^src/(main\\.tsx|testHooks\\.ts)$' },
      to: { path: '^src/(testHooks\\.ts|ui/analysis/testHook\\.ts)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
