import type { z } from 'zod';

/** Renders a zod path as the reader would write it: variants[2].expect.musl.outcome */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/** One line per problem: the field, then what is wrong with it. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return `${field}: unknown field ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${field}: ${issue.message}`;
  });
}
