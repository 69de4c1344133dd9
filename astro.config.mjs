// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://musl-lab.example',
  // Lessons live in content/ at the top level (see src/content.config.ts).
  integrations: [
    starlight({
      title: 'musl-lab',
      description: 'Why software that works on glibc (Ubuntu, Debian) breaks or behaves differently on musl (Alpine), proven by C programs run at build time.',
      sidebar: [
        { label: 'Start here', items: ['index'] },
        { label: 'Threads', items: [{ autogenerate: { directory: 'threads' } }] },
        { label: 'About the results', items: ['about/results'] },
      ],
      customCss: ['./src/components/probe.css'],
    }),
    mdx(),
  ],
});
