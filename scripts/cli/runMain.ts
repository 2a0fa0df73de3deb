// Shared entry for the command lines: run `main` when the file is executed directly (not imported by a
// test), set the exit code, and turn any unexpected error into one bilingual line with exit 1 — never a
// stack trace.
import { pathToFileURL } from 'node:url';

export function internalError(name: string, e: unknown): string {
  return `${name}: internal error: ${e instanceof Error ? e.message : String(e)} (内部错误)`;
}

export function runIfMain(moduleUrl: string, name: string, main: (argv: string[]) => Promise<number>, print: (line: string) => void = console.log): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const fatal = (e: unknown) => {
    print(internalError(name, e));
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fatal);
}
