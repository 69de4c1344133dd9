import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { probesLoader } from './loader/probes-loader.ts';

export const collections = {
  // Lessons: MDX under content/, one folder per part of the curriculum.
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // Probe results: every probe with its source and its real runs (see src/loader/).
  probes: defineCollection({ loader: probesLoader() }),
};
