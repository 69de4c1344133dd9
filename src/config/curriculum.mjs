// @ts-check
/**
 * The curriculum, in reading order: one folder of content/ per part, with its
 * sidebar label. A part appears (sidebar, landing page) once its folder exists.
 * Plain JavaScript: astro.config.mjs imports it as well as the components.
 * @type {ReadonlyArray<readonly [dir: string, label: string]>}
 */
export const parts = [
  ['linking', 'C libraries and linking'],
  ['troubleshooting', 'Troubleshooting'],
  ['threads', 'Threads'],
  ['dns', 'DNS'],
  ['locales', 'Locales and strings'],
  ['differences', 'More differences'],
  ['languages', 'Go, Rust and Python'],
  ['case-studies', 'Case studies'],
  ['benchmarks', 'Benchmarks'],
];
