import type { TestProject } from 'vitest/node';

/** A token for this test run: site tests build the real site once per run and share it (see tests/site/helpers.ts). */
export default function setup(project: TestProject): void {
  project.provide('testRun', `${process.pid}-${Date.now()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
  }
}
