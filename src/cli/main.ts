/** CLI entry point (placeholder until the command table lands). */
export async function main(argv: string[]): Promise<void> {
  process.stdout.write(`cs ${argv.join(' ')}\n`);
}
