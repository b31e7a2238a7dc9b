// The portal's build: `vite build` writes dist/ (index.html + hashed assets/), which the server
// serves at `/` (packages/server/src/http/portal-static.ts). `npm run dev -w @meshwork/portal`
// serves the sources with hot reload and forwards /api to a running `npm start` on port 8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
