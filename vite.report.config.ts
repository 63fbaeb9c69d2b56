import { defineConfig } from 'vite';

/** Bundles the headless report (src/report/cli.ts) for Node: the same modules as the app, no second implementation. */
export default defineConfig({
  build: {
    ssr: 'src/report/cli.ts',
    outDir: 'dist-report',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'report.mjs' } },
  },
  ssr: { noExternal: true },
});
