// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { parts } from './src/config/curriculum.mjs';

export default defineConfig({
  site: 'https://musl-lab.example',
  // Lessons live in content/ at the top level (see src/content.config.ts).
  integrations: [
    starlight({
      title: 'musl-lab',
      description: 'Why software that works on glibc (Ubuntu, Debian) breaks or behaves differently on musl (Alpine), proven by C programs run at build time.',
      sidebar: [
        { label: 'Start here', items: ['index'] },
        // Curriculum order; a part appears as soon as its folder of content/ exists.
        ...parts
          .filter(([dir]) => existsSync(new URL(`./content/${dir}/`, import.meta.url)))
          .map(([dir, label]) => ({ label, items: [{ autogenerate: { directory: dir } }] })),
        { label: 'About the results', items: ['about/results', 'about/versions', 'about/status'] },
      ],
      customCss: ['./src/components/probe.css'],
      // Search loads Pagefind's UI on demand instead of on every page (see the file).
      components: { Search: './src/components/overrides/Search.astro' },
    }),
    mdx(),
  ],
});
