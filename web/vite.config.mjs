// Builds the console and the chat page into dist/web/ (npm run build:web; npm install runs it via
// `prepare`). Everything the pages need is bundled: no CDN, nothing fetched at run time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Absolute asset URLs: the chat page is served at /chat/<product>, the console at /.
  base: '/',
  // The pages fetch nothing but their own server's /api and /chat/api.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // Node 20's Chromium-era browsers and the Debian Chromium the tests drive.
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        console: here('console/index.html'),
        chat: here('chat/index.html'),
      },
    },
  },
});
