/**
 * Shows text through `$PAGER` (default `less -FRX`) like git does: the pager command is the user's
 * own setting, run by the shell; the text goes to its stdin. Resolves false when no pager could run,
 * so the caller prints the text itself. Run it under `ctx.deferInterrupts`: Ctrl-C is the pager's.
 */
export async function page(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const command = env.PAGER ?? 'less -FRX';
  if (command.trim() === '' || command.trim() === 'cat') return false;
  // node:child_process loads net, streams and dgram (~3 ms): only a path that starts a program pays for it.
  const { spawn } = await import('node:child_process');
  return new Promise<boolean>((resolve) => {
    const child = spawn('sh', ['-c', command], {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: 'FRX', LV: '-c', ...env },
    });
    child.on('error', () => resolve(false));
    // The reader may quit before reading everything (q in less): not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
    child.on('close', (code) => resolve(code !== 127 && code !== 126));
  });
}
