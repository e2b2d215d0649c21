import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff console. `npm start` builds it into dist/web and the server serves it;
// `npm run dev` serves it from here with the API proxied to the dev server.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
