/** Shell quoting for display, so a reader can paste the line. */
function quote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The command line as a reader would type it in the program's folder: /probe/x becomes ./x. */
export function commandLine(argv: string[]): string {
  return argv.map((a) => quote(a === '/probe' ? '.' : a.replace(/^\/probe\//, './'))).join(' ');
}
